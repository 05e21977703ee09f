import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Directive, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { forbidden } from './access.js';
import { config } from './config.js';
import { badUserInput } from './errors.js';
import type { Logger } from './logging.js';
import { query } from './orm.js';
import { inTransaction } from './transaction.js';

/**
 * # The change feed an owner controls (outbox)
 *
 * Personnel, learning and budgeting publish per-unit-year facts (rollups kept up to date on every write by
 * triggers, see each owner's rollup migration) for evaluation's read model. Every published row carries a
 * `seq` from the owner's own sequence, stamped on each insert or update; a deletion leaves a tombstone with
 * its own `seq`. Stamping takes a transaction-scoped advisory lock first, so rows become visible in `seq`
 * order: a consumer that reads "everything after my last seq" can never skip a row that commits late.
 * The consumer pulls pages through the owner's GraphQL API (`<owner>Feed`), which only a service token
 * may call (`SERVICE_AUDIENCE`, never issued to an end user by the gateway) and which is `@inaccessible`,
 * so it is not part of the public API. The epoch changes when an owner's database is rebuilt: the consumer
 * then starts over.
 *
 * Tombstones are kept for a retention period (FEED_TOMBSTONE_RETENTION_DAYS), then pruned: see
 * feedRetentionSql. A consumer further behind than that may have missed a deletion; the page tells it
 * (`prunedThrough`) and it reloads the owner from 0, as on a new epoch.
 */

/** One published table: the stream name the consumer knows it by and its key columns. */
export interface FeedStream {
  stream: string;
  table: string;
  key: readonly string[];
}

/** The outbox machinery of one owner's schema: sequence, epoch, tombstones, stamping functions. */
export function feedInfrastructureSql(schema: string): string {
  return `
create sequence ${schema}.feed_seq;
create table ${schema}.feed_epoch (
  only_row boolean primary key default true check (only_row),
  epoch uuid not null default gen_random_uuid()
);
insert into ${schema}.feed_epoch default values;
create table ${schema}.feed_tombstone (
  seq bigint primary key,
  stream text not null,
  key jsonb not null
);
-- Stamps a published row with the next seq; the advisory lock (held to commit) orders commits by seq.
create function ${schema}.feed_stamp() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtext('${schema}:feed'));
  new.seq := nextval('${schema}.feed_seq');
  return new;
end $$;
-- Records the deletion of a published row: TG_ARGV[0] is the stream, the rest its key columns.
create function ${schema}.feed_forget() returns trigger language plpgsql as $$
declare
  keys jsonb := '{}';
  i int;
begin
  perform pg_advisory_xact_lock(hashtext('${schema}:feed'));
  for i in 1 .. tg_nargs - 1 loop
    keys := keys || jsonb_build_object(tg_argv[i], to_jsonb(old) -> tg_argv[i]);
  end loop;
  insert into ${schema}.feed_tombstone (seq, stream, key) values (nextval('${schema}.feed_seq'), tg_argv[0], keys);
  return old;
end $$;`;
}

/**
 * Tombstone retention (each owner's `feed-retention` migration). A tombstone records when it was made
 * (those made before the migration count from the migration), and `feed_prune` deletes the oldest past the
 * retention, at most `batch` per call, raising `feed_epoch.pruned_through` to the highest seq it ever deleted,
 * in the same transaction. Every tombstone above the mark is still there: a consumer at or past it has missed
 * nothing; one below it may have missed a deletion and must reload. `feed_prune` returns how many it deleted,
 * or null when another session is pruning (one replica at a time: a transaction-scoped advisory lock).
 */
