import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { type SeedOptions, validateOptions } from './options.js';
import { type GenerationInput, type Produced, produceRows, type RegionDone } from './produce.js';
import { loadRegions } from './regions.js';
import type { Batch } from './run.js';
import { describeScenario } from './scenario.js';
import { createTables, SEEDED_TABLES } from './tables.js';
import type { FromGenerator, ToGenerator } from './thread-messages.js';
import type { SeedTruth } from './truth.js';
import { copyChunks } from './writer.js';

/**
 * Deterministic demo data for all four schemas: agencies, service units and staff of the requested
 * regions, training with its costs, SKP appraisals and IKM surveys whose scores depend on the training a
 * unit received, with a true effect that differs by region (written out as the "truth" to test analytics
 * against). One PRNG stream per region (sfc32 seeded from the seed and the region code); no clock reads.
 *
 * The steps live beside this file: regions (districts and villages), units (agencies, service units),
 * people (staff with histories and identifiers), mentoring, training (demand, classes, costs), years
 * (SKP, IKM, budgets) and truth (the model per region); tables and run hold the rows and shared state.
 */

export { DEMO_DEFAULTS, type SeedOptions } from './options.js';
export { SCENARIOS, type Scenario } from './scenario.js';
export { clearDemoData, SEEDED_TABLES } from './tables.js';
export type { SeedTruth } from './truth.js';

/**
 * Fills all four schemas for the given regions and returns (and writes) the truth, all or nothing. Each owner
 * (personnel, learning, budgeting, evaluation: a schema each, no foreign key between them) loads its tables in a
 * transaction of its own, on a connection of its own: the generator's batches stream into them, and after the load
 * each owner rebuilds its keys and indexes, checks its foreign keys, takes its statistics and (a bulk load, see
 * SeedOptions.bulkLoad) rebuilds its rollups, as many owners at once as there are cores. Only when all four are
 * done do they commit, one after the other; any failure before rolls all four back, and a commit failing in that
 * last step empties the owners that had committed (commitAll).
 */
export async function generateDemoData(pool: pg.Pool, options: SeedOptions): Promise<SeedTruth> {
  validateOptions(options);
  const log = options.log ?? (() => {});
  const phase = options.phase ?? (() => {});
  const started = performance.now();
  const scenario = options.scenario ?? 'random';
  const truth: SeedTruth = {
    seed: options.seed,
    scenario,
    scenarioDescription: describeScenario(scenario),
    years: { ...options.years },
    regions: {},
  };
  // The tables are empty (assertEmpty), so the load can always go without the rollup triggers and the
  // owners rebuild once: the same rollups (test/integration/read-model.test.ts), in a fraction of the time
  // even for the demo (3.5-3.9 s instead of 57-82 s on two busy cores; see SeedOptions.bulkLoad).
  const bulk = options.bulkLoad ?? true;
  const sessions = await openSessions(pool);
  let total = 0;
  try {
    const personnel = sessionOf(sessions, 'personnel');
    await assertTriggersFire(personnel.client);
    await allOrFirstFailure(sessions.map((session) => prepareLoad(session, bulk)));
    const km = await sessionOf(sessions, 'evaluation').client.query<{ population: number; minimum_sample: number }>(
      'select population, minimum_sample from evaluation.krejcie_morgan order by population',
    );
    const input: GenerationInput = {
      options: {
        seed: options.seed,
        regions: options.regions,
        employeesPerRegion: options.employeesPerRegion,
        employeesByRegion: options.employeesByRegion,
        years: options.years,
        effectsByRegion: options.effectsByRegion,
        scenario,
      },
      regions: await loadRegions(personnel.client, options.regions),
      krejcieMorgan: km.rows.map((r) => ({ population: r.population, minimum: r.minimum_sample })),
    };
    let done = 0;
    const regionDone: RegionDone = ({ code, truth: params, rows, total: generated, ms }) => {
      truth.regions[code] = params;
      done += 1;
      options.progress?.({ regions: done, of: input.regions.length, rows: generated });
      log(
        `${code} ${params.name}: ${params.employees} employees, ${params.units} units, ` +
          `${rows} rows, ${(ms / 1000).toFixed(2)} s`,
      );
    };
    const thread = generatorThread();
    if (thread) log('generating in a worker thread');
    const copy = (batch: CopyBatch): Promise<void> => copyBatch(sessions, batch);
    const produced = thread
      ? await produceInThread(thread, copy, input, regionDone)
      : await produceRows(input, copy, regionDone);
    total = produced.rows;
    phase('load', (performance.now() - started) / 1000);
    const settling = performance.now();
    await settleInLanes(sessions, bulk, log);
    await commitAll(pool, sessions);
    log(`keys, indexes, foreign key checks, statistics and rollups done in ${seconds(settling)} s`);
    phase('owners', (performance.now() - settling) / 1000);
    if (produced.clampedQuality > 0)
      log(`warning: latent IKM quality left [30, 99] and was clamped ${produced.clampedQuality} times`);
  } catch (error) {
    // The original error matters more than a failed rollback (a connection already lost rolls back anyway).
    await Promise.all(sessions.map((session) => session.client.query('rollback').catch(() => {})));
    throw error;
  } finally {
    await Promise.all(sessions.map((session) => session.client.end().catch(() => {})));
  }
  log(`generated ${total} rows in ${seconds(started)} s`);
  if (options.truthPath) {
    await mkdir(dirname(options.truthPath), { recursive: true });
    await writeFile(options.truthPath, `${JSON.stringify(truth, null, 2)}\n`);
  }
  return truth;
}

