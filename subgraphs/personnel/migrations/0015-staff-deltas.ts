import { Migration } from '@mikro-orm/migrations';
import { PERSONNEL_STAMPS, REGION_DIRECTORY_REFILL, UNIT_DIRECTORY_REFILL } from './0010-inline-feed-stamps.js';
import { UNIT_YEAR, UNIT_YEAR_REFILLS } from './0012-placed-once.js';

const { nextSeq: NEXT_SEQ, feedLock: FEED_LOCK, refill, stampTriggers } = PERSONNEL_STAMPS;

/** Every employee's position and rank at the end of each year in which either changed (a temporary table). */
export const STATE = 'pg_temp.rebuild_state';

/** The encoded position's low bits: the unit (unit_id + 2^31 + 1, so 1 .. 2^32; 0 without unit), then the kind. */
const UNIT_BITS = 8589934591; // 2^33 - 1
const MANAJERIAL_BIT = 8589934592; // 2^33
const POSITION_TMT = 17179869184; // 2^34

/**
 * One row per employee and year in which a position or a rank took effect (TMTs are unique per employee in
 * each history): the position and the rank in force on 31 December of that year, up to `to_year` (the year
 * before the next such year). 0012 cut the position spells by the rank spells of the same employee, and a
 * version that built the rank spells once still joined every position spell to them (5.5 million candidate
 * pairs at national scale); here both
 * histories are merged by TMT (each read in key order) and carried forward in one window pass. A window has
 * no "last non-null value", so each history's row is encoded as a bigint ordered by TMT (the days since 2000
 * above the value), and the running maximum over the rows so far is the newest one of each kind:
 * - position: days * 2^34 + MANAJERIAL * 2^33 + (unit_id + 2^31 + 1, or 0 for a position without unit);
 * - rank: days * 8 + class, `class` 1-4 a PNS rank of golongan I-IV, 5 a PPPK rank, 0 otherwise (the
 *   rollups' rank columns, as 0012).
 * `promoted`: the newest rank took effect in the year and is not the employee's first (0008's promotion).
 * Kept: the rows that are placed in a unit within the rollup window, and the promoted ones.
 */
export const STATE_SQL = `  with event as (
    select ph.employee_id, ph.tmt,
           (ph.tmt - date '2000-01-01')::bigint * ${POSITION_TMT} + (ph.position_kind = 'MANAJERIAL')::int::bigint * ${MANAJERIAL_BIT}
             + coalesce(ph.unit_id::bigint + 2147483649, 0) as position,
           null::bigint as rank
      from personnel.position_history ph
    union all
    select rh.employee_id, rh.tmt, null,
           (rh.tmt - date '2000-01-01')::bigint * 8
             + case when k.asn_type = 'PPPK' then 5
                    when k.asn_type = 'PNS' then case k.golongan when 'I' then 1 when 'II' then 2 when 'III' then 3 when 'IV' then 4 else 0 end
                    else 0 end
      from personnel.rank_history rh join personnel.rank k on k.code = rh.rank_code
  ), at_tmt as (
    select employee_id, date_part('year', tmt)::int as year, lead(date_part('year', tmt)::int) over by_tmt as next_year,
           max(position) over by_tmt as position, max(rank) over by_tmt as rank, count(rank) over by_tmt as ranks
      from event
    window by_tmt as (partition by employee_id order by tmt rows unbounded preceding)
  ), state as (
    select employee_id, year, coalesce(next_year - 1, 9999) as to_year,
           nullif(position & ${UNIT_BITS}, 0) - 2147483649 as unit_id, position & ${MANAJERIAL_BIT} <> 0 as manajerial,
           nullif(rank & 7, 0)::int as class,
           ranks > 1 and date_part('year', date '2000-01-01' + (rank >> 3)::int) = year as promoted
      from at_tmt
     where next_year is distinct from year
  )
  select s.employee_id, s.year, s.to_year, s.unit_id::int as unit_id, s.manajerial, s.class, s.promoted
    from state s cross join (select first_year, last_year from personnel.rollup_window limit 1) w
   where s.promoted or (s.unit_id is not null and s.year <= w.last_year and s.to_year >= w.first_year)`;

/** The years of the rollup window a mentoring pair's side (`mentor_id` or `mentee_id`) overlaps. */
export const mentoringSideYearsSql = (side: 'mentor_id' | 'mentee_id'): string =>
  `select m.${side} as employee_id, y as year, ${side === 'mentee_id'} as mentee
      from personnel.mentoring_pair m cross join w
      cross join lateral generate_series(greatest(extract(year from m.started_on)::int, w.first_year),
                                         least(coalesce(extract(year from m.ended_on)::int, w.last_year), w.last_year)) as y`;