export function feedRetentionSql(schema: string): string {
  return `
alter table ${schema}.feed_tombstone add column created_at timestamptz not null default now();
create index feed_tombstone_created_at_idx on ${schema}.feed_tombstone (created_at);
alter table ${schema}.feed_epoch add column pruned_through bigint not null default 0;
create function ${schema}.feed_prune(retention interval, batch integer) returns integer language plpgsql as $$
declare
  pruned integer;
  through bigint;
begin
  if not pg_try_advisory_xact_lock(hashtext('${schema}:feed-prune')) then
    return null;
  end if;
  with gone as (
    delete from ${schema}.feed_tombstone t
     where t.seq in (select o.seq from ${schema}.feed_tombstone o
                      where o.created_at < now() - retention order by o.created_at limit batch)
    returning t.seq
  )
  select count(*), max(seq) into pruned, through from gone;
  if through is not null then
    update ${schema}.feed_epoch set pruned_through = greatest(pruned_through, through);
  end if;
  return pruned;
end $$;`;
}

/** Makes a table published: its `seq` column is stamped on every change and deletions leave tombstones. */
export function publishTableSql(schema: string, feed: FeedStream): string {
  const name = feed.table.replace(/^.*\./, '');
  return `
create index ${name}_seq_idx on ${feed.table} (seq);
create trigger ${name}_stamp before insert or update on ${feed.table}
  for each row execute function ${schema}.feed_stamp();
create trigger ${name}_forget after delete on ${feed.table}
  for each row execute function ${schema}.feed_forget('${feed.stream}', ${feed.key.map((k) => `'${k}'`).join(', ')});`;
}

@ObjectType({ description: 'One change of a published fact: the row as it is now, or its deletion.' })
@Directive('@shareable')
@Directive('@inaccessible')
export class FeedChange {
  @Field({ description: 'Position in the owner feed (a bigint as text); changes come in this order.' })
  seq!: string;

  @Field({ description: 'The published table the change belongs to.' })
  stream!: string;

  @Field(() => String, { nullable: true, description: 'The row as JSON; null when the row was deleted.' })
  row!: string | null;

  @Field(() => String, { nullable: true, description: 'The key of a deleted row as JSON; null otherwise.' })
  key!: string | null;
}

@ObjectType({ description: 'A page of an owner feed.' })
@Directive('@shareable')
@Directive('@inaccessible')
export class FeedPage {
  @Field({ description: 'Changes when the owner database is rebuilt: the consumer then starts over from 0.' })
  epoch!: string;

  @Field(() => [FeedChange], { description: 'Changes after the requested seq, in seq order.' })
  changes!: FeedChange[];

  @Field({ description: 'Seq of the last change in the page (the requested one when the page is empty).' })
  lastSeq!: string;

  @Field({ description: 'True when more changes follow: ask again from lastSeq.' })
  hasMore!: boolean;

  @Field({
    description:
      'Deletions at or below this seq may be gone (tombstones past retention): a consumer whose position is below it reloads from 0.',
  })
  prunedThrough!: string;
}

export const MAX_FEED_PAGE = 10_000;

/**
 * Tombstones pruned per page served, at most: a page pays for one bounded delete (when any tombstone is past
 * retention), and a backlog drains over the consumer's next pages.
 */
export const FEED_PRUNE_BATCH = 10_000;

/** What an owner does before a page is read; e.g. refresh a rollup whose writes only queue keys. */
export interface FeedOptions {
  /**
   * SQL run in its own transaction, committed before the page is read (so what it stamps is in the page).
   * It may take longer than a request's statement timeout: a catch-up after a bulk load queues many keys.
   */
  prepare?: string;
  /** Days a tombstone is kept; default FEED_TOMBSTONE_RETENTION_DAYS. */
  retentionDays?: number;
  /** Where a failed prune is reported (the page is served all the same). */
  log?: Logger;
}

/** The statement timeout of `prepare`: long enough for a refresh after a bulk load, still bounded. */
const PREPARE_TIMEOUT = '5min';

