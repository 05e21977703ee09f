import { Migration } from '@mikro-orm/migrations';
import { changeTriggersSql } from '../../shared/rollup-sql.js';
import { bumpVersionsFunctionSql } from './0011-impact-versions.js';

/** A statement trigger function that renews the facts versions of the regions in `column` of the changed rows. */
function factsChangedFunctionSql(name: string, column: string, comment: string): string {
  return `-- ${comment}
create function evaluation.${name}() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    perform evaluation.bump_impact_facts_versions(array(select distinct n.${column} from new_rows n));
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    perform evaluation.bump_impact_facts_versions(array(select distinct o.${column} from old_rows o));
  end if;
  return null;
end $$;`;
}

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

${bumpVersionsFunctionSql('evaluation.bump_impact_facts_versions', 'evaluation.impact_region_facts_version')}

${factsChangedFunctionSql('impact_facts_rows_changed', 'region_code', 'Rows keyed by region_code (region totals, agency budgets, the SKP rollup).')}

${factsChangedFunctionSql('impact_regions_changed', 'code', 'The region list (its code: whether personnel knows a requested code).')}

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
