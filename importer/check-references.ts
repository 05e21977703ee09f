import pg from 'pg';
import type { SubgraphName } from '../subgraphs/names.js';
import { config } from '../subgraphs/shared/config.js';
import { ImportSetupError, importSettings, importTargets } from './connection.js';
import { REFERENCE_BATCH, subgraphCaller } from './personnel-directory.js';

/**
 * `npm run check:references`: references a subgraph stores to records another subgraph owns (an enrolment's
 * employee, a survey's unit, a budget line's agency...) are asked of the owner through its API, in batches
 * (federation's `_entities`, the way the gateway resolves them), and those it does not know are reported.
 * Each subgraph's own values are read from its own schema. Exit code 1 when some reference dangles.
 */

export interface StoredReference {
  /** The referring table and column, e.g. `learning.enrolment` and `employee_id`. */
  table: string;
  column: string;
  /** The subgraph that owns the referenced records, and their entity type and key field. */
  owner: SubgraphName;
  type: string;
  key: 'id' | 'code';
}

export const STORED_REFERENCES: readonly StoredReference[] = [
  { table: 'learning.enrolment', column: 'employee_id', owner: 'personnel', type: 'Employee', key: 'id' },
  { table: 'learning.enrolment', column: 'agency_id', owner: 'personnel', type: 'Agency', key: 'id' },
  { table: 'learning.enrolment', column: 'unit_id', owner: 'personnel', type: 'ServiceUnit', key: 'id' },
  { table: 'learning.course_offering', column: 'region_code', owner: 'personnel', type: 'Region', key: 'code' },
  { table: 'learning.university', column: 'region_code', owner: 'personnel', type: 'Region', key: 'code' },
  { table: 'evaluation.skp_appraisal', column: 'employee_id', owner: 'personnel', type: 'Employee', key: 'id' },
  { table: 'evaluation.skp_appraisal', column: 'unit_id', owner: 'personnel', type: 'ServiceUnit', key: 'id' },
  { table: 'evaluation.ikm_survey', column: 'unit_id', owner: 'personnel', type: 'ServiceUnit', key: 'id' },
  { table: 'budgeting.budget_line', column: 'agency_id', owner: 'personnel', type: 'Agency', key: 'id' },
  { table: 'budgeting.offering_cost', column: 'agency_id', owner: 'personnel', type: 'Agency', key: 'id' },
  { table: 'budgeting.offering_cost', column: 'offering_id', owner: 'learning', type: 'CourseOffering', key: 'id' },
];

/** Unknown values listed per reference at most (all are counted). */
const LISTED = 20;

export interface DanglingReference extends StoredReference {
  /** Distinct values the owner does not know, and the rows holding the listed ones. */
  unknownValues: number;
  rows: number;
  /** The first unknown values. */
  values: string[];
}

export async function checkReferences(
  databaseUrl: string,
  subgraphUrls: Record<SubgraphName, string>,
): Promise<{ checked: number; dangling: DanglingReference[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const callers = new Map<SubgraphName, ReturnType<typeof subgraphCaller>>();
  const callerOf = (name: SubgraphName) => {
    const caller = callers.get(name) ?? subgraphCaller(name, subgraphUrls[name]);
    callers.set(name, caller);
    return caller;
  };
  const dangling: DanglingReference[] = [];
  let checked = 0;
  try {
    await client.query('begin read only');
    for (const reference of STORED_REFERENCES) {
      const unknown: string[] = [];
      let unknownValues = 0;
      // Column and table names come from STORED_REFERENCES above, never from input.
      await client.query(
        `declare reference_values no scroll cursor for
           select distinct ${reference.column}::text as value from ${reference.table} where ${reference.column} is not null`,
      );
      for (;;) {
        const { rows } = await client.query<{ value: string }>(`fetch ${REFERENCE_BATCH} from reference_values`);
        if (rows.length === 0) break;
        checked += rows.length;
        const known = await knownOf(
          callerOf(reference.owner),
          reference,
          rows.map((row) => row.value),
        );
        for (const { value } of rows) {
          if (known.has(value)) continue;
          unknownValues++;
          if (unknown.length < LISTED) unknown.push(value);
        }
      }
      await client.query('close reference_values');
      if (unknownValues === 0) continue;
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from ${reference.table} where ${reference.column}::text = any($1)`,
        [unknown],
      );
      dangling.push({ ...reference, unknownValues, rows: rows[0]?.n ?? 0, values: unknown });
    }
    await client.query('commit');
  } finally {
    await client.end();
  }
  return { checked, dangling };
}

/** The values of one batch that the owner resolves, asked with federation's `_entities`. */
async function knownOf(
  caller: ReturnType<typeof subgraphCaller>,
  reference: StoredReference,
  values: readonly string[],
): Promise<Set<string>> {
  // Ids travel as integers (subgraphs check the key's type), codes as text.
  const representations = values.map((value) => ({
    __typename: reference.type,
    [reference.key]: reference.key === 'id' ? Number(value) : value,
  }));
  const data = await caller.ask<{ _entities: (Record<string, unknown> | null)[] }>(
    `query CheckReferences($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on ${reference.type} { ${reference.key} } }
    }`,
    { representations },
  );
  return new Set(data._entities.flatMap((entity) => (entity ? [String(entity[reference.key])] : [])));
}

export async function main(): Promise<number> {
  try {
    const settings = config();
    const { databaseUrl, personnelUrl } = await importTargets(importSettings(settings));
    const urls = { ...settings.subgraphUrls, personnel: personnelUrl };
    const { checked, dangling } = await checkReferences(databaseUrl, urls);
    for (const d of dangling) {
      console.log(
        `${d.table}.${d.column}: ${d.unknownValues} values ${d.owner} has no ${d.type} for; the first ${d.values.length} (in ${d.rows} rows): ${d.values.join(', ')}`,
      );
    }
    console.log(
      dangling.length === 0
        ? `${checked} referenced values checked with their owners: none dangling`
        : `${checked} referenced values checked with their owners: ${dangling.length} references dangle`,
    );
    return dangling.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof ImportSetupError ? error.message : `check failed: ${String(error)}`);
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main();
}
