import type pg from 'pg';
import { dayOf } from './calendar.js';
import { Identifiers } from './identifiers.js';
import type { SeedOptions } from './options.js';
import type { TableKey, Tables } from './tables.js';
import type { CoursePool } from './types.js';

/** Everything shared by the regions of one run. */
export interface Run {
  client: pg.PoolClient;
  options: SeedOptions;
  from: number;
  to: number;
  /** 31 December of the last seeded year: ages and histories are as of this day. */
  ref: number;
  /** Latest appointment month (June of the last seeded year): never in the future of the data. */
  lastAppointmentMonth: number;
  krejcieMorgan: { population: number; minimum: number }[];
  ids: Partial<Record<TableKey, number>>;
  tables: Tables;
  identifiers: Identifiers;
  courseIds: number[];
  /** The curriculum version (version 1) of each course, parallel to courseIds: what its offerings run. */
  curriculumVersionIds: number[];
  poolCache: Map<string, CoursePool>;
  clampedQuality: number;
  /** The COPY still running, if any. */
  inflight: Promise<void>;
  /** Told the rows handed to PostgreSQL so far, after each flush (the progress bar). */
  onFlush?: (rows: number) => void;
}

export function createRun(
  client: pg.PoolClient,
  options: SeedOptions,
  tables: Tables,
  krejcieMorgan: Run['krejcieMorgan'],
): Run {
  const { from, to } = options.years;
  return {
    client,
    options,
    from,
    to,
    ref: dayOf(to, 12, 31),
    lastAppointmentMonth: to * 12 + 5,
    krejcieMorgan,
    ids: {},
    tables,
    identifiers: new Identifiers(to),
    courseIds: [],
    curriculumVersionIds: [],
    poolCache: new Map(),
    clampedQuality: 0,
    inflight: Promise.resolve(),
  };
}

/** The next id of a table (1, 2, ...): the generator assigns ids itself, so children can refer to them. */
export const nextId = (run: Run, table: TableKey): number => (run.ids[table] = (run.ids[table] ?? 0) + 1);

/**
 * Sends every buffered row (one COPY per table, parents first) without waiting for it: the database
 * loads while the generator computes the next batch. At most one flush is in flight.
 */
export async function flushAll(run: Run): Promise<void> {
  await run.inflight;
  const batches = Object.values(run.tables).map((table) => [table, table.drain()] as const);
  const sent = (async () => {
    for (const [table, chunks] of batches) await table.copy(run.client, chunks);
  })();
  sent.catch(() => {}); // awaited by the next flush or at the end; never an unhandled rejection
  run.inflight = sent;
  run.onFlush?.(batches.reduce((n, [table]) => n + table.written, 0));
}

/** The minimum sample of an IKM survey for a population (Krejcie-Morgan table, evaluation schema). */
export function krejcieMorgan(run: Run, population: number): number {
  const table = run.krejcieMorgan;
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table[mid]?.population ?? 0) >= population) hi = mid;
    else lo = mid + 1;
  }
  const row = table[lo];
  if (!row) throw new Error('evaluation.krejcie_morgan is empty');
  return Math.min(row.minimum, population);
}