/** The owners of the seeded tables (their schemas), each with its own `<owner>.rebuild_rollups()`. */
const OWNERS = ['personnel', 'learning', 'budgeting', 'evaluation'] as const;
type Owner = (typeof OWNERS)[number];

/** One owner's share of a seed: its connection and open transaction, its tables, what its load set aside. */
interface Session {
  owner: Owner;
  client: pg.Client;
  /** The owner's seeded tables (schema-qualified), parents first. */
  tables: string[];
  /** Those of them whose id the generator assigns: their sequences are moved past the ids written. */
  identityTables: string[];
  /** The tables were emptied in this transaction, so COPY may freeze the rows (truncateInTransaction). */
  freeze: boolean;
  /** Rebuilds the keys, indexes and foreign keys set aside for the load. */
  restore: () => Promise<void>;
}

const ownerOf = (table: string): Owner => {
  const owner = OWNERS.find((o) => table.startsWith(`${o}.`));
  if (!owner) throw new Error(`${table} belongs to none of the seeded schemas`);
  return owner;
};

const sessionOf = (sessions: Session[], owner: Owner): Session => {
  const session = sessions.find((s) => s.owner === owner);
  if (!session) throw new Error(`no session for ${owner}`);
  return session;
};

/**
 * A connection per owner with its transaction begun. They are the seed's own (the pool's settings), not the
 * pool's: all four stay open until all commit, which a smaller pool (the tests' hold two) could not give.
 */
async function openSessions(pool: pg.Pool): Promise<Session[]> {
  const sessions: Session[] = [];
  try {
    for (const owner of OWNERS) {
      const client = new pg.Client(pool.options);
      // A connection that loses its server reports it on its next query; an unhandled 'error' must not end the process.
      client.on('error', () => {});
      await client.connect();
      sessions.push({
        owner,
        client,
        tables: SEEDED_TABLES.filter((table) => ownerOf(table) === owner),
        identityTables: Object.values(createTables())
          .filter((table) => table.hasIdentity && ownerOf(table.table) === owner)
          .map((table) => table.table),
        freeze: false,
        restore: async () => {},
      });
      await client.query('begin');
      await client.query('set local standard_conforming_strings = on');
    }
  } catch (error) {
    await Promise.all(sessions.map((session) => session.client.end().catch(() => {})));
    throw error;
  }
  return sessions;
}

/**
 * Before an owner's load, in its transaction: refuses a table with rows; sets the keys, indexes and foreign
 * keys aside (into empty tables, building each index once at the end beats updating it row by row, and one
 * set-based check per foreign key beats a trigger per row; a violation still fails the transaction); empties
 * the tables in the transaction (truncateInTransaction) and, for a bulk load, turns their triggers off.
 */
async function prepareLoad(session: Session, bulk: boolean): Promise<void> {
  await assertEmpty(session.client, session.tables);
  session.restore = await setIndexesAside(session.client, session.tables);
  session.freeze = await truncateInTransaction(session.client, session.tables);
  if (bulk) await setTriggersAside(session.client, session.tables);
}

