import { Migration } from '@mikro-orm/migrations';
import { UNIT_DAY_REFILL } from './0010-inline-feed-stamps.js';
import { LEARNING_STAMPS, LEVEL_LENGTHS, REGION_SUMS } from './region-levels-sql.js';
import { REGION_LEARNING_UPSERT_SQL, UNIT_TRAINING_UPSERT_SQL } from './upsert-sql.js';

/** learning's published rollups and their stamps, as 0010-inline-feed-stamps. */
const { nextSeq: NEXT_SEQ, feedLock: FEED_LOCK, stampedUpsert, refill } = LEARNING_STAMPS;

const UNIT_COLUMNS =
  'year, unit_id, region_code, enrolments, completions, drop_outs, participants, jp, reached_minimum';
const TRAINED_COLUMNS = 'year, employee_id, region_code, jp';
const REGION_COLUMNS = `year, region_code, enrolments, completions, drop_outs, participants, trained, jp, satisfaction_sum,
    satisfaction_n, test_gain_sum, tested_n`;

/** The region sums that add up the levels (the distinct people of those who enrolled in several regions do not). */
const SUMS = REGION_SUMS;
/** The two hundredths sums stay bigint (numeric above the deepest tier): a province's could outgrow an int. */
const WIDE = new Set(['satisfaction_sum', 'test_gain_sum']);
const sums = (columns: readonly string[]) =>
  columns.map((c) => `sum(${c})${WIDE.has(c) ? '' : '::int'} as ${c}`).join(', ');
const CARRIED = [...SUMS, 'settled', 'settled_trained'];
const ALL = [...CARRIED, 'moved', 'moved_trained'];

const LENGTHS = LEVEL_LENGTHS;

/**
 * The CTEs up to the unit, trained-employee and region rollups of every enrolment: `unit_fresh`,
 * `trained_fresh`, `region_fresh` (the rows of 0009's UNIT_TRAINING_FRESH_SQL, trained_employee `fresh` and
 * regionRollupSql(false)), from two passes over the enrolments instead of one or three per rollup:
 *
 * - `per_employee`: each employee's year, read in the order of enrolment_employee_idx (a group aggregate
 *   over the index: a hash table of 600k employee-years with text minimums cost twice as much). Nearly
 *   everyone enrolled in one region and at most one unit in a year: their row is their trained_employee
 *   row, and their person in that unit and region. The others (`odd`: several regions, or several units)
 *   are counted from their enrolments, as 0009 does.
 * - `per_unit`: the sums per year, region and unit (unit_year_training's, and added up per region,
 *   region_year_learning's).
 * - `people`: the distinct people per year, unit and region (a person with several units counts in the
 *   region once, under no unit); per region they add up.
 *
 * Region levels are cascaded as in 0012-course-rollup-cascade: the deepest tier groups the codes at least
 * its length, each tier above adds up the one below and the codes of its own length range; who enrolled in
 * several regions in a year is counted per region at every level, once (`moved`, not added up).
 */
