import { Migration } from '@mikro-orm/migrations';
import { MENTORING_UPSERT_SQL, STAFFING_COUNTS_SQL, STAFFING_UPSERT_SQL } from './upsert-sql.js';

/**
 * The spells of every position (`spell`) and the placed employee-years (`placed`), over the whole tables:
 * as PLACEMENT_SPELLS_SQL and PLACED_YEARS_SQL (placement-sql.ts) without the units' filter.
 */
export const ALL_PLACEMENTS_SQL = `  with w as (
    select first_year, last_year from personnel.rollup_window
  ), spell as (
    select ph.employee_id, ph.unit_id, ph.position_kind, extract(year from ph.tmt)::int as from_year,
           coalesce(extract(year from lead(ph.tmt) over (partition by ph.employee_id order by ph.tmt))::int - 1, 9999) as to_year
      from personnel.position_history ph
  ), placed as (
    select y as year, s.unit_id, s.position_kind, e.id as employee_id, e.asn_type, e.gender,
           y - extract(year from e.birth_date)::int as age
      from spell s
      join personnel.employee e on e.id = s.employee_id
      cross join w
      cross join lateral generate_series(
        greatest(s.from_year, extract(year from e.appointed_on)::int, w.first_year),
        least(s.to_year, coalesce(extract(year from e.left_on)::int - 1, 9999), w.last_year)) as y
     where s.unit_id is not null`;

/** The (employee, year) pairs of a mentoring pair's side (`mentor_id` or `mentee_id`) overlapping the year. */
export function mentoringYearsSql(side: 'mentor_id' | 'mentee_id'): string {
  return `select distinct m.${side} as employee_id, y as year
      from personnel.mentoring_pair m cross join w
      cross join lateral generate_series(greatest(extract(year from m.started_on)::int, w.first_year),
                                         least(coalesce(extract(year from m.ended_on)::int, w.last_year), w.last_year)) as y`;
}

/**
 * `personnel.rebuild_rollups()` (the refill after a load that bypassed the triggers) as one set-based
 * statement per rollup over the whole tables: hash joins and aggregates over sequential scans. It called the
 * per-unit refreshes of the triggers (0006, 0008) with every unit at once, planned for a few keys (index
 * lookups forced): 13 of the 17 s of a 50-regency seed's rollup phase. Same rows as the triggers keep
 * (test/integration/read-model.test.ts); only changed rows are written, so only they get a new feed seq, and
 * a row never published (seq 0) is published.
 */
/** The staffing rollup of every unit and year, as the CTE `fresh` (also used by 0010-inline-feed-stamps). */
export const STAFFING_FRESH_SQL = `${ALL_PLACEMENTS_SQL}
  ), rank_spell as (
    select rh.employee_id, r.asn_type, r.golongan, extract(year from rh.tmt)::int as from_year,
           coalesce(extract(year from lead(rh.tmt) over (partition by rh.employee_id order by rh.tmt))::int - 1, 9999) as to_year
      from personnel.rank_history rh join personnel.rank r on r.code = rh.rank_code
  ), ranked as (
    select p.*, rs.golongan, rs.asn_type as rank_type
      from placed p left join rank_spell rs on rs.employee_id = p.employee_id and p.year between rs.from_year and rs.to_year
  ), fresh as (
    select year::smallint as year, unit_id, count(*)::int as staff,
${STAFFING_COUNTS_SQL}
      from ranked group by year, unit_id
  )`;

/** The mentoring rollup of every unit and year, as the CTE `fresh` (also used by 0010-inline-feed-stamps). */
export const MENTORING_FRESH_SQL = `${ALL_PLACEMENTS_SQL}
  ), mentee_year as (
    ${mentoringYearsSql('mentee_id')}
  ), mentor_year as (
    ${mentoringYearsSql('mentor_id')}
  ), promoted_year as (
    select distinct extract(year from r.tmt)::int as year, r.employee_id
      from (select employee_id, tmt, min(tmt) over (partition by employee_id) as first_tmt from personnel.rank_history) r
     where r.tmt > r.first_tmt
  ), fresh as (
    select p.year::smallint as year, p.unit_id, count(*)::int as staff, count(me.employee_id)::int as mentored,
           count(mo.employee_id)::int as mentors,
           count(mo.employee_id) filter (where p.position_kind = 'MANAJERIAL')::int as mentor_leaders,
           count(pr.employee_id)::int as promoted
      from placed p
      left join mentee_year me on me.employee_id = p.employee_id and me.year = p.year
      left join mentor_year mo on mo.employee_id = p.employee_id and mo.year = p.year
      left join promoted_year pr on pr.employee_id = p.employee_id and pr.year = p.year
     group by p.year, p.unit_id
  )`;

