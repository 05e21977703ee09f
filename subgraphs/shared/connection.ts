import { sqlScope } from './access.js';
import type { Viewer } from './viewer.js';
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './errors.js';
import { batchedByGroup } from './loaders.js';
import { query } from './orm.js';
import { decodeCursor, encodeCursor, PageInfo, validatePageSize } from './pagination.js';

/**
 * The one building block of every cursor-paginated list ("every list is paginated"): the connection
 * type factory, cursors over integer and text keys, the keyset SQL of a page per parent (one statement
 * for any number of parents) with its lazily counted total, and the DataLoader that batches both.
 * Pages are keyset pages over a unique key (an id, or a region code), never OFFSET: a page costs the
 * same wherever it starts, and rows inserted behind the cursor cannot shift the next page.
 */

/**
 * A page of a list as resolvers return it. `totalCount` is a promise read only when the field is
 * resolved: the page object defines it as a getter, so the count statement runs only when asked.
 */
export interface Page<Node> {
  nodes: Node[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/**
 * The GraphQL connection of `node`: `nodes`, `pageInfo { endCursor hasNextPage }` and `totalCount`.
 * Declare each one as `@ObjectType({ description }) class RegionConnection extends Connection(Region, 'regions') {}`.
 */
export function Connection<Node extends object>(node: ClassType<Node>, plural: string) {
  // Never in a schema itself (no resolver returns it): each named subclass is, with its own description.
  @ObjectType()
  abstract class ConnectionType implements Page<Node> {
    @Field(() => [node], { description: `The ${plural} on this page, in cursor order.` })
    nodes!: Node[];

    @Field(() => PageInfo, { description: 'Cursor to continue from, and whether more follow.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `All ${plural} of the list over all pages (counted only when asked).` })
    readonly totalCount!: Promise<number>;
  }
  return ConnectionType;
}

/** The type of the key a list is ordered by: an integer id or a text code. */
export type KeyType = 'int' | 'text';

/** Opaque cursor over a text key (a region code): clients must not build them. */
export function encodeKeyCursor(key: string): string {
  return Buffer.from(`key:${key}`).toString('base64url');
}

/** The text key of a cursor from `encodeKeyCursor`; '' (before every key) for no cursor. */
export function decodeKeyCursor(cursor: string | null | undefined): string {
  if (cursor == null) return '';
  const match = /^key:(.+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw badUserInput('`after` is not a cursor this API returned', 'after');
  return match[1];
}

function encodeKey(key: number | string): string {
  return typeof key === 'number' ? encodeCursor(key) : encodeKeyCursor(key);
}

function decodeKey(keyType: KeyType, cursor: string | null): number | string {
  return keyType === 'int' ? decodeCursor(cursor) : decodeKeyCursor(cursor);
}

/** Where a page starts (strictly after this key) and how many rows to read: one more than the page. */
export interface Window {
  after: number | string;
  limit: number;
}

/** "rows + one extra row" turned into a page: the extra row only tells that more follow. */
export function toPage<Row>(
  rows: readonly Row[],
  first: number,
  keyOf: (row: Row) => number | string,
  count: () => Promise<number>,
): Page<Row> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  let total: Promise<number> | undefined;
  return {
    nodes,
    pageInfo: { endCursor: last === undefined ? null : encodeKey(keyOf(last)), hasNextPage: rows.length > first },
    get totalCount() {
      total ??= count();
      return total;
    },
  };
}

/**
 * The SQL of a list per parent, from which `rowsByParent` and `countsByParent` build their statements.
 * Every part is SQL written in the service, never user input; the parents are bound as `s.key`.
 */
export interface ListSql<Row> {
  /** SQL type of the parent keys: `s.key` is of this type. */
  parentType: KeyType;
  /** The table (or join) the rows come from, with its alias, e.g. `personnel.region r`. */
  from: string;
  /** The select list of one row. */
  columns: string;
  /** Condition tying a row to its parent `s.key`, e.g. `r.parent_code = s.key`; `true` for a list without parent. */
  parent: string;
  /** Further conditions with their parameters, the same for all parents. */
  where?: { sql: string; params: readonly unknown[] };
  /**
   * For counting, when a faster form than `from`/`parent`/`where` exists: a select of the rows of parent
   * `s.key`, one column named `key`, with its parameters.
   */
  count?: { sql: string; params: readonly unknown[] };
  /** The unique key the list is ordered and paged by, e.g. `r.code`, and its type. */
  key: string;
  keyType: KeyType;
  /** The same key read from a row, e.g. `(r) => r.code`: where a page's cursor comes from. */
  keyOf(row: Row): number | string;
  /**
   * For rows about people: the column holding each row's region (Kemendagri code). A viewer's page then
   * holds only rows within its person-level scope, filtered by PostgreSQL (access.ts `sqlScope`).
   */
  personRegionColumn?: string;
}

/** The list as `viewer` may read it: rows about people outside its regions are excluded in SQL. */
export function scopedList<Row>(list: ListSql<Row>, viewer: Viewer | undefined): ListSql<Row> {
  if (!list.personRegionColumn || !viewer) return list;
  const scope = sqlScope(viewer, 'PERSON_LEVEL', list.personRegionColumn);
  const where = list.where ?? { sql: 'true', params: [] };
  const combined = { sql: `(${where.sql}) and ${scope.sql}`, params: [...where.params, ...scope.params] };
  // A custom count statement cannot be narrowed from outside: count the scoped rows the plain way.
  return { ...list, where: combined, count: undefined };
}

/** `keyOf` of the lists paged by an integer id, and of those paged by a code (regions). */
export const byId = (row: { id: number }): number => row.id;
export const byCode = (row: { code: string }): string => row.code;

/** A list's `where` for the rows of one year (`column`), or of every year when `year` is null. */
export function inYear(column: string, year: number | null): { sql: string; params: readonly unknown[] } {
  return { sql: `(?::int is null or ${column} = ?)`, params: [year, year] };
}

/** The key of a list paged by its rows' integer id (`<alias>.id`): the column, its type and the row's field agree. */
export function pagedById(alias: string) {
  return { key: `${alias}.id`, keyType: 'int', keyOf: byId } as const;
}

/** The key of a list paged by its rows' text code (`<alias>.code`), as `pagedById`. */
export function pagedByCode(alias: string) {
  return { key: `${alias}.code`, keyType: 'text', keyOf: byCode } as const;
}

/** The one parent of a list without parent (all universities, all courses): `s.key` is ''. */
export const WHOLE_LIST = '';

/**
 * One statement: for each parent, the rows of its page (`window.limit` rows after `window.after`, by key),
 * as a LATERAL join limited per parent. Each row carries its parent as `parentKey`.
 */
export function rowsByParent<Row>(
  em: EntityManager,
  list: ListSql<Row>,
  parents: readonly (string | number)[],
  window: Window,
): Promise<(Row & { parentKey: string | number })[]> {
  const where = list.where ?? { sql: 'true', params: [] };
  return query(
    em,
    `select s.key as "parentKey", p.*
       from unnest(?::${list.parentType}[]) as s(key)
       cross join lateral (
         select ${list.columns} from ${list.from}
          where ${list.parent} and (${where.sql}) and ${list.key} > ?::${list.keyType}
          order by ${list.key} limit ?
       ) p`,
    [parents, ...where.params, window.after, window.limit],
  );
}

/** One statement: the number of rows of each parent, over all pages. */
export async function countsByParent(
  em: EntityManager,
  list: ListSql<unknown>,
  parents: readonly (string | number)[],
): Promise<{ parentKey: string | number; total: number }[]> {
  const where = list.where ?? { sql: 'true', params: [] };
  const members = list.count ?? {
    sql: `select ${list.key} as key from ${list.from} where ${list.parent} and (${where.sql})`,
    params: where.params,
  };
  const rows = await query<{ parentKey: string | number; total: string }>(
    em,
    `select s.key as "parentKey", count(c.key) as total
       from unnest(?::${list.parentType}[]) as s(key)
       left join lateral (${members.sql}) c on true
      group by s.key`,
    [parents, ...members.params],
  );
  return rows.map((row) => ({ parentKey: row.parentKey, total: Number(row.total) }));
}

/** What one `load` of a page loader asks for: a parent, the paging arguments and the list's other arguments. */
export interface PageKey<Parent, Args> {
  parent: Parent;
  first: number;
  after: string | null;
  args: Args;
}

/** Loads a page per parent; parents asked with the same arguments share one statement (and one for counts). */
export interface PageLoader<Parent, Row, Args> {
  load(parent: Parent, page: { first: number; after?: string | null }, args: Args): Promise<Page<Row>>;
}

/**
 * The per-request loader of a paged list, read with `rowsByParent` and `countsByParent` from the list's
 * SQL (or from the SQL its arguments select): one rows statement per distinct argument set, whatever the
 * number of parents, and one count statement per argument set when some page's `totalCount` is asked.
 * `after` is checked when loading, so a bad cursor fails its own field only. `first` is checked here too,
 * but through the servers an out-of-range `first` never gets here: the limits plugin (limits.ts) rejects
 * the whole request first, HTTP 400 with the same message.
 */
export function pageLoader<Parent extends string | number, Row, Args = null>(
  em: EntityManager,
  sql: ListSql<Row> | ((args: Args) => ListSql<Row>),
  viewer?: Viewer,
): PageLoader<Parent, Row, Args> {
  // A list whose SQL depends on its arguments (a year, a filter) is built per argument set: cheap strings.
  const listOf = (args: Args) => scopedList(typeof sql === 'function' ? sql(args) : sql, viewer);
  const groupOf = (key: PageKey<Parent, Args>) => JSON.stringify([key.first, key.after, key.args]);
  const counts = batchedByGroup(
    (key: Omit<PageKey<Parent, Args>, 'first' | 'after'>) => JSON.stringify(key.args),
    async (keys) => {
      const [firstKey] = keys;
      if (!firstKey) return [];
      const totals = new Map(
        (
          await countsByParent(
            em,
            listOf(firstKey.args),
            keys.map((key) => key.parent),
          )
        ).map((c) => [String(c.parentKey), c.total]),
      );
      return keys.map((key) => totals.get(String(key.parent)) ?? 0);
    },
  );
  const pages: DataLoader<PageKey<Parent, Args>, Page<Row>, string> = batchedByGroup(groupOf, async (keys) => {
    const [firstKey] = keys;
    if (!firstKey) return [];
    const list = listOf(firstKey.args);
    const window = { after: decodeKey(list.keyType, firstKey.after), limit: firstKey.first + 1 };
    const rows = await rowsByParent(
      em,
      list,
      keys.map((key) => key.parent),
      window,
    );
    const grouped = Map.groupBy(rows, (row) => String(row.parentKey));
    return keys.map((key) =>
      toPage(
        grouped.get(String(key.parent)) ?? [],
        key.first,
        (row) => list.keyOf(row),
        () => counts.load({ parent: key.parent, args: key.args }),
      ),
    );
  });
  return {
    load(parent, page, args) {
      const first = validatePageSize(page.first);
      const after = page.after ?? null;
      decodeKey(listOf(args).keyType, after); // a malformed cursor is this field's BAD_USER_INPUT, not the batch's
      return pages.load({ parent, first, after, args });
    },
  };
}
