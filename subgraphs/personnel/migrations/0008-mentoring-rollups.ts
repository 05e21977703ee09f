import { Migration } from '@mikro-orm/migrations';
import { publishTableSql } from '../../shared/feed.js';
import { chainRebuildSql, changeTriggersSql, keyedRefreshSql } from '../../shared/rollup-sql.js';
import { STREAM_ROWS, streamTableSql } from '../../shared/stream-tables.js';
import { MENTORING_STREAM, PROMOTION_STREAM } from '../feed.js';
import { PLACED_YEARS_SQL, PLACEMENT_SPELLS_SQL, UNITS_OF_EMPLOYEES_SQL } from './placement-sql.js';
import { MENTORING_UPSERT_SQL } from './upsert-sql.js';

/** The trigger functions of this rollup, one per event, on each table it reads. */
const MENTORING_TRIGGERS = {
  inserted: 'personnel.mentoring_inserted',
  updated: 'personnel.mentoring_inputs_changed',
  deleted: 'personnel.mentoring_deleted',
};

/**
 * The trigger function of an insert (`new_rows`) or a delete (`old_rows`) on any table this rollup reads: it
 * refreshes the employees the rows name; a deleted position also refreshes the unit the employee leaves.
 */
function rowsChangedSql(name: string, rows: 'new_rows' | 'old_rows'): string {
  const leftUnit =
    rows === 'old_rows'
      ? `  elsif tg_table_name = 'position_history' then
    perform personnel.refresh_mentoring_of(array(select distinct employee_id from old_rows), array(select distinct unit_id from old_rows));
`
      : '';
  return `create function personnel.${name}() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'mentoring_pair' then
    perform personnel.refresh_mentoring_of(array(select mentor_id from ${rows} union select mentee_id from ${rows}), '{}');
  elsif tg_table_name = 'employee' then
    perform personnel.refresh_mentoring_of(array(select id from ${rows}), '{}');
${leftUnit}  else
    perform personnel.refresh_mentoring_of(array(select distinct employee_id from ${rows}), '{}');
  end if;
  return null;
end $$;`;
}

/**
 * Mentoring and promotions per service unit and year, published for evaluation's analytics: of the staff
 * placed in the unit on 31 December (as `unit_year_staffing` counts them), those mentored in the year (a
 * mentoring pair as mentee overlapping the year), those mentoring (as mentor), the mentors in a managerial
 * (structural, leading) position at the end of the year, and those promoted in the year (a rank with TMT in
 * the year after an earlier rank). Kept on write by statement-level triggers over the units the changed
 * employees were ever placed in. Also the employees promoted per year (ids only), so that evaluation can
 * compare the promotions of trained and untrained staff in its own read model, where learning's list of
 * trained employees already is.
 */
export class PersonnelMentoringRollups extends Migration {
  override name = '0008-mentoring-rollups';

