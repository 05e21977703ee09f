import { Migration } from '@mikro-orm/migrations';
import { feedInfrastructureSql, publishTableSql } from '../../shared/feed.js';
import { changeTriggersSql, keyedRefreshSql } from '../../shared/rollup-sql.js';
import { STREAM_ROWS, streamTableSql } from '../../shared/stream-tables.js';
import { BUDGETING_STREAMS } from '../feed.js';

/**
 * Budgeting's published facts, kept on write: per agency (and the region its lines lie in) and year, the
 * training budget lines (ceiling, realised, lines) and the costs of the offerings it paid for. Statement-level
 * triggers recompute only the agency-years a statement's rows touch.
 * Every owner's rollup migration opens alike (class header, feed infrastructure, its published table): the
 * parts are shared helpers (feed.ts, stream-tables.ts); the declarations around them stay written out.
 */
export class BudgetingRollups extends Migration {
  override name = '0003-rollups';

  up(): void {
    this.addSql(`
${feedInfrastructureSql('budgeting')}

${streamTableSql('budgeting.agency_year_budget', STREAM_ROWS.agencyBudget, 'owner')}

${BUDGETING_STREAMS.map((s) => publishTableSql('budgeting', s)).join('\n')}

create index budget_line_agency_year_idx on budgeting.budget_line (agency_id, year);
create index offering_cost_agency_year_idx on budgeting.offering_cost (agency_id, year);

${keyedRefreshSql('budgeting.refresh_agency_budget(years integer[], agency_ids integer[])')}
  with k as (
    select distinct year, agency_id from unnest(years, agency_ids) as k(year, agency_id)
  ), lines as (
    select b.year, b.agency_id, b.region_code, sum(b.ceiling)::bigint as ceiling, sum(b.realised)::bigint as realised,
           count(*)::int as lines
      from k join budgeting.budget_line b on b.year = k.year and b.agency_id = k.agency_id
     group by b.year, b.agency_id, b.region_code
  ), costs as (
    select c.year, c.agency_id, c.region_code, sum(c.planned)::bigint as planned, sum(c.realised)::bigint as realised,
           count(*)::int as offerings
      from k join budgeting.offering_cost c on c.year = k.year and c.agency_id = k.agency_id
     group by c.year, c.agency_id, c.region_code
  ), fresh as (
    select coalesce(l.year, c.year) as year, coalesce(l.agency_id, c.agency_id) as agency_id,
           coalesce(l.region_code, c.region_code) as region_code, coalesce(l.ceiling, 0) as ceiling,
           coalesce(l.realised, 0) as realised, coalesce(l.lines, 0) as lines, coalesce(c.planned, 0) as offering_planned,
           coalesce(c.realised, 0) as offering_realised, coalesce(c.offerings, 0) as offerings
      from lines l full join costs c on c.year = l.year and c.agency_id = l.agency_id and c.region_code = l.region_code
  ), gone as (
    delete from budgeting.agency_year_budget t using k
     where t.year = k.year and t.agency_id = k.agency_id
       and not exists (select 1 from fresh f where f.year = t.year and f.agency_id = t.agency_id and f.region_code = t.region_code)
  )
  insert into budgeting.agency_year_budget as t (year, agency_id, region_code, ceiling, realised, lines,
      offering_planned, offering_realised, offerings, seq)
  select year, agency_id, region_code, ceiling, realised, lines, offering_planned, offering_realised, offerings, 0 from fresh
  on conflict (year, agency_id, region_code) do update set ceiling = excluded.ceiling, realised = excluded.realised,
    lines = excluded.lines, offering_planned = excluded.offering_planned, offering_realised = excluded.offering_realised,
    offerings = excluded.offerings
  where (t.ceiling, t.realised, t.lines, t.offering_planned, t.offering_realised, t.offerings)
        is distinct from (excluded.ceiling, excluded.realised, excluded.lines, excluded.offering_planned,
        excluded.offering_realised, excluded.offerings);
$$;

create function budgeting.rows_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform budgeting.refresh_agency_budget(array(select year::int from new_rows), array(select agency_id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform budgeting.refresh_agency_budget(array(select year::int from new_rows union all select year::int from old_rows),
                                            array(select agency_id from new_rows union all select agency_id from old_rows));
  else
    perform budgeting.refresh_agency_budget(array(select year::int from old_rows), array(select agency_id from old_rows));
  end if;
  return null;
end $$;

create function budgeting.rows_truncated() returns trigger language plpgsql as $$
begin
  -- The other table's rows stay: recompute from what is left.
  perform budgeting.rebuild_rollups();
  return null;
end $$;

${changeTriggersSql('budgeting.budget_line', 'budgeting.rows_changed', 'budget_line')}
${changeTriggersSql('budgeting.offering_cost', 'budgeting.rows_changed', 'offering_cost')}

-- After a load that bypassed the triggers (or a TRUNCATE): recompute every agency-year there is.
create function budgeting.rebuild_rollups() returns void language sql as $$
  select budgeting.refresh_agency_budget(array_agg(year), array_agg(agency_id)) from (
    select year::int, agency_id from budgeting.budget_line
    union select year::int, agency_id from budgeting.offering_cost
    union select year::int, agency_id from budgeting.agency_year_budget) k;
$$;
create trigger budget_line_truncated after truncate on budgeting.budget_line
  for each statement execute function budgeting.rows_truncated();
create trigger offering_cost_truncated after truncate on budgeting.offering_cost
  for each statement execute function budgeting.rows_truncated();
select budgeting.rebuild_rollups();
`);
  }
}
