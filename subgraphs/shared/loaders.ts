import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** A service function that reads the rows of many keys in one statement, e.g. `agenciesById(em, ids)`. */
export type BatchRead<K, Row> = (em: EntityManager, keys: readonly K[]) => Promise<Row[]>;

/** A service function that reads the rows of many ids in one year (or all years: null) in one statement. */
export type YearlyRead<Row, Year = number | null> = (em: EntityManager, ids: number[], year: Year) => Promise<Row[]>;

/**
 * A DataLoader for one row per key: `read` loads all keys in one statement; missing keys give null.
 * Keys are compared as strings, so numeric ids from different sources match.
 */
export function oneByKey<K extends string | number, Row>(
  em: EntityManager,
  read: BatchRead<K, Row>,
  keyOf: (row: Row) => K,
): DataLoader<K, Row | null, string> {
  return new DataLoader<K, Row | null, string>(
    async (keys) => {
      const rows = await read(em, keys);
      const found = new Map(rows.map((row) => [String(keyOf(row)), row]));
      return keys.map((key) => found.get(String(key)) ?? null);
    },
    { cacheKeyFn: String },
  );
}

/** A DataLoader for a list of rows per key (children of a parent), fetched in one statement. */
export function manyByKey<K extends string | number, Row>(
  em: EntityManager,
  read: BatchRead<K, Row>,
  keyOf: (row: Row) => K,
): DataLoader<K, Row[], string> {
  return new DataLoader<K, Row[], string>(
    async (keys) => {
      const rows = await read(em, keys);
      const grouped = new Map<string, Row[]>();
      for (const row of rows) {
        const key = String(keyOf(row));
        const list = grouped.get(key);
        if (list) list.push(row);
        else grouped.set(key, [row]);
      }
      return keys.map((key) => grouped.get(String(key)) ?? []);
    },
    { cacheKeyFn: String },
  );
}

/**
 * A DataLoader whose keys are objects (e.g. a scope plus paging arguments). Keys that share the same
 * `groupOf` value are loaded together by one `fetch` call, so a page of children per parent costs
 * one statement per distinct argument set, not one per parent.
 */
export function batchedByGroup<K extends object, V>(
  groupOf: (key: K) => string,
  fetch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const groups = new Map<string, { indexes: number[]; keys: K[] }>();
      keys.forEach((key, index) => {
        const group = groupOf(key);
        const entry = groups.get(group) ?? { indexes: [], keys: [] };
        entry.indexes.push(index);
        entry.keys.push(key);
        groups.set(group, entry);
      });
      const results = new Array<V>(keys.length);
      await Promise.all(
        [...groups.values()].map(async ({ indexes, keys: groupKeys }) => {
          const values = await fetch(groupKeys);
          indexes.forEach((index, position) => {
            results[index] = values[position] as V; // fetch returns one value per key, in order
          });
        }),
      );
      return results;
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}

/** Key of a per-parent list that may be narrowed to one year (null: all years). */
export interface YearKey {
  id: number;
  year: number | null;
}

/** Groups loader keys by year, so that each batch statement filters on a single year. */
export function byYear<K extends { year: number | null }>(key: K): string {
  return String(key.year);
}

/**
 * A DataLoader for the rows of each parent id in one year (or in all years, year null): keys of the
 * same year share one `read(em, ids, year)` statement, whose rows are handed back per parent.
 */
export function manyByIdAndYear<Row>(
  em: EntityManager,
  read: YearlyRead<Row>,
  idOf: (row: Row) => number,
): DataLoader<YearKey, Row[], string> {
  return batchedByGroup(byYear<YearKey>, async (keys) => {
    const rows = await read(
      em,
      keys.map((key) => key.id),
      keys[0]?.year ?? null,
    );
    const grouped = Map.groupBy(rows, idOf);
    return keys.map((key) => grouped.get(key.id) ?? []);
  });
}

/**
 * A DataLoader for one row per id and year (a yearly total): `read(em, ids, year)` returns a row for every
 * id it is given (a left join from the ids), so a missing row is a bug, not an empty year.
 */
export function oneByIdAndYear<Row>(
  em: EntityManager,
  read: YearlyRead<Row, number>,
  idOf: (row: Row) => number,
): DataLoader<{ id: number; year: number }, Row, string> {
  return batchedByGroup(byYear<{ id: number; year: number }>, async (keys) => {
    const year = keys[0]?.year ?? 0;
    const ids = keys.map((key) => key.id);
    const rows = new Map((await read(em, ids, year)).map((row) => [idOf(row), row]));
    return keys.map((key) => rows.get(key.id) ?? missing(key.id, year));
  });
}

function missing(id: number, year: number): never {
  throw new Error(`no yearly row for id ${id} in ${year}`);
}

/**
 * Loads a row that must exist (the target of a foreign key: an agency's region, say) and fails loudly
 * when it does not, instead of returning null for a field the schema declares non-null.
 */
export async function loadExisting<K, V>(loader: DataLoader<K, V | null, string>, key: K, what: string): Promise<V> {
  const value = await loader.load(key);
  if (value == null) throw new Error(`${what} ${String(key)} does not exist`);
  return value;
}