/**
 * The CTEs `mentoring_year` and `change` over `piece`: each unit's changes of staff (a placement starting,
 * ending, an age band reached, a mentoring year). `promoted`: the column of a piece's promotion in its first year;
 * `windowEnd`: the window's last year (shared with 0016-employee-figures-once).
 */
export const staffChangesSql = (promoted: string, windowEnd: string): string => `  ), mentoring_year as (
    ${mentoringSideYearsSql('mentee_id')}
    union
    ${mentoringSideYearsSql('mentor_id')}
  ), change as (
    select unit_id, first_year as year, 1 as staff, pns, female, manajerial, class,
           (first_year - birth_year >= 30)::int as aged_30, (first_year - birth_year >= 40)::int as aged_40,
           (first_year - birth_year >= 50)::int as aged_50, ${promoted},
           null::boolean as mentee, false as mentor_leader
      from piece
    union all
    select unit_id, last_year + 1, -1, pns, female, manajerial, class,
           -(last_year - birth_year >= 30)::int, -(last_year - birth_year >= 40)::int, -(last_year - birth_year >= 50)::int,
           false, null, false
      from piece where last_year < ${windowEnd}
    union all
    select unit_id, birth_year + 30, 0, null, null, null, null, 1, 0, 0, false, null, false
      from piece where birth_year + 30 > first_year and birth_year + 30 <= last_year
    union all
    select unit_id, birth_year + 40, 0, null, null, null, null, 0, 1, 0, false, null, false
      from piece where birth_year + 40 > first_year and birth_year + 40 <= last_year
    union all
    select unit_id, birth_year + 50, 0, null, null, null, null, 0, 0, 1, false, null, false
      from piece where birth_year + 50 > first_year and birth_year + 50 <= last_year
    union all
    select p.unit_id, m.year, 0, null, null, null, null, 0, 0, 0, false, m.mentee, p.manajerial and not m.mentee
      from mentoring_year m join piece p on p.employee_id = m.employee_id and m.year between p.first_year and p.last_year
`;

/**
 * From the changes of each unit and year (the CTE `change`) to its staff on 31 December of every year: the
 * changes added up per unit and year, summed over the years so far, each year until the next change written
 * out (shared with 0016-employee-figures-once).
 */
export const STAFF_FROM_CHANGES_SQL = `delta as (
    select unit_id, year, sum(staff)::int as staff, coalesce(sum(staff) filter (where pns), 0)::int as pns,
           coalesce(sum(staff) filter (where female), 0)::int as female,
           coalesce(sum(staff) filter (where manajerial), 0)::int as manajerial,
           coalesce(sum(staff) filter (where class = 1), 0)::int as rank_pns_i,
           coalesce(sum(staff) filter (where class = 2), 0)::int as rank_pns_ii,
           coalesce(sum(staff) filter (where class = 3), 0)::int as rank_pns_iii,
           coalesce(sum(staff) filter (where class = 4), 0)::int as rank_pns_iv,
           coalesce(sum(staff) filter (where class = 5), 0)::int as rank_pppk,
           sum(aged_30)::int as aged_30, sum(aged_40)::int as aged_40, sum(aged_50)::int as aged_50,
           count(*) filter (where promoted) as promoted, count(*) filter (where mentee) as mentored,
           count(*) filter (where not mentee) as mentors, count(*) filter (where mentor_leader) as mentor_leaders
      from change
     group by unit_id, year
  ), running as (
    select unit_id, year, lead(year) over by_year as next_year, promoted, mentored, mentors, mentor_leaders,
           sum(staff) over by_year as staff, sum(pns) over by_year as pns, sum(female) over by_year as female,
           sum(manajerial) over by_year as manajerial, sum(rank_pns_i) over by_year as rank_pns_i,
           sum(rank_pns_ii) over by_year as rank_pns_ii, sum(rank_pns_iii) over by_year as rank_pns_iii,
           sum(rank_pns_iv) over by_year as rank_pns_iv, sum(rank_pppk) over by_year as rank_pppk,
           sum(aged_30) over by_year as aged_30, sum(aged_40) over by_year as aged_40, sum(aged_50) over by_year as aged_50
      from delta
    window by_year as (partition by unit_id order by year rows unbounded preceding)
  )
  select y::smallint as year, r.unit_id, r.staff::int as staff, r.pns::int as pns, (r.staff - r.pns)::int as pppk,
         r.female::int as female, (r.staff - r.female)::int as male, r.manajerial::int as manajerial,
         (r.staff - r.manajerial)::int as nonmanajerial, r.rank_pns_i::int as rank_pns_i,
         r.rank_pns_ii::int as rank_pns_ii, r.rank_pns_iii::int as rank_pns_iii, r.rank_pns_iv::int as rank_pns_iv,
         r.rank_pppk::int as rank_pppk, (r.staff - r.aged_30)::int as age_under_30,
         (r.aged_30 - r.aged_40)::int as age_30_39, (r.aged_40 - r.aged_50)::int as age_40_49,
         r.aged_50::int as age_50_plus,
         case when y = r.year then r.mentored else 0 end::int as mentored,
         case when y = r.year then r.mentors else 0 end::int as mentors,
         case when y = r.year then r.mentor_leaders else 0 end::int as mentor_leaders,
         case when y = r.year then r.promoted else 0 end::int as promoted
    from running r cross join w
    cross join lateral generate_series(r.year, coalesce(r.next_year - 1, w.last_year)) as y
   where r.staff > 0`;

