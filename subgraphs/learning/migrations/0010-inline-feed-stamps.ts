import { Migration } from '@mikro-orm/migrations';
import { regionRollupSql, UNIT_TRAINING_FRESH_SQL } from './0009-set-based-rebuild.js';
import { LEARNING_STAMPS } from './region-levels-sql.js';
import {
  COURSE_LEARNING_UPSERT_SQL,
  OFFERING_ATTRIBUTES_SQL,
  REGION_LEARNING_UPSERT_SQL,
  UNIT_TRAINING_UPSERT_SQL,
} from './upsert-sql.js';

/** learning's published rollups and their stamps (region-levels-sql.ts). */
const { nextSeq: NEXT_SEQ, feedLock: FEED_LOCK, stampedUpsert, refill, stampTriggers } = LEARNING_STAMPS;

/** The refill of unit_day_training: completed enrolments with JP per unit, region and day (also 0013). */
export const UNIT_DAY_REFILL = refill(
  'learning.unit_day_training',
  ['year', 'unit_id', 'region_code', 'completed_on'],
  'year, unit_id, region_code, completed_on, jp, enrolments',
  `  with fresh as (
    select e.year, e.unit_id, e.region_code, o.ends_on as completed_on, sum(e.jp_earned)::int as jp,
           count(*)::int as enrolments
      from learning.enrolment e join learning.course_offering o on o.id = e.offering_id
     where e.status = 'COMPLETED' and e.jp_earned > 0 and e.unit_id is not null
     group by e.year, e.unit_id, e.region_code, o.ends_on
  )`,
  `  insert into learning.unit_day_training as t (year, unit_id, region_code, completed_on, jp, enrolments, seq)
  select year, unit_id, region_code, completed_on, jp, enrolments, ${NEXT_SEQ} from fresh
  on conflict (year, unit_id, region_code, completed_on) do update set seq = ${NEXT_SEQ}, jp = excluded.jp,
    enrolments = excluded.enrolments
  where (t.jp, t.enrolments) is distinct from (excluded.jp, excluded.enrolments) or t.seq = 0`,
);

const REGION_COLUMNS = `year, region_code, enrolments, completions, drop_outs, participants, trained, jp, satisfaction_sum,
    satisfaction_n, test_gain_sum, tested_n`;
const COURSE_COLUMNS = `year, region_code, kind, code, label, enrolments, completions, drop_outs, participants, jp,
    satisfaction_sum, satisfaction_n, test_gain_sum, tested_n`;

/**
 * `learning.rebuild_rollups()` without a trigger call per row: 0009's statements, but each insert and update
 * writes the feed seq itself (`nextval` in the statement) while the rebuild has the rollups' stamp triggers
 * disabled, holding the feed's advisory lock from its start as the trigger would from its first row (rows
 * still become visible in seq order, and every written row has a seq > 0); into an empty rollup (a seed) a
 * plain insert instead of an upsert. At national scale the course rollup alone writes 1.8 million rows: the
 * per-row PL/pgSQL trigger and the upsert's conflict checks cost most of each insert. The disable is
 * transactional (other sessions never see the triggers off; they wait on the table lock until the rebuild
 * commits); deletions still leave tombstones (the `_forget` triggers stay). The queued keys are refreshed
 * after the triggers are back on: those refreshes write seq 0 and rely on the trigger. Called alone, with
 * the triggers on, each function is still correct: the trigger stamps over the inline seq.
 */
export class LearningInlineFeedStamps extends Migration {
  override name = '0010-inline-feed-stamps';

  up(): void {
    this.addSql(`
create or replace function learning.rebuild_unit_rollups() returns void language plpgsql
  set work_mem = '256MB' as $$
begin
  perform ${FEED_LOCK};

${refill(
  'learning.unit_year_training',
  ['year', 'unit_id', 'region_code'],
  'year, unit_id, region_code, enrolments, completions, drop_outs, participants, jp, reached_minimum',
  UNIT_TRAINING_FRESH_SQL,
  `${stampedUpsert(UNIT_TRAINING_UPSERT_SQL)}
     or t.seq = 0`,
)}

${UNIT_DAY_REFILL}

${refill(
  'learning.trained_employee',
  ['year', 'employee_id', 'region_code'],
  'year, employee_id, region_code, jp',
  `  with fresh as (
    select e.year, e.employee_id, e.region_code, sum(e.jp_earned)::int as jp
      from learning.enrolment e
     group by e.year, e.employee_id, e.region_code
    having sum(e.jp_earned) > 0
  )`,
  `  insert into learning.trained_employee as t (year, employee_id, region_code, jp, seq)
  select year, employee_id, region_code, jp, ${NEXT_SEQ} from fresh
  on conflict (year, employee_id, region_code) do update set seq = ${NEXT_SEQ}, jp = excluded.jp
  where t.jp is distinct from excluded.jp or t.seq = 0`,
)}

  delete from learning.region_learning_pending;
${refill(
  'learning.region_year_learning',
  ['year', 'region_code'],
  REGION_COLUMNS,
  `  with
${regionRollupSql(false)}`,
  `${stampedUpsert(REGION_LEARNING_UPSERT_SQL)}
     or t.seq = 0`,
)}
end $$;

create or replace function learning.rebuild_course_rollups() returns void language plpgsql
  set work_mem = '256MB'
  -- At national scale the planner sorted millions of rows on text keys instead (32 s against 25 s hashed).
  set enable_sort = off as $$
begin
  perform ${FEED_LOCK};

  delete from learning.course_learning_pending;
${refill(
  'learning.course_year_learning',
  ['year', 'region_code', 'kind', 'code'],
  COURSE_COLUMNS,
  `  with attributes (offering_id, kind, code, label) as materialized (
${OFFERING_ATTRIBUTES_SQL}
  ),
${regionRollupSql(true)}`,
  `${stampedUpsert(COURSE_LEARNING_UPSERT_SQL)}
     or t.seq = 0`,
)}
end $$;

create or replace function learning.rebuild_rollups() returns void language plpgsql as $$
begin
  perform ${FEED_LOCK};
${stampTriggers('disable')}
  perform learning.rebuild_unit_rollups();
  perform learning.rebuild_course_rollups();
${stampTriggers('enable')}
  perform learning.refresh_pending_rollups();
end $$;
`);
  }
}
