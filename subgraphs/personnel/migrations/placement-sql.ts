/**
 * Where each employee was placed on 31 December of each year of the rollup window, as the staffing (0006)
 * and mentoring (0008) rollups both count it. Two fragments of a refresh function taking `unit_ids`:
 * SQL text that the migrations ran, so it must stay byte-identical (test/unit/migration-sql.test.ts).
 */

/** The CTEs `w` (the window), `ever` (employees ever placed in the units) and `spell` (their positions' years). */
export const PLACEMENT_SPELLS_SQL = `  with w as (
    select first_year, last_year from personnel.rollup_window
  ), ever as (
    select distinct ph.employee_id from personnel.position_history ph where ph.unit_id = any(unit_ids)
  ), spell as (
    -- A position is the end-of-year one from the year of its TMT to the year before the next TMT.
    select ph.employee_id, ph.unit_id, ph.position_kind, extract(year from ph.tmt)::int as from_year,
           coalesce(extract(year from lead(ph.tmt) over (partition by ph.employee_id order by ph.tmt))::int - 1, 9999) as to_year
      from personnel.position_history ph where ph.employee_id in (select employee_id from ever)`;

/** The rows of a spell (`s`), its employee (`e`) and year (`y`) while appointed and not left, in the units. */
export const PLACED_YEARS_SQL = `      from spell s
      join personnel.employee e on e.id = s.employee_id
      cross join w
      cross join lateral generate_series(
        greatest(s.from_year, extract(year from e.appointed_on)::int, w.first_year),
        least(s.to_year, coalesce(extract(year from e.left_on)::int - 1, 9999), w.last_year)) as y
     where s.unit_id = any(unit_ids)`;

/** Selects the units these employees were ever placed in, and `extra_units` (a moved employee's old unit). */
export const UNITS_OF_EMPLOYEES_SQL = `array(
    select ph.unit_id from personnel.position_history ph where ph.employee_id = any(employee_ids) and ph.unit_id is not null
    union select u from unnest(extra_units) u where u is not null)`;
