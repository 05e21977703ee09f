import { Migration } from '@mikro-orm/migrations';
import { inlineFeedStamps } from '../../shared/rollup-sql.js';
import { ALL_PLACEMENTS_SQL, mentoringYearsSql } from './0009-set-based-rebuild.js';
import { MENTORING_UPSERT_SQL, STAFFING_COUNTS_SQL, STAFFING_UPSERT_SQL } from './upsert-sql.js';

const {
  nextSeq: NEXT_SEQ,
  feedLock: FEED_LOCK,
  stampedUpsert,
  refill,
  stampTriggers,
} = inlineFeedStamps('personnel', [
  'region_directory',
  'unit_directory',
  'unit_year_staffing',
  'unit_year_mentoring',
  'employee_promotion',
]);

/** The staffing and mentoring figures of every unit and year, computed in one pass for both rollups. */
const UNIT_YEAR = 'pg_temp.rebuild_unit_year';
/** The promoted employee-years, computed once for the mentoring figures and employee_promotion. */
const PROMOTED = 'pg_temp.rebuild_promoted';

const STAFFING_COLUMNS = `year, unit_id, staff, pns, pppk, female, male, manajerial, nonmanajerial, rank_pns_i, rank_pns_ii,
    rank_pns_iii, rank_pns_iv, rank_pppk, age_under_30, age_30_39, age_40_49, age_50_plus`;
const MENTORING_COLUMNS = 'year, unit_id, staff, mentored, mentors, mentor_leaders, promoted';

/**
 * 0009's STAFFING_FRESH_SQL and MENTORING_FRESH_SQL as one statement: each placed employee-year with its rank
 * (at most one rank spell covers a year: the spells of an employee's ranks do not overlap), mentee, mentor
 * and promoted year joined once, grouped once by unit and year into both rollups' columns.
 */
const UNIT_YEAR_SQL = `${ALL_PLACEMENTS_SQL}
  ), rank_spell as (
    select rh.employee_id, r.asn_type, r.golongan, extract(year from rh.tmt)::int as from_year,
           coalesce(extract(year from lead(rh.tmt) over (partition by rh.employee_id order by rh.tmt))::int - 1, 9999) as to_year
      from personnel.rank_history rh join personnel.rank r on r.code = rh.rank_code
  ), ranked as (
    select p.*, rs.golongan, rs.asn_type as rank_type
      from placed p left join rank_spell rs on rs.employee_id = p.employee_id and p.year between rs.from_year and rs.to_year
  ), mentee_year as (
    ${mentoringYearsSql('mentee_id')}
  ), mentor_year as (
    ${mentoringYearsSql('mentor_id')}
  )
  select p.year::smallint as year, p.unit_id, count(*)::int as staff,
${STAFFING_COUNTS_SQL},
         count(me.employee_id)::int as mentored, count(mo.employee_id)::int as mentors,
         count(mo.employee_id) filter (where p.position_kind = 'MANAJERIAL')::int as mentor_leaders,
         count(pr.employee_id)::int as promoted
    from ranked p
    left join mentee_year me on me.employee_id = p.employee_id and me.year = p.year
    left join mentor_year mo on mo.employee_id = p.employee_id and mo.year = p.year
    left join ${PROMOTED} pr on pr.employee_id = p.employee_id and pr.year = p.year
   group by p.year, p.unit_id`;

/**
 * `personnel.rebuild_rollups()` placing every employee in every year of the rollup window (2018-2030 by
 * default: about 6 million employee-years for a national seed of 514,000 employees) once, into one
 * aggregate of both the staffing and the mentoring figures per unit and year (a temporary table both
 * rollups are filled from), instead of placing, joining and grouping them for each rollup (0010); the
 * promoted employee-years likewise once, for the mentoring figures and employee_promotion. Otherwise 0010:
 * the same rows (test/integration/read-model.test.ts), the feed seq written inline with the stamp triggers
 * off, a plain insert into an empty rollup. The temporary tables are dropped before it returns (a second
 * call in the same transaction creates them again). 0010's two halves are dropped: nothing else calls them.
 */
export class PersonnelPlacedOnce extends Migration {
  override name = '0012-placed-once';

  up(): void {
    this.addSql(`
drop function if exists personnel.rebuild_staffing_rollups();
drop function if exists personnel.rebuild_mentoring_rollups();

create or replace function personnel.rebuild_rollups() returns void language plpgsql
  -- Whole-table hash aggregates and sorts in memory rather than in batches on disk.
  set work_mem = '256MB' as $$
begin
  perform ${FEED_LOCK};
${stampTriggers('disable')}

${refill(
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
)}

${refill(
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
)}

  create temporary table rebuild_promoted on commit drop as
  select distinct extract(year from r.tmt)::int as year, r.employee_id
    from (select employee_id, tmt, min(tmt) over (partition by employee_id) as first_tmt from personnel.rank_history) r
   where r.tmt > r.first_tmt;
  analyze ${PROMOTED}; -- its row count for the join below (a new table has no statistics)
  create temporary table rebuild_unit_year on commit drop as
${UNIT_YEAR_SQL};

${refill(
  'personnel.unit_year_staffing',
  ['year', 'unit_id'],
  STAFFING_COLUMNS,
  `  with fresh as (
    select ${STAFFING_COLUMNS} from ${UNIT_YEAR}
  )`,
  `${stampedUpsert(STAFFING_UPSERT_SQL)}
     or t.seq = 0`,
)}

${refill(
  'personnel.unit_year_mentoring',
  ['year', 'unit_id'],
  MENTORING_COLUMNS,
  `  with fresh as (
    select ${MENTORING_COLUMNS} from ${UNIT_YEAR}
  )`,
  `${stampedUpsert(MENTORING_UPSERT_SQL)}
     or t.seq = 0`,
)}

${refill(
  'personnel.employee_promotion',
  ['year', 'employee_id'],
  'year, employee_id',
  `  with fresh as (
    select year::smallint as year, employee_id from ${PROMOTED}
  )`,
  `  insert into personnel.employee_promotion as t (year, employee_id, seq)
  select year, employee_id, ${NEXT_SEQ} from fresh
  on conflict (year, employee_id) do update set seq = ${NEXT_SEQ} where t.seq = 0`,
)}

  drop table ${UNIT_YEAR};
  drop table ${PROMOTED};
${stampTriggers('enable')}
end $$;
`);
  }
}
