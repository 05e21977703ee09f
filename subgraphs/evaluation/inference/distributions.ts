/**
 * Student t tail probabilities for p-values. The CDF is @stdlib's (regularized incomplete beta); the
 * quantile is the project's tQuantile, which already handles huge and infinite df.
 */
import studentTCdf from '@stdlib/stats-base-dists-t-cdf';

/**
 * stdlib's CDF returns 0.5 for df = ∞; above this df it is evaluated here and extrapolated with the first
 * Edgeworth term F(t; ν) ≈ Φ(t) − φ(t)(t³ + t)/(4ν), as tQuantile does for the quantile (error O(1/ν²)).
 */
const REFERENCE_DF = 1e8;

/** P(T ≤ t) for Student t with df > 0 (df = ∞ allowed). */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t)) throw new RangeError('tCdf: t must be a number, got NaN');
  if (!(df > 0)) throw new RangeError(`tCdf: degrees of freedom must be > 0, got ${df}`);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (df <= REFERENCE_DF) return studentTCdf(t, df);
  const density = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  return studentTCdf(t, REFERENCE_DF) + ((density * (t * t * t + t)) / 4) * (1 / REFERENCE_DF - 1 / df);
}

/** P(T ≥ t), computed as the lower tail at −t so that small upper tails keep their relative precision. */
export function tUpperTail(t: number, df: number): number {
  return tCdf(-t, df);
}

/** Two-sided p-value P(|T| ≥ |t|). */
export function tTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
