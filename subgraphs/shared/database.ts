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
  // the process: the next query reports the error where it matters. Once the pool is ending, its clients
  // close without waiting for the server's goodbye, and a server stopped right after (the seed's embedded
  // PostgreSQL) may end one of them first: expected then, and not reported.
  pool.on('error', (error) => {
    if (pool.ending) return;
    console.error(`database connection lost: ${error.message}`);
  });
  return pool;
}
