import type { EntityManager } from '@mikro-orm/postgresql';
import { type ListSql, pagedById } from '../shared/connection.js';
import { query } from '../shared/orm.js';
import { sqlWithinRegion } from '../shared/regions.js';
import { type BudgetLine, OfferingCost } from './entities.js';
import type { BudgetSummary } from './types.js';

/** Reads of the budgeting schema. Sums happen in SQL, on bigint. */

/** Training budget lines of each agency in one fiscal year, paged by id. */
export function linesOfAgency(year: number): ListSql<BudgetLine> {
  return {
    parentType: 'int',
    from: 'budgeting.budget_line b',
    columns: `b.id, b.agency_id as "agencyId", b.region_code as "regionCode", b.year, b.sub_activity_code as "subActivityCode",
      b.description, b.ceiling::text as ceiling, b.realised::text as realised`,
    parent: 'b.agency_id = s.key',
    where: { sql: 'b.year = ?', params: [year] },
    ...pagedById('b'),
  };
}

/** Budget totals of one scope (an agency id, or a region code) for a year. */
export interface BudgetSums {
  scope: string;
  ceiling: string;
  realised: string;
  lines: number;
  /** The regions of the lines summed (an agency's lie in one). */
  regionCodes: string[];
}

/**
 * The one budget-sum statement: ceiling, realised spending and lines of each scope for one year, where a
 * scope is an agency (its own lines) or a region at any level (the lines of every agency within it).
 */
export function budgetSums(
  em: EntityManager,
  scope: 'agency' | 'region',
  keys: readonly string[],
  year: number,
): Promise<BudgetSums[]> {
  const join = scope === 'agency' ? 'b.agency_id = s.key::int' : sqlWithinRegion('b.region_code', 's.key');
  return query<BudgetSums>(
    em,
    `select s.key as scope, coalesce(sum(b.ceiling), 0)::text as ceiling,
            coalesce(sum(b.realised), 0)::text as realised, count(b.id)::int as lines,
            coalesce(array_agg(distinct b.region_code) filter (where b.region_code is not null), '{}') as "regionCodes"
       from unnest(?::text[]) as s(key)
       left join budgeting.budget_line b on ${join} and b.year = ?
      group by s.key`,
    [keys, year],
  );
}

function toSummary(year: number, sums: BudgetSums): BudgetSummary & { agencyId: number } {
  const ceiling = BigInt(sums.ceiling);
  const realised = BigInt(sums.realised);
  return {
    agencyId: Number(sums.scope),
    year,
    ceiling: ceiling.toString(),
    realised: realised.toString(),
    realisationRate: ceiling === 0n ? null : Number((realised * 1_000_000n) / ceiling) / 1_000_000,
    lines: sums.lines,
    regionCodes: sums.regionCodes,
  };
}

export async function summariesByAgency(em: EntityManager, agencyIds: readonly number[], year: number) {
  const sums = await budgetSums(em, 'agency', agencyIds.map(String), year);
  return sums.map((row) => toSummary(year, row));
}

/** Training budget of all agencies within a region (any level), for one year. */
export async function summaryByRegion(em: EntityManager, regionCode: string, year: number): Promise<BudgetSummary> {
  const [sums] = await budgetSums(em, 'region', [regionCode], year);
  return toSummary(year, sums ?? { scope: regionCode, ceiling: '0', realised: '0', lines: 0, regionCodes: [] });
}

export function costsByOffering(em: EntityManager, offeringIds: readonly number[]): Promise<OfferingCost[]> {
  return em.find(OfferingCost, { offeringId: { $in: [...offeringIds] } });
}