export class PersonnelSetBasedRebuild extends Migration {
  override name = '0009-set-based-rebuild';

  up(): void {
    this.addSql(`
create or replace function personnel.rebuild_staffing_rollups() returns void language sql
  -- Whole-table hash aggregates in memory rather than in batches on disk.
  set work_mem = '256MB' as $$
  with fresh as (
    select code, name, level, parent_code from personnel.region
  ), gone as (
    delete from personnel.region_directory t where not exists (select 1 from fresh f where f.code = t.code)
  )
  insert into personnel.region_directory as t (code, name, level, parent_code, seq)
  select code, name, level, parent_code, 0 from fresh
  on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
  where (t.name, t.level, t.parent_code) is distinct from (excluded.name, excluded.level, excluded.parent_code)
     or t.seq = 0;

  with fresh as (
    select u.id as unit_id, u.code as unit_code, u.name as unit_name, u.kind as unit_kind, a.id as agency_id,
           a.code as agency_code, a.name as agency_name, a.kind as agency_kind, u.region_code
      from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
  ), gone as (
    delete from personnel.unit_directory t where not exists (select 1 from fresh f where f.unit_id = t.unit_id)
  )
  insert into personnel.unit_directory as t (unit_id, unit_code, unit_name, unit_kind, agency_id, agency_code,
      agency_name, agency_kind, region_code, seq)
  select unit_id, unit_code, unit_name, unit_kind, agency_id, agency_code, agency_name, agency_kind, region_code, 0 from fresh
  on conflict (unit_id) do update set unit_code = excluded.unit_code, unit_name = excluded.unit_name,
    unit_kind = excluded.unit_kind, agency_id = excluded.agency_id, agency_code = excluded.agency_code,
    agency_name = excluded.agency_name, agency_kind = excluded.agency_kind, region_code = excluded.region_code
  where (t.unit_code, t.unit_name, t.unit_kind, t.agency_id, t.agency_code, t.agency_name, t.agency_kind, t.region_code)
        is distinct from (excluded.unit_code, excluded.unit_name, excluded.unit_kind, excluded.agency_id,
        excluded.agency_code, excluded.agency_name, excluded.agency_kind, excluded.region_code)
     or t.seq = 0;

${STAFFING_FRESH_SQL}, gone as (
    delete from personnel.unit_year_staffing t
     where not exists (select 1 from fresh f where f.year = t.year and f.unit_id = t.unit_id)
  )
${STAFFING_UPSERT_SQL}
     or t.seq = 0;
$$;

-- Mentored, mentoring and promoted: the (employee, year) pairs of each, joined to the placed employee-years
-- (an exists per placed row in 0008). Promoted: a rank with TMT in the year after the employee's first rank.
create or replace function personnel.rebuild_mentoring_rollups() returns void language sql
  set work_mem = '256MB' as $$
${MENTORING_FRESH_SQL}, gone as (
    delete from personnel.unit_year_mentoring t
     where not exists (select 1 from fresh f where f.year = t.year and f.unit_id = t.unit_id)
  )
${MENTORING_UPSERT_SQL}
     or t.seq = 0;

  with fresh as (
    select distinct extract(year from r.tmt)::smallint as year, r.employee_id
      from (select employee_id, tmt, min(tmt) over (partition by employee_id) as first_tmt from personnel.rank_history) r
     where r.tmt > r.first_tmt
  ), gone as (
    delete from personnel.employee_promotion t
     where not exists (select 1 from fresh f where f.year = t.year and f.employee_id = t.employee_id)
  )
  insert into personnel.employee_promotion as t (year, employee_id, seq)
  select year, employee_id, 0 from fresh
  on conflict (year, employee_id) do update set seq = 0 where t.seq = 0;
$$;
`);
  }
}
