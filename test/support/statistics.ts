/**
 * The raw-data forms of the evaluation statistics, used only by the tests as an independent oracle:
 * the subgraph computes the same estimates from the moments and summaries SQL returns.
 */
import {
  checkConfidence,
  checkFinite,
  slopeEstimate,
  welchFromSummaries,
  type Estimate,
} from '../../subgraphs/evaluation/statistics.js';

/** Two-pass arithmetic mean of finite values (the caller guarantees length ≥ 1). */
function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  const first = sum / values.length;
  // Second pass: correct the rounding error of the first.
  let correction = 0;
  for (const v of values) correction += v - first;
  return first + correction / values.length;
}

/** Sum of squared deviations from `centre`. */
function sumOfSquares(values: readonly number[], centre: number): number {
  let ss = 0;
  for (const v of values) ss += (v - centre) * (v - centre);
  return ss;
}

/** Sample variance (n − 1 denominator); exactly 0 for a constant sample whatever the rounding of its mean. */
function sampleVariance(values: readonly number[], centre: number): number {
  return values.every((v) => v === values[0]) ? 0 : sumOfSquares(values, centre) / (values.length - 1);
}

/**
 * Least-squares slope of y = a + b·x with the classical (homoskedastic, independent errors) SE s/√Σ(x−x̄)², df = n − 2.
 * Assumes n ≥ 3 finite points and x not constant; an exact fit gives SE 0 and a zero-width interval.
 */
export function olsSlope(
  points: ReadonlyArray<{ x: number; y: number }>,
  confidence = 0.95,
): Estimate & { intercept: number; n: number; residualStandardError: number } {
  const where = 'olsSlope';
  checkConfidence(where, confidence);
  const n = points.length;
  if (n < 3) {
    throw new RangeError(`${where}: need at least 3 points for a slope with a standard error, got ${n}`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [i, point] of points.entries()) {
    checkFinite(where, `points[${i}].x`, point.x);
    checkFinite(where, `points[${i}].y`, point.y);
    xs.push(point.x);
    ys.push(point.y);
  }
  const xMean = mean(xs);
  const yMean = mean(ys);
  let sxx = 0;
  let sxy = 0;
  let xMax = 0;
  for (const point of points) {
    const dx = point.x - xMean;
    sxx += dx * dx;
    sxy += dx * (point.y - yMean);
    xMax = Math.max(xMax, Math.abs(point.x));
  }
  // Constant x can leave a rounding-level Σ(x−x̄)² > 0; treat spread below ~64 ulps of |x| as zero.
  if (!(Math.sqrt(sxx / n) > 64 * Number.EPSILON * xMax)) {
    throw new RangeError(`${where}: x has zero variance, so the slope is not identified`);
  }
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let rss = 0;
  for (const point of points) {
    const residual = point.y - intercept - slope * point.x;
    rss += residual * residual;
  }
  return { ...slopeEstimate(slope, rss, sxx, n, confidence), intercept };
}

/**
 * Welch difference of means mean(a) − mean(b), SE = √(sA²/nA + sB²/nB), Welch–Satterthwaite df.
 * Assumes two independent samples of finite values, each of size ≥ 2, not both constant (SE > 0).
 */
export function welchDifference(
  a: readonly number[],
  b: readonly number[],
  confidence = 0.95,
): Estimate & { meanA: number; meanB: number; nA: number; nB: number } {
  const where = 'welchDifference';
  checkConfidence(where, confidence);
  const nA = a.length;
  const nB = b.length;
  if (nA < 2 || nB < 2) {
    throw new RangeError(`${where}: each group needs at least 2 values, got nA = ${nA}, nB = ${nB}`);
  }
  for (const [i, v] of a.entries()) checkFinite(where, `a[${i}]`, v);
  for (const [i, v] of b.entries()) checkFinite(where, `b[${i}]`, v);
  const meanA = mean(a);
  const meanB = mean(b);
  const summaryA = { mean: meanA, variance: sampleVariance(a, meanA), n: nA };
  return welchFromSummaries(summaryA, { mean: meanB, variance: sampleVariance(b, meanB), n: nB }, confidence);
}

