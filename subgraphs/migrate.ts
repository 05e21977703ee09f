import { createPool } from './shared/database.js';
import { migrate, openOrm } from './shared/orm.js';
import { migrations as budgetingMigrations } from './budgeting/migrations/index.js';
import { migrations as evaluationMigrations } from './evaluation/migrations/index.js';
import { migrations as learningMigrations } from './learning/migrations/index.js';
import { migrations as personnelMigrations } from './personnel/migrations/index.js';
import { importOfficialRegions } from './personnel/reference/regions.js';

/** Each subgraph's schema with its migrations, in dependency-free order. */
export const SCHEMA_MIGRATIONS = {
  personnel: personnelMigrations,
  learning: learningMigrations,
  budgeting: budgetingMigrations,
  evaluation: evaluationMigrations,
} as const;

export type SubgraphName = keyof typeof SCHEMA_MIGRATIONS;
export const SUBGRAPH_NAMES = Object.keys(SCHEMA_MIGRATIONS) as SubgraphName[];

/** Applies one subgraph's pending migrations inside its own schema. */
export async function migrateSubgraph(url: string, schema: SubgraphName): Promise<void> {
  const orm = await openOrm({ schema, entities: [], migrations: SCHEMA_MIGRATIONS[schema], url, poolSize: 1 });
  try {
    await migrate(orm, schema);
  } finally {
    await orm.close();
  }
}

/** Reference data a subgraph loads once its tables exist (idempotent: skipped when present). */
const REFERENCE_DATA: Partial<Record<SubgraphName, (pool: ReturnType<typeof createPool>) => Promise<unknown>>> = {
  personnel: importOfficialRegions,
};

/** Brings one subgraph's schema up to date: its migrations, then its reference data. */
export async function prepareSubgraph(url: string, schema: SubgraphName): Promise<void> {
  await migrateSubgraph(url, schema);
  const load = REFERENCE_DATA[schema];
  if (!load) return;
  const pool = createPool(url, 2);
  try {
    await load(pool);
  } finally {
    await pool.end();
  }
}

/** Brings a whole database up to date: every subgraph's migrations and reference data. */
export async function prepareDatabase(url: string): Promise<void> {
  for (const schema of SUBGRAPH_NAMES) await prepareSubgraph(url, schema);
}