/**
 * After the load, on the owner's connection (settleInLanes runs several owners at once): keys, indexes and foreign
 * keys rebuilt; triggers back on; id sequences moved past the ids written; planner statistics (without them
 * PostgreSQL plans the rebuilds and the first analytics queries for empty tables); and, after a bulk load, the
 * owner's rollups refilled. Each rebuild aggregates the whole of its tables: a large work_mem keeps its hash
 * aggregates and sorts in memory (at the default 4 MB personnel's staffing spilled 500 MB to disk). Evaluation's
 * SKP change rollup is computed against its read model as it stands (empty after a seed); the read model's own
 * triggers bring it up to date when the evaluation subgraph pulls the owners' feeds.
 */
async function settle(session: Session, bulk: boolean, log: (line: string) => void): Promise<void> {
  const { client, owner, tables } = session;
  const started = performance.now();
  await client.query(`set local work_mem = '${REBUILD_WORK_MEM}'`);
  await session.restore();
  if (bulk) for (const table of tables) await client.query(`alter table ${table} enable trigger user`);
  for (const table of session.identityTables)
    await client.query(`select setval(pg_get_serial_sequence($1, 'id'), (select max(id) from ${table}))`, [table]);
  const keyed = performance.now();
  await client.query(`analyze ${tables.join(', ')}`);
  const analyzed = performance.now();
  if (bulk) {
    // Into an empty rollup the rebuild inserts without an upsert's conflict checks (the owners' migrations
    // 0010): its keys and indexes are then built once from the rows, as for the loaded tables. Emptied again
    // in this transaction, its rows also skip the WAL, as the load's do (truncateInTransaction).
    const rollups = PLAIN_INSERT_OWNERS.has(owner) ? await emptyPublishedTables(client, owner) : [];
    if (rollups.length > 0) await truncateInTransaction(client, rollups);
    const restore = await setIndexesAside(client, rollups);
    await client.query(`select ${owner}.rebuild_rollups()`);
    await restore();
  }
  const s = (from: number, to: number): string => ((to - from) / 1000).toFixed(2);
  log(
    `${owner}: keys, indexes and foreign keys ${s(started, keyed)} s, statistics ${s(keyed, analyzed)} s` +
      (bulk ? `, rollups ${s(analyzed, performance.now())} s` : ''),
  );
}

/**
 * Commits the four transactions, one after the other. A commit hardly fails once every statement has run;
 * if one does, the transactions after it roll back and the owners before it, already committed, are emptied
 * again (their seeded tables, then their rollups rebuilt over nothing): nothing half-seeded stays.
 */
async function commitAll(pool: pg.Pool, sessions: Session[]): Promise<void> {
  const committed: Session[] = [];
  for (const session of sessions) {
    try {
      await session.client.query('commit');
    } catch (error) {
      if (committed.length > 0) {
        // The original error matters more than a failure of this clean-up.
        await pool.query(`truncate ${committed.flatMap((c) => c.tables).join(', ')}`).catch(() => {});
        for (const c of committed) await pool.query(`select ${c.owner}.rebuild_rollups()`).catch(() => {});
      }
      throw error;
    }
    committed.push(session);
  }
}

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(2);

/** A batch as generated in this thread (strings) or posted by the generator thread (UTF-8 bytes). */
type CopyBatch = Batch | Extract<FromGenerator, { type: 'batch' }>['batch'];

/**
 * Streams one batch into PostgreSQL: each table's rows on its owner's connection (a COPY per table, parents
 * first, frozen when the tables allow it), one COPY at a time. Loading is cheaper than generating (national:
 * about 11 s of the server's CPU against 14 s of the generator's), so one server process keeps up; COPYs into
 * the four at once took the generator thread's core from under it on two cores.
 */
async function copyBatch(sessions: Session[], batch: CopyBatch): Promise<void> {
  for (const { table, columnNames, chunks } of batch) {
    const session = sessionOf(sessions, ownerOf(table));
    await copyChunks(session.client, table, columnNames, chunks, { freeze: session.freeze });
  }
}

