/**
 * Small inferential statistics used by the evaluation subgraph, from the aggregates SQL returns: the
 * effect of training exposure on the change in a unit's IKM score (OLS slope from regression moments),
 * the contrast between high- and low-exposure units (Welch difference from group summaries), and the
 * comparison of two regions' effects (difference of independent estimates). Pure functions, no I/O;
 * invalid input throws a RangeError. test/support/statistics.ts computes the same from raw data.
 */
import studentTQuantile from '@stdlib/stats-base-dists-t-quantile';

/** A point estimate with its standard error and a two-sided t interval `estimate ± t(1-α/2, df)·SE`. */
export interface Estimate {
  estimate: number;
  standardError: number;
  degreesOfFreedom: number;
  lower: number;
  upper: number;
  confidence: number;
}

/**
 * Degrees of freedom above which the stdlib quantile is not used directly: its
 * beta-inverse kernel collapses to 0 once t²/df nears machine epsilon (and
 * returns NaN for df = ∞), so larger df are extrapolated from this one with
 * the first Cornish–Fisher term t(df) ≈ z + (z³ + z)/(4·df); the neglected
 * terms are O(1/REFERENCE_DF²) ≈ 1e-16 relative for ordinary p.
 */
const REFERENCE_DF = 1e8;

/**
 * Quantile of Student's t distribution with `df` degrees of freedom (any real df > 0, including ∞ = normal).
 * Assumes 0 ≤ p ≤ 1 (p = 0 or 1 give ∓∞); throws if |p − 0.5| is too small to resolve at this df (|t| ≲ 1.5e-8·√df).
 */
export function tQuantile(p: number, df: number): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new RangeError(`tQuantile: p must be a probability in [0, 1], got ${p}`);
  }
  if (typeof df !== 'number' || !(df > 0)) {
    throw new RangeError(`tQuantile: degrees of freedom must be > 0, got ${df}`);
  }
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  let q: number;
  if (df <= REFERENCE_DF) {
    q = studentTQuantile(p, df);
  } else {
    const q0 = studentTQuantile(p, REFERENCE_DF);
    const firstOrder = (q0 * q0 * q0 + q0) / 4;
    q = q0 + firstOrder * (1 / df - 1 / REFERENCE_DF);
  }
  if (q === 0 || Number.isNaN(q) || Math.sign(q) !== Math.sign(p - 0.5)) {
    throw new RangeError(`tQuantile: p = ${p} is too close to 0.5 to compute the t quantile accurately for df = ${df}`);
  }
  if (!Number.isFinite(q)) {
    throw new RangeError(`tQuantile: the t quantile for p = ${p}, df = ${df} could not be computed as a finite number`);
  }
  return q;
}

/** Two-sided interval estimate ± t·SE; shared by every estimator below. */
function intervalEstimate(
  estimate: number,
  standardError: number,
  degreesOfFreedom: number,
  confidence: number,
): Estimate {
  const t = tQuantile(0.5 + confidence / 2, degreesOfFreedom);
  const halfWidth = t * standardError;
  return {
    estimate,
    standardError,
    degreesOfFreedom,
    lower: estimate - halfWidth,
    upper: estimate + halfWidth,
    confidence,
  };
}

export function checkConfidence(where: string, confidence: number): void {
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${where}: confidence must be strictly between 0 and 1, got ${confidence}`);
  }
}

export function checkFinite(where: string, what: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${where}: ${what} must be a finite number, got ${value}`);
  }
}

/**
 * Welch–Satterthwaite degrees of freedom of the sum of two independent variance
 * components given as standard deviations `sds[i]` with `dfs[i]` degrees of freedom;
 * the sds are rescaled first so that tiny or huge values neither underflow nor overflow.
 */
function satterthwaite(sds: readonly [number, number], dfs: readonly [number, number]): number {
  const scale = Math.max(sds[0], sds[1]);
  const v0 = (sds[0] / scale) ** 2;
  const v1 = (sds[1] / scale) ** 2;
  return (v0 + v1) ** 2 / ((v0 * v0) / dfs[0] + (v1 * v1) / dfs[1]);
}

/** Moments of a simple regression as SQL's regr_count, regr_sxx, regr_sxy and regr_syy return them. */
export interface RegressionMoments {
  n: number;
  /** Σ(x − x̄)². */
  sxx: number;
  /** Σ(x − x̄)(y − ȳ). */
  sxy: number;
  /** Σ(y − ȳ)². */
  syy: number;
}

/**
 * The slope estimate of a least-squares fit from centred moments (RSS = syy − sxy²/sxx, which loses digits when |r| ≈ 1).
 * Assumes integer n ≥ 3, sxx > 0, syy ≥ 0 and sxy² ≤ sxx·syy up to rounding.
 */
