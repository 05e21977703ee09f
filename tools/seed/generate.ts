import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type pg from 'pg';
import { type SeedOptions, validateOptions } from './options.js';
import { type GenerationInput, type Produced, produceRows, type RegionDone } from './produce.js';
import { loadRegions } from './regions.js';
import type { Batch } from './run.js';
import { describeScenario } from './scenario.js';
import { clearDemoData, createTables, SEEDED_TABLES } from './tables.js';
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
 * Fills all four schemas for the given regions and returns (and writes) the truth. The rows load in one
 * transaction (all or nothing). A bulk load (see SeedOptions.bulkLoad) commits the rows with the rollup
 * triggers off, then the owners rebuild their rollups at the same time, each on a connection of its own
 * (a failed rebuild empties the seeded tables again, so nothing half-seeded stays).
 */
export async function generateDemoData(pool: pg.Pool, options: SeedOptions): Promise<SeedTruth> {
  validateOptions(options);
  const log = options.log ?? (() => {});
  const phase = options.phase ?? (() => {});
  const started = performance.now();
  const client = await pool.connect();
  const scenario = options.scenario ?? 'random';
  const truth: SeedTruth = {
    seed: options.seed,
    scenario,
    scenarioDescription: describeScenario(scenario),
    years: { ...options.years },
    regions: {},
  };
  let bulk = false;
  const loaded = [...SEEDED_TABLES];
  let foreignKeyChecks: ForeignKeyCheck[] = [];
  let total = 0;
  try {
    await client.query('begin');
    await client.query('set local standard_conforming_strings = on');
    await assertTriggersFire(client);
    await assertEmpty(client);
    const km = await client.query<{ population: number; minimum_sample: number }>(
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
      regions: await loadRegions(client, options.regions),
      krejcieMorgan: km.rows.map((r) => ({ population: r.population, minimum: r.minimum_sample })),
    };
    // Into empty tables, building each index once at the end beats updating it row by row, and one
    // set-based check per foreign key beats a trigger per row. Same transaction: all or nothing still.
    const restore = await setIndexesAside(client, loaded);
    await truncateInTransaction(client, loaded);
    // The tables are empty (assertEmpty), so the load can always go without the rollup triggers and the
    // owners rebuild once: the same rollups (test/integration/read-model.test.ts), in a fraction of the time
    // even for the demo (3.5-3.9 s instead of 57-82 s on two busy cores; see SeedOptions.bulkLoad).
    bulk = options.bulkLoad ?? true;
    if (bulk) await setTriggersAside(client, loaded);
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
    const produced = thread
      ? await produceInThread(thread, client, input, regionDone)
      : await produceRows(input, (batch) => copyBatch(client, batch), regionDone);
    phase('load', (performance.now() - started) / 1000);
    const restoring = performance.now();
    foreignKeyChecks = await restore({ deferForeignKeyChecks: true });
    log(`keys and indexes rebuilt in ${seconds(restoring)} s`);
    phase('indexes', (performance.now() - restoring) / 1000);
    if (bulk) for (const table of loaded) await client.query(`alter table ${table} enable trigger user`);
    await finish(client);
    total = produced.rows;
    if (produced.clampedQuality > 0)
      log(`warning: latent IKM quality left [30, 99] and was clamped ${produced.clampedQuality} times`);
  } catch (error) {
    await client.query('rollback').catch(() => {}); // the original error matters more
    throw error;
  } finally {
    client.release();
  }
  const settling = performance.now();
  try {
    await settleOwners(pool, { loaded, foreignKeyChecks, rebuild: bulk, log });
  } catch (error) {
    // The original error matters more than a failure of this clean-up. On empty tables the checks pass, so
    // the foreign keys end checked again.
    await clearDemoData(pool).catch(() => {});
    for (const check of foreignKeyChecks) await pool.query(check.sql).catch(() => {});
    throw error;
  }
  log(`statistics, foreign key checks and rollups done in ${seconds(settling)} s`);
  phase('owners', (performance.now() - settling) / 1000);
  log(`generated ${total} rows in ${seconds(started)} s`);
  if (options.truthPath) {
    await mkdir(dirname(options.truthPath), { recursive: true });
    await writeFile(options.truthPath, `${JSON.stringify(truth, null, 2)}\n`);
  }
  return truth;
}

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(2);

/** Streams one batch into PostgreSQL: a COPY per table, parents first. */
async function copyBatch(client: pg.PoolClient, batch: Batch | Extract<FromGenerator, { type: 'batch' }>['batch']) {
  for (const { table, columnNames, chunks } of batch) await copyChunks(client, table, columnNames, chunks);
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
  client: pg.PoolClient,
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
          await copyBatch(client, batch);
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
async function assertTriggersFire(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ role: string }>(`select current_setting('session_replication_role') as role`);
  if (rows[0]?.role === 'replica')
    throw new Error('the demo generator needs session_replication_role = origin: under replica no rollup is published');
}