/**
 * 0012's unit-year figures (the same rows) without spreading the 6 million placed employee-years: a unit's staff
 * on 31 December of year y is the number of placements (a state of STATE, cut to the employment and the
 * window: `piece`) covering y. Each piece adds its figures in its first year and takes them away after its
 * last; summed per unit and year (`delta`) and added up over the years of each unit (`running`), the changes
 * give the figures of every year, a row for each year up to the unit's next change (`y`). About 2 million
 * changes instead of 6 million employee-years.
 * - Figures that are fixed for a piece: staff, PNS, women, managerial, rank class (PPPK, men and
 *   non-managerial are the rest of the staff: the columns are not null and checked to two values).
 * - Age on 31 December moves by itself: the staff aged 30 or more (40, 50) gains a piece in the year its
 *   employee turns 30 (40, 50), if the piece covers it; the age bands are differences of those counts.
 * - Promoted, mentored and mentoring are counted in the one year they name, not carried: a piece is promoted
 *   in its first year if that is its state's promotion year; a mentee or mentor year joins the piece covering it.
 */
const UNIT_YEAR_SQL = `  with w as (
    select first_year, last_year from personnel.rollup_window limit 1
  ), piece as materialized (
    select * from (
      select s.employee_id, s.unit_id, s.manajerial, e.asn_type = 'PNS' as pns, e.gender = 'F' as female, s.class,
             date_part('year', e.birth_date)::int as birth_year, s.promoted, s.year,
             greatest(s.year, date_part('year', e.appointed_on)::int, w.first_year) as first_year,
             least(s.to_year, coalesce(date_part('year', e.left_on)::int - 1, 9999), w.last_year) as last_year,
             w.last_year as window_end
        from ${STATE} s
        join personnel.employee e on e.id = s.employee_id
        cross join w
       where s.unit_id is not null) p
     where first_year <= last_year
${staffChangesSql('promoted and first_year = year as promoted', 'window_end')}  ), ${STAFF_FROM_CHANGES_SQL}`;

/**
 * `personnel.rebuild_rollups()` with the given region directory refill and unit-year statement, the rest as
 * written here (shared with 0016-employee-figures-once).
 */
export const personnelRebuildSql = (
  regionDirectoryRefill: string,
  unitYearSql: string,
): string => `create or replace function personnel.rebuild_rollups() returns void language plpgsql
  -- Whole-table hash aggregates and sorts in memory rather than in batches on disk.
  set work_mem = '256MB' as $$
begin
  perform ${FEED_LOCK};
${stampTriggers('disable')}

${regionDirectoryRefill}

${UNIT_DIRECTORY_REFILL}

  create temporary table rebuild_state on commit drop as
${STATE_SQL};

  create temporary table rebuild_unit_year on commit drop as
${unitYearSql};

${UNIT_YEAR_REFILLS}

${refill(
  'personnel.employee_promotion',
  ['year', 'employee_id'],
  'year, employee_id',
  `  with fresh as (
    select year::smallint as year, employee_id from ${STATE} where promoted
  )`,
  `  insert into personnel.employee_promotion as t (year, employee_id, seq)
  select year, employee_id, ${NEXT_SEQ} from fresh
  on conflict (year, employee_id) do update set seq = ${NEXT_SEQ} where t.seq = 0`,
)}

  drop table ${UNIT_YEAR};
  drop table ${STATE};
${stampTriggers('enable')}
end $$;`;

/**
 * `personnel.rebuild_rollups()` counting changes instead of employee-years (UNIT_YEAR_SQL), from one merged
 * pass over the position and rank histories (STATE_SQL), which also gives the promotions. Otherwise 0012: the
 * same rows (test/integration/read-model.test.ts), the same refills in the same order, the feed seq written
 * inline with the stamp triggers off, the temporary tables dropped before it returns.
 */
export class PersonnelStaffDeltas extends Migration {
  override name = '0015-staff-deltas';

  up(): void {
    this.addSql(`
${personnelRebuildSql(REGION_DIRECTORY_REFILL, UNIT_YEAR_SQL)}
`);
  }
}
