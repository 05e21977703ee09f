import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReadModelSync, startReadModelSync } from '../../subgraphs/evaluation/read-model/sync.js';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { createPool, type DatabaseServer } from '../../subgraphs/shared/database.js';
import { FEED_PRUNE_BATCH } from '../../subgraphs/shared/feed.js';
import { startScratchDatabase } from '../../tools/dev/embedded-postgres.js';
import { type Platform, startPlatform } from '../../tools/dev/platform.js';
import { generateDemoData } from '../../tools/seed/generate.js';

/**
 * Tombstone retention of the owners' change feeds (shared/feed.ts feedRetentionSql) and what it means for
 * evaluation's read model (read-model/sync.ts), on a database of its own: budgeting's feed, whose rollup rows
 * the test makes and deletes through budget lines (the triggers stamp rows and leave tombstones). A tombstone
 * is made old by moving its creation time back past the 30-day default retention.
 */

const SEED = { seed: 5, regions: ['12.71'], employeesPerRegion: 120, years: { from: 2024, to: 2025 } };
/** Agency ids of the test's own budget lines (no agency has them), per test, so their rollup rows are theirs. */
const AGENCY_BASE = { prune: 900_000, current: 910_000, behind: 920_000, batch: 930_000 };
const YEAR = 2025;
/** The test consumer's page: a reload from 0 takes several. */
const PAGE = 3;

let server: DatabaseServer;
let pool: pg.Pool;
let platform: Platform;
/** The consumer under test: evaluation's sync, pulling only when a test asks (its timer never fires here). */
let sync: ReadModelSync;

beforeAll(async () => {
  server = await startScratchDatabase('feed_retention');
  await prepareDatabase(server.url);
  pool = createPool(server.url, 2);
  await generateDemoData(pool, { ...SEED, bulkLoad: false });
  // The platform's own sync waits an hour between rounds: only `sync` pulls during the tests.
  platform = await startPlatform({ databaseUrl: server.url, readModelSyncMs: 3_600_000 });
  // Small pages: a reload from 0 takes several pages, each ending below the pruned mark.
  sync = startReadModelSync({
    pool: await platform.subgraphs.evaluation.orm.em.getConnection().getNativeClient(),
    ownerUrls: {
      personnel: platform.subgraphs.personnel.url,
      learning: platform.subgraphs.learning.url,
      budgeting: platform.subgraphs.budgeting.url,
    },
    signingKey: platform.keys.internalSigningKey,
    intervalMs: 3_600_000,
    pageSize: PAGE,
  });
  await sync.caughtUp;
}, 180_000);

afterAll(async () => {
  await sync?.stop();
  await platform?.stop();
  await pool?.end();
  await server?.stop();
});

async function rows<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await pool.query(sql, params)).rows as Row[]; // pg types rows as any: the SQL names the columns
}

/** Budget lines of `count` agencies (ids from `base`), one each: `count` new rollup rows. */
async function addLines(base: number, count: number): Promise<void> {
  await pool.query(
    `insert into budgeting.budget_line (agency_id, region_code, year, sub_activity_code, description, ceiling, realised)
     select $1::int + i, '12.71', $2, '5.04.01.2.05.0099', 'Diklat teknis', 1000000::bigint * i, 500000::bigint * i
       from generate_series(1, $3::int) i`,
    [base, YEAR, count],
  );
}

/** Deletes those lines one statement each, in agency order: their rollup rows go, one tombstone each, in that order. */
async function deleteLines(base: number, count: number): Promise<string[]> {
  const seqs: string[] = [];
  for (let i = 1; i <= count; i++) {
    await pool.query('delete from budgeting.budget_line where agency_id = $1', [base + i]);
    const [tombstone] = await rows<{ seq: string }>(
      `select seq::text as seq from budgeting.feed_tombstone where key ->> 'agency_id' = $1`,
      [String(base + i)],
    );
    seqs.push(tombstone?.seq ?? 'none');
  }
  return seqs;
}

/** Moves tombstones' creation back by `days` (and `minutes`, to order them), as if made then. */
async function age(seqs: string[], days: number, minutes = 0): Promise<void> {
  await pool.query(
    `update budgeting.feed_tombstone set created_at = created_at - make_interval(days => $2, mins => $3)
      where seq = any($1::bigint[])`,
    [seqs, days, minutes],
  );
}

async function tombstones(): Promise<string[]> {
  return (await rows<{ seq: string }>('select seq::text as seq from budgeting.feed_tombstone order by seq')).map(
    (r) => r.seq,
  );
}

