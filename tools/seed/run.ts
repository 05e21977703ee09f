import { dayOf } from './calendar.js';
import { Identifiers } from './identifiers.js';
import type { SeedOptions } from './options.js';
import type { TableKey, Tables } from './tables.js';
import type { CoursePool } from './types.js';

/** The COPY text of one flush: per table (parents first) the chunks drained from its buffer. */
export type Batch = { table: string; columnNames: readonly string[]; chunks: Uint8Array[] }[];

/** The options a run generates from: the data only (no callbacks), so a generator thread can be given them. */
export type GenerationOptions = Pick<
  SeedOptions,
  'seed' | 'regions' | 'employeesPerRegion' | 'employeesByRegion' | 'years' | 'effectsByRegion' | 'scenario'
>;

/** Everything shared by the regions of one run. */
export interface Run {
  /** Hands a flushed batch on (to PostgreSQL, or to the thread that writes it); resolves when the next may follow. */
  send: (batch: Batch) => Promise<void>;
  options: GenerationOptions;
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
  /** The batch still being handed on, if any. */
  inflight: Promise<void>;
}

export function createRun(
  send: Run['send'],
  options: GenerationOptions,
  tables: Tables,
  krejcieMorgan: Run['krejcieMorgan'],
): Run {
  const { from, to } = options.years;
  return {
    send,
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
 * Bytes of COPY text the tables buffer before a flush: a few regions' rows per COPY statement rather
 * than a statement per table after every region and year (each statement is a round trip and a relation
 * opened; a national seed made thousands).
 */
const FLUSH_BYTES = 8 << 20;

/**
 * Hands every buffered row on (one COPY per table, parents first) without waiting for it to load: the
 * database loads while the generator computes the next batch. At most one batch is in flight. Below
 * FLUSH_BYTES nothing is flushed unless `final`.
 */
export async function flushAll(run: Run, final = false): Promise<void> {
  const tables = Object.values(run.tables);
  if (!final && tables.reduce((n, table) => n + table.pendingBytes, 0) < FLUSH_BYTES) return;
  await run.inflight;
  const batch: Batch = tables
    .map((table) => ({ table: table.table, columnNames: table.columnNames, chunks: table.drain() }))
    .filter((entry) => entry.chunks.length > 0);
  if (batch.length === 0) return;
  const sent = run.send(batch);
  sent.catch(() => {}); // awaited by the next flush or at the end; never an unhandled rejection
  run.inflight = sent;
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
