import { Migration } from '@mikro-orm/migrations';
import {
  EMPLOYEE_PROMOTION_REFILL,
  PERSONNEL_STAMPS,
  REGION_DIRECTORY_REFILL,
  STAFFING_COLUMNS,
  UNIT_DIRECTORY_REFILL,
} from './0010-inline-feed-stamps.js';
import { MENTORING_UPSERT_SQL, STAFFING_COUNTS_SQL, STAFFING_UPSERT_SQL } from './upsert-sql.js';

const { feedLock: FEED_LOCK, stampedUpsert, refill, stampTriggers } = PERSONNEL_STAMPS;

/** The staffing and mentoring figures of every unit and year, computed in one pass for both rollups. */
export const UNIT_YEAR = 'pg_temp.rebuild_unit_year';

const MENTORING_COLUMNS = 'year, unit_id, staff, mentored, mentors, mentor_leaders, promoted';

/** The staffing and the mentoring rollup refilled from UNIT_YEAR (also 0015-staff-deltas). */
export const UNIT_YEAR_REFILLS = [
  refill(
    'personnel.unit_year_staffing',
    ['year', 'unit_id'],
    STAFFING_COLUMNS,
    `  with fresh as (
    select ${STAFFING_COLUMNS} from ${UNIT_YEAR}
  )`,
    `${stampedUpsert(STAFFING_UPSERT_SQL)}
     or t.seq = 0`,
  ),
  refill(
    'personnel.unit_year_mentoring',
    ['year', 'unit_id'],
    MENTORING_COLUMNS,
    `  with fresh as (
    select ${MENTORING_COLUMNS} from ${UNIT_YEAR}
  )`,
    `${stampedUpsert(MENTORING_UPSERT_SQL)}
     or t.seq = 0`,
  ),
].join('\n\n');

/** The years of the rollup window a mentoring pair's side (`mentor_id` or `mentee_id`) overlaps, flagged by side. */
const mentoringSideYearsSql = (side: 'mentor_id' | 'mentee_id'): string =>
  `select m.${side} as employee_id, y as year, ${side === 'mentee_id'} as mentee, ${side === 'mentor_id'} as mentor
      from personnel.mentoring_pair m cross join w
      cross join lateral generate_series(greatest(extract(year from m.started_on)::int, w.first_year),
                                         least(coalesce(extract(year from m.ended_on)::int, w.last_year), w.last_year)) as y`;

/**
 * 0009's STAFFING_FRESH_SQL and MENTORING_FRESH_SQL as one statement: each placed employee-year with its rank
 * and its mentoring, grouped once by unit and year into both rollups' columns.
 * - Rank: an employee's rank spells (from the year of a TMT to the year before the next; TMTs are unique per
 *   employee), with a spell without rank before the first, cover every year once. Each position spell is cut
 *   by the rank spells it overlaps before it is spread over its years (0009 joined every placed year to
 *   every rank of the employee: at national scale 24 million pairs for 6 million rows). An employee without
 *   ranks keeps the whole position spell, without rank.
 * - Promoted: the rank spell that covers year y and starts in y is the employee's last rank with TMT in y, so
 *   y is a promoted year (a rank with TMT in y after the employee's first) exactly when that rank's TMT is
 *   after the first, which spares 0009's join to the promoted employee-years.
 * - Mentoring: the mentee and the mentor years in one set, at most one row per employee and year.
 */
const UNIT_YEAR_SQL = `  with w as (
    select first_year, last_year from personnel.rollup_window
  ), spell as (
    select ph.employee_id, ph.unit_id, ph.position_kind, extract(year from ph.tmt)::int as from_year,
           coalesce(extract(year from lead(ph.tmt) over (partition by ph.employee_id order by ph.tmt))::int - 1, 9999) as to_year
      from personnel.position_history ph
  ), rank_row as (
    select rh.employee_id, r.asn_type, r.golongan, extract(year from rh.tmt)::int as from_year,
           coalesce(extract(year from lead(rh.tmt) over by_tmt)::int - 1, 9999) as to_year,
           rh.tmt > first_value(rh.tmt) over by_tmt as after_first
      from personnel.rank_history rh join personnel.rank r on r.code = rh.rank_code
    window by_tmt as (partition by rh.employee_id order by rh.tmt)
  ), rank_spell as (
    select employee_id, asn_type, golongan, from_year, to_year, after_first from rank_row
    union all
    select employee_id, null, null, 0, from_year - 1, false from rank_row where not after_first
  ), placed as (
    select y as year, s.unit_id, s.position_kind, e.id as employee_id, e.asn_type, e.gender,
           y - extract(year from e.birth_date)::int as age, rs.golongan, rs.asn_type as rank_type,
           y = rs.from_year and rs.after_first as promoted
      from spell s
      join personnel.employee e on e.id = s.employee_id
      cross join w
      left join rank_spell rs on rs.employee_id = s.employee_id and rs.from_year <= s.to_year and rs.to_year >= s.from_year
      cross join lateral generate_series(
        greatest(s.from_year, rs.from_year, extract(year from e.appointed_on)::int, w.first_year),
        least(s.to_year, rs.to_year, coalesce(extract(year from e.left_on)::int - 1, 9999), w.last_year)) as y
     where s.unit_id is not null
  ), mentoring_year as (
    select employee_id, year, bool_or(mentee) as mentee, bool_or(mentor) as mentor
      from (${mentoringSideYearsSql('mentee_id')}
            union all
            ${mentoringSideYearsSql('mentor_id')}) sides
     group by employee_id, year
  )
  select p.year::smallint as year, p.unit_id, count(*)::int as staff,
${STAFFING_COUNTS_SQL},
         count(*) filter (where my.mentee)::int as mentored, count(*) filter (where my.mentor)::int as mentors,
         count(*) filter (where my.mentor and p.position_kind = 'MANAJERIAL')::int as mentor_leaders,
         count(*) filter (where p.promoted)::int as promoted
    from placed p
    left join mentoring_year my on my.employee_id = p.employee_id and my.year = p.year
   group by p.year, p.unit_id`;

/**
 * `personnel.rebuild_rollups()` placing every employee in every year of the rollup window (2018-2030 by
 * default: about 6 million employee-years for a national seed of 514,000 employees) once, into one
 * aggregate of both the staffing and the mentoring figures per unit and year (a temporary table both
 * rollups are filled from), instead of placing, joining and grouping them for each rollup (0010). Otherwise 0010:
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

${REGION_DIRECTORY_REFILL}

${UNIT_DIRECTORY_REFILL}

  create temporary table rebuild_unit_year on commit drop as
${UNIT_YEAR_SQL};

${UNIT_YEAR_REFILLS}

${EMPLOYEE_PROMOTION_REFILL}

  drop table ${UNIT_YEAR};
${stampTriggers('enable')}
end $$;
`);
  }
}