/** Waits for every step, then fails with the first failure: no statement of one runs after another's rollback. */
async function allOrFirstFailure(steps: Promise<void>[]): Promise<void> {
  const failure = (await Promise.allSettled(steps)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * The owners' settle steps, longest first (national seed, alone: personnel's rollups and its keys on 3.5
 * million rows, then learning's rollups, evaluation's, budgeting's).
 */
const SETTLE_ORDER: readonly Owner[] = ['personnel', 'learning', 'evaluation', 'budgeting'];

/**
 * Settles the owners (settle) as many at once as the machine has cores: each lane takes the next owner in
 * SETTLE_ORDER when it is free. Four at once on two cores shared them out evenly, so the longest got half a
 * core while the others ran; in two lanes it has one to itself while the others follow one another.
 */
async function settleInLanes(sessions: Session[], bulk: boolean, log: (line: string) => void): Promise<void> {
  const queue = SETTLE_ORDER.map((owner) => sessionOf(sessions, owner));
  // On a failure the other lanes finish the owner they are at and take no other: the transactions roll back
  // only once no statement runs (a statement queued after the rollback would run outside any transaction).
  let failed = false;
  const lane = async (): Promise<void> => {
    for (let session = queue.shift(); session && !failed; session = queue.shift()) {
      await settle(session, bulk, log).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  await allOrFirstFailure(Array.from({ length: Math.max(1, Math.min(queue.length, availableParallelism())) }, lane));
}

/**
 * The compiled generator thread beside this module, when this module is the compiled one (dist/, as `npm run
 * seed`, `npm start` and the benchmark run it). From the sources (the tests, through Vite) the rows are
 * generated in this thread instead: the same produceRows, so the same rows (test/integration/seed.test.ts
 * compares the two).
 */
function generatorThread(): URL | undefined {
  return import.meta.url.endsWith('.js') ? new URL('./region-worker.js', import.meta.url) : undefined;
}

/**
 * Generates in the generator thread while this one streams each batch it posts into PostgreSQL, in order.
 * A batch is acknowledged when it is taken up, so one batch loads while the next is generated and at most
 * one more waits. A failed COPY stops the thread; a failed thread fails the load.
 */
function produceInThread(
  url: URL,
  copy: (batch: CopyBatch) => Promise<void>,
  input: GenerationInput,
  regionDone: RegionDone,
): Promise<Produced> {
  const worker = new Worker(url, { workerData: input });
  const queue: Extract<FromGenerator, { type: 'batch' }>['batch'][] = [];
  let finished: Produced | undefined;
  let streaming = false;
  let settled = false;
  return new Promise<Produced>((resolve, reject) => {
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(error);
    };
    const succeedWhenDrained = (): void => {
      if (settled || !finished || streaming || queue.length > 0) return;
      settled = true;
      resolve(finished);
    };
    const stream = async (): Promise<void> => {
      if (streaming) return;
      streaming = true;
      try {
        for (let batch = queue.shift(); batch && !settled; batch = queue.shift()) {
          worker.postMessage({ type: 'taken' } satisfies ToGenerator);
          await copy(batch);
        }
      } catch (error) {
        fail(error);
      }
      streaming = false;
      succeedWhenDrained();
    };
    worker.on('message', (message: FromGenerator) => {
      if (message.type === 'batch') {
        queue.push(message.batch);
        void stream();
      } else if (message.type === 'region') {
        const { type: _, ...done } = message;
        regionDone(done);
      } else {
        finished = { clampedQuality: message.clampedQuality, rows: message.rows };
        succeedWhenDrained();
      }
    });
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (!finished) fail(new Error(`the seed's generator thread stopped before it was done (exit code ${code})`));
    });
  });
}

/**
 * Under session_replication_role = replica no trigger fires: neither the rollups' upkeep nor their feed
 * stamps, and a rollup row left with seq 0 is never published to evaluation's read model (a national bench
 * seeded that way had no staffing and no budgets in it). Refused before anything is written.
 */
async function assertTriggersFire(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ role: string }>(`select current_setting('session_replication_role') as role`);
  if (rows[0]?.role === 'replica')
    throw new Error('the demo generator needs session_replication_role = origin: under replica no rollup is published');
}

/** The generator only seeds an empty database: it refuses (and changes nothing) when a seeded table has rows. */
async function assertEmpty(client: pg.ClientBase, tables: string[]): Promise<void> {
  await client.query(`lock table ${tables.join(', ')} in share row exclusive mode`);
  for (const table of tables) {
    const rows = await client.query<{ present: boolean }>(`select exists (select 1 from ${table}) as present`);
    if (rows.rows[0]?.present)
      throw new Error(`${table} already has rows: the demo generator only seeds an empty database`);
  }
}

