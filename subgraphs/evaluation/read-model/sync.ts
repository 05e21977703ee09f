import type { KeyObject } from 'node:crypto';
import type pg from 'pg';
import { INTERNAL_TOKEN_HEADER, SERVICE_AUDIENCE, signViewerToken } from '../../shared/internal-token.js';
import type { Logger } from '../../shared/logging.js';
import { nationalAdmin } from '../../shared/viewer.js';
import { type FeedOwner, READ_MODEL_TABLES, type ReadModelTable } from './tables.js';

/**
 * Keeps evaluation's read model (tables.ts) up to date: on a timer, and at once at startup, it pulls each
 * owner's change feed through the owner's GraphQL API (`<owner>Feed`, service token only), in pages from
 * the last seq it applied, and applies each page in one transaction with the new position. A session-level
 * advisory lock lets one evaluation replica pull at a time; the others skip the round.
 *
 * An owner prunes its tombstones after a retention period and says up to which seq (`prunedThrough`): a
 * position below that may have missed a deletion, so the owner is reloaded from 0 as on a new epoch.
 *
 * Freshness: a committed write reaches the read model within one interval plus one pull (default 1 s +
 * well under 1 s): README "Freshness" states it and test/integration/read-model.test.ts checks it.
 */

export const OWNERS: readonly FeedOwner[] = ['personnel', 'learning', 'budgeting'];
export const DEFAULT_FEED_PAGE = 5000;
const LOCK_KEY = 'evaluation:read-model';

/** Who evaluation is when it calls the owners: a service, not an end user. */
const SERVICE_VIEWER = nationalAdmin('service:evaluation', 'api-key');

export interface ReadModelSyncOptions {
  pool: pg.Pool;
  /** Each owner's GraphQL URL. */
  ownerUrls: Record<FeedOwner, string>;
  /** Signs the service token (the internal key pair the gateway signs with). */
  signingKey: KeyObject;
  intervalMs: number;
  pageSize?: number;
  log?: Logger;
}

export interface SyncRound {
  /** False when another replica held the lock (the round was skipped). */
  ran: boolean;
  /** Feed changes applied per owner. */
  applied: Record<FeedOwner, number>;
  /** The owners reloaded from 0 (a new epoch, or deletions pruned before they were read). */
  reloaded: FeedOwner[];
}

export interface ReadModelSync {
  /** The catch-up round started with the sync (rejects when an owner could not be reached; the timer retries). */
  caughtUp: Promise<SyncRound>;
  /** Pulls now (waiting for the lock), after any round in progress: the read model then holds every write committed before the call. */
  syncNow(): Promise<SyncRound>;
  stop(): Promise<void>;
}

interface FeedPage {
  epoch: string;
  lastSeq: string;
  hasMore: boolean;
  prunedThrough: string;
  changes: { seq: string; stream: string; row: string | null; key: string | null }[];
}

const FEED_QUERY = (owner: FeedOwner) =>
  `query Feed($after: String!, $first: Int!) { ${owner}Feed(after: $after, first: $first) { epoch lastSeq hasMore prunedThrough changes { seq stream row key } } }`;

function upsertSql(t: ReadModelTable): string {
  const columns = [...t.key, ...t.values];
  return `insert into ${t.table} (${columns.join(', ')})
    select ${columns.join(', ')} from jsonb_populate_recordset(null::${t.table}, $1::jsonb)
    on conflict (${t.key.join(', ')}) ${
      // A table of keys only (e.g. promotions) has nothing to update.
      t.values.length === 0 ? 'do nothing' : `do update set ${t.values.map((c) => `${c} = excluded.${c}`).join(', ')}`
    }`;
}

function deleteSql(t: ReadModelTable): string {
  return `delete from ${t.table} t using jsonb_populate_recordset(null::${t.table}, $1::jsonb) k
    where ${t.key.map((c) => `t.${c} = k.${c}`).join(' and ')}`;
}

