import { Migration } from '@mikro-orm/migrations';
import {
  PERSONNEL_STAMPS,
  REGION_DIRECTORY_REFILL,
  STAFFING_COLUMNS,
  UNIT_DIRECTORY_REFILL,
} from './0010-inline-feed-stamps.js';
import { MENTORING_UPSERT_SQL, STAFFING_UPSERT_SQL } from './upsert-sql.js';

const { nextSeq: NEXT_SEQ, feedLock: FEED_LOCK, stampedUpsert, refill, stampTriggers } = PERSONNEL_STAMPS;

/** Every employee's rank spells, computed once for the staffing, mentoring and promotion rollups. */
const RANK_SPELL = 'pg_temp.rebuild_rank_spell';

/** The staffing and mentoring figures of every unit and year (0012's temporary table). */
const UNIT_YEAR = 'pg_temp.rebuild_unit_year';

const MENTORING_COLUMNS = 'year, unit_id, staff, mentored, mentors, mentor_leaders, promoted';

/**
 * The rank spells of 0012's UNIT_YEAR_SQL, kept: a rank covers the years from the year of its TMT to the year
 * before the next TMT (TMTs are unique per employee); a spell without rank (class null) covers the years before
 * the first. Empty spells (a rank followed by another in the same year) are left out: they cover no year.
 * `class`: 1-4 a PNS rank of golongan I-IV, 5 a PPPK rank, null otherwise (the rollups' rank columns).
 * `after_first`: not the employee's first rank, so the spell's first year is a promoted year: a non-empty spell
 * belongs to the last rank with TMT in its first year, so each promoted employee-year has exactly one such spell.
 */
const RANK_SPELL_SQL = `  with rank_row as (
    select rh.employee_id, rh.rank_code, extract(year from rh.tmt)::int as from_year,
           coalesce(extract(year from lead(rh.tmt) over by_tmt)::int - 1, 9999) as to_year,
           row_number() over by_tmt > 1 as after_first
      from personnel.rank_history rh
    window by_tmt as (partition by rh.employee_id order by rh.tmt)
  )
  select r.employee_id,
         case when k.asn_type = 'PPPK' then 5
              when k.asn_type = 'PNS' then case k.golongan when 'I' then 1 when 'II' then 2 when 'III' then 3 when 'IV' then 4 end
         end as class,
         r.from_year, r.to_year, r.after_first
    from rank_row r join personnel.rank k on k.code = r.rank_code
   where r.from_year <= r.to_year
  union all
  select employee_id, null, 0, from_year - 1, false from rank_row where not after_first`;

/** The years of the rollup window a mentoring pair's side (`mentor_id` or `mentee_id`) overlaps, flagged by side. */
const mentoringSideYearsSql = (side: 'mentor_id' | 'mentee_id'): string =>
  `select m.${side} as employee_id, y as year, ${side === 'mentee_id'} as mentee
      from personnel.mentoring_pair m cross join w
      cross join lateral generate_series(greatest(extract(year from m.started_on)::int, w.first_year),
                                         least(coalesce(extract(year from m.ended_on)::int, w.last_year), w.last_year)) as y`;

/**
 * 0012's UNIT_YEAR_SQL (the same rows) with the work per employee-year cut down: each attribute the counts
 * test is computed once per position spell, employee or rank (booleans and the rank class) instead of as
 * text comparisons per placed year, and the mentoring years join once per employee (as arrays) instead of
 * per placed year. A spell's years are spread by a set-returning function in the select list. The window
 * CTE `w` has `limit 1` (rollup_window has at most one row): its row estimate then is 1, not the default of
 * an unanalysed table, which had the planner materialise every spell for a nested loop.
 */
