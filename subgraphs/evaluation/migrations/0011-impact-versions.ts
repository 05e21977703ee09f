import { Migration } from '@mikro-orm/migrations';
import { changeTriggersSql } from '../../shared/rollup-sql.js';

/**
 * A function that gives each code and its ancestors a new version from `impact_version_seq` in `table`
 * (0011's input versions, 0012's facts versions).
 */
export function bumpVersionsFunctionSql(name: string, table: string): string {
  return `-- Each code and its ancestors, once, a new version each (sorted: concurrent writers lock rows in one order).
create function ${name}(codes text[]) returns void language sql as $$
  insert into ${table} as v (region_code, version)
  select a.code, nextval('evaluation.impact_version_seq')
    from (select distinct a.code from unnest(codes) as c(code)
            cross join lateral evaluation.region_and_ancestors(c.code) as a(code)
           where c.code is not null order by a.code) a
  on conflict (region_code) do update set version = excluded.version;
$$;`;
}

/**
 * The input version of the training-impact comparison per region, kept on write: every statement that
 * changes what a region's unit table is made of (read-model units, staffing, training per unit and per
 * completion day, survey scores) gives that region and every region above it a new version from one
 * sequence. A unit's rows count at the unit's region and at the row's own region code, before and after
 * the change, so a unit moving between regions renews both. The comparison keeps each region's unit
 * rows and estimates by (epoch, region, year, version) and reads the unit table again only for regions
 * whose version moved (impact-cache.ts). The epoch tells databases apart (a rebuilt database starts its
 * sequence again) and is renewed when a table is truncated.
 */
export class EvaluationImpactVersions extends Migration {
  override name = '0011-impact-versions';

  up(): void {
    this.addSql(`
create sequence evaluation.impact_version_seq;
create table evaluation.impact_region_version (
  region_code text primary key,
  version bigint not null
);
create table evaluation.impact_epoch (
  only_row boolean primary key default true check (only_row),
  epoch text not null
);
insert into evaluation.impact_epoch (epoch) values (gen_random_uuid()::text);

${bumpVersionsFunctionSql('evaluation.bump_impact_versions', 'evaluation.impact_region_version')}

-- The codes of a statement's rows (as jsonb): the row's own region code (when it has one) and its unit's region.
create function evaluation.impact_row_codes(changed jsonb) returns text[] language sql stable as $$
  select array(
    select coalesce(r ->> 'region_code', u.region_code) from jsonb_array_elements(coalesce(changed, '[]')) as r
      left join evaluation.rm_unit u on u.unit_id = (r ->> 'unit_id')::int
    union
    select u.region_code from jsonb_array_elements(coalesce(changed, '[]')) as r
      join evaluation.rm_unit u on u.unit_id = (r ->> 'unit_id')::int)
$$;

create function evaluation.impact_unit_rows_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    perform evaluation.bump_impact_versions(evaluation.impact_row_codes((select jsonb_agg(to_jsonb(n)) from new_rows n)));
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    perform evaluation.bump_impact_versions(evaluation.impact_row_codes((select jsonb_agg(to_jsonb(o)) from old_rows o)));
  end if;
  return null;
end $$;

create function evaluation.impact_tables_truncated() returns trigger language plpgsql as $$
begin
  update evaluation.impact_epoch set epoch = gen_random_uuid()::text;
  return null;
end $$;

${changeTriggersSql('evaluation.rm_unit', 'evaluation.impact_unit_rows_changed', 'rm_unit', '_impact')}
${changeTriggersSql('evaluation.rm_unit_staffing', 'evaluation.impact_unit_rows_changed', 'rm_unit_staffing', '_impact')}
${changeTriggersSql('evaluation.rm_unit_training', 'evaluation.impact_unit_rows_changed', 'rm_unit_training', '_impact')}
${changeTriggersSql('evaluation.rm_unit_training_day', 'evaluation.impact_unit_rows_changed', 'rm_unit_training_day', '_impact')}
${changeTriggersSql('evaluation.ikm_survey_score', 'evaluation.impact_unit_rows_changed', 'ikm_survey_score', '_impact')}
${['rm_unit', 'rm_unit_staffing', 'rm_unit_training', 'rm_unit_training_day', 'ikm_survey_score']
  .map(
    (t) => `create trigger ${t}_truncated_impact after truncate on evaluation.${t}
  for each statement execute function evaluation.impact_tables_truncated();`,
  )
  .join('\n')}
`);
  }
}
