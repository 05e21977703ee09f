/**
 * Cost per IKM point attributable to training, only for a region whose verdict is EXPAND (elsewhere the
 * denominator is not known to be positive and the ratio means nothing: the result is null).
 *
 *   attributable IKM points P = β × E, where β is the effect (IKM points per JP per staff member) and
 *   E = Σ over the region's units of their exposure (JP per staff member), i.e. the IKM points the model
 *   attributes to the training actually given;  cost per point R = S / P for spending S.
 *
 * Interval (primary): parametric bootstrap, independent draws S* ~ Normal(S, SE_S) truncated at 0 (spending
 * is not negative) and β* = β̂ + SE_β·T_df; R* = S* ÷ (β*·E), with R* = +∞ when β* ≤ 0 (no points bought),
 * percentile interval. It carries both uncertainties and is honest about an unbounded upper end.
 * A delta-method interval R ± z·R·√((SE_S/S)² + (SE_β/β)²) is also returned for comparison; it is symmetric
 * and too optimistic when β̂ is within a few SEs of 0. E is treated as known (it is a count of hours).
 */
import { tQuantile } from '../statistics.js';
import { get } from './linear-algebra.js';
import { createRng } from './random.js';
import type { Verdict } from './verdict.js';

export interface CostInput {
  verdict: Verdict;
  /** Training spending in the region (e.g. rupiah) and its standard error (0 if known exactly). */
  spending: { estimate: number; standardError: number };
  /** Effect per JP per staff member, with its SE and df (CR2 / Bell–McCaffrey from estimateEffect). */
  effect: { estimate: number; standardError: number; degreesOfFreedom: number };
  /** E = Σ over units of JP per staff member. */
  exposure: number;
  confidence?: number;
  /** Bootstrap draws (default 10000). */
  draws?: number;
  /** Seed (default 20261123). */
  seed?: number;
}

export interface CostPerPoint {
  method: 'PARAMETRIC_BOOTSTRAP';
  /** S / (β̂E). */
  estimate: number;
  /** Percentile interval; upper is +Infinity when too many draws buy no points. */
  lower: number;
  upper: number;
  confidence: number;
  attributablePoints: number;
  /** Share of draws with β* ≤ 0. */
  shareNonPositiveEffect: number;
  deltaMethod: { standardError: number; lower: number; upper: number };
  draws: number;
  seed: number;
}

/** Cost per IKM point, or null unless the verdict is EXPAND; throws a RangeError on invalid input. */
export function costPerIkmPoint(input: CostInput): CostPerPoint | null {
  const where = 'costPerIkmPoint';
  const confidence = input.confidence ?? 0.95;
  const draws = input.draws ?? 10000;
  const seed = input.seed ?? 20261123;
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`${where}: confidence must be in (0, 1), got ${confidence}`);
  if (!Number.isInteger(draws) || draws < 100)
    throw new RangeError(`${where}: draws must be an integer ≥ 100, got ${draws}`);
  const { spending, effect, exposure } = input;
  if (!(Number.isFinite(spending.estimate) && spending.estimate >= 0))
    throw new RangeError(`${where}: spending must be finite and ≥ 0, got ${spending.estimate}`);
  if (!(Number.isFinite(spending.standardError) && spending.standardError >= 0))
    throw new RangeError(`${where}: spending's standardError must be finite and ≥ 0`);
  if (!Number.isFinite(effect.estimate))
    throw new RangeError(`${where}: effect must be finite, got ${effect.estimate}`);
  if (!(Number.isFinite(effect.standardError) && effect.standardError >= 0))
    throw new RangeError(`${where}: effect's standardError must be finite and ≥ 0`);
  if (!(effect.degreesOfFreedom > 0)) throw new RangeError(`${where}: effect's degreesOfFreedom must be > 0`);
  if (!(Number.isFinite(exposure) && exposure > 0))
    throw new RangeError(`${where}: exposure must be finite and > 0, got ${exposure}`);
  if (input.verdict !== 'EXPAND') return null;
  if (!(effect.estimate > 0))
    throw new RangeError(`${where}: an EXPAND verdict with a non-positive effect (${effect.estimate}) is inconsistent`);

  const points = effect.estimate * exposure;
  const estimate = spending.estimate / points;
  const rng = createRng(seed);
  const ratios = new Float64Array(draws);
  let nonPositive = 0;
  for (let d = 0; d < draws; d++) {
    const s = Math.max(0, spending.estimate + spending.standardError * rng.normal());
    const b = effect.estimate + effect.standardError * rng.studentT(effect.degreesOfFreedom);
    if (b <= 0) nonPositive++;
    ratios[d] = b > 0 ? s / (b * exposure) : Infinity;
  }
  ratios.sort();
  const tail = (1 - confidence) / 2;
  // Order statistics at ⌈draws·tail⌉ and ⌈draws·(1 − tail)⌉ (1-based).
  const lower = get(ratios, Math.max(0, Math.ceil(draws * tail) - 1));
  const upper = get(ratios, Math.min(draws - 1, Math.ceil(draws * (1 - tail)) - 1));
  const relative = Math.hypot(
    spending.estimate > 0 ? spending.standardError / spending.estimate : 0,
    effect.standardError / effect.estimate,
  );
  const deltaSe = estimate * relative;
  const z = tQuantile(0.5 + confidence / 2, Infinity);
  return {
    method: 'PARAMETRIC_BOOTSTRAP',
    estimate,
    lower,
    upper,
    confidence,
    attributablePoints: points,
    shareNonPositiveEffect: nonPositive / draws,
    deltaMethod: { standardError: deltaSe, lower: estimate - z * deltaSe, upper: estimate + z * deltaSe },
    draws,
    seed,
  };
}
