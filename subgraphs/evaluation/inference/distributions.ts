/**
 * Student t tail probabilities for p-values. The CDF is @stdlib's (regularized incomplete beta); the
 * quantile is the project's tQuantile, which already handles huge and infinite df.
 */
import studentTCdf from '@stdlib/stats-base-dists-t-cdf';

/** Above this df the t distribution equals the normal to ~1e-16 and stdlib's CDF is evaluated there (it returns 0.5 for df = ∞). */
const NORMAL_DF = 1e8;

/** P(T ≤ t) for Student t with df > 0 (df = ∞ allowed). */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t)) throw new RangeError('tCdf: t must be a number, got NaN');
  if (!(df > 0)) throw new RangeError(`tCdf: degrees of freedom must be > 0, got ${df}`);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return studentTCdf(t, Math.min(df, NORMAL_DF));
}

/** P(T ≥ t), computed as the lower tail at −t so that small upper tails keep their relative precision. */
export function tUpperTail(t: number, df: number): number {
  return tCdf(-t, df);
}

/** Two-sided p-value P(|T| ≥ |t|). */
export function tTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
