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