async function fetchPage(options: ReadModelSyncOptions, owner: FeedOwner, after: string): Promise<FeedPage> {
  // Signed per page: a catch-up round outlasts the token's 60 seconds.
  const token = await signViewerToken(SERVICE_VIEWER, options.signingKey, { audience: SERVICE_AUDIENCE });
  const response = await fetch(options.ownerUrls[owner], {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
    body: JSON.stringify({
      query: FEED_QUERY(owner),
      variables: { after, first: options.pageSize ?? DEFAULT_FEED_PAGE },
    }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { data?: Record<string, FeedPage>; errors?: { message: string }[] };
  const page = body.data?.[`${owner}Feed`];
  if (!page) throw new Error(`${owner} feed: ${body.errors?.map((e) => e.message).join('; ') ?? response.status}`);
  return page;
}

/** Applies one page and the new position in one transaction: deletions first (a later re-insert is a row of the page). */
async function applyPage(client: pg.PoolClient, owner: FeedOwner, page: FeedPage, reset: boolean): Promise<void> {
  const tables = READ_MODEL_TABLES.filter((t) => t.owner === owner);
  await client.query('begin');
  try {
    // A background job: a large catch-up page (and the rollups its triggers refresh) may exceed the request timeout.
    await client.query("set local statement_timeout = '10min'");
    // A rebuilt owner database starts a new epoch: its facts are reloaded from seq 0.
    if (reset) for (const t of tables) await client.query(`delete from ${t.table}`);
    for (const t of tables) {
      const deleted = page.changes.filter((c) => c.stream === t.stream && c.row === null).map((c) => c.key);
      if (deleted.length > 0) await client.query(deleteSql(t), [`[${deleted.join(',')}]`]);
    }
    for (const t of tables) {
      const rows = page.changes.filter((c) => c.stream === t.stream && c.row !== null).map((c) => c.row);
      if (rows.length > 0) await client.query(upsertSql(t), [`[${rows.join(',')}]`]);
    }
    await client.query(
      `insert into evaluation.rm_feed_state (owner, epoch, last_seq, synced_at) values ($1, $2, $3, now())
       on conflict (owner) do update set epoch = excluded.epoch, last_seq = excluded.last_seq, synced_at = now()`,
      [owner, page.epoch, page.lastSeq],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** One round: every owner's feed to its end. */
async function pullAll(
  options: ReadModelSyncOptions,
  client: pg.PoolClient,
): Promise<{ applied: Record<FeedOwner, number>; reloaded: FeedOwner[] }> {
  const applied = { personnel: 0, learning: 0, budgeting: 0 };
  const reloaded: FeedOwner[] = [];
  const states = await client.query<{ owner: FeedOwner; epoch: string; last_seq: string }>(
    'select owner, epoch, last_seq::text from evaluation.rm_feed_state',
  );
  await Promise.all(
    OWNERS.map(async (owner) => {
      const state = states.rows.find((s) => s.owner === owner);
      let after = state?.last_seq ?? '0';
      let epoch = state?.epoch;
      // Read from 0, the owner's rows arrive as they are now: a deletion of one of them comes after it was
      // read, its tombstone far younger than the retention, so nothing pruned can be missed.
      let fromZero = after === '0';
      for (;;) {
        let page = await fetchPage(options, owner, after);
        const missedPrune = !fromZero && BigInt(after) < BigInt(page.prunedThrough);
        const reset = (epoch !== undefined && page.epoch !== epoch) || missedPrune;
        if (reset && after !== '0') page = await fetchPage(options, owner, '0');
        if (reset) {
          fromZero = true;
          if (!reloaded.includes(owner)) reloaded.push(owner);
          if (missedPrune)
            options.log?.warn(
              { owner, after, prunedThrough: page.prunedThrough },
              'feed pruned past our position: reloading the owner',
            );
        }
        await serialised(client, () => applyPage(client, owner, page, reset));
        applied[owner] += page.changes.length;
        after = page.lastSeq;
        epoch = page.epoch;
        if (!page.hasMore) break;
      }
    }),
  );
  // L3 counts trained employees: the keys their pages touched are refreshed once, now (migration 0007).
  await client.query('begin');
  try {
    await client.query("set local statement_timeout = '10min'");
    await client.query('select evaluation.refresh_pending_skp_change()');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return { applied, reloaded };
}

// The three owners are fetched concurrently but share one connection: its transactions take turns.
const queues = new WeakMap<pg.PoolClient, Promise<unknown>>();
function serialised<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(client) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    client,
    next.catch(() => {}),
  );
  return next;
}

/** Starts the sync: a catch-up round now (waiting for another replica's round), then one every `intervalMs`. */
export function startReadModelSync(options: ReadModelSyncOptions): ReadModelSync {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  const round = async (wait: boolean): Promise<SyncRound> => {
    const client = await options.pool.connect();
    try {
      // The catch-up and syncNow wait for another replica's round; the timer skips when one runs.
      const sql = wait
        ? 'select true as ok from (select pg_advisory_lock(hashtext($1))) l'
        : 'select pg_try_advisory_lock(hashtext($1)) as ok';
      const locked = (await client.query<{ ok: boolean }>(sql, [LOCK_KEY])).rows[0]?.ok === true;
      if (!locked) return { ran: false, applied: { personnel: 0, learning: 0, budgeting: 0 }, reloaded: [] };
      try {
        const { applied, reloaded } = await pullAll(options, client);
        if (applied.personnel + applied.learning + applied.budgeting > 0)
          options.log?.info({ applied, reloaded }, 'read model synced');
        return { ran: true, applied, reloaded };
      } finally {
        await client.query('select pg_advisory_unlock(hashtext($1))', [LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  };

  const enqueue = (wait: boolean): Promise<SyncRound> => {
    const next = chain.then(() => round(wait));
    chain = next.catch(() => {});
    return next;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      enqueue(false)
        .catch((error: unknown) => options.log?.warn({ err: error }, 'read model sync failed; retrying'))
        .finally(schedule);
    }, options.intervalMs);
    timer.unref();
  };
  const caughtUp = enqueue(true);
  caughtUp.catch((error: unknown) =>
    options.log?.warn({ err: error }, 'read model catch-up failed; the timer retries'),
  );
  schedule();

  return {
    caughtUp,
    syncNow: () => enqueue(true),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await chain;
    },
  };
}
