import { type ChildProcess, fork } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareDatabase, prepareSubgraph } from '../../subgraphs/migrate.js';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/names.js';
import { type Config, childEnvironment, sameDatabase } from '../../subgraphs/shared/config.js';
import { createPool } from '../../subgraphs/shared/database.js';
import { DEMO_DEFAULTS, generateDemoData } from '../seed/generate.js';
import { type DevDatabase, freePort, startDevDatabase } from './embedded-postgres.js';
import { heapFlags } from './memory.js';

/**
 * The dev supervisor behind `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations and
 * demo data, then each subgraph and the gateway as its own child process (the production entry points
 * in dist/). A child that crashes is restarted with backoff and the reason logged; PostgreSQL too.
 * Stopping drains: the gateway first (in-flight requests finish), then the subgraphs, then PostgreSQL.
 * Children watch their IPC channel and PostgreSQL has its guard: none outlives the supervisor.
 */

export interface SupervisorOptions {
  settings: Config;
  /** Compiled entry points (dist/). */
  distDir: string;
  log?: (line: string) => void;
}

/** What is running, in `<data folder>/run.json` (tests and operators read it). */
export interface RunState {
  supervisor: number;
  /** True once every child has reported ready (the gateway last). */
  ready: boolean;
  postgres?: number;
  gateway: { pid?: number; url: string };
  subgraphs: Record<SubgraphName, { pid?: number; url: string }>;
}

const MAX_BACKOFF_MS = 10_000;
/** A child that ran this long before crashing starts again at the shortest backoff. */
const HEALTHY_AFTER_MS = 30_000;
/** A child that never got ready is given up after this many attempts (npm start then fails, saying why). */
const STARTUP_ATTEMPTS = 6;