/** The generator only seeds an empty database: it refuses (and changes nothing) when a seeded table has rows. */
async function assertEmpty(client: pg.PoolClient): Promise<void> {
  await client.query('lock table personnel.employee in share row exclusive mode');
  const present = await client.query<{ present: boolean }>(
    'select exists (select 1 from personnel.employee) as present',
  );
  if (present.rows[0]?.present) {
    throw new Error('personnel.employee already has rows: the demo generator only seeds an empty database');
  }
  for (const table of SEEDED_TABLES) {
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
async function setIndexesAside(
  client: pg.PoolClient,
  tables: string[],
): Promise<(options?: { deferForeignKeyChecks?: boolean }) => Promise<ForeignKeyCheck[]>> {
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
  return async ({ deferForeignKeyChecks = false } = {}) => {
    await client.query("set local maintenance_work_mem = '256MB'");
    // The foreign keys' one-pass checks join whole tables: in memory rather than in batches on disk.
    await client.query(`set local work_mem = '${REBUILD_WORK_MEM}'`);
    const keys = constraints.filter((c) => c.kind !== 'f');
    for (const c of keys) await client.query(`alter table ${c.tbl} add constraint ${c.name} ${c.def}`);
    for (const index of indexes) await client.query(index.def);
    const foreignKeys = constraints.filter((c) => c.kind === 'f');
    for (const c of foreignKeys)
      await client.query(
        `alter table ${c.tbl} add constraint ${c.name} ${c.def}${deferForeignKeyChecks ? ' not valid' : ''}`,
      );
    if (!deferForeignKeyChecks) return [];
    return foreignKeys.map((c) => ({ table: c.tbl, sql: `alter table ${c.tbl} validate constraint ${c.name}` }));
  };
}

/**
 * Turns the loaded tables' own triggers off for the load (in this transaction: others wait on the
 * tables' locks). They keep each owner's rollups up to date statement by statement, recomputing the keys
 * a statement touched; over a load without indexes (see setIndexesAside) each of those recomputations
 * scans what is loaded so far, so the load grew quadratically (a national seed ran for more than ten
 * minutes). settleOwners computes the same rollups once from the loaded rows instead, after the commit.
 */
async function setTriggersAside(client: pg.PoolClient, tables: string[]): Promise<void> {
  for (const table of tables) await client.query(`alter table ${table} disable trigger user`);
}

/** A foreign key added NOT VALID, and the statement that checks the rows already there. */
interface ForeignKeyCheck {
  table: string;
  sql: string;
}

/** The owners of the loaded tables (their schemas), each with its own `<owner>.rebuild_rollups()`. */
const OWNERS = ['personnel', 'learning', 'budgeting', 'evaluation'] as const;

/**
 * What follows the load's commit, per owner: the planner statistics of its loaded tables (without them
 * PostgreSQL plans the rebuilds and the first analytics queries for empty tables), the check of its foreign
 * keys (added NOT VALID in the load's transaction: enforced for every new row from the start, and checked
 * here, in one pass each) and, after a bulk load, the refill of its rollups. The owners' schemas are apart,
 * so they go at the same time, each on its own connection and in its own transaction (as many at once as
 * the pool allows): on two cores the key checks and statistics of one owner run beside another's rebuild.
 * Each rebuild aggregates the whole of its tables: a large work_mem keeps its hash aggregates and sorts in
 * memory (at the default 4 MB personnel's staffing spilled 500 MB to disk). Evaluation's SKP change rollup is
 * computed against its read model as it stands (empty after a seed); the read model's own triggers bring it
 * up to date when the evaluation subgraph pulls the owners' feeds.
 */
async function settleOwners(
  pool: pg.Pool,
  work: { loaded: string[]; foreignKeyChecks: ForeignKeyCheck[]; rebuild: boolean; log: (line: string) => void },
): Promise<void> {
  const ownerOf = (qualified: string): string => qualified.slice(0, qualified.indexOf('.'));
  const results = await Promise.allSettled(
    OWNERS.map(async (owner) => {
      const started = performance.now();
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(`set local work_mem = '${REBUILD_WORK_MEM}'`);
        const tables = work.loaded.filter((table) => ownerOf(table) === owner);
        if (tables.length > 0) await client.query(`analyze ${tables.join(', ')}`);
        for (const check of work.foreignKeyChecks) if (ownerOf(check.table) === owner) await client.query(check.sql);
        if (work.rebuild) {
          // Into an empty rollup the rebuild inserts without an upsert's conflict checks (the owners'
          // migrations 0010): its keys and indexes are then built once from the rows, as for the loaded tables.
          const restore = await setIndexesAside(
            client,
            PLAIN_INSERT_OWNERS.has(owner) ? await emptyPublishedTables(client, owner) : [],
          );
          await client.query(`select ${owner}.rebuild_rollups()`);
          await restore();
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {}); // the original error matters more
        throw error;
      } finally {
        client.release();
      }
      work.log(`${owner}: statistics, key checks${work.rebuild ? ' and rollups' : ''} in ${seconds(started)} s`);
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * The owner's published rollups (the tables its feed stamps, shared/feed.ts) that are still empty: after a
 * load every one but the region directory, which the regions' own triggers keep.
 */
async function emptyPublishedTables(client: pg.PoolClient, owner: string): Promise<string[]> {
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
 * also to the WAL. Where another table's foreign key forbids it, the load just goes through the WAL.
 */
async function truncateInTransaction(client: pg.PoolClient, tables: string[]): Promise<void> {
  await client.query('savepoint before_truncate');
  try {
    await client.query(`truncate ${tables.join(', ')}`);
    await client.query('release savepoint before_truncate');
  } catch {
    await client.query('rollback to savepoint before_truncate');
  }
}

/** Moves every id sequence past the ids written and commits. */
async function finish(client: pg.PoolClient): Promise<void> {
  for (const table of Object.values(createTables())) {
    if (!table.hasIdentity) continue;
    await client.query(`select setval(pg_get_serial_sequence($1, 'id'), (select max(id) from ${table.table}))`, [
      table.table,
    ]);
  }
  await client.query('commit');
}
