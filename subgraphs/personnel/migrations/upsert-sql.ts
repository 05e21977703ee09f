/**
 * The upserts of personnel's rollups that more than one migration runs (a trigger's keyed refresh and the
 * whole-table rebuild of 0009): the `insert ... on conflict do update where ... is distinct from (...)` of the
 * rows in `fresh`, without its end. SQL text that migrations ran: it must stay byte-identical
 * (test/unit/migration-sql.test.ts).
 */

/** Writes `fresh` into personnel.unit_year_staffing, changed rows only. */
export const STAFFING_UPSERT_SQL = `  insert into personnel.unit_year_staffing as t (year, unit_id, staff, pns, pppk, female, male, manajerial, nonmanajerial,
      rank_pns_i, rank_pns_ii, rank_pns_iii, rank_pns_iv, rank_pppk, age_under_30, age_30_39, age_40_49, age_50_plus, seq)
  select year, unit_id, staff, pns, pppk, female, male, manajerial, nonmanajerial,
         rank_pns_i, rank_pns_ii, rank_pns_iii, rank_pns_iv, rank_pppk, age_under_30, age_30_39, age_40_49, age_50_plus, 0
    from fresh
  on conflict (year, unit_id) do update set
    staff = excluded.staff, pns = excluded.pns, pppk = excluded.pppk, female = excluded.female, male = excluded.male,
    manajerial = excluded.manajerial, nonmanajerial = excluded.nonmanajerial, rank_pns_i = excluded.rank_pns_i,
    rank_pns_ii = excluded.rank_pns_ii, rank_pns_iii = excluded.rank_pns_iii, rank_pns_iv = excluded.rank_pns_iv,
    rank_pppk = excluded.rank_pppk, age_under_30 = excluded.age_under_30, age_30_39 = excluded.age_30_39,
    age_40_49 = excluded.age_40_49, age_50_plus = excluded.age_50_plus
  where (t.staff, t.pns, t.pppk, t.female, t.male, t.manajerial, t.nonmanajerial, t.rank_pns_i, t.rank_pns_ii,
         t.rank_pns_iii, t.rank_pns_iv, t.rank_pppk, t.age_under_30, t.age_30_39, t.age_40_49, t.age_50_plus)
        is distinct from
        (excluded.staff, excluded.pns, excluded.pppk, excluded.female, excluded.male, excluded.manajerial,
         excluded.nonmanajerial, excluded.rank_pns_i, excluded.rank_pns_ii, excluded.rank_pns_iii, excluded.rank_pns_iv,
         excluded.rank_pppk, excluded.age_under_30, excluded.age_30_39, excluded.age_40_49, excluded.age_50_plus)`;

/** Writes `fresh` into personnel.unit_year_mentoring, changed rows only. */
export const MENTORING_UPSERT_SQL = `  insert into personnel.unit_year_mentoring as t (year, unit_id, staff, mentored, mentors, mentor_leaders, promoted, seq)
  select year, unit_id, staff, mentored, mentors, mentor_leaders, promoted, 0 from fresh
  on conflict (year, unit_id) do update set staff = excluded.staff, mentored = excluded.mentored,
    mentors = excluded.mentors, mentor_leaders = excluded.mentor_leaders, promoted = excluded.promoted
  where (t.staff, t.mentored, t.mentors, t.mentor_leaders, t.promoted)
        is distinct from (excluded.staff, excluded.mentored, excluded.mentors, excluded.mentor_leaders, excluded.promoted)`;

/** The staff counts of a unit and year from its placed employees (`ranked`), after `count(*)::int as staff,`. */
export const STAFFING_COUNTS_SQL = `           count(*) filter (where asn_type = 'PNS')::int as pns, count(*) filter (where asn_type = 'PPPK')::int as pppk,
           count(*) filter (where gender = 'F')::int as female, count(*) filter (where gender = 'M')::int as male,
           count(*) filter (where position_kind = 'MANAJERIAL')::int as manajerial,
           count(*) filter (where position_kind = 'NONMANAJERIAL')::int as nonmanajerial,
           count(*) filter (where rank_type = 'PNS' and golongan = 'I')::int as rank_pns_i,
           count(*) filter (where rank_type = 'PNS' and golongan = 'II')::int as rank_pns_ii,
           count(*) filter (where rank_type = 'PNS' and golongan = 'III')::int as rank_pns_iii,
           count(*) filter (where rank_type = 'PNS' and golongan = 'IV')::int as rank_pns_iv,
           count(*) filter (where rank_type = 'PPPK')::int as rank_pppk,
           count(*) filter (where age < 30)::int as age_under_30,
           count(*) filter (where age between 30 and 39)::int as age_30_39,
           count(*) filter (where age between 40 and 49)::int as age_40_49,
           count(*) filter (where age >= 50)::int as age_50_plus`;
