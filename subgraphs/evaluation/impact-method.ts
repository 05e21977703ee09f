import { reasonOf, type Withheld } from '../shared/suppression.js';
import { Verdict } from './enums.js';
import type { UnitRow } from './impact-sql.js';
import type { Estimate, PeopleMeasure, PlaceboCheck } from './impact-types.js';
import type { RegressionRow } from './inference/cluster-robust.js';
import type { EffectSummary } from './inference/effect.js';
import { estimateEffect } from './inference/effect.js';
import { placeboCheck } from './inference/placebo.js';
import type { RegionVerdict } from './inference/verdict.js';
import { type SampleSummary, welchFromSummaries } from './statistics.js';

/**
 * The method of the training-impact comparison: its parameters, the regression rows it builds from the
 * units, the effect and placebo per region, the verdict reasons in words, and what a viewer may see.
 * The statistics live in ./inference (CR2, wild cluster bootstrap, Holm, rank intervals, cost); the
 * method note is docs/method.md.
 */

/** Parameters of the method: one place, named. */
export const METHOD = {
  confidence: 0.95,
  /** Family-wise error rate of EXPAND and NO_EFFECT across the requested regions (Holm), and of "distinguishable" across pairs. */
  alpha: 0.05,
  /** Units needed in the regression before a verdict other than INSUFFICIENT_DATA. */
  minimumUnits: 20,
  /** Districts (clusters) needed: below four not even the wild cluster bootstrap is informative. */
  minimumClusters: 4,
  /** Below this many districts the interval and p-values come from the wild cluster bootstrap. */
  bootstrapBelowClusters: 12,
  bootstrapReplications: 1999,
  /** Draws of the rank intervals and of the cost interval. */
  draws: 4000,
  /** Seed of every random draw: the same request gives the same answer. */
  seed: 20261123,
  /** Above this share of under-sampled units (of those surveyed in both years) the data are insufficient. */
  maximumUnderSampledShare: 0.5,
  /** Exposure threshold of the descriptive contrast: the 20 JP/year right, per staff member. */
  contrastThresholdJp: 20,
} as const;

/**
 * Who is looking: whether the viewer may see the people of a region (PERSON_LEVEL there). Viewers who may
 * not get small cells withheld (../shared/suppression.ts).
 */
export interface ViewerPolicy {
  seesPeople(regionCode: string): boolean;
}

/** An aggregate over `count` people (or responses); withheld when `withheld` says so. */
export function measure(value: number | null, count: number, withheld: Withheld | null): PeopleMeasure {
  if (withheld !== null) return { value: null, count: null, suppressedReason: reasonOf(withheld) };
  return { value: count > 0 ? value : null, count, suppressedReason: null };
}

/** A unit's exposure in the estimate: JP completed in the year before its survey, per staff member, in tens of JP. */
export function exposureOf(unit: UnitRow): number {
  return (unit.jpBeforeSurvey ?? 0) / unit.staff / 10;
}

/**
 * The regression rows of a region: y = this year's IKM; x = [exposure (per 10 JP per staff member),
 * last year's IKM, one indicator per agency but the first]; weight = respondents of this year's survey;
 * cluster = district. `lead` puts next year's exposure first (the placebo), keeping this year's.
 */
export function regressionRows(units: readonly UnitRow[], lead = false): RegressionRow[] {
  const sample = units.filter((u) => u.inEstimate && (!lead || u.jpNextBeforeSurvey != null));
  const agencies = [...new Set(sample.map((u) => u.agencyId))].sort((a, b) => a - b).slice(1);
  return sample.map((u) => {
    const indicators = agencies.map((a) => (u.agencyId === a ? 1 : 0));
    const exposure = exposureOf(u);
    const x = lead
      ? [(u.jpNextBeforeSurvey ?? 0) / u.staff / 10, exposure, u.ikmPrevious ?? 0, ...indicators]
      : [exposure, u.ikmPrevious ?? 0, ...indicators];
    return { y: u.ikm ?? 0, x, weight: u.respondents ?? 1, cluster: u.district ?? String(u.unitId) };
  });
}

/**
 * How large a region's regression is before it is fitted, and the arithmetic its CR2 fit costs as
 * fitClusterRobust computes it: per district the eigenproblem of a p x p matrix (m p^3), and for each of
 * the p coefficients the Bell-McCaffrey df over every pair of districts (m^2 p^2). p is the coefficients
 * of the placebo's model (exposure, next year's exposure, last year's IKM, intercept, one per agency but
 * the first), the largest fitted. A province puts hundreds of agencies and districts in one regression:
 * minutes of CPU, hence the limit (IMPACT_WORK_LIMIT).
 */
export function estimationSize(units: readonly UnitRow[]): {
  units: number;
  agencies: number;
  clusters: number;
  work: number;
} {
  const sample = units.filter((u) => u.inEstimate);
  const agencies = new Set(sample.map((u) => u.agencyId)).size;
  const clusters = new Set(sample.map((u) => u.district ?? String(u.unitId))).size;
  const p = 3 + agencies;
  return { units: sample.length, agencies, clusters, work: clusters * p ** 3 + clusters ** 2 * p ** 2 };
}

