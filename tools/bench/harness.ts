import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { config } from '../../subgraphs/shared/config.js';
import { createPool, type DatabaseServer } from '../../subgraphs/shared/database.js';
import { devAuthorization } from '../dev/dev-token.js';
import { startDatabase, startScratchDatabase } from '../dev/embedded-postgres.js';
import { type Platform, startPlatform } from '../dev/platform.js';
import { generateDemoData, type SeedOptions } from '../seed/generate.js';

/** A scratch database with migrations and regions, a pool on it, and (once started) the platform. */
export interface BenchEnvironment {
  database: DatabaseServer;
  pool: pg.Pool;
  startPlatform(): Promise<Platform>;
  stop(): Promise<void>;
}

export async function benchEnvironment(): Promise<BenchEnvironment> {
  const database = await startScratchDatabase('pembinaan_bench');
  await prepareDatabase(database.url);
  const pool = createPool(database.url, 2);
  let platform: Platform | undefined;
  return {
    database,
    pool,
    startPlatform: async () => (platform = await startPlatform({ databaseUrl: database.url })),
    stop: async () => {
      await platform?.stop();
      await pool.end();
      await database.stop();
    },
  };
}

export interface GraphqlResult {
  data?: unknown;
  errors?: { message: string }[];
}

/** POSTs one GraphQL request and fails loudly on errors: a benchmark of failing requests measures nothing. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  /** The credential; default a development token of the configured data folder. */
  authorization?: Record<string, string>,
): Promise<GraphqlResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ?? (await devAuthorization())) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphqlResult;
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((e) => e.message).join('; ')}`);
  return body;
}

export interface Timing {
  median: number;
  p95: number;
  requestsPerSecond: number;
}

/**
 * Latency of sequential requests (median, p95 in ms) after a warm-up, then throughput with `clients`
 * concurrent clients for a fixed number of requests. Bounded in count: it always stops by itself.
 */
export async function measure(
  send: () => Promise<unknown>,
  options: { warmup?: number; samples?: number; clients?: number; requests?: number } = {},
): Promise<Timing> {
  const { warmup = 10, samples = 60, clients = 8, requests = 200 } = options;
  for (let i = 0; i < warmup; i++) await send();
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await send();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < requests) {
        issued += 1;
        await send();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    median: durations[Math.floor(durations.length / 2)] ?? 0,
    p95: durations[Math.floor(durations.length * 0.95)] ?? 0,
    requestsPerSecond: requests / seconds,
  };
}

export function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** Seed options that decide the data (not how it is logged or where the truth goes). */
export type BenchSeed = Pick<SeedOptions, 'seed' | 'regions' | 'employeesPerRegion' | 'years'> &
  Partial<Pick<SeedOptions, 'scenario'>>;

/** A seeded benchmark database kept between runs: its folder is named by the seed options. */
export interface BenchData {
  /** The owner connection (migrations, seeding; the subgraphs serve with it too). */
  url: string;
  /** The data folder: PostgreSQL cluster, credentials and the development keys. */
  dataDir: string;
  /** The postmaster's pid (for its memory), when the cluster is embedded. */
  postmasterPid: number | undefined;
  /** Whether this run seeded it (false: reused). */
  seeded: boolean;
  seedSeconds: number;
  stop(): Promise<void>;
}

/**
 * The benchmark's data, built once and reused: `.data/bench/<key>/` where the key hashes the seed
 * options, with its own embedded PostgreSQL (fsync on, so it survives). A folder whose seeding did not
 * finish (no `seeded.json`) is rebuilt. With DATABASE_URL set, a scratch database is seeded each run.
 */
export async function benchData(seed: BenchSeed, log: (line: string) => void = console.log): Promise<BenchData> {
  const key = createHash('sha256').update(JSON.stringify(seed)).digest('hex').slice(0, 12);
  const dataDir = join(config().dev.dataDir, 'bench', key);
  const marker = join(dataDir, 'seeded.json');
  const external = config().database.url !== undefined;
  if (!external && !existsSync(marker)) await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const database = external
    ? await startScratchDatabase('pembinaan_bench')
    : await startDatabase({ dataDir: join(dataDir, 'postgres') });
  let seeded = false;
  let seedSeconds = 0;
  if (external || !existsSync(marker)) {
    await prepareDatabase(database.url);
    const pool = createPool(database.url, 2);
    try {
      const started = performance.now();
      await generateDemoData(pool, { ...seed, log });
      seedSeconds = (performance.now() - started) / 1000;
      seeded = true;
      await writeFile(marker, `${JSON.stringify({ ...seed, seedSeconds }, null, 2)}\n`);
    } finally {
      await pool.end();
    }
  }
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  const postmasterPid =
    !external && existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : undefined;
  return { url: database.url, dataDir, postmasterPid, seeded, seedSeconds, stop: () => database.stop() };
}

/** Memory of a process and all its descendants, from /proc (Linux): resident and proportional set sizes, MiB. */
export function processTreeMemory(pid: number): { rssMiB: number; pssMiB: number; processes: number } {
  const children = new Map<number, number[]>();
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = safeRead(`/proc/${entry}/stat`);
    // The command name (2nd field) may hold spaces: the parent pid is the 2nd field after its closing ')'.
    const parent = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isFinite(parent)) continue;
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  let rss = 0;
  let pss = 0;
  let processes = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop() as number; // non-empty: checked by the loop condition
    const rollup = safeRead(`/proc/${current}/smaps_rollup`);
    if (rollup) {
      processes += 1;
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    }
    queue.push(...(children.get(current) ?? []));
  }
  return { rssMiB: rss / 1024, pssMiB: pss / 1024, processes };
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
