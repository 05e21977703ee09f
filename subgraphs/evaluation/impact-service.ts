import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImpactKey } from '../shared/impact-key.js';
import type { RegionLearning, RegionSpending, UnitStaffing, UnitTraining } from '../shared/federation-types.js';
import { rupiahPer } from '../shared/scalars.js';
import {
  costPerIkmPoint,
  distinguishable,
  effectDifference,
  measure,
  regressionEstimate,
  verdictOf,
  welchOrNull,
  type ViewerPolicy,
} from './impact-method.js';
import { emptyRegionRow, regionRows, skpChangeRows, unitRows, type RegionRow, type SkpRow, type UnitRow } from './impact-sql.js';
import type { EffectDifference, RegionImpact, TrainingCost, UnitImpact } from './impact-types.js';

/**
 * The assembly of the training-impact comparison: the SQL aggregates (impact-sql.ts) and the inputs
 * from the other subgraphs, turned into each region's figures by the method (impact-method.ts).
 */

export interface ComparisonInputs {
  staffing: UnitStaffing[];
  unitTraining: UnitTraining[];
  regionLearning: RegionLearning[];
  regionSpending: RegionSpending[];
}

export interface ComparisonResult {
  regions: RegionImpact[];
  differences: EffectDifference[];
}

/** What one region's figures are made of. */
interface RegionData {
  code: string;
  region: RegionRow;
  units: UnitRow[];
  skp: SkpRow[];
  learning: RegionLearning | undefined;
  spending: RegionSpending | undefined;
}

/**
 * The whole comparison: three SQL statements whatever the number of regions (units, region moments,
 * SKP changes), then per-region arithmetic on the aggregates.
 */
export async function compareRegions(
  em: EntityManager,
  key: ImpactKey,
  inputs: ComparisonInputs,
  policy: ViewerPolicy,
): Promise<ComparisonResult> {
  const [units, regions, skp] = await Promise.all([
    unitRows(em, inputs, key.year),
    regionRows(em, inputs, key.year),
    skpChangeRows(em, key, inputs),
  ]);
  const unitsByScope = Map.groupBy(units, (u) => u.scope);
  const regionByScope = new Map(regions.map((r) => [r.scope, r]));
  const skpByScope = Map.groupBy(skp, (s) => s.scope);
  const learningByScope = new Map(inputs.regionLearning.map((l) => [l.scope, l]));
  const spendingByScope = new Map(inputs.regionSpending.map((s) => [s.scope, s]));
  const results = key.regionCodes.map((code) =>
    regionImpact(
      {
        code,
        region: regionByScope.get(code) ?? emptyRegionRow(code),
        units: unitsByScope.get(code) ?? [],
        skp: skpByScope.get(code) ?? [],
        learning: learningByScope.get(code),
        spending: spendingByScope.get(code),
      },
      policy,
    ),
  );
  rank(results);
  return { regions: results, differences: differences(results) };
}

function regionImpact(data: RegionData, policy: ViewerPolicy): RegionImpact {
  const { code, region, learning } = data;
  const effect = regressionEstimate(region);
  const trained = data.skp.find((row) => row.trained);
  const untrained = data.skp.find((row) => !row.trained);
  const realised = BigInt(data.spending?.realised ?? '0');
  const { verdict, reason } = verdictOf(region, effect);
  return {
    regionCode: code,
    region: { code },
    rank: null,
    exposure: {
      units: region.units,
      staff: region.staff,
      participants: learning?.participants ?? 0,
      jp: region.jp,
      jpPerStaff: region.staff > 0 ? region.jp / region.staff : null,
      reachedMinimumShare: region.staff > 0 ? region.reachedMinimum / region.staff : null,
    },
    serviceQuality: {
      unitsSurveyed: region.unitsSurveyed,
      meanIkm: region.meanIkm,
      meanIkmPrevious: region.meanIkmPrevious,
      meanChange: region.meanChange,
      unitsWithBothYears: region.unitsWithBothYears,
      underSampledUnits: region.underSampledUnits,
    },
    cost: trainingCost(data, realised),
    effect: {
      perTenJp: effect,
      trend: effect ? (region.meanY ?? 0) - effect.estimate * (region.meanX ?? 0) : null,
      units: region.n,
      contrast: welchOrNull(
        { n: region.highN, mean: region.highMean, variance: region.highVariance },
        { n: region.lowN, mean: region.lowMean, variance: region.lowVariance },
      ),
      unitsAtOrAbove20Jp: region.highN,
      unitsBelow20Jp: region.lowN,
    },
    costPerIkmPoint: costPerIkmPoint(realised, effect, (region.meanX ?? 0) * region.n),
    verdict,
    verdictReason: reason,
    kirkpatrick: {
      l1Satisfaction: measure(learning?.meanSatisfaction ?? null, learning?.satisfactionResponses ?? 0, policy),
      l2TestGain: measure(learning?.meanTestGain ?? null, learning?.testedEnrolments ?? 0, policy),
      l3SkpChange: welchOrNull(trained, untrained),
      l3TrainedStaff: trained?.n ?? 0,
      l3UntrainedStaff: untrained?.n ?? 0,
      l4IkmEffect: effect,
    },
    units: data.units.map((unit) => unitImpact(unit, policy)),
  };
}

function trainingCost(data: RegionData, realised: bigint): TrainingCost {
  return {
    realisedSpending: realised.toString(),
    ceiling: data.spending?.ceiling ?? '0',
    costPerJp: realised > 0n ? rupiahPer(realised, data.learning?.jp ?? 0) : null,
    costPerParticipant: realised > 0n ? rupiahPer(realised, data.learning?.participants ?? 0) : null,
    note:
      (data.spending?.lines ?? 0) === 0
        ? 'no budget lines: agencies keep training budgets at province or regency level'
        : null,
  };
}

function unitImpact(unit: UnitRow, policy: ViewerPolicy): UnitImpact {
  const perStaff = (value: number) => (unit.staff > 0 ? value / unit.staff : null);
  return {
    unitId: unit.unitId,
    staff: unit.staff,
    jp: unit.jp,
    jpPerStaff: measure(perStaff(unit.jp), unit.staff, policy),
    reachedMinimumShare: measure(perStaff(unit.reachedMinimum), unit.staff, policy),
    ikm: unit.ikm,
    ikmPrevious: unit.ikmPrevious,
    ikmChange: unit.ikm != null && unit.ikmPrevious != null ? unit.ikm - unit.ikmPrevious : null,
    underSampled: unit.underSampled,
    inEstimate: unit.inEstimate,
  };
}

/** Ranks the regions with an effect estimate, strongest effect first. */
function rank(results: RegionImpact[]): void {
  const ranked = results
    .filter((r) => r.effect.perTenJp)
    .sort((a, b) => (b.effect.perTenJp?.estimate ?? 0) - (a.effect.perTenJp?.estimate ?? 0));
  for (const [index, r] of ranked.entries()) r.rank = index + 1;
}

/** The difference of effects of every pair of regions that both have an estimate, in request order. */
function differences(results: RegionImpact[]): EffectDifference[] {
  const found: EffectDifference[] = [];
  results.forEach((a, i) => {
    for (const b of results.slice(i + 1)) {
      if (!a.effect.perTenJp || !b.effect.perTenJp) continue;
      const difference = effectDifference(a.effect.perTenJp, b.effect.perTenJp);
      if (!difference) continue;
      found.push({
        regionCode: a.regionCode,
        otherRegionCode: b.regionCode,
        difference,
        distinguishable: distinguishable(difference),
      });
    }
  });
  return found;
}
