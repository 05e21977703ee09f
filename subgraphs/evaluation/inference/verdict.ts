/**
 * Verdicts for the requested regions, each with a plain-English reason that says what the data cannot tell.
 *
 *   NO_DATA            no service unit with both IKM surveys and training records.
 *   INSUFFICIENT_DATA  fewer units or clusters than the configured minimum, or the effect is not
 *                      identified (e.g. every unit had the same training hours).
 *   EXPAND             the one-sided test of "effect > 0" rejects after Holm's adjustment across the
 *                      tested regions (FWER ≤ α: the chance that any region is wrongly told to expand).
 *   NO_EFFECT          the one-sided test of "effect ≥ minimum meaningful effect δ" rejects after Holm's
 *                      adjustment; equivalently the upper bound of the Holm-adjusted one-sided interval lies
 *                      below δ: the whole interval is below the smallest effect worth paying for. Takes
 *                      precedence over EXPAND (an effect above zero but surely below δ is not worth expanding).
 *   INCONCLUSIVE       neither: the interval holds both zero and δ, so more data are needed.
 *
 * The Holm family is the set of requested regions that reached testing (not NO_DATA / INSUFFICIENT_DATA);
 * its size is reported with each verdict. p-values come from estimateEffect (CR2 / Bell–McCaffrey, or the
 * wild cluster bootstrap with few clusters). References: Holm (1979); see multiplicity.ts.
 */
import type { EffectSummary } from './effect.js';
import { get } from './linear-algebra.js';
import { holmAdjust } from './multiplicity.js';

export type Verdict = 'EXPAND' | 'NO_EFFECT' | 'INCONCLUSIVE' | 'INSUFFICIENT_DATA' | 'NO_DATA';

export interface RegionEvidence {
  region: string;
  /** Service units with both surveys and training records. */
  units: number;
  /** Clusters among those units. */
  clusters: number;
  /** The region's effect, or null when it could not be estimated. */
  effect: Pick<
    EffectSummary,
    'estimate' | 'lower' | 'upper' | 'confidence' | 'pGreater' | 'pBelowMinimum' | 'minimumMeaningfulEffect' | 'method'
  > | null;
  /** Why the effect could not be estimated (shown in the reason), when effect is null. */
  failure?: string;
}

export interface VerdictOptions {
  /** Smallest effect worth acting on (IKM points per JP per staff member); must match the effects'. */
  minimumMeaningfulEffect: number;
  /** Family-wise error rate of the EXPAND and NO_EFFECT claims (default 0.05). */
  alpha?: number;
  /** Minimum units for a verdict (default 20). */
  minUnits?: number;
  /** Minimum clusters for a verdict (default 4; below that not even the wild bootstrap is informative). */
  minClusters?: number;
}

export interface RegionVerdict {
  region: string;
  verdict: Verdict;
  reason: string;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  /** Unadjusted and Holm-adjusted one-sided p-values of "effect > 0". */
  pGreater: number | null;
  pGreaterHolm: number | null;
  /** Holm-adjusted one-sided p-value of "effect < minimum meaningful effect". */
  pBelowMinimumHolm: number | null;
  /** Number of regions in the Holm family. */
  familySize: number;
}

const fmt = (x: number, digits = 3): string =>
  Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : x > 0 ? 'no upper limit' : 'no lower limit';
/** 'p < 0.001' or 'p = 0.012'. */
const fmtP = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/** The verdict of a region without an estimate (no data, or too little): every figure null. */
export function verdictWithoutEstimate(
  region: string,
  verdict: 'NO_DATA' | 'INSUFFICIENT_DATA',
  reason: string,
  familySize: number,
): RegionVerdict {
  return {
    region,
    verdict,
    reason,
    estimate: null,
    lower: null,
    upper: null,
    pGreater: null,
    pGreaterHolm: null,
    pBelowMinimumHolm: null,
    familySize,
  };
}