function unitRollupCtes(): string {
  const [deepest, ...upper] = LENGTHS as [number, ...number[]];
  let below = `level_${deepest}`;
  let shorter = deepest;
  const levels = upper.map((length) => {
    const cte = `level_${length} as (
    select year, left(region_code, ${length}) as region_code, ${sums(ALL)}
      from (select year, region_code, ${CARRIED.join(', ')}, 0 as moved, 0 as moved_trained from ${below}
            union all
            select year, region_code, ${ALL.join(', ')} from base
             where length(region_code) >= ${length} and length(region_code) < ${shorter}) x
     group by year, left(region_code, ${length})
  )`;
    below = `level_${length}`;
    shorter = length;
    return cte;
  });
  return `  with per_employee as materialized (
    select e.year, e.employee_id, min(e.region_code) as region_code, min(e.region_code) <> max(e.region_code) as moved,
           min(e.unit_id) as unit_id, min(e.unit_id) <> max(e.unit_id) as units, sum(e.jp_earned)::int as jp,
           (sum(e.jp_earned) filter (where e.unit_id is not null))::int as unit_jp
      from (select employee_id, year, region_code, unit_id, jp_earned from learning.enrolment
             order by employee_id, year) e
     group by e.employee_id, e.year
  ), per_unit as materialized (
    select e.year, e.region_code, e.unit_id, count(*)::int as enrolments,
           count(*) filter (where e.status = 'COMPLETED')::int as completions,
           count(*) filter (where e.status = 'DROPPED')::int as drop_outs, sum(e.jp_earned)::int as jp,
           sum((e.satisfaction * 100)::int)::int as satisfaction_sum, count(e.satisfaction)::int as satisfaction_n,
           sum(((e.post_test - e.pre_test) * 100)::int)::int as test_gain_sum, count(e.post_test - e.pre_test)::int as tested_n
      from learning.enrolment e
     group by e.year, e.region_code, e.unit_id
  ), odd as materialized (
    select e.year, e.employee_id, e.region_code, e.unit_id, e.jp_earned, p.moved
      from per_employee p join learning.enrolment e on e.year = p.year and e.employee_id = p.employee_id
     where p.moved or p.units
  ), minimum as materialized (
    select y.year, (select minimum_jp from learning.jp_right where valid_from_year <= y.year
                     order by valid_from_year desc limit 1) as minimum_jp
      from (select distinct year from per_unit where unit_id is not null) y
  ), people as materialized (
    -- person: 1 for the region's count (everyone in one region in the year), 0 for a unit row of the odd ones.
    select p.year, p.unit_id, p.region_code, count(*)::int as participants,
           count(*) filter (where p.unit_jp >= m.minimum_jp)::int as reached_minimum, sum(p.person)::int as settled,
           count(*) filter (where p.person = 1 and p.jp > 0)::int as settled_trained
      from (select year, case when units then null else unit_id end as unit_id, region_code, unit_jp, jp, 1 as person
              from per_employee where not moved
            union all
            select year, unit_id, region_code, sum(jp_earned)::int, null, 0
              from odd where unit_id is not null group by year, unit_id, region_code, employee_id) p
      left join minimum m on m.year = p.year
     group by p.year, p.unit_id, p.region_code
  ), unit_fresh as (
    select u.year, u.unit_id, u.region_code, u.enrolments, u.completions, u.drop_outs, p.participants, u.jp,
           p.reached_minimum
      from per_unit u join people p on p.year = u.year and p.unit_id = u.unit_id and p.region_code = u.region_code
  ), trained_fresh as (
    select year, employee_id, region_code, jp from per_employee where not moved and jp > 0
    union all
    select year, employee_id, region_code, sum(jp_earned)::int from odd where moved
     group by year, employee_id, region_code having sum(jp_earned) > 0
  ), base as materialized (
    select year, region_code, ${sums(ALL)}
      from (select year, region_code, ${SUMS.join(', ')}, 0 as settled, 0 as settled_trained, 0 as moved, 0 as moved_trained
              from per_unit
            union all
            select year, region_code, 0, 0, 0, null, null, 0, null, 0, settled, settled_trained, 0, 0
              from people where settled > 0
            union all
            select year, r.code, 0, 0, 0, null, null, 0, null, 0, 0, 0, 1, bool_or(jp_earned > 0)::int
              from odd cross join lateral learning.region_and_ancestors(region_code) as r(code)
             where moved group by year, r.code, employee_id) x
     group by year, region_code
  ), level_${deepest} as (
    select year, left(region_code, ${deepest}) as region_code, ${sums(ALL)}
      from base where length(region_code) >= ${deepest} group by year, left(region_code, ${deepest})
  ), ${levels.join(', ')}, region_fresh as (
    select year, region_code, enrolments, completions, drop_outs, settled + moved as participants,
           settled_trained + moved_trained as trained, coalesce(jp, 0) as jp,
           coalesce(satisfaction_sum * 0.01, 0) as satisfaction_sum, satisfaction_n,
           coalesce(test_gain_sum * 0.01, 0) as test_gain_sum, tested_n
      from (${LENGTHS.map((length) => `select * from level_${length}`).join(' union all ')}) l
  )`;
}

const CTES = unitRollupCtes();

/**
 * `learning.rebuild_unit_rollups()` over unitRollupCtes: into three empty rollups (a seed) one statement
 * writes all three from one computation; otherwise each is refilled as 0010's (changed rows upserted, gone
 * keys deleted, from the same CTEs). unit_day_training as 0010's. At national scale (868,655 enrolments,
 * 1.19 million rows written) about 1.6 times less CPU than 0010's (see the commit).
 */
export class LearningUnitRollupSharedPass extends Migration {
  override name = '0013-unit-rollup-shared-pass';

  up(): void {
    this.addSql(`
create or replace function learning.rebuild_unit_rollups() returns void language plpgsql
  set work_mem = '256MB' as $$
begin
  perform ${FEED_LOCK};

  delete from learning.region_learning_pending;
  if not exists (select 1 from learning.unit_year_training) and not exists (select 1 from learning.trained_employee)
     and not exists (select 1 from learning.region_year_learning) then
${CTES}, unit_written as (
    insert into learning.unit_year_training (${UNIT_COLUMNS}, seq) select ${UNIT_COLUMNS}, ${NEXT_SEQ} from unit_fresh
  ), trained_written as (
    insert into learning.trained_employee (${TRAINED_COLUMNS}, seq) select ${TRAINED_COLUMNS}, ${NEXT_SEQ} from trained_fresh
  )
  insert into learning.region_year_learning (${REGION_COLUMNS}, seq) select ${REGION_COLUMNS}, ${NEXT_SEQ} from region_fresh;
  else
${refill(
  'learning.unit_year_training',
  ['year', 'unit_id', 'region_code'],
  UNIT_COLUMNS,
  `${CTES}, fresh as (select * from unit_fresh)`,
  `${stampedUpsert(UNIT_TRAINING_UPSERT_SQL)}
     or t.seq = 0`,
)}

${refill(
  'learning.trained_employee',
  ['year', 'employee_id', 'region_code'],
  TRAINED_COLUMNS,
  `${CTES}, fresh as (select * from trained_fresh)`,
  `  insert into learning.trained_employee as t (year, employee_id, region_code, jp, seq)
  select year, employee_id, region_code, jp, ${NEXT_SEQ} from fresh
  on conflict (year, employee_id, region_code) do update set seq = ${NEXT_SEQ}, jp = excluded.jp
  where t.jp is distinct from excluded.jp or t.seq = 0`,
)}

${refill(
  'learning.region_year_learning',
  ['year', 'region_code'],
  REGION_COLUMNS,
  `${CTES}, fresh as (select * from region_fresh)`,
  `${stampedUpsert(REGION_LEARNING_UPSERT_SQL)}
     or t.seq = 0`,
)}
  end if;

${UNIT_DAY_REFILL}
end $$;
`);
  }
}
