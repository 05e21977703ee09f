import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { createPool, type DatabaseServer } from '../../subgraphs/shared/database.js';
import { startScratchDatabase } from '../../tools/dev/embedded-postgres.js';
import { generateDemoData, type SeedOptions } from '../../tools/seed/generate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    truthPath: string;
    seedOptions: Omit<SeedOptions, 'log' | 'truthPath'>;
  }
}

/** The demo data every test reads: the three demo regions, smaller than `npm start`'s default. */
export const TEST_SEED: Omit<SeedOptions, 'log' | 'truthPath'> = {
  seed: 7,
  regions: ['12.71', '12.75', '93.01'],
  employeesPerRegion: 1000,
  years: { from: 2021, to: 2025 },
};

let server: DatabaseServer | undefined;
let workDir: string | undefined;

/**
 * Starts one real PostgreSQL for the whole run (embedded on a free port, or a fresh database on the
 * DATABASE_URL server), migrates it and loads the demo data once; test files start their own services.
 */
export async function setup(project: TestProject): Promise<void> {
  server = await startScratchDatabase('pembinaan_test');
  const url = server.url;
  workDir = await mkdtemp(join(tmpdir(), 'pembinaan-test-'));
  const truthPath = join(workDir, 'truth.json');
  await prepareDatabase(url);
  const pool = createPool(url);
  try {
    await generateDemoData(pool, { ...TEST_SEED, truthPath });
  } finally {
    await pool.end();
  }
  project.provide('databaseUrl', url);
  project.provide('truthPath', truthPath);
  project.provide('seedOptions', TEST_SEED);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}