/** Classifies each requested region; throws a RangeError on invalid options or inconsistent evidence. */
export function classifyRegions(regions: readonly RegionEvidence[], options: VerdictOptions): RegionVerdict[] {
  const where = 'classifyRegions';
  const alpha = options.alpha ?? 0.05;
  const minUnits = options.minUnits ?? 20;
  const minClusters = options.minClusters ?? 4;
  const delta = options.minimumMeaningfulEffect;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`${where}: alpha must be in (0, 1), got ${alpha}`);
  if (typeof delta !== 'number' || !Number.isFinite(delta))
    throw new RangeError(`${where}: minimumMeaningfulEffect must be finite, got ${delta}`);
  if (!Number.isInteger(minUnits) || minUnits < 1)
    throw new RangeError(`${where}: minUnits must be a positive integer, got ${minUnits}`);
  if (!Number.isInteger(minClusters) || minClusters < 2)
    throw new RangeError(`${where}: minClusters must be an integer ≥ 2, got ${minClusters}`);
  const seen = new Set<string>();
  for (const r of regions) {
    if (seen.has(r.region)) throw new RangeError(`${where}: region ${r.region} is listed twice`);
    seen.add(r.region);
    if (!Number.isInteger(r.units) || r.units < 0 || !Number.isInteger(r.clusters) || r.clusters < 0) {
      throw new RangeError(`${where}: region ${r.region}: units and clusters must be integers ≥ 0`);
    }
    if (r.effect !== null && r.effect.minimumMeaningfulEffect !== delta) {
      throw new RangeError(
        `${where}: region ${r.region}'s effect was computed for a minimum meaningful effect of ${r.effect.minimumMeaningfulEffect}, not ${delta}`,
      );
    }
    if (r.effect !== null) {
      for (const p of [r.effect.pGreater, r.effect.pBelowMinimum]) {
        if (!(p >= 0 && p <= 1))
          throw new RangeError(`${where}: region ${r.region} has a p-value outside [0, 1]: ${p}`);
      }
    }
  }
  const tested = regions.filter(
    (r) => r.units > 0 && r.units >= minUnits && r.clusters >= minClusters && r.effect !== null,
  );
  const m = tested.length;
  const holmGreater = holmAdjust(tested.map((r) => r.effect?.pGreater ?? 1));
  const holmBelow = holmAdjust(tested.map((r) => r.effect?.pBelowMinimum ?? 1));
  const cannotTell = 'the data cannot tell whether training improved IKM here';
  return regions.map((r): RegionVerdict => {
    if (r.units === 0) {
      return verdictWithoutEstimate(
        r.region,
        'NO_DATA',
        `No service unit in ${r.region} has both IKM surveys and training records, so nothing can be said about training there.`,
        m,
      );
    }
    const index = tested.indexOf(r);
    if (index < 0 || r.effect === null) {
      const why =
        r.units < minUnits || r.clusters < minClusters
          ? `only ${r.units} service units in ${r.clusters} clusters (at least ${minUnits} units and ${minClusters} clusters are needed)`
          : `the effect could not be estimated${r.failure ? ` (${r.failure})` : ''}`;
      return verdictWithoutEstimate(
        r.region,
        'INSUFFICIENT_DATA',
        `In ${r.region} there are ${why}: ${cannotTell}.`,
        m,
      );
    }
    const e = r.effect;
    const pg = get(holmGreater, index);
    const pb = get(holmBelow, index);
    const level = `${Math.round(e.confidence * 100)}%`;
    const interval = `${fmt(e.estimate)} IKM points per JP per staff member (${level} interval ${fmt(e.lower)} to ${fmt(e.upper)})`;
    const common = {
      region: r.region,
      estimate: e.estimate,
      lower: e.lower,
      upper: e.upper,
      pGreater: e.pGreater,
      pGreaterHolm: pg,
      pBelowMinimumHolm: pb,
      familySize: m,
    };
    const caveat =
      "This compares units within the region after allowing for last year's IKM; it cannot rule out that units given more training differed in other ways.";
    if (pb <= alpha) {
      const positive = pg <= alpha ? ' The effect is above zero, but' : ' The effect';
      return {
        ...common,
        verdict: 'NO_EFFECT',
        reason: `In ${r.region} the effect is ${interval}.${positive} is below the minimum meaningful effect of ${fmt(delta)} (one-sided test, Holm-adjusted over ${m} regions: ${fmtP(pb)}), so expanding training for the sake of IKM is not supported. ${pg <= alpha ? 'The data cannot tell whether an effect this small is worth its cost.' : `The data cannot tell whether a smaller effect, below ${fmt(delta)}, exists.`}`,
      };
    }
    if (pg <= alpha) {
      return {
        ...common,
        verdict: 'EXPAND',
        reason: `In ${r.region} units with more training hours improved IKM more: ${interval}, one-sided ${fmtP(e.pGreater)}, Holm-adjusted over ${m} regions ${fmtP(pg)}. ${caveat} ${e.lower > delta ? `The whole interval lies above the minimum meaningful effect of ${fmt(delta)}.` : `The data cannot tell whether the effect exceeds the minimum meaningful effect of ${fmt(delta)}.`}`,
      };
    }
    return {
      ...common,
      verdict: 'INCONCLUSIVE',
      reason: `In ${r.region} the effect is ${interval}: allowing for testing ${m} regions, the data are compatible both with no effect and with an effect of at least ${fmt(delta)} (effect above zero: Holm-adjusted ${fmtP(pg)}), so ${cannotTell}; more units, clusters or years are needed.`,
    };
  });
}
