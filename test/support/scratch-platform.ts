import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { createPool, type DatabaseServer } from '../../subgraphs/shared/database.js';
import { startScratchDatabase } from '../../tools/dev/embedded-postgres.js';
import { type Platform, startPlatform } from '../../tools/dev/platform.js';
import { generateDemoData, type SeedOptions } from '../../tools/seed/generate.js';

/**
 * The platform on a database of its own, for a test file that writes: migrated, seeded with `seed`, started
 * instrumented with the read model caught up at start and no timer rounds (they would add to statement
 * counts); stopped after the file.
 */
export function useScratchPlatform(name: string, seed: SeedOptions) {
  const context = {} as { server: DatabaseServer; pool: pg.Pool; platform: Platform };
  beforeAll(async () => {
    context.server = await startScratchDatabase(name);
    await prepareDatabase(context.server.url);
    context.pool = createPool(context.server.url, 2);
    await generateDemoData(context.pool, seed);
    context.platform = await startPlatform({
      databaseUrl: context.server.url,
      instrument: true,
      readModelSyncMs: 600_000,
    });
  }, 180_000);
  afterAll(async () => {
    await context.platform?.stop();
    await context.pool?.end();
    await context.server?.stop();
  });
  return context;
}

/**
 * Raises the realised spending of one agency budget line of evaluation's read model in `regionPrefix` by
 * `rupiah` (a write the comparison must see), and returns the line; undefined (nothing written) when the region
 * spent nothing that year.
 */
export async function raiseBudgetLine(
  pool: pg.Pool,
  year: number,
  regionPrefix: string,
  rupiah: number,
): Promise<{ agencyId: number; regionCode: string } | undefined> {
  const [line] = (
    await pool.query<{ agencyId: number; regionCode: string }>(
      `select agency_id as "agencyId", region_code as "regionCode" from evaluation.rm_agency_budget
        where year = $1 and region_code like $2 || '%' and realised > 0 order by agency_id, region_code limit 1`,
      [year, regionPrefix],
    )
  ).rows;
  if (!line) return undefined;
  await pool.query(
    'update evaluation.rm_agency_budget set realised = realised + $4 where year = $1 and agency_id = $2 and region_code = $3',
    [year, line.agencyId, line.regionCode, rupiah],
  );
  return line;
}
