import type pg from 'pg';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { createPool, type DatabaseServer } from '../../subgraphs/shared/database.js';
import { devAuthorization } from '../dev/dev-token.js';
import { startScratchDatabase } from '../dev/embedded-postgres.js';
import { type Platform, startPlatform } from '../dev/platform.js';

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
): Promise<GraphqlResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await devAuthorization()) },
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