/** Reads one page of an owner's feed: its published tables and tombstones after `after`, in seq order. */
export async function readFeedPage(
  em: EntityManager,
  schema: string,
  streams: readonly FeedStream[],
  after: string,
  first: number,
  options: FeedOptions = {},
): Promise<FeedPage> {
  if (!/^\d{1,19}$/.test(after)) throw badUserInput('after must be a seq (a non-negative integer)', 'after');
  if (!Number.isInteger(first) || first < 1 || first > MAX_FEED_PAGE)
    throw badUserInput(`first must be 1 to ${MAX_FEED_PAGE}`, 'first');
  const { prepare } = options;
  if (prepare) {
    await inTransaction(em, async (db) => {
      await db.query(`set local statement_timeout = '${PREPARE_TIMEOUT}'`);
      await db.query(prepare);
    });
  }
  await pruneTombstones(em, schema, options);
  // Each branch walks its seq index and stops at `first`: a page costs its size, not the table's.
  const branches = streams.map(
    (s) =>
      `(select '${s.stream}'::text as stream, t.seq, (to_jsonb(t) - 'seq')::text as row, null::text as key
          from ${s.table} t where t.seq > ?::bigint order by t.seq limit ?)`,
  );
  branches.push(
    `(select stream, seq, null::text, key::text from ${schema}.feed_tombstone where seq > ?::bigint order by seq limit ?)`,
  );
  const params = branches.flatMap(() => [after, first + 1]);
  const rows = await query<{ stream: string; seq: string; row: string | null; key: string | null }>(
    em,
    `select stream, seq::text as seq, row, key from (${branches.join(' union all ')}) c order by c.seq limit ?`,
    [...params, first + 1],
  );
  // Read after the changes, never before: a prune committed between the two then shows in the mark (the
  // consumer reloads, needlessly at worst), never only as tombstones missing from the page.
  const [state] = await query<{ epoch: string; pruned_through: string }>(
    em,
    `select epoch::text as epoch, pruned_through::text as pruned_through from ${schema}.feed_epoch`,
  );
  const changes = rows.slice(0, first);
  return {
    epoch: state?.epoch ?? '',
    changes,
    lastSeq: changes.at(-1)?.seq ?? after,
    hasMore: rows.length > first,
    prunedThrough: state?.pruned_through ?? '0',
  };
}

/**
 * One bounded batch of retention, as part of serving a page: an index probe when nothing is due. A failure
 * is logged and the page served: pruning is housekeeping, the feed is what the read model waits for.
 */
async function pruneTombstones(em: EntityManager, schema: string, options: FeedOptions): Promise<void> {
  const days = options.retentionDays ?? config().feed.tombstoneRetentionDays;
  try {
    await query(em, `select ${schema}.feed_prune(make_interval(days => ?::int), ?::int)`, [days, FEED_PRUNE_BATCH]);
  } catch (error) {
    options.log?.warn({ err: error, schema }, 'feed tombstones not pruned; the next page tries again');
  }
}

interface FeedContext {
  em: EntityManager;
  service?: boolean;
  log?: Logger;
}

/** The owner's feed query, `<owner>Feed(after, first)`: internal, for the service token only. */
export function feedResolver(schema: string, streams: readonly FeedStream[], options: FeedOptions = {}) {
  @Resolver()
  class OwnerFeedResolver {
    @Query(() => FeedPage, {
      name: `${schema}Feed`,
      description: `Changes of the facts ${schema} publishes for evaluation's read model (internal: service token only).`,
    })
    @Directive('@inaccessible')
    feed(
      @Ctx() ctx: FeedContext,
      @Arg('after', { description: 'The last seq the consumer applied ("0" at first).' }) after: string,
      @Arg('first', () => Int, { description: `Changes per page, at most ${MAX_FEED_PAGE}.` }) first: number,
    ): Promise<FeedPage> {
      // The gateway signs end users' tokens for the ordinary audience: only a service token passes.
      if (ctx.service !== true) throw forbidden('The change feed is internal: only a service token may read it');
      return readFeedPage(ctx.em, schema, streams, after, first, { log: ctx.log, ...options });
    }
  }
  return OwnerFeedResolver;
}
