import { Migration } from '@mikro-orm/migrations';
import { feedInfrastructureSql, publishTableSql } from '../../shared/feed.js';
import { changeTriggersSql, keyedRefreshSql, keysChangedFunctionSql } from '../../shared/rollup-sql.js';
import { STREAM_ROWS, streamTableSql } from '../../shared/stream-tables.js';
import { PERSONNEL_STREAMS } from '../feed.js';
import { PLACED_YEARS_SQL, PLACEMENT_SPELLS_SQL, UNITS_OF_EMPLOYEES_SQL } from './placement-sql.js';
import { STAFFING_COUNTS_SQL, STAFFING_UPSERT_SQL } from './upsert-sql.js';

/**
 * Personnel's published facts, kept on write: the region list, the service units with their agency, and
 * the staff of each unit at the end of each year of the rollup window, with cheap person dimensions as
 * counts. Statement-level triggers recompute only the unit-years an insert, update or delete touches
 * (the units an affected employee was or is placed in), so a bulk load costs one pass over what it loads
 * and a single-record write a few units. `personnel.rebuild_rollups()` refills everything (after a
 * load that bypassed triggers).
 */
export class PersonnelRollups extends Migration {
  override name = '0006-rollups';

  up(): void {
    this.addSql(`
${feedInfrastructureSql('personnel')}

-- The years staffing is kept for (end-of-year staff needs a row per unit and year). Widen it with an
-- update: the trigger below fills the new years.
create table personnel.rollup_window (
  only_row boolean primary key default true check (only_row),
  first_year smallint not null check (first_year >= 2000),
  last_year smallint not null check (last_year <= 2100),
  check (first_year <= last_year)
);
insert into personnel.rollup_window (first_year, last_year) values (2018, 2030);

${streamTableSql('personnel.region_directory', STREAM_ROWS.regions, 'owner')}

${streamTableSql('personnel.unit_directory', STREAM_ROWS.units, 'owner')}

-- Staff placed in the unit on 31 December (the unit of the newest position with TMT by then, appointed
-- by then and not left), and the same people by ASN type, gender, position kind, rank group (golongan
-- of the newest rank with TMT by then; PPPK together) and age on 31 December.
${streamTableSql('personnel.unit_year_staffing', STREAM_ROWS.staffing, 'owner')}
create index unit_year_staffing_unit_idx on personnel.unit_year_staffing (unit_id);
create index position_history_employee_idx on personnel.position_history (employee_id, tmt);
create index rank_history_employee_idx on personnel.rank_history (employee_id, tmt);

${PERSONNEL_STREAMS.map((s) => publishTableSql('personnel', s)).join('\n')}

-- Recomputes the staffing rows of the given units for every year of the window, from the position and
-- rank histories of the employees ever placed there; writes only rows whose figures changed.
${keyedRefreshSql('personnel.refresh_staffing(unit_ids integer[])')}
${PLACEMENT_SPELLS_SQL}
  ), rank_spell as (
    select rh.employee_id, r.asn_type, r.golongan, extract(year from rh.tmt)::int as from_year,
           coalesce(extract(year from lead(rh.tmt) over (partition by rh.employee_id order by rh.tmt))::int - 1, 9999) as to_year
      from personnel.rank_history rh join personnel.rank r on r.code = rh.rank_code
     where rh.employee_id in (select employee_id from ever)
  ), placed as (
    select y::smallint as year, s.unit_id, s.position_kind, e.asn_type, e.gender, y - extract(year from e.birth_date)::int as age,
           e.id as employee_id
${PLACED_YEARS_SQL}
  ), ranked as (
    select p.*, rs.golongan, rs.asn_type as rank_type
      from placed p left join rank_spell rs on rs.employee_id = p.employee_id and p.year between rs.from_year and rs.to_year
  ), fresh as (
    select year, unit_id, count(*)::int as staff,
${STAFFING_COUNTS_SQL}
      from ranked group by year, unit_id
  ), gone as (
    delete from personnel.unit_year_staffing t
     where t.unit_id = any(unit_ids)
       and not exists (select 1 from fresh f where f.year = t.year and f.unit_id = t.unit_id)
  )
${STAFFING_UPSERT_SQL};
$$;

-- The units whose staffing a change to these employees can move: every unit they were ever placed in.
${keyedRefreshSql('personnel.refresh_staffing_of(employee_ids integer[], extra_units integer[])')}
  select personnel.refresh_staffing(${UNITS_OF_EMPLOYEES_SQL});
$$;

${keyedRefreshSql('personnel.refresh_units(unit_ids integer[])')}
  with fresh as (
    select u.id as unit_id, u.code as unit_code, u.name as unit_name, u.kind as unit_kind, a.id as agency_id,
           a.code as agency_code, a.name as agency_name, a.kind as agency_kind, u.region_code
      from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
     where u.id = any(unit_ids)
  ), gone as (
    delete from personnel.unit_directory t
     where t.unit_id = any(unit_ids) and not exists (select 1 from fresh f where f.unit_id = t.unit_id)
  )
  insert into personnel.unit_directory as t (unit_id, unit_code, unit_name, unit_kind, agency_id, agency_code,
      agency_name, agency_kind, region_code, seq)
  select unit_id, unit_code, unit_name, unit_kind, agency_id, agency_code, agency_name, agency_kind, region_code, 0 from fresh
  on conflict (unit_id) do update set unit_code = excluded.unit_code, unit_name = excluded.unit_name,
    unit_kind = excluded.unit_kind, agency_id = excluded.agency_id, agency_code = excluded.agency_code,
    agency_name = excluded.agency_name, agency_kind = excluded.agency_kind, region_code = excluded.region_code
  where (t.unit_code, t.unit_name, t.unit_kind, t.agency_id, t.agency_code, t.agency_name, t.agency_kind, t.region_code)
        is distinct from (excluded.unit_code, excluded.unit_name, excluded.unit_kind, excluded.agency_id,
        excluded.agency_code, excluded.agency_name, excluded.agency_kind, excluded.region_code);
$$;

${keyedRefreshSql('personnel.refresh_regions(codes text[])')}
  with fresh as (
    select code, name, level, parent_code from personnel.region where code = any(codes)
  ), gone as (
    delete from personnel.region_directory t
     where t.code = any(codes) and not exists (select 1 from fresh f where f.code = t.code)
  )
  insert into personnel.region_directory as t (code, name, level, parent_code, seq)
  select code, name, level, parent_code, 0 from fresh
  on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
  where (t.name, t.level, t.parent_code) is distinct from (excluded.name, excluded.level, excluded.parent_code);
$$;

-- Statement-level triggers: one refresh per statement over the keys its rows touch.
create function personnel.position_history_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform personnel.refresh_staffing_of(array(select distinct employee_id from new_rows), '{}');
  elsif tg_op = 'UPDATE' then
    perform personnel.refresh_staffing_of(
      array(select employee_id from new_rows union select employee_id from old_rows), array(select distinct unit_id from old_rows));
  else
    perform personnel.refresh_staffing_of(array(select distinct employee_id from old_rows), array(select distinct unit_id from old_rows));
  end if;
  return null;
end $$;
create function personnel.employee_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform personnel.refresh_staffing_of(array(select id from new_rows), '{}');
  elsif tg_op = 'UPDATE' then
    perform personnel.refresh_staffing_of(array(select n.id from new_rows n join old_rows o on o.id = n.id
      where (n.appointed_on, n.left_on, n.birth_date, n.gender, n.asn_type)
            is distinct from (o.appointed_on, o.left_on, o.birth_date, o.gender, o.asn_type)), '{}');
  else
    perform personnel.refresh_staffing_of(array(select id from old_rows), '{}');
  end if;
  return null;
end $$;
${keysChangedFunctionSql('personnel.rank_history_changed', 'personnel.refresh_staffing_of', 'employee_id', { distinct: true, moreArgs: "'{}'" })}
${keysChangedFunctionSql('personnel.unit_changed', 'personnel.refresh_units', 'id')}
create function personnel.agency_changed() returns trigger language plpgsql as $$
begin
  perform personnel.refresh_units(array(select u.id from personnel.service_unit u where u.agency_id in (select id from new_rows)));
  return null;
end $$;
${keysChangedFunctionSql('personnel.region_changed', 'personnel.refresh_regions', 'code')}
create function personnel.window_changed() returns trigger language plpgsql as $$
begin
  perform personnel.refresh_staffing(array(select id from personnel.service_unit));
  return null;
end $$;
-- TRUNCATE fires no row events: forget the rollups it empties (deleting them leaves tombstones).
create function personnel.staffing_truncated() returns trigger language plpgsql as $$
begin
  delete from personnel.unit_year_staffing;
  if tg_table_name in ('service_unit', 'agency') then delete from personnel.unit_directory; end if;
  return null;
end $$;

${changeTriggersSql('personnel.position_history', 'personnel.position_history_changed', 'position_history')}
${changeTriggersSql('personnel.employee', 'personnel.employee_changed', 'employee')}
${changeTriggersSql('personnel.rank_history', 'personnel.rank_history_changed', 'rank_history')}
${changeTriggersSql('personnel.service_unit', 'personnel.unit_changed', 'service_unit')}
create trigger agency_updated after update on personnel.agency
  referencing new table as new_rows for each statement execute function personnel.agency_changed();
${changeTriggersSql('personnel.region', 'personnel.region_changed', 'region')}
create trigger rollup_window_updated after update on personnel.rollup_window
  for each statement execute function personnel.window_changed();
create trigger employee_truncated after truncate on personnel.employee
  for each statement execute function personnel.staffing_truncated();
create trigger position_history_truncated after truncate on personnel.position_history
  for each statement execute function personnel.staffing_truncated();
create trigger service_unit_truncated after truncate on personnel.service_unit
  for each statement execute function personnel.staffing_truncated();
create trigger agency_truncated after truncate on personnel.agency
  for each statement execute function personnel.staffing_truncated();

-- After a load that bypassed the triggers (session_replication_role = replica): refill everything.
create function personnel.rebuild_rollups() returns void language sql as $$
  select personnel.refresh_regions(array(select code from personnel.region union select code from personnel.region_directory));
  select personnel.refresh_units(array(select id from personnel.service_unit union select unit_id from personnel.unit_directory));
  select personnel.refresh_staffing(array(select id from personnel.service_unit union select unit_id from personnel.unit_year_staffing));
$$;
select personnel.rebuild_rollups();
`);
  }
}