/** Why a region too large for the limit has no estimate, in words the caller can act on. */
export function tooLargeFailure(size: ReturnType<typeof estimationSize>): string {
  return `the region is too large to estimate within this server's limit (${size.units} units of ${size.agencies} agencies in ${size.clusters} districts: one coefficient per agency); compare its regencies or districts instead, whose estimates are within the limit`;
}

/** The region's effect, or why it has none. */
export function regionEffect(
  units: readonly UnitRow[],
  minimumMeaningfulEffect: number,
): { effect: EffectSummary | null; priorIkm: number | null; changeScore: Estimate | null; failure: string | null } {
  const rows = regressionRows(units);
  if (rows.length === 0) return { effect: null, priorIkm: null, changeScore: null, failure: null };
  try {
    const effect = estimateEffect(rows, {
      minimumMeaningfulEffect,
      confidence: METHOD.confidence,
      bootstrapBelowClusters: METHOD.bootstrapBelowClusters,
      replications: METHOD.bootstrapReplications,
      seed: METHOD.seed,
    });
    const prior = estimateEffect(rows, { coefficient: 1, bootstrapBelowClusters: 0 });
    return { effect, priorIkm: prior.estimate, changeScore: changeScoreEstimate(rows), failure: null };
  } catch (error) {
    if (error instanceof RangeError)
      return { effect: null, priorIkm: null, changeScore: null, failure: plainFailure(error.message) };
    throw error;
  }
}

/**
 * The bracketing sensitivity (Angrist & Pischke 2009, sec. 5.4): the IKM change regressed on the exposure and
 * the agency (last year's IKM fixed at coefficient 1), CR2 interval. Biased upwards when training goes to units
 * that looked weak last year; unbiased when it goes by a fixed trait of the unit, where the adjusted estimate is not.
 */
function changeScoreEstimate(rows: readonly RegressionRow[]): Estimate | null {
  const changeRows = rows.map((r) => ({ ...r, y: r.y - (r.x[1] ?? 0), x: [r.x[0] ?? 0, ...r.x.slice(2)] }));
  return safe(() => asEstimate(estimateEffect(changeRows, { bootstrapBelowClusters: 0 })));
}

function plainFailure(message: string): string {
  if (/collinear|constant/.test(message))
    return "the units differ too little in training or in last year's IKM to separate their effects";
  if (/clusters/.test(message)) return 'all units lie in one district, so district shocks cannot be told from training';
  if (/more units than coefficients/.test(message)) return 'there are fewer units than quantities to estimate';
  return 'the regression could not be fitted';
}

/** The placebo check of a region: next year's exposure added to the model must not matter. */
export function regionPlacebo(units: readonly UnitRow[], hasEffect: boolean): PlaceboCheck {
  const none = (reason: string): PlaceboCheck => ({ nextYearExposure: null, failed: false, pValue: null, reason });
  if (!hasEffect) return none('Not run: the region has no effect estimate to check.');
  const rows = regressionRows(units, true);
  if (rows.length < METHOD.minimumUnits) {
    return none(
      rows.length === 0
        ? "Not run: no unit has an IKM survey of the next year yet, so next year's training cannot be placed against this year's IKM."
        : `Not run: ${plural(rows.length, 'unit has', 'units have')} an IKM survey of the next year; at least ${METHOD.minimumUnits} are needed.`,
    );
  }
  try {
    const check = placeboCheck(rows, {
      alpha: METHOD.alpha,
      confidence: METHOD.confidence,
      bootstrapBelowClusters: METHOD.bootstrapBelowClusters,
      replications: METHOD.bootstrapReplications,
      seed: METHOD.seed,
    });
    const summary = estimateEffect(rows, { bootstrapBelowClusters: 0 });
    const estimate: Estimate = {
      estimate: check.estimate,
      standardError: summary.standardError,
      degreesOfFreedom: summary.degreesOfFreedom,
      lower: check.lower,
      upper: check.upper,
      confidence: METHOD.confidence,
    };
    const interval = `${points(check.estimate)} IKM points per +10 JP per staff member (95% interval ${points(check.lower)} to ${points(check.upper)}, p = ${check.pTwoSided.toFixed(3)})`;
    return {
      nextYearExposure: estimate,
      failed: check.distinguishableFromZero,
      pValue: check.pTwoSided,
      reason: check.distinguishableFromZero
        ? `Failed: next year's training goes with this year's IKM, ${interval}, which training not yet given cannot cause. Training seems to follow units already rising or falling, so the effect may be confounded.`
        : `Passed: next year's training is not distinguishable from zero for this year's IKM, ${interval}. This does not prove the absence of confounding.`,
    };
  } catch (error) {
    if (error instanceof RangeError) return none(`Not run: ${plainFailure(error.message)}.`);
    throw error;
  }
}

