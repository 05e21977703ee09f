import { rupiahPer } from '../shared/scalars.js';
import type { RegionRow } from './impact-sql.js';
import type { CostPerIkmPoint, PeopleMeasure } from './impact-types.js';
import { Verdict } from './enums.js';
import {
  differenceOfEstimates,
  olsFromMoments,
  welchFromSummaries,
  type Estimate,
  type SampleSummary,
} from './statistics.js';

/**
 * The method of the training-impact comparison: its parameters, the estimates it forms from the SQL
 * aggregates, the verdict rule of the Kota Binjai ASN development plan, and what a viewer may see.
 */

/** Parameters of the method: one place, named. */
export const METHOD = {
  confidence: 0.95,
  /** Units needed in the regression before a verdict other than INSUFFICIENT_DATA. */
  minimumUnits: 10,
  /** Above this share of under-sampled units (of those surveyed in both years) the data are insufficient. */
  maximumUnderSampledShare: 0.5,
  /** Exposure threshold of the contrast: the 20 JP/year right, per staff member. */
  contrastThresholdJp: 20,
  /** Smallest group of people whose aggregate may be shown to an aggregates-only viewer. */
  minimumCellSize: 5,
} as const;

/** Who is looking: viewers restricted to aggregates never see cells of fewer than minimumCellSize people. */
export interface ViewerPolicy {
  aggregatesOnly: boolean;
}

export function measure(value: number | null, count: number, policy: ViewerPolicy): PeopleMeasure {
  if (policy.aggregatesOnly && count < METHOD.minimumCellSize) {
    return { value: null, count: null, suppressedReason: `fewer than ${METHOD.minimumCellSize} people` };
  }
  return { value: count > 0 ? value : null, count, suppressedReason: null };
}

export function costPerIkmPoint(realised: bigint, effect: Estimate | null, exposureSum: number): CostPerIkmPoint {
  const none = (reason: string): CostPerIkmPoint => ({ estimate: null, lower: null, upper: null, reason });
  if (!effect) return none('no effect estimate (too few units)');
  if (realised <= 0n) return none('no realised training spending recorded for the region');
  if (!(effect.lower > 0)) return none('the effect is not distinguishable from zero, so no IKM point can be attributed to training');
  // IKM points gained over the region's units: effect (per 10 JP per staff) x sum of units' exposure (in 10 JP).
  return {
    estimate: rupiahPer(realised, effect.estimate * exposureSum),
    lower: rupiahPer(realised, effect.upper * exposureSum),
    upper: rupiahPer(realised, effect.lower * exposureSum),
    reason: null,
  };
}

function formatPoints(value: number): string {
  return value.toFixed(2);
}

export function verdictOf(region: RegionRow, effect: Estimate | null): { verdict: Verdict; reason: string } {
  const surveyedPairs = region.unitsWithBothYears;
  const underSampledShare = surveyedPairs > 0 ? region.underSampledUnits / surveyedPairs : 0;
  if (underSampledShare > METHOD.maximumUnderSampledShare) {
    return {
      verdict: Verdict.INSUFFICIENT_DATA,
      reason: `${region.underSampledUnits} of ${surveyedPairs} units have an under-sampled IKM survey (Krejcie-Morgan).`,
    };
  }
  if (!effect || region.n < METHOD.minimumUnits) {
    return {
      verdict: Verdict.INSUFFICIENT_DATA,
      reason: `Only ${region.n} units have staff and two adequately sampled IKM surveys; at least ${METHOD.minimumUnits} are needed.`,
    };
  }
  const interval = `${formatPoints(effect.estimate)} IKM points per +10 JP per staff member (95% CI ${formatPoints(effect.lower)} to ${formatPoints(effect.upper)}, ${region.n} units)`;
  if (effect.lower > 0) {
    return { verdict: Verdict.EXPAND, reason: `Service quality rose with training: ${interval}. Expand the programme.` };
  }
  const where = effect.upper < 0 ? 'lies below zero' : 'includes zero';
  return {
    verdict: Verdict.REVIEW_METHOD,
    reason: `No improvement shown: ${interval}; the interval ${where}. Review the training method.`,
  };
}

/**
 * Welch difference of two groups' means (trained minus untrained staff, units above minus below the
 * threshold); null when either group has fewer than 2 members or the difference cannot be formed.
 */
export function welchOrNull(a: GroupSummary | undefined, b: GroupSummary | undefined): Estimate | null {
  if (!a || !b || a.n < 2 || b.n < 2) return null;
  return safe(() => welchFromSummaries(summary(a), summary(b), METHOD.confidence));
}

/** A group's size, mean and sample variance as SQL returns them (null for an empty group). */
export interface GroupSummary {
  n: number;
  mean: number | null;
  variance: number | null;
}

function summary(group: GroupSummary): SampleSummary {
  return { mean: group.mean ?? 0, variance: group.variance ?? 0, n: group.n };
}

/** The difference of two regions' effects; null when it cannot be formed. */
export function effectDifference(a: Estimate, b: Estimate): Estimate | null {
  return safe(() => differenceOfEstimates(a, b, METHOD.confidence));
}

/** Two effects differ when the interval of their difference excludes zero. */
export function distinguishable(difference: Estimate): boolean {
  return difference.lower > 0 || difference.upper < 0;
}

export function regressionEstimate(region: RegionRow): Estimate | null {
  if (region.n < 3 || region.sxx == null || region.sxy == null || region.syy == null || !(region.sxx > 0)) return null;
  return safe(() =>
    olsFromMoments({ n: region.n, sxx: region.sxx as number, sxy: region.sxy as number, syy: region.syy as number }, METHOD.confidence),
  );
}

/** Estimates that cannot be formed (zero variance, say) are reported as missing, not as errors. */
function safe<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