class Supervised {
  process?: ChildProcess;
  private failures = 0;
  private startedAt = 0;
  private tail: string[] = [];
  private restartTimer?: NodeJS.Timeout;
  stopping = false;
  private everReady = false;
  private readyWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: (line: string) => void,
    private readonly onChange: () => void,
    private readonly graceMs: number,
  ) {}

  /** Starts the child and resolves once it reports ready (rejects if it exits first). */
  start(): Promise<void> {
    this.startedAt = Date.now();
    this.tail = [];
    const child = fork(this.script, this.args, {
      env: this.env,
      // Bounded heaps: see memory.ts (NODE_HEAP_MIB).
      execArgv: [...process.execArgv, ...heapFlags(this.name)],
      // Its own process group: a terminal's Ctrl-C reaches the supervisor only, which stops in order.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.process = child;
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          this.tail.push(line);
          if (this.tail.length > 20) this.tail.shift();
          this.log(`[${this.name}] ${line}`);
        }
      });
    }
    const ready = new Promise<void>((resolve, reject) => {
      child.on('message', (message: { type?: string }) => {
        if (message?.type !== 'ready') return;
        this.everReady = true;
        for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
        resolve();
      });
      child.once('exit', (code, signal) =>
        reject(new Error(`${this.name} exited before it was ready (${describe(code, signal)})`)),
      );
    });
    child.once('exit', (code, signal) => this.exited(child, code, signal));
    this.onChange();
    return ready;
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.process !== child) return;
    this.process = undefined;
    this.onChange();
    if (this.stopping) return;
    const ranMs = Date.now() - this.startedAt;
    if (ranMs > HEALTHY_AFTER_MS) this.failures = 0;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.failures);
    this.failures += 1;
    if (!this.everReady && this.failures > STARTUP_ATTEMPTS) {
      const error = new Error(
        `${this.name} failed ${this.failures} times before it was ready (${describe(code, signal)}):\n    ${this.tail.join('\n    ')}`,
      );
      for (const waiter of this.readyWaiters.splice(0)) waiter.reject(error);
      return;
    }
    const last = this.tail.filter((line) => line.trim()).slice(-5);
    this.log(
      `[supervisor] ${this.name} exited unexpectedly (${describe(code, signal)}) after ${(ranMs / 1000).toFixed(1)} s; ` +
        `restart #${this.failures} in ${delay} ms${last.length ? `. Its last lines:\n    ${last.join('\n    ')}` : ''}`,
    );
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.start().then(
        () => this.log(`[supervisor] ${this.name} is back`),
        (error: unknown) => this.log(`[supervisor] ${error instanceof Error ? error.message : String(error)}`),
      );
    }, delay);
  }

  /**
   * Starts the child and resolves once it has reported ready, restarts included: a port still held by
   * a draining child of an earlier, killed supervisor only delays the start.
   */
  startAndWait(): Promise<void> {
    const ready = new Promise<void>((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
    this.start().catch(() => {});
    return ready;
  }

  /** SIGTERM (the child drains), then SIGKILL if it is still there after the grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => {
      this.log(`[supervisor] ${this.name} still running ${this.graceMs + 3_000} ms after SIGTERM: SIGKILL`);
      child.kill('SIGKILL');
    }, this.graceMs + 3_000);
    await exited;
    clearTimeout(killer);
  }
}

function describe(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

export interface Supervisor {
  state: RunState;
  stop(reason: string): Promise<void>;
}

export async function startSupervisor(options: SupervisorOptions): Promise<Supervisor> {
  const { settings } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = settings.dev.dataDir;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const statePath = join(dataDir, 'run.json');
  let stopping = false;

  const database: DevDatabase = await startDevDatabase({
    dataDir,
    port: settings.dev.embeddedPgPort,
    log: (line) => log(`[postgres] ${line}`),
  });
  const children: Supervised[] = [];
  let state: RunState | undefined;
  const writeState = () => {
    if (!state || stopping) return;
    state.postgres = database.embedded()?.pid;
    for (const child of children) {
      const entry = child.name === 'gateway' ? state.gateway : state.subgraphs[child.name as SubgraphName];
      entry.pid = child.process?.pid;
    }
    // Written whole, then renamed: a reader never sees half a file.
    const temporary = `${statePath}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, statePath);
  };

  // PostgreSQL that stops on its own (crash, an operator's pg_ctl) comes back on the same port; the
  // subgraphs keep running and their pools reconnect.
  let pgFailures = 0;
  const watchPostgres = () => {
    const embedded = database.embedded();
    if (!embedded || !database.restart) return;
    void embedded.exited.then(async () => {
      if (stopping) return;
      const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** pgFailures);
      pgFailures += 1;
      log(`[supervisor] PostgreSQL (pid ${embedded.pid}) exited unexpectedly; restarting in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      while (!stopping) {
        try {
          await database.restart?.();
          log(`[supervisor] PostgreSQL is back (pid ${database.embedded()?.pid})`);
          writeState();
          watchPostgres();
          return;
        } catch (error) {
          log(`[supervisor] PostgreSQL restart failed: ${error instanceof Error ? error.message : String(error)}`);
          await new Promise((resolve) => setTimeout(resolve, MAX_BACKOFF_MS));
        }
      }
    });
  };

  const stop = async (reason: string) => {
    if (stopping) return;
    log(
      `[supervisor] ${reason}: draining the gateway, then the subgraphs, then ${database.embedded() ? 'PostgreSQL' : 'done'}`,
    );
    stopping = true;
    const gateway = children.find((child) => child.name === 'gateway');
    await gateway?.stop();
    await Promise.all(children.filter((child) => child !== gateway).map((child) => child.stop()));
    await database.stop();
    await rm(statePath, { force: true });
    log('[supervisor] stopped');
  };

  try {
    await prepareDatabase(database.ownerUrl, database.roles);
    // A subgraph configured with its own PostgreSQL server (another host, port or database): its URL owns
    // its schema there. The demo data and the importer still write to DATABASE_URL's server only.
    for (const name of SUBGRAPH_NAMES) {
      const url = database.subgraphUrls[name];
      if (!sameDatabase(url, database.ownerUrl)) await prepareSubgraph(url, name);
    }
    if (settings.dev.seedDemoData) await seedWhenEmpty(database.ownerUrl, join(dataDir, 'truth.json'), log);
    watchPostgres();

    // Ports: PORT for the gateway (default 4000), the next four for the subgraphs; PORT=0: free ports.
    const base = settings.server.port ?? 4000;
    const gatewayPort = base === 0 ? await freePort() : base;
    const ports = {} as Record<SubgraphName, number>;
    for (const name of SUBGRAPH_NAMES) {
      ports[name] =
        base === 0 ? await freePort() : base === 4000 ? DEFAULT_PORTS[name] : base + 1 + SUBGRAPH_NAMES.indexOf(name);
    }
    const subgraphUrl = (name: SubgraphName) => `http://127.0.0.1:${ports[name]}/`;
    // Every child learns where the subgraphs listen: the gateway routes to them and evaluation pulls the
    // owners' feeds from them. Left out, evaluation would pull from the default ports (4001-4003), which on
    // free ports is nobody, or another stack.
    const subgraphUrls = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, subgraphUrl(name)]),
    );
    state = {
      supervisor: process.pid,
      ready: false,
      gateway: { url: `http://127.0.0.1:${gatewayPort}/` },
      subgraphs: Object.fromEntries(
        SUBGRAPH_NAMES.map((name) => [name, { url: subgraphUrl(name) }]),
      ) as RunState['subgraphs'],
    };
    const graceMs = settings.timeouts.shutdownGraceMs;
    // Each child knows only its own credentials: the supervisor's DATABASE_URL (the owner) is not passed on.
    const noDatabase = Object.fromEntries(
      [
        'DATABASE_URL',
        'ACCESS_DATABASE_URL',
        ...SUBGRAPH_NAMES.map((name) => `${name.toUpperCase()}_DATABASE_URL`),
      ].map((key) => [key, undefined]),
    );
    for (const name of SUBGRAPH_NAMES) {
      children.push(
        new Supervised(
          name,
          join(options.distDir, 'subgraphs', 'start-subgraph.js'),
          [name],
          childEnvironment({
            ...noDatabase,
            ...subgraphUrls,
            PORT: String(ports[name]),
            HOST: '127.0.0.1',
            [`${name.toUpperCase()}_DATABASE_URL`]: database.subgraphUrls[name],
          }),
          log,
          writeState,
          graceMs,
        ),
      );
    }
    await Promise.all(children.map((child) => child.startAndWait()));
    const gateway = new Supervised(
      'gateway',
      join(options.distDir, 'gateway', 'start-gateway.js'),
      [],
      childEnvironment({
        ...noDatabase,
        ACCESS_DATABASE_URL: database.accessUrl,
        PORT: String(gatewayPort),
        ...subgraphUrls,
      }),
      log,
      writeState,
      graceMs,
    );
    children.push(gateway);
    await gateway.startAndWait();
    state.ready = true;
    writeState();
  } catch (error) {
    await stop('start-up failed').catch(() => {});
    throw error;
  }
  return { state, stop };
}

async function seedWhenEmpty(ownerUrl: string, truthPath: string, log: (line: string) => void): Promise<void> {
  const pool = createPool(ownerUrl, 4);
  try {
    const { rows } = await pool.query<{ seeded: boolean }>(
      'select exists (select 1 from personnel.employee) as seeded',
    );
    if (rows[0]?.seeded) return;
    log('Empty database: loading demo data (Kota Medan, Kota Binjai, Kabupaten Merauke, 2021-2025)...');
    await generateDemoData(pool, { ...DEMO_DEFAULTS, truthPath, log: (line) => log(`  ${line}`) });
  } finally {
    await pool.end();
  }
}