async function prunedThrough(): Promise<string> {
  const [state] = await rows<{ mark: string }>('select pruned_through::text as mark from budgeting.feed_epoch');
  return state?.mark ?? 'none';
}

async function position(): Promise<{ epoch: string; last_seq: string }> {
  const [state] = await rows<{ epoch: string; last_seq: string }>(
    "select epoch::text, last_seq::text from evaluation.rm_feed_state where owner = 'budgeting'",
  );
  return state ?? { epoch: 'none', last_seq: 'none' };
}

/** Budgeting's published rows as the owner has them and as the read model has them, in one order. */
async function ownerAndReadModel(): Promise<{ owner: string[]; readModel: string[] }> {
  const list = async (sql: string) => (await rows<{ j: string }>(sql)).map((r) => r.j);
  return {
    owner: await list(`select (to_jsonb(t) - 'seq')::text as j from budgeting.agency_year_budget t order by 1`),
    readModel: await list('select to_jsonb(t)::text as j from evaluation.rm_agency_budget t order by 1'),
  };
}

describe('feed tombstone retention', () => {
  it('prunes only tombstones past the retention, oldest first, and records the highest seq pruned', async () => {
    await addLines(AGENCY_BASE.prune, 6);
    const seqs = await deleteLines(AGENCY_BASE.prune, 6);
    expect(seqs.every((s) => /^\d+$/.test(s))).toBe(true);
    // The consumer reads them first: it stays up to date (the next tests start from there).
    expect((await sync.syncNow()).reloaded).toEqual([]);
    const before = await tombstones();
    expect(before).toEqual(expect.arrayContaining(seqs));
    // Four past the 30 days, one a day short of them, one just made.
    await age(seqs.slice(0, 4), 31);
    await age(seqs.slice(4, 5), 29);
    const markBefore = await prunedThrough();
    expect(markBefore).toBe('0');

    const [{ pruned } = { pruned: -1 }] = await rows<{ pruned: number }>(
      "select budgeting.feed_prune(interval '30 days', 100) as pruned",
    );
    expect(pruned).toBe(4);
    expect(await tombstones()).toEqual(before.filter((s) => !seqs.slice(0, 4).includes(s)));
    expect(await prunedThrough()).toBe(seqs[3]);
    // Nothing more is due: the mark stays.
    const [{ again } = { again: -1 }] = await rows<{ again: number }>(
      "select budgeting.feed_prune(interval '30 days', 100) as again",
    );
    expect(again).toBe(0);
    expect(await prunedThrough()).toBe(seqs[3]);
    // Other owners' tombstones and marks are their own.
    expect(
      (await rows<{ mark: string }>('select pruned_through::text as mark from learning.feed_epoch'))[0]?.mark,
    ).toBe('0');
  });

  it('skips pruning while another session prunes the same feed (one replica does it)', async () => {
    const held = await pool.connect();
    try {
      await held.query('begin');
      await held.query("select pg_advisory_xact_lock(hashtext('budgeting:feed-prune'))");
      const [{ pruned } = { pruned: -1 }] = await rows<{ pruned: number | null }>(
        "select budgeting.feed_prune(interval '0 days', 100) as pruned",
      );
      expect(pruned).toBeNull();
      expect((await tombstones()).length).toBeGreaterThan(0);
    } finally {
      await held.query('rollback');
      held.release();
    }
  });

  it('keeps an up-to-date consumer where it is after a prune: no reload, same rows, same position', async () => {
    await addLines(AGENCY_BASE.current, 3);
    const seqs = await deleteLines(AGENCY_BASE.current, 3);
    const caughtUp = await sync.syncNow();
    expect(caughtUp.reloaded).toEqual([]);
    expect(caughtUp.applied.budgeting).toBeGreaterThan(0);
    const at = await position();
    // The consumer applied the last tombstone: its position is that seq.
    expect(at.last_seq).toBe(seqs[2]);
    const { owner, readModel } = await ownerAndReadModel();
    expect(readModel).toEqual(owner);

    // Every tombstone becomes old; serving the next page prunes them (default retention, 30 days).
    await age(await tombstones(), 31);
    const round = await sync.syncNow();
    expect(await tombstones()).toEqual([]);
    // The mark is the consumer's very position: at it, nothing was missed.
    expect(await prunedThrough()).toBe(seqs[2]);
    expect(round.reloaded).toEqual([]);
    expect(round.applied).toEqual({ personnel: 0, learning: 0, budgeting: 0 });
    expect(await position()).toEqual(at);
    expect((await ownerAndReadModel()).readModel).toEqual(readModel);
  });

  it('reloads a consumer behind the mark from 0: it ends with exactly the owner rows, the missed deletion gone', async () => {
    await addLines(AGENCY_BASE.behind, 2);
    await sync.syncNow();
    const gone = JSON.stringify(AGENCY_BASE.behind + 1);
    const inReadModel = async () =>
      Number(
        (
          await rows<{ n: number }>('select count(*)::int as n from evaluation.rm_agency_budget where agency_id = $1', [
            gone,
          ])
        )[0]?.n,
      );
    expect(await inReadModel()).toBe(1);
    const behind = await position();

    // While the consumer does not pull: one row deleted, its tombstone pruned (as another replica's page
    // would), and a later change so that the consumer has something to read past it.
    await pool.query('delete from budgeting.budget_line where agency_id = $1', [gone]);
    const [tombstone] = await tombstones();
    expect(tombstone).toBeDefined();
    await age([tombstone ?? ''], 31);
    await pool.query("select budgeting.feed_prune(interval '30 days', 100)");
    expect(await tombstones()).toEqual([]);
    expect(BigInt(await prunedThrough())).toBeGreaterThan(BigInt(behind.last_seq));
    await pool.query('update budgeting.budget_line set realised = realised + 1 where agency_id = $1', [
      AGENCY_BASE.behind + 2,
    ]);

    const round = await sync.syncNow();
    expect(round.reloaded).toEqual(['budgeting']);
    const { owner, readModel } = await ownerAndReadModel();
    expect(owner.length).toBeGreaterThan(2 * PAGE); // the reload took several pages
    // Everything budgeting publishes, once, from 0; the other owners untouched.
    expect(round.applied).toEqual({ personnel: 0, learning: 0, budgeting: owner.length });
    expect(readModel).toEqual(owner);
    expect(await inReadModel()).toBe(0);
    const [{ last } = { last: 'none' }] = await rows<{ last: string }>(
      'select max(seq)::text as last from budgeting.agency_year_budget',
    );
    expect(await position()).toEqual({ epoch: behind.epoch, last_seq: last });

    // Now at or past the mark: the next round reloads nothing.
    const next = await sync.syncNow();
    expect(next.reloaded).toEqual([]);
    expect(next.applied.budgeting).toBe(0);
  });

  it('prunes at most a bounded batch per call, and per page served', async () => {
    // Small batches, by the SQL function: oldest first whatever the seq order.
    await addLines(AGENCY_BASE.batch, 12);
    const seqs = await deleteLines(AGENCY_BASE.batch, 12);
    await sync.syncNow();
    // Older the later the seq: the first batch takes the last five deleted.
    for (const [i, seq] of seqs.entries()) await age([seq], 31, i);
    const counts: number[] = [];
    const marks: string[] = [];
    for (let call = 0; call < 4; call++) {
      const [{ pruned } = { pruned: -1 }] = await rows<{ pruned: number }>(
        "select budgeting.feed_prune(interval '30 days', 5) as pruned",
      );
      counts.push(pruned);
      marks.push(await prunedThrough());
      if (call === 0) expect(await tombstones()).toEqual(seqs.slice(0, 7));
    }
    expect(counts).toEqual([5, 5, 2, 0]);
    expect(marks).toEqual([seqs[11], seqs[11], seqs[11], seqs[11]]);

    // The feed's own batch: one more tombstone than a page prunes, consumed, then old.
    const many = FEED_PRUNE_BATCH + 1;
    await addLines(AGENCY_BASE.batch + 100, many);
    await pool.query('delete from budgeting.budget_line where agency_id > $1', [AGENCY_BASE.batch + 100]);
    const made = await tombstones();
    expect(made).toHaveLength(many);
    // The platform's consumer (pages of 5,000, the default): one budgeting page per round once caught up.
    await platform.readModel.syncNow();
    await age(made, 31);
    const first = await platform.readModel.syncNow();
    expect(await tombstones()).toHaveLength(1);
    await platform.readModel.syncNow();
    expect(await tombstones()).toEqual([]);
    expect(await prunedThrough()).toBe(made.at(-1));
    // The consumer was past every one of them: never reloaded.
    expect(first.reloaded).toEqual([]);
  }, 120_000);
});
