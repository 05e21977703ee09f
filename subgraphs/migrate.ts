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

/** Brings a database up to date: every subgraph's migrations, then the official region list. */
export async function prepareDatabase(url: string): Promise<void> {
  for (const schema of SUBGRAPH_NAMES) await migrateSubgraph(url, schema);
  const pool = createPool(url, 2);
  try {
    await importOfficialRegions(pool);
  } finally {
    await pool.end();
  }
}