  up(): void {
    this.addSql(`
${streamTableSql('personnel.unit_year_mentoring', STREAM_ROWS.mentoring, 'owner')}
create index unit_year_mentoring_unit_idx on personnel.unit_year_mentoring (unit_id);

${publishTableSql('personnel', MENTORING_STREAM)}

${streamTableSql('personnel.employee_promotion', STREAM_ROWS.promotions, 'owner')}
${publishTableSql('personnel', PROMOTION_STREAM)}

-- The years in which each employee got a rank after an earlier one.
create function personnel.refresh_promotions(employee_ids integer[]) returns void language sql
  set enable_seqscan = off as $$
  with fresh as (
    select distinct extract(year from r.tmt)::smallint as year, r.employee_id
      from personnel.rank_history r
     where r.employee_id = any(employee_ids)
       and exists (select 1 from personnel.rank_history b where b.employee_id = r.employee_id and b.tmt < r.tmt)
  ), gone as (
    delete from personnel.employee_promotion t
     where t.employee_id = any(employee_ids)
       and not exists (select 1 from fresh f where f.year = t.year and f.employee_id = t.employee_id)
  )
  insert into personnel.employee_promotion (year, employee_id, seq)
  select year, employee_id, 0 from fresh
  on conflict (year, employee_id) do nothing;
$$;

${keyedRefreshSql('personnel.refresh_mentoring(unit_ids integer[])')}
${PLACEMENT_SPELLS_SQL}
  ), placed as (
    select y as year, s.unit_id, s.position_kind, e.id as employee_id
${PLACED_YEARS_SQL}
  ), flagged as (
    select p.year, p.unit_id, p.position_kind,
           exists (select 1 from personnel.mentoring_pair m where m.mentee_id = p.employee_id
                    and m.started_on <= make_date(p.year, 12, 31)
                    and (m.ended_on is null or m.ended_on >= make_date(p.year, 1, 1))) as mentored,
           exists (select 1 from personnel.mentoring_pair m where m.mentor_id = p.employee_id
                    and m.started_on <= make_date(p.year, 12, 31)
                    and (m.ended_on is null or m.ended_on >= make_date(p.year, 1, 1))) as mentor,
           exists (select 1 from personnel.rank_history r where r.employee_id = p.employee_id
                    and r.tmt between make_date(p.year, 1, 1) and make_date(p.year, 12, 31)
                    and exists (select 1 from personnel.rank_history b where b.employee_id = p.employee_id
                                 and b.tmt < r.tmt)) as promoted
      from placed p
  ), fresh as (
    select year::smallint as year, unit_id, count(*)::int as staff, count(*) filter (where mentored)::int as mentored,
           count(*) filter (where mentor)::int as mentors,
           count(*) filter (where mentor and position_kind = 'MANAJERIAL')::int as mentor_leaders,
           count(*) filter (where promoted)::int as promoted
      from flagged group by year, unit_id
  ), gone as (
    delete from personnel.unit_year_mentoring t
     where t.unit_id = any(unit_ids)
       and not exists (select 1 from fresh f where f.year = t.year and f.unit_id = t.unit_id)
  )
${MENTORING_UPSERT_SQL};
$$;

${keyedRefreshSql('personnel.refresh_mentoring_of(employee_ids integer[], extra_units integer[])')}
  select personnel.refresh_mentoring(${UNITS_OF_EMPLOYEES_SQL});
  select personnel.refresh_promotions(employee_ids);
$$;

-- Employees whose rows a statement changed (mentors and mentees of a pair; the employee of a history row).
create function personnel.mentoring_inputs_changed() returns trigger language plpgsql as $$
declare
  ids integer[];
  units integer[] := '{}';
begin
  if tg_table_name = 'mentoring_pair' then
    ids := array(select mentor_id from new_rows union select mentee_id from new_rows
                 union select mentor_id from old_rows union select mentee_id from old_rows);
  elsif tg_table_name = 'employee' then
    ids := array(select id from new_rows union select id from old_rows);
  else
    ids := array(select employee_id from new_rows union select employee_id from old_rows);
    if tg_table_name = 'position_history' then units := array(select distinct unit_id from old_rows); end if;
  end if;
  perform personnel.refresh_mentoring_of(ids, units);
  return null;
end $$;

-- Inserts and deletes see one transition table: the employees of its rows.
${rowsChangedSql('mentoring_inserted', 'new_rows')}
${rowsChangedSql('mentoring_deleted', 'old_rows')}
create function personnel.mentoring_window_changed() returns trigger language plpgsql as $$
begin
  perform personnel.rebuild_mentoring_rollups();
  return null;
end $$;
create function personnel.mentoring_truncated() returns trigger language plpgsql as $$
begin
  delete from personnel.unit_year_mentoring;
  if tg_table_name = 'employee' then delete from personnel.employee_promotion; end if;
  return null;
end $$;

${changeTriggersSql('personnel.mentoring_pair', MENTORING_TRIGGERS, 'mentoring_pair')}
${changeTriggersSql('personnel.employee', MENTORING_TRIGGERS, 'employee', '_mentoring')}
${changeTriggersSql('personnel.position_history', MENTORING_TRIGGERS, 'position_history', '_mentoring')}
${changeTriggersSql('personnel.rank_history', MENTORING_TRIGGERS, 'rank_history', '_mentoring')}
create trigger rollup_window_updated_mentoring after update on personnel.rollup_window
  for each statement execute function personnel.mentoring_window_changed();
create trigger mentoring_pair_truncated after truncate on personnel.mentoring_pair
  for each statement execute function personnel.mentoring_truncated();
create trigger employee_truncated_mentoring after truncate on personnel.employee
  for each statement execute function personnel.mentoring_truncated();

-- After a load that bypassed the triggers, rebuild_rollups() refills this rollup too: the rebuild of 0006
-- keeps its body under a new name and the public name runs both.
create function personnel.rebuild_mentoring_rollups() returns void language sql as $$
  select personnel.refresh_mentoring(array(select id from personnel.service_unit union select unit_id from personnel.unit_year_mentoring));
  select personnel.refresh_promotions(array(select employee_id from personnel.rank_history union select employee_id from personnel.employee_promotion));
$$;
${chainRebuildSql('personnel', 'rebuild_staffing_rollups', 'rebuild_mentoring_rollups')}
select personnel.rebuild_mentoring_rollups();
`);
  }
}
