import { Migration } from '@mikro-orm/migrations';
import { inlineFeedStamps } from '../../shared/rollup-sql.js';
import { MENTORING_FRESH_SQL, STAFFING_FRESH_SQL } from './0009-set-based-rebuild.js';
import { MENTORING_UPSERT_SQL, STAFFING_UPSERT_SQL } from './upsert-sql.js';

/** personnel's published rollups, each with the row trigger `<table>_stamp` (publishTableSql); 0012 reuses these. */
export const PERSONNEL_STAMPS = inlineFeedStamps('personnel', [
  'region_directory',
  'unit_directory',
  'unit_year_staffing',
  'unit_year_mentoring',
  'employee_promotion',
]);
const { nextSeq: NEXT_SEQ, feedLock: FEED_LOCK, stampedUpsert, refill, stampTriggers } = PERSONNEL_STAMPS;

/** The directories' and promotions' refills, as the rebuilds since this one write them (0012 too). */
export const REGION_DIRECTORY_REFILL = refill(
  'personnel.region_directory',
  ['code'],
  'code, name, level, parent_code',
  `  with fresh as (
    select code, name, level, parent_code from personnel.region
  )`,
  `  insert into personnel.region_directory as t (code, name, level, parent_code, seq)
  select code, name, level, parent_code, ${NEXT_SEQ} from fresh
  on conflict (code) do update set seq = ${NEXT_SEQ}, name = excluded.name, level = excluded.level,
    parent_code = excluded.parent_code
  where (t.name, t.level, t.parent_code) is distinct from (excluded.name, excluded.level, excluded.parent_code)
     or t.seq = 0`,
);

export const UNIT_DIRECTORY_REFILL = refill(
  'personnel.unit_directory',
  ['unit_id'],
  'unit_id, unit_code, unit_name, unit_kind, agency_id, agency_code, agency_name, agency_kind, region_code',
  `  with fresh as (
    select u.id as unit_id, u.code as unit_code, u.name as unit_name, u.kind as unit_kind, a.id as agency_id,
           a.code as agency_code, a.name as agency_name, a.kind as agency_kind, u.region_code
      from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
  )`,
  `  insert into personnel.unit_directory as t (unit_id, unit_code, unit_name, unit_kind, agency_id, agency_code,
      agency_name, agency_kind, region_code, seq)
  select unit_id, unit_code, unit_name, unit_kind, agency_id, agency_code, agency_name, agency_kind, region_code,
         ${NEXT_SEQ} from fresh
  on conflict (unit_id) do update set seq = ${NEXT_SEQ}, unit_code = excluded.unit_code, unit_name = excluded.unit_name,
    unit_kind = excluded.unit_kind, agency_id = excluded.agency_id, agency_code = excluded.agency_code,
    agency_name = excluded.agency_name, agency_kind = excluded.agency_kind, region_code = excluded.region_code
  where (t.unit_code, t.unit_name, t.unit_kind, t.agency_id, t.agency_code, t.agency_name, t.agency_kind, t.region_code)
        is distinct from (excluded.unit_code, excluded.unit_name, excluded.unit_kind, excluded.agency_id,
        excluded.agency_code, excluded.agency_name, excluded.agency_kind, excluded.region_code)
     or t.seq = 0`,
);

export const EMPLOYEE_PROMOTION_REFILL = refill(
  'personnel.employee_promotion',
  ['year', 'employee_id'],
  'year, employee_id',
  `  with fresh as (
    select distinct extract(year from r.tmt)::smallint as year, r.employee_id
      from (select employee_id, tmt, min(tmt) over (partition by employee_id) as first_tmt from personnel.rank_history) r
     where r.tmt > r.first_tmt
  )`,
  `  insert into personnel.employee_promotion as t (year, employee_id, seq)
  select year, employee_id, ${NEXT_SEQ} from fresh
  on conflict (year, employee_id) do update set seq = ${NEXT_SEQ} where t.seq = 0`,
);

export const STAFFING_COLUMNS = `year, unit_id, staff, pns, pppk, female, male, manajerial, nonmanajerial, rank_pns_i, rank_pns_ii,
    rank_pns_iii, rank_pns_iv, rank_pppk, age_under_30, age_30_39, age_40_49, age_50_plus`;

/**
 * `personnel.rebuild_rollups()` without a trigger call per row: 0009's statements, but each insert and
 * update writes the feed seq itself (`nextval` in the statement) while the rebuild has the rollups' stamp
 * triggers disabled, holding the feed's advisory lock from its start as the trigger would from its first
 * row (so rows still become visible in seq order, and every written row has a seq > 0); into an empty rollup
 * (a seed) a plain insert instead of an upsert. At national scale the rollups write about 2.6 million rows:
 * the per-row PL/pgSQL trigger and the upsert's conflict checks cost most of each insert. The disable is
 * transactional (other sessions never see the triggers off; they wait on the table lock until the rebuild
 * commits). Deletions still leave tombstones (the `_forget` triggers stay). Called alone, with the triggers
 * on, each function is still correct: the trigger stamps over the inline seq.
 */
export class PersonnelInlineFeedStamps extends Migration {
  override name = '0010-inline-feed-stamps';

  up(): void {
    this.addSql(`
create or replace function personnel.rebuild_staffing_rollups() returns void language plpgsql
  set work_mem = '256MB' as $$
begin
  perform ${FEED_LOCK};

${REGION_DIRECTORY_REFILL}

${UNIT_DIRECTORY_REFILL}

${refill(
  'personnel.unit_year_staffing',
  ['year', 'unit_id'],
  STAFFING_COLUMNS,
  STAFFING_FRESH_SQL,
  `${stampedUpsert(STAFFING_UPSERT_SQL)}
     or t.seq = 0`,
)}
end $$;

create or replace function personnel.rebuild_mentoring_rollups() returns void language plpgsql
  set work_mem = '256MB' as $$
begin
  perform ${FEED_LOCK};

${refill(
  'personnel.unit_year_mentoring',
  ['year', 'unit_id'],
  'year, unit_id, staff, mentored, mentors, mentor_leaders, promoted',
  MENTORING_FRESH_SQL,
  `${stampedUpsert(MENTORING_UPSERT_SQL)}
     or t.seq = 0`,
)}

${EMPLOYEE_PROMOTION_REFILL}
end $$;

create or replace function personnel.rebuild_rollups() returns void language plpgsql as $$
begin
  perform ${FEED_LOCK};
${stampTriggers('disable')}
  perform personnel.rebuild_staffing_rollups();
  perform personnel.rebuild_mentoring_rollups();
${stampTriggers('enable')}
end $$;
`);
  }
}
