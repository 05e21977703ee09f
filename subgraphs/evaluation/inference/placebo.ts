/**
 * Placebo (falsification) check: training given NEXT year cannot have caused THIS year's IKM change. If
 * next year's exposure "predicts" this year's change, training is steered towards units already on a
 * different trajectory and the main estimate is suspect. Rows: y = this year's IKM change (or this
 * year's IKM with last year's IKM among x), x[coefficient] = next year's JP per staff member.
 *
 * The check uses the same inference as the main effect (estimateEffect: CR2 / Bell–McCaffrey, or the wild
 * cluster bootstrap with few clusters) and flags the placebo when its two-sided p ≤ α. A pass is weak
 * evidence: a wide placebo interval is no proof of no confounding, which the reason says.
 */
import type { RegressionRow } from './cluster-robust.js';
import { type EffectOptions, type EffectSummary, estimateEffect } from './effect.js';

export interface PlaceboResult {
  estimate: number;
  lower: number;
  upper: number;
  pTwoSided: number;
  method: EffectSummary['method'];
  /** True when the placebo coefficient is distinguishable from zero (two-sided p ≤ α): a warning. */
  distinguishableFromZero: boolean;
  reason: string;
}

/** Runs the placebo regression; throws a RangeError on invalid input. */
export function placeboCheck(
  rows: readonly RegressionRow[],
  options: EffectOptions & { alpha?: number } = {},
): PlaceboResult {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`placeboCheck: alpha must be in (0, 1), got ${alpha}`);
  const e = estimateEffect(rows, options);
  const flagged = e.pTwoSided <= alpha;
  const range = `${e.lower.toPrecision(3)} to ${e.upper.toPrecision(3)}`;
  const reason = flagged
    ? `Next year's training hours are associated with this year's IKM (placebo ${e.estimate.toPrecision(3)}, interval ${range}, p = ${e.pTwoSided.toFixed(3)}), which training not yet given cannot cause: training seems to go to units already improving or declining, so the main effect may be confounded.`
    : `Next year's training hours are not distinguishable from zero for this year's IKM (interval ${range}, p = ${e.pTwoSided.toFixed(3)}); this does not prove the absence of confounding, only that effects outside that interval are unlikely.`;
  return {
    estimate: e.estimate,
    lower: e.lower,
    upper: e.upper,
    pTwoSided: e.pTwoSided,
    method: e.method,
    distinguishableFromZero: flagged,
    reason,
  };
}
