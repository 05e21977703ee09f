import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../shared/orm.js';
import { sqlWithinRegion, validateRegionCode } from '../shared/regions.js';
import { BudgetLine, OfferingCost } from './entities.js';
import type { BudgetSummary } from './types.js';

/** Reads of the budgeting schema. Sums happen in SQL, on bigint. */

export interface AgencyYearKey {
  agencyId: number;
  year: number;
}

export async function linesOfAgencies(em: EntityManager, keys: readonly AgencyYearKey[]): Promise<BudgetLine[][]> {
  const year = keys[0]?.year;
  const rows = await em.find(
    BudgetLine,
    { agencyId: { $in: keys.map((k) => k.agencyId) }, year },
    { orderBy: { subActivityCode: 'asc' } },
  );
  const grouped = Map.groupBy(rows, (row) => row.agencyId);
  return keys.map((key) => grouped.get(key.agencyId) ?? []);
}

interface SummaryRow {
  scope: string;
  ceiling: string;
  realised: string;
  lines: string;
}

function toSummary(year: number, row: SummaryRow | undefined): BudgetSummary {
  const ceiling = BigInt(row?.ceiling ?? 0);
  const realised = BigInt(row?.realised ?? 0);
  return {
    year,
    ceiling: ceiling.toString(),
    realised: realised.toString(),
    realisationRate: ceiling === 0n ? null : Number((realised * 1_000_000n) / ceiling) / 1_000_000,
    lines: Number(row?.lines ?? 0),
  };
}

export async function summariesOfAgencies(em: EntityManager, keys: readonly AgencyYearKey[]): Promise<BudgetSummary[]> {
  const year = keys[0]?.year ?? 0;
  const rows = await query<SummaryRow>(
    em,
    `select k.id::text as scope, coalesce(sum(b.ceiling), 0)::text as ceiling, coalesce(sum(b.realised), 0)::text as realised,
            count(b.id) as lines
       from unnest(?::int[]) as k(id)
       left join budgeting.budget_line b on b.agency_id = k.id and b.year = ?
      group by k.id`,
    [keys.map((k) => k.agencyId), year],
  );
  const byScope = new Map(rows.map((row) => [row.scope, row]));
  return keys.map((key) => toSummary(year, byScope.get(String(key.agencyId))));
}

/** Training budget of all agencies within a region (any level), for one year. */
export async function regionSummary(em: EntityManager, regionCode: string, year: number): Promise<BudgetSummary> {
  validateRegionCode(regionCode);
  const [row] = await query<SummaryRow>(
    em,
    `select ?::text as scope, coalesce(sum(ceiling), 0)::text as ceiling, coalesce(sum(realised), 0)::text as realised,
            count(*) as lines
       from budgeting.budget_line
      where (region_code = ? or region_code like ?) and year = ?`,
    [regionCode, regionCode, `${regionCode}.%`, year],
  );
  return toSummary(year, row);
}

export function costsOfOfferings(em: EntityManager, offeringIds: readonly number[]): Promise<OfferingCost[]> {
  return em.find(OfferingCost, { offeringId: { $in: [...offeringIds] } });
}

/** Whole-Rupiah division, rounded half up; null when there is nothing to divide by. */
export function perUnit(amount: string, units: number): string | null {
  if (!Number.isInteger(units) || units <= 0) return null;
  const divisor = BigInt(units);
  return ((BigInt(amount) * 2n + divisor) / (2n * divisor)).toString();
}

/** Training budget totals of each region (any level) for one year: one statement for all regions. */
export async function spendingOfRegions(em: EntityManager, codes: readonly string[], year: number) {
  return query<{ scope: string; ceiling: string; realised: string; lines: number }>(
    em,
    `select s.code as scope, coalesce(sum(b.ceiling), 0)::text as ceiling, coalesce(sum(b.realised), 0)::text as realised,
            count(b.id)::int as lines
       from unnest(?::text[]) as s(code)
       left join budgeting.budget_line b on ${sqlWithinRegion('b.region_code', 's.code')} and b.year = ?
      group by s.code`,
    [codes, year],
  );
}
