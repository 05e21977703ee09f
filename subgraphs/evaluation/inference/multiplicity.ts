/**
 * Multiplicity adjustments and one-sided p-values.
 *
 * Holm (1979) step-down: controls the family-wise error rate (the chance of even one false claim, e.g. one
 * region wrongly told to EXPAND) under any dependence; uniformly more powerful than Bonferroni.
 * Benjamini & Hochberg (1995) step-up: controls the false discovery rate (the expected share of false
 * claims among the claims) for independent or positively dependent p-values; for screening, not verdicts.
 * Both return adjusted p-values in the input order: reject H_i at level α iff adjusted p_i ≤ α.
 *
 * References: Holm, S. (1979) A simple sequentially rejective multiple test procedure. Scand. J. Statist. 6.
 * Benjamini, Y. & Hochberg, Y. (1995) Controlling the false discovery rate. JRSS B 57(1).
 */
import { tCdf } from './distributions.js';
import { get } from './linear-algebra.js';

function checkPValues(where: string, pValues: readonly number[]): void {
  if (!Array.isArray(pValues)) throw new RangeError(`${where}: p-values must be an array`);
  pValues.forEach((p, i) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1))
      throw new RangeError(`${where}: p-values[${i}] must be in [0, 1], got ${p}`);
  });
}

/** Indices of the p-values in ascending order (stable, so ties keep the input order). */
function ascendingOrder(pValues: readonly number[]): number[] {
  return pValues.map((_, i) => i).sort((a, b) => get(pValues, a) - get(pValues, b) || a - b);
}

/** Holm-adjusted p-values: p̃_(i) = max_{k ≤ i} min(1, (m − k + 1)·p_(k)). */
export function holmAdjust(pValues: readonly number[]): number[] {
  checkPValues('holmAdjust', pValues);
  const m = pValues.length;
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  ascendingOrder(pValues).forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * get(pValues, index)));
    adjusted[index] = running;
  });
  return adjusted;
}

/** Benjamini–Hochberg adjusted p-values (q-values): p̃_(i) = min_{k ≥ i} min(1, m·p_(k)/k). */
export function benjaminiHochbergAdjust(pValues: readonly number[]): number[] {
  checkPValues('benjaminiHochbergAdjust', pValues);
  const m = pValues.length;
  const adjusted = new Array<number>(m).fill(1);
  const order = ascendingOrder(pValues);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = get(order, rank);
    running = Math.min(running, (m * get(pValues, index)) / (rank + 1));
    adjusted[index] = running;
  }
  return adjusted;
}

export type Alternative = 'greater' | 'less';

/**
 * One-sided p-value of H0: β ≤ b0 against β > b0 ('greater', e.g. "training raised IKM") or H0: β ≥ b0
 * against β < b0 ('less'), from an estimate, its standard error and t degrees of freedom (∞ = normal).
 */
export function oneSidedPValue(
  estimate: number,
  standardError: number,
  degreesOfFreedom: number,
  nullValue = 0,
  alternative: Alternative = 'greater',
): number {
  const where = 'oneSidedPValue';
  for (const [name, v] of [
    ['estimate', estimate],
    ['nullValue', nullValue],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new RangeError(`${where}: ${name} must be finite, got ${v}`);
  }
  if (typeof standardError !== 'number' || !(standardError > 0) || !Number.isFinite(standardError)) {
    throw new RangeError(`${where}: standardError must be finite and > 0, got ${standardError}`);
  }
  if (typeof degreesOfFreedom !== 'number' || !(degreesOfFreedom > 0)) {
    throw new RangeError(`${where}: degreesOfFreedom must be > 0, got ${degreesOfFreedom}`);
  }
  if (alternative !== 'greater' && alternative !== 'less')
    throw new RangeError(`${where}: alternative must be 'greater' or 'less'`);
  const t = (estimate - nullValue) / standardError;
  return alternative === 'greater' ? tCdf(-t, degreesOfFreedom) : tCdf(t, degreesOfFreedom);
}