const UNIT_YEAR_SQL = `  with w as (
    select first_year, last_year from personnel.rollup_window limit 1
  ), spell as (
    select ph.employee_id, ph.unit_id, ph.position_kind = 'MANAJERIAL' as manajerial,
           ph.position_kind = 'NONMANAJERIAL' as nonmanajerial, extract(year from ph.tmt)::int as from_year,
           coalesce(extract(year from lead(ph.tmt) over (partition by ph.employee_id order by ph.tmt))::int - 1, 9999) as to_year
      from personnel.position_history ph
  ), mentoring as (
    select employee_id, array_agg(year) filter (where mentee) as mentee_years,
           array_agg(year) filter (where not mentee) as mentor_years
      from (${mentoringSideYearsSql('mentee_id')}
            union all
            ${mentoringSideYearsSql('mentor_id')}) sides
     group by employee_id
  ), person as (
    select e.id, e.asn_type = 'PNS' as pns, e.asn_type = 'PPPK' as pppk, e.gender = 'F' as female, e.gender = 'M' as male,
           extract(year from e.birth_date)::int as birth_year,
           greatest(extract(year from e.appointed_on)::int, w.first_year) as first_year,
           least(coalesce(extract(year from e.left_on)::int - 1, 9999), w.last_year) as last_year,
           m.mentee_years, m.mentor_years
      from personnel.employee e cross join w left join mentoring m on m.employee_id = e.id
  ), placed as (
    select s.unit_id, s.manajerial, s.nonmanajerial, p.pns, p.pppk, p.female, p.male, p.birth_year, p.mentee_years,
           p.mentor_years, rs.class, case when rs.after_first then rs.from_year end as promoted_year,
           generate_series(greatest(s.from_year, rs.from_year, p.first_year), least(s.to_year, rs.to_year, p.last_year)) as year
      from spell s
      join person p on p.id = s.employee_id
      left join ${RANK_SPELL} rs on rs.employee_id = s.employee_id and rs.from_year <= s.to_year and rs.to_year >= s.from_year
     where s.unit_id is not null
  )
  select year::smallint as year, unit_id, count(*)::int as staff,
         count(*) filter (where pns)::int as pns, count(*) filter (where pppk)::int as pppk,
         count(*) filter (where female)::int as female, count(*) filter (where male)::int as male,
         count(*) filter (where manajerial)::int as manajerial, count(*) filter (where nonmanajerial)::int as nonmanajerial,
         count(*) filter (where class = 1)::int as rank_pns_i, count(*) filter (where class = 2)::int as rank_pns_ii,
         count(*) filter (where class = 3)::int as rank_pns_iii, count(*) filter (where class = 4)::int as rank_pns_iv,
         count(*) filter (where class = 5)::int as rank_pppk,
         count(*) filter (where year - birth_year < 30)::int as age_under_30,
         count(*) filter (where year - birth_year between 30 and 39)::int as age_30_39,
         count(*) filter (where year - birth_year between 40 and 49)::int as age_40_49,
         count(*) filter (where year - birth_year >= 50)::int as age_50_plus,
         count(*) filter (where year = any(mentee_years))::int as mentored,
         count(*) filter (where year = any(mentor_years))::int as mentors,
         count(*) filter (where manajerial and year = any(mentor_years))::int as mentor_leaders,
         count(*) filter (where year = promoted_year)::int as promoted
    from placed
   group by year, unit_id`;

/**
 * `personnel.rebuild_rollups()` computing the rank spells once (a temporary table): the staffing and mentoring
 * figures join them, and the promotions are read off them (the first year of every spell after the first
 * rank) instead of a second window and a distinct over the whole rank history (0010's
 * EMPLOYEE_PROMOTION_REFILL). Otherwise 0012: the same rows (test/integration/read-model.test.ts), the same
 * refills in the same order, the feed seq written inline with the stamp triggers off, the temporary tables
 * dropped before it returns.
 */
export class PersonnelRankSpellsOnce extends Migration {
  override name = '0013-rank-spells-once';

  up(): void {
    this.addSql(`
create or replace function personnel.rebuild_rollups() returns void language plpgsql
  -- Whole-table hash aggregates and sorts in memory rather than in batches on disk.
  set work_mem = '256MB' as $$
begin
  perform ${FEED_LOCK};
${stampTriggers('disable')}

${REGION_DIRECTORY_REFILL}

${UNIT_DIRECTORY_REFILL}

  create temporary table rebuild_rank_spell on commit drop as
${RANK_SPELL_SQL};

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
    select from_year::smallint as year, employee_id from ${RANK_SPELL} where after_first
  )`,
  `  insert into personnel.employee_promotion as t (year, employee_id, seq)
  select year, employee_id, ${NEXT_SEQ} from fresh
  on conflict (year, employee_id) do update set seq = ${NEXT_SEQ} where t.seq = 0`,
)}

  drop table ${UNIT_YEAR};
  drop table ${RANK_SPELL};
${stampTriggers('enable')}
end $$;
`);
  }
}