/**
 * Drops the constraints and indexes of the tables to load (foreign keys, primary keys, unique
 * constraints, plain indexes) and returns what recreates them, as they were: each index is built once
 * from the loaded rows, each key checked in one pass, instead of row by row. Constraints another table's
 * foreign key depends on stay. A violation fails the rebuild, so the transaction, as before.
 */
async function setIndexesAside(client: pg.ClientBase, tables: string[]): Promise<() => Promise<void>> {
  const { rows: constraints } = await client.query<{ tbl: string; name: string; def: string; kind: string }>(
    `select c.conrelid::regclass::text as tbl, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as def,
            c.contype::text as kind
       from pg_constraint c
      where c.contype in ('f', 'p', 'u') and c.conrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint r
                         where r.contype = 'f' and r.conindid = c.conindid and c.contype <> 'f'
                           and not r.conrelid = any($1::regclass[]))
      order by c.contype = 'f' desc`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
      where i.indrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))`,
    [tables],
  );
  // Foreign keys first (they depend on the keys they reference), then keys, then plain indexes.
  for (const c of constraints) await client.query(`alter table ${c.tbl} drop constraint ${c.name}`);
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  return async () => {
    await client.query("set local maintenance_work_mem = '256MB'");
    // The foreign keys' one-pass checks join whole tables: in memory rather than in batches on disk.
    await client.query(`set local work_mem = '${REBUILD_WORK_MEM}'`);
    const keys = constraints.filter((c) => c.kind !== 'f');
    for (const c of keys) await client.query(`alter table ${c.tbl} add constraint ${c.name} ${c.def}`);
    for (const index of indexes) await client.query(index.def);
    for (const c of constraints.filter((c) => c.kind === 'f'))
      await client.query(`alter table ${c.tbl} add constraint ${c.name} ${c.def}`);
  };
}

/**
 * Turns the loaded tables' own triggers off for the load (in this transaction: others wait on the
 * tables' locks). They keep each owner's rollups up to date statement by statement, recomputing the keys
 * a statement touched; over a load without indexes (see setIndexesAside) each of those recomputations
 * scans what is loaded so far, so the load grew quadratically (a national seed ran for more than ten
 * minutes). settle computes the same rollups once from the loaded rows instead, at the end of the load.
 */
async function setTriggersAside(client: pg.ClientBase, tables: string[]): Promise<void> {
  for (const table of tables) await client.query(`alter table ${table} disable trigger user`);
}

/**
 * The owner's published rollups (the tables its feed stamps, shared/feed.ts) that are still empty: after a
 * load every one but the region directory, which the regions' own triggers keep.
 */
async function emptyPublishedTables(client: pg.ClientBase, owner: string): Promise<string[]> {
  const { rows } = await client.query<{ tbl: string }>(
    `select distinct t.tgrelid::regclass::text as tbl
       from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = $1 and p.proname = 'feed_stamp' and not t.tgisinternal
      order by 1`,
    [owner],
  );
  const empty: string[] = [];
  for (const { tbl } of rows) {
    const { rows: present } = await client.query<{ present: boolean }>(
      `select exists (select 1 from ${tbl}) as present`,
    );
    if (!present[0]?.present) empty.push(tbl);
  }
  return empty;
}

/** The owners whose rebuild fills an empty rollup with a plain insert (others upsert: they need the keys). */
const PLAIN_INSERT_OWNERS: ReadonlySet<string> = new Set(['personnel', 'learning']);

/** work_mem of each rollup rebuild (a seeding session; the server's default stays small). */
const REBUILD_WORK_MEM = '256MB';

/**
 * Empties the (already empty) tables in this transaction: with `wal_level = minimal` (the embedded
 * development cluster) PostgreSQL then writes the loaded rows straight to the table files instead of
 * also to the WAL, and the load may COPY them FREEZE: written frozen and all-visible, so the first reads
 * after the seed (the statistics, the key checks, the rollup rebuilds, the first queries) need not set every
 * row's hint bits and write every page a second time. True when it could; where another table's foreign key
 * forbids the truncate, the load goes through the WAL and unfrozen.
 */
async function truncateInTransaction(client: pg.ClientBase, tables: string[]): Promise<boolean> {
  await client.query('savepoint before_truncate');
  try {
    await client.query(`truncate ${tables.join(', ')}`);
    await client.query('release savepoint before_truncate');
    return true;
  } catch {
    await client.query('rollback to savepoint before_truncate');
    return false;
  }
}