export function olsFromMoments(
  moments: RegressionMoments,
  confidence = 0.95,
): Estimate & { n: number; residualStandardError: number } {
  const where = 'olsFromMoments';
  checkConfidence(where, confidence);
  const { n, sxx, sxy, syy } = moments;
  if (!Number.isInteger(n) || n < 3) {
    throw new RangeError(`${where}: need an integer n ≥ 3 for a slope with a standard error, got ${n}`);
  }
  checkFinite(where, 'sxx', sxx);
  checkFinite(where, 'sxy', sxy);
  checkFinite(where, 'syy', syy);
  if (!(sxx > 0)) {
    throw new RangeError(`${where}: x has zero variance (sxx = ${sxx}), so the slope is not identified`);
  }
  if (syy < 0) {
    throw new RangeError(`${where}: syy must be ≥ 0, got ${syy}`);
  }
  const slope = sxy / sxx;
  const rss = syy - slope * sxy;
  if (rss < -1e-9 * syy) {
    throw new RangeError(`${where}: inconsistent moments, sxy² > sxx·syy (sxx = ${sxx}, sxy = ${sxy}, syy = ${syy})`);
  }
  return slopeEstimate(slope, Math.max(rss, 0), sxx, n, confidence);
}

/** Classical slope SE s/√sxx with s² = RSS/(n − 2), and its interval. */
export function slopeEstimate(
  slope: number,
  rss: number,
  sxx: number,
  n: number,
  confidence: number,
): Estimate & { n: number; residualStandardError: number } {
  const degreesOfFreedom = n - 2;
  const residualStandardError = Math.sqrt(rss / degreesOfFreedom);
  const standardError = residualStandardError / Math.sqrt(sxx);
  return { ...intervalEstimate(slope, standardError, degreesOfFreedom, confidence), n, residualStandardError };
}

/** Size, mean and sample variance (n − 1 denominator) of one group, e.g. from SQL's count, avg and var_samp. */
export interface SampleSummary {
  mean: number;
  variance: number;
  n: number;
}

/** The two inputs of a two-sample function with their names, for checks that name the bad one. */
function bothGroups<T>(a: T, b: T): readonly (readonly ['a' | 'b', T])[] {
  return [
    ['a', a],
    ['b', b],
  ];
}

/**
 * Welch difference of two groups from their summaries: mean(a) − mean(b), SE = √(varA/nA + varB/nB), Welch–Satterthwaite df.
 * Assumes two independent groups with integer n ≥ 2, finite means, sample variances ≥ 0, not both 0.
 */
export function welchFromSummaries(
  a: SampleSummary,
  b: SampleSummary,
  confidence = 0.95,
): Estimate & { meanA: number; meanB: number; nA: number; nB: number } {
  const where = 'welchFromSummaries';
  checkConfidence(where, confidence);
  for (const [name, g] of bothGroups(a, b)) {
    if (!Number.isInteger(g.n) || g.n < 2) {
      throw new RangeError(`${where}: each group needs an integer n ≥ 2, got ${name}.n = ${g.n}`);
    }
    checkFinite(where, `${name}.mean`, g.mean);
    checkFinite(where, `${name}.variance`, g.variance);
    if (g.variance < 0) {
      throw new RangeError(`${where}: ${name}.variance must be ≥ 0, got ${g.variance}`);
    }
  }
  return welchCore(where, a.mean, a.variance, a.n, b.mean, b.variance, b.n, confidence);
}

function welchCore(
  where: string,
  meanA: number,
  varianceA: number,
  nA: number,
  meanB: number,
  varianceB: number,
  nB: number,
  confidence: number,
): Estimate & { meanA: number; meanB: number; nA: number; nB: number } {
  const standardErrorA = Math.sqrt(varianceA / nA);
  const standardErrorB = Math.sqrt(varianceB / nB);
  const standardError = Math.hypot(standardErrorA, standardErrorB);
  if (!(standardError > 0)) {
    throw new RangeError(`${where}: both groups have zero variance, so the standard error is 0 and the df undefined`);
  }
  const degreesOfFreedom = satterthwaite([standardErrorA, standardErrorB], [nA - 1, nB - 1]);
  return {
    ...intervalEstimate(meanA - meanB, standardError, degreesOfFreedom, confidence),
    meanA,
    meanB,
    nA,
    nB,
  };
}

/**
 * Difference a − b of two independent estimates: SE = √(SEa² + SEb²), Welch–Satterthwaite df from the two SEs and dfs.
 * Assumes independence (e.g. two different regions); ignores the inputs' own interval bounds and confidence; not both SEs 0.
 */
export function differenceOfEstimates(a: Estimate, b: Estimate, confidence = 0.95): Estimate {
  const where = 'differenceOfEstimates';
  checkConfidence(where, confidence);
  for (const [name, e] of bothGroups(a, b)) {
    checkFinite(where, `${name}.estimate`, e.estimate);
    checkFinite(where, `${name}.standardError`, e.standardError);
    if (e.standardError < 0) {
      throw new RangeError(`${where}: ${name}.standardError must be ≥ 0, got ${e.standardError}`);
    }
    if (typeof e.degreesOfFreedom !== 'number' || !(e.degreesOfFreedom > 0)) {
      throw new RangeError(`${where}: ${name}.degreesOfFreedom must be > 0, got ${e.degreesOfFreedom}`);
    }
  }
  const standardError = Math.hypot(a.standardError, b.standardError);
  if (!(standardError > 0)) {
    throw new RangeError(`${where}: both standard errors are 0, so the degrees of freedom are undefined`);
  }
  const degreesOfFreedom = satterthwaite([a.standardError, b.standardError], [a.degreesOfFreedom, b.degreesOfFreedom]);
  return intervalEstimate(a.estimate - b.estimate, standardError, degreesOfFreedom, confidence);
}