/** The estimate of an effect as the API reports it (interval and p-values of the method used). */
export function asEstimate(effect: EffectSummary): Estimate {
  return {
    estimate: effect.estimate,
    standardError: effect.standardError,
    degreesOfFreedom: effect.degreesOfFreedom,
    lower: effect.lower,
    upper: effect.upper,
    confidence: effect.confidence,
  };
}

export function unweightedEstimate(effect: EffectSummary): Estimate | null {
  const u = effect.unweighted;
  if (!u) return null;
  return {
    estimate: u.estimate,
    standardError: u.standardError,
    degreesOfFreedom: u.degreesOfFreedom,
    lower: u.lower,
    upper: u.upper,
    confidence: effect.confidence,
  };
}

export function points(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : value > 0 ? 'no upper limit' : 'no lower limit';
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

export interface ReasonFacts {
  verdict: RegionVerdict;
  effect: EffectSummary | null;
  units: number;
  clusters: number;
  known: boolean;
  hasAnyData: boolean;
  underSampledUnits: number;
  unitsWithBothYears: number;
  failure: string | null;
  /** True when the region was too large to estimate (failure says so): not a lack of data. */
  tooLarge?: boolean;
  placebo: PlaceboCheck;
  minimumMeaningfulEffect: number;
}

/** The verdict in plain words, with the figures behind it and what the data cannot tell. */
export function verdictReason(code: string, facts: ReasonFacts): { verdict: Verdict; reason: string } {
  const { verdict, effect, units, clusters, minimumMeaningfulEffect: delta } = facts;
  if (!facts.known) {
    return {
      verdict: Verdict.NO_DATA,
      reason: `${code} is not a region code the platform knows (not in the official Kemendagri list): there is nothing to compare.`,
    };
  }
  if (verdict.verdict === 'NO_DATA') {
    return {
      verdict: Verdict.NO_DATA,
      reason: facts.hasAnyData
        ? 'No service unit of the region has staff and IKM surveys in both this year and the year before, so nothing can be said about training here.'
        : 'There are no service units, surveys or training records for the region in this year: no data, not a zero.',
    };
  }
  if (facts.tooLarge && facts.failure) {
    return { verdict: Verdict.INSUFFICIENT_DATA, reason: `Not estimated: ${facts.failure}.` };
  }
  if (verdict.verdict === 'INSUFFICIENT_DATA' || effect === null) {
    const tooFew = units < METHOD.minimumUnits || clusters < METHOD.minimumClusters;
    const why = tooFew
      ? `${plural(units, 'service unit has', 'service units have')} staff and two adequately sampled IKM surveys, in ${plural(clusters, 'district', 'districts')}; a verdict needs at least ${METHOD.minimumUnits} units in ${METHOD.minimumClusters} districts`
      : `the effect cannot be estimated: ${facts.failure ?? 'the regression could not be fitted'}`;
    const sampling =
      facts.underSampledUnits > 0
        ? ` ${facts.underSampledUnits} of ${facts.unitsWithBothYears} units surveyed in both years fell short of the Krejcie-Morgan sample and are left out.`
        : '';
    return { verdict: Verdict.INSUFFICIENT_DATA, reason: `Insufficient data: ${why}.${sampling}` };
  }
  const interval = `${points(effect.estimate)} IKM points per +10 JP per staff member (95% interval ${points(effect.lower)} to ${points(effect.upper)}; ${units} units in ${clusters} districts)`;
  const family = verdict.familySize === 1 ? 'one region tested' : `${verdict.familySize} regions tested`;
  const placebo = facts.placebo.failed
    ? " Warning: the placebo check failed (next year's training goes with this year's IKM), so the effect may be confounded."
    : '';
  const caveat =
    "This compares units of the region after allowing for last year's IKM and the agency; it cannot rule out that units given more training differed in other ways.";
  if (verdict.verdict === 'EXPAND') {
    return {
      verdict: Verdict.EXPAND,
      reason: `Service quality rose more where staff had more training before the survey: ${interval}. The effect is above zero with ${family} (Holm-adjusted one-sided ${pValue(verdict.pGreaterHolm ?? 1)}). Expand the programme. ${caveat}${placebo}`,
    };
  }
  if (verdict.verdict === 'NO_EFFECT') {
    return {
      verdict: Verdict.NO_EFFECT,
      reason: `No effect worth paying for: ${interval}; the effect lies below the minimum meaningful effect of ${points(delta)} with ${family} (Holm-adjusted one-sided ${pValue(verdict.pBelowMinimumHolm ?? 1)}). Review the training method. ${caveat}${placebo}`,
    };
  }
  return {
    verdict: Verdict.INCONCLUSIVE,
    reason: `Inconclusive: ${interval}. With ${family}, the data fit both no effect and an effect of ${points(delta)} or more (effect above zero: Holm-adjusted one-sided ${pValue(verdict.pGreaterHolm ?? 1)}), so they cannot tell whether training improved IKM here; more units, districts or years are needed.${placebo}`,
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

/** Estimates that cannot be formed (zero variance, say) are reported as missing, not as errors. */
export function safe<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
