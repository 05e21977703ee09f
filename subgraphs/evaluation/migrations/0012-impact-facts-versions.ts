import { Migration } from '@mikro-orm/migrations';
import { changeTriggersSql } from '../../shared/rollup-sql.js';

/**
 * The version of a region's facts for the training-impact comparison, kept on write like its input version
 * (0011-impact-versions, same sequence): every statement that changes the region-level rows a comparison
 * reads besides the unit table (learning's region totals, budgeting's agency budgets, the SKP change rollup,
 * personnel's region list) gives the row's region and every region above it a new facts version. So a
 * request whose regions' versions did not move answers from what it kept (impact-service.ts) after one
 * statement that reads only the versions. A truncate renews the epoch, as for the unit tables.
 */
export class EvaluationImpactFactsVersions extends Migration {
  override name = '0012-impact-facts-versions';

  up(): void {
    this.addSql(`
create table evaluation.impact_region_facts_version (
  region_code text primary key,
  version bigint not null
);

-- Each code and its ancestors, once, a new version each (sorted: concurrent writers lock rows in one order).
create function evaluation.bump_impact_facts_versions(codes text[]) returns void language sql as $$
  insert into evaluation.impact_region_facts_version as v (region_code, version)
  select a.code, nextval('evaluation.impact_version_seq')
    from (select distinct a.code from unnest(codes) as c(code)
            cross join lateral evaluation.region_and_ancestors(c.code) as a(code)
           where c.code is not null order by a.code) a
  on conflict (region_code) do update set version = excluded.version;
$$;

-- Rows keyed by region_code (region totals, agency budgets, the SKP rollup).
create function evaluation.impact_facts_rows_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    perform evaluation.bump_impact_facts_versions(array(select distinct n.region_code from new_rows n));
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    perform evaluation.bump_impact_facts_versions(array(select distinct o.region_code from old_rows o));
  end if;
  return null;
end $$;

-- The region list (its code: whether personnel knows a requested code).
create function evaluation.impact_regions_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    perform evaluation.bump_impact_facts_versions(array(select distinct n.code from new_rows n));
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    perform evaluation.bump_impact_facts_versions(array(select distinct o.code from old_rows o));
  end if;
  return null;
end $$;

${changeTriggersSql('evaluation.rm_region_learning', 'evaluation.impact_facts_rows_changed', 'rm_region_learning', '_impact')}
${changeTriggersSql('evaluation.rm_agency_budget', 'evaluation.impact_facts_rows_changed', 'rm_agency_budget', '_impact')}
${changeTriggersSql('evaluation.skp_change_rollup', 'evaluation.impact_facts_rows_changed', 'skp_change_rollup', '_impact')}
${changeTriggersSql('evaluation.rm_region', 'evaluation.impact_regions_changed', 'rm_region', '_impact')}
${['rm_region_learning', 'rm_agency_budget', 'skp_change_rollup', 'rm_region']
  .map(
    (t) => `create trigger ${t}_truncated_impact after truncate on evaluation.${t}
  for each statement execute function evaluation.impact_tables_truncated();`,
  )
  .join('\n')}
`);
  }
}
