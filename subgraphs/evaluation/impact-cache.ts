import type { RegionFactsRow, RegionRow, UnitRow } from './impact-sql.js';

/**
 * What the comparison keeps between requests, by each region's input version (migration
 * 0011-impact-versions: a write to a region's units, staffing, training or surveys gives it a new version)
 * and facts version (0012-impact-facts-versions: its learning totals, budgets, SKP rollup, region list):
 * the region's unit rows and SQL totals, the estimates made from them and its facts. A request reads the
 * versions, then the facts and the unit table only for the regions whose version moved, so a comparison
 * costs in proportion to the regions requested and changed, not to the size of the database. Keys carry
 * the database's epoch, so replicas and test databases never mistake each other's versions. Bounded, least
 * recently used out; per process (a replica's first request for a region reads and estimates it itself).
 */

/** One region's inputs: its unit rows and, when it has staffed units, the SQL totals over them. */
export interface RegionInputs {
  version: string;
  region: RegionRow | undefined;
  units: UnitRow[];
}

/** A map with a size limit in `weight` units, least recently used out. */
export class Lru<T> {
  private readonly entries = new Map<string, { value: T; weight: number }>();
  private total = 0;

  constructor(
    private readonly limit: number,
    private readonly weigh: (value: T) => number = () => 1,
  ) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: T): void {
    this.delete(key);
    const weight = this.weigh(value);
    this.entries.set(key, { value, weight });
    this.total += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.limit || oldest === key) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.total -= old.weight;
  }
}

/** Unit rows kept: about 40 MB of heap (a national comparison of all regencies holds some 43,000). */
const UNIT_ROWS_KEPT = 100_000;

/** Per (epoch, year, region): the inputs of the version last read. */
export const regionInputs = new Lru<RegionInputs>(UNIT_ROWS_KEPT, (inputs) => 1 + inputs.units.length);

/** Per (epoch, year, region): the facts of the facts version last read (migration 0012-impact-facts-versions). */
export const regionFactsKept = new Lru<RegionFactsRow>(20_000);

export function inputsKey(epoch: string, year: number, code: string): string {
  return `${epoch}|${year}|${code}`;
}

/** Per (epoch, year, region, version, ...): an estimate made from those inputs. */
export function estimateKey(epoch: string, year: number, code: string, version: string, ...rest: unknown[]): string {
  return [epoch, year, code, version, ...rest].join('|');
}

/** The memoised value of `compute` under `key`. */
export function memoised<T>(memo: Lru<T>, key: string, compute: () => T): T {
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  memo.set(key, value);
  return value;
}
