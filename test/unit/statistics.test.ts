/**
 * Checks the evaluation statistics against values computed elsewhere: R output (qt, lm on `cars`,
 * t.test on `sleep`), 40-digit mpmath quantiles, exact closed forms, and a seeded Monte-Carlo coverage run.
 */
import { describe, expect, it } from 'vitest';
import {
  differenceOfEstimates,
  type Estimate,
  olsFromMoments,
  tQuantile,
  welchFromSummaries,
} from '../../subgraphs/evaluation/statistics.js';
import { olsSlope, welchDifference } from '../support/statistics.js';

/** |actual − expected| ≤ rel·|expected| (+ a tiny absolute floor for values near zero). */
function expectClose(actual: number, expected: number, rel: number, abs = 0): void {
  const tolerance = Math.max(rel * Math.abs(expected), abs);
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`expected ${actual} to be within ${tolerance} of ${expected} (off by ${actual - expected})`);
  }
}

/** Rounds to `digits` decimals, for comparing with R's printed output. */
function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

describe('tQuantile', () => {
  it('matches R qt() (verified to 40 digits with mpmath)', () => {
    expectClose(tQuantile(0.975, 10), 2.228138851986274, 1e-14);
    expectClose(tQuantile(0.975, 1), 12.706204736174698, 1e-14);
    // R prints qt(0.95, 30) = 1.697261; the full value is 1.69726088659395738 (mpmath, scipy, stdlib agree).
    expectClose(tQuantile(0.95, 30), 1.6972608865939574, 1e-14);
    expect(round(tQuantile(0.95, 30), 6)).toBe(1.697261);
    expect(round(tQuantile(0.975, 1e6), 6)).toBe(1.959966);
    expectClose(tQuantile(0.975, 1e6), 1.9599663568141068, 1e-14);
    expectClose(tQuantile(0.975, 8), 2.306004135204166, 1e-14);
    expectClose(tQuantile(0.975, 48), 2.010634757624232, 1e-14);
  });

  it('handles non-integer df (mpmath reference)', () => {
    expectClose(tQuantile(0.975, 2.5), 3.5746548420036817, 1e-13);
    expectClose(tQuantile(0.975, 17.776473516178488), 2.102817241569802, 1e-13);
    expectClose(tQuantile(0.99, 0.5), 1028.49101047162, 1e-12);
  });

  it('agrees with the exact closed forms for df = 1 (Cauchy) and df = 2', () => {
    for (const p of [0.001, 0.1, 0.3, 0.5001, 0.7, 0.9, 0.975, 0.999]) {
      expectClose(tQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-12);
      expectClose(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-12);
    }
  });

  it('is antisymmetric, 0 at the median and ±∞ at the ends', () => {
    for (const df of [1, 3, 10, 48, 1e5]) {
      for (const p of [0.6, 0.9, 0.975, 0.999]) {
        expectClose(tQuantile(1 - p, df), -tQuantile(p, df), 1e-13);
      }
      expect(tQuantile(0.5, df)).toBe(0);
      expect(tQuantile(0, df)).toBe(-Infinity);
      expect(tQuantile(1, df)).toBe(Infinity);
    }
  });

  it('tends to the normal quantile for large and infinite df (where stdlib alone returns 0 or NaN)', () => {
    // qnorm(0.975) = 1.959963984540054, qnorm(0.6) = 0.2533471031357997
    expectClose(tQuantile(0.975, Infinity), 1.959963984540054, 1e-15);
    expectClose(tQuantile(0.975, 1e300), 1.959963984540054, 1e-15);
    expectClose(tQuantile(0.6, Infinity), 0.2533471031357997, 1e-14);
    // mpmath, 40 digits
    expectClose(tQuantile(0.975, 1e9), 1.959963986912325, 1e-14);
    expectClose(tQuantile(0.6, 1e15), 0.2533471031357998, 1e-14);
    expectClose(tQuantile(0.9, 1e16), 1.2815515655446006, 1e-14);
    expectClose(tQuantile(0.001, 1e12), -3.0902323061759636, 1e-14);
    // Monotone in df across the switch-over to the large-df extrapolation.
    const around = [1e7, 5e7, 1e8, 1.0000001e8, 2e8, 1e10, Infinity].map((df) => tQuantile(0.975, df));
    for (let i = 1; i < around.length; i++) expect(around[i]).toBeLessThanOrEqual(around[i - 1] as number);
  });

  it('rejects invalid input with a RangeError', () => {
    for (const p of [-0.1, 1.1, Number.NaN]) expect(() => tQuantile(p, 10)).toThrow(RangeError);
    for (const df of [0, -1, Number.NaN]) expect(() => tQuantile(0.975, df)).toThrow(RangeError);
    // Too close to the median to resolve at this df: must throw rather than return 0.
    expect(() => tQuantile(0.5 + 1e-12, 1e9)).toThrow(/too close to 0\.5/);
  });
});

// R's `cars` data set (speed in mph, stopping distance in ft).
const carsSpeed = [
  4, 4, 7, 7, 8, 9, 10, 10, 10, 11, 11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 16, 16, 17, 17, 17,
  18, 18, 18, 18, 19, 19, 19, 20, 20, 20, 20, 20, 22, 23, 24, 24, 24, 24, 25,
];
const carsDist = [
  2, 10, 4, 22, 16, 10, 18, 26, 34, 17, 28, 14, 20, 24, 28, 26, 34, 34, 46, 26, 36, 60, 80, 20, 26, 54, 32, 40, 32, 40,
  50, 42, 56, 76, 84, 36, 46, 68, 32, 48, 52, 56, 64, 66, 54, 70, 92, 93, 120, 85,
];
const cars = carsSpeed.map((x, i) => ({ x, y: carsDist[i] as number }));

describe('olsSlope', () => {
  it("reproduces R's summary(lm(dist ~ speed, cars)) and confint()", () => {
    expect(cars).toHaveLength(50);
    const fit = olsSlope(cars);
    expect(round(fit.estimate, 6)).toBe(3.932409);
    expect(round(fit.standardError, 6)).toBe(0.415513);
    expect(round(fit.intercept, 6)).toBe(-17.579095);
    expect(round(fit.residualStandardError, 2)).toBe(15.38);
    expect(fit.degreesOfFreedom).toBe(48);
    expect(fit.n).toBe(50);
    expect(fit.confidence).toBe(0.95);
    // confint(lm(dist ~ speed, cars))["speed", ] = 3.096964 4.767853
    expect(round(fit.lower, 6)).toBe(3.096964);
    expect(round(fit.upper, 6)).toBe(4.767853);
    // t value 9.464 in R's coefficient table
    expect(round(fit.estimate / fit.standardError, 3)).toBe(9.464);
  });

  it('uses t(1 − α/2, n − 2) for other confidence levels', () => {
    const fit90 = olsSlope(cars, 0.9);
    const fit99 = olsSlope(cars, 0.99);
    // qt(0.95, 48) = 1.677224196124339, qt(0.995, 48) = 2.682204026950216 (mpmath)
    expectClose(fit90.upper - fit90.estimate, 1.677224196124339 * fit90.standardError, 1e-12);
    expectClose(fit99.estimate - fit99.lower, 2.682204026950216 * fit99.standardError, 1e-12);
    expect(fit90.confidence).toBe(0.9);
  });

  it('agrees with the correlation-coefficient closed forms computed independently', () => {
    // IKM change against JP per staff member / 10 for eight hypothetical units.
    const x = [0.5, 1.2, 2.0, 2.8, 3.1, 4.0, 4.4, 5.5];
    const y = [-1.2, 0.4, 0.9, 2.5, 1.1, 3.0, 2.2, 4.1];
    const n = x.length;
    // One-pass textbook sums (fine for these well-scaled data), a different route from the module's.
    const sum = (v: number[]) => v.reduce((s, t) => s + t, 0);
    const sumX = sum(x);
    const sumY = sum(y);
    const sumXX = sum(x.map((v) => v * v));
    const sumYY = sum(y.map((v) => v * v));
    const sumXY = sum(x.map((v, i) => v * (y[i] as number)));
    const sx = Math.sqrt((sumXX - (sumX * sumX) / n) / (n - 1));
    const sy = Math.sqrt((sumYY - (sumY * sumY) / n) / (n - 1));
    const r = (sumXY - (sumX * sumY) / n) / ((n - 1) * sx * sy);
    const slope = (r * sy) / sx;
    const se = Math.abs(slope) * Math.sqrt((1 - r * r) / (r * r * (n - 2)));
    const residualSe = sy * Math.sqrt(((1 - r * r) * (n - 1)) / (n - 2));

    const fit = olsSlope(x.map((xi, i) => ({ x: xi, y: y[i] as number })));
    expectClose(fit.estimate, slope, 1e-12);
    expectClose(fit.standardError, se, 1e-10);
    expectClose(fit.intercept, sumY / n - (slope * sumX) / n, 1e-12);
    expectClose(fit.residualStandardError, residualSe, 1e-10);
    expect(fit.degreesOfFreedom).toBe(6);
    // scipy.stats.linregress: slope 0.9195562599049125, stderr 0.15165635570342545; qt(0.975, 6) = 2.446911851144969
    expectClose(fit.estimate, 0.9195562599049125, 1e-13);
    expectClose(fit.standardError, 0.15165635570342545, 1e-12);
    expectClose(fit.lower, 0.9195562599049125 - 2.446911851144969 * 0.15165635570342545, 1e-12);
    expectClose(fit.upper, 0.9195562599049125 + 2.446911851144969 * 0.15165635570342545, 1e-12);
  });

  it('is not thrown off by a large common offset in x and y (two-pass sums)', () => {
    const base = olsSlope(cars);
    const shifted = olsSlope(cars.map(({ x, y }) => ({ x: x + 1e8, y: y + 1e8 })));
    expectClose(shifted.estimate, base.estimate, 1e-9);
    expectClose(shifted.standardError, base.standardError, 1e-7);
  });

  it('gives a zero-width interval for an exact fit', () => {
    const fit = olsSlope([0, 1, 2, 3, 4].map((x) => ({ x, y: 3 + 2 * x })));
    expect(fit.estimate).toBe(2);
    expect(fit.intercept).toBe(3);
    expect(fit.standardError).toBe(0);
    expect(fit.lower).toBe(2);
    expect(fit.upper).toBe(2);
  });

  it('rejects too few points, constant x, non-finite values and bad confidence', () => {
    expect(() => olsSlope([])).toThrow(RangeError);
    expect(() =>
      olsSlope([
        { x: 1, y: 2 },
        { x: 2, y: 3 },
      ]),
    ).toThrow(/at least 3 points/);
    expect(() => olsSlope([5, 5, 5, 5].map((x, i) => ({ x, y: i })))).toThrow(/zero variance/);
    // x̄ of three 0.1s is not exactly 0.1 in floating point; still zero variance.
    expect(() => olsSlope([0.1, 0.1, 0.1].map((x, i) => ({ x, y: i })))).toThrow(/zero variance/);
    expect(() =>
      olsSlope([
        { x: 1, y: 2 },
        { x: Number.NaN, y: 3 },
        { x: 3, y: 4 },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      olsSlope([
        { x: 1, y: 2 },
        { x: 2, y: Infinity },
        { x: 3, y: 4 },
      ]),
    ).toThrow(RangeError);
    for (const confidence of [0, 1, 1.5, -0.5, Number.NaN]) {
      expect(() => olsSlope(cars, confidence)).toThrow(/confidence/);
    }
  });
});

describe('olsFromMoments', () => {
  it('reproduces lm(dist ~ speed, cars) from centred moments', () => {
    // Worked by hand from the integer sums Σx = 770, Σy = 2149, Σx² = 13228, Σxy = 38482, Σy² = 124903:
    // sxx = 13228 − 770²/50, sxy = 38482 − 770·2149/50, syy = 124903 − 2149²/50.
    const fit = olsFromMoments({ n: 50, sxx: 1370, sxy: 5387.4, syy: 32538.98 });
    expect(round(fit.estimate, 6)).toBe(3.932409);
    expect(round(fit.standardError, 6)).toBe(0.415513);
    expect(round(fit.lower, 6)).toBe(3.096964);
    expect(round(fit.upper, 6)).toBe(4.767853);
    expect(round(fit.residualStandardError, 2)).toBe(15.38);
    expect(fit.degreesOfFreedom).toBe(48);
    const fromPoints = olsSlope(cars);
    expectClose(fit.standardError, fromPoints.standardError, 1e-12);
  });

  it('clamps a rounding-negative RSS of an exact fit to 0 and rejects inconsistent moments', () => {
    const exact = olsFromMoments({ n: 5, sxx: 10, sxy: 20, syy: 40 - 1e-13 });
    expect(exact.standardError).toBe(0);
    expect(() => olsFromMoments({ n: 5, sxx: 10, sxy: 20, syy: 30 })).toThrow(/inconsistent/);
    expect(() => olsFromMoments({ n: 2, sxx: 10, sxy: 2, syy: 3 })).toThrow(/n ≥ 3/);
    expect(() => olsFromMoments({ n: 3.5, sxx: 10, sxy: 2, syy: 3 })).toThrow(RangeError);
    expect(() => olsFromMoments({ n: 10, sxx: 0, sxy: 0, syy: 3 })).toThrow(/zero variance/);
    expect(() => olsFromMoments({ n: 10, sxx: 1, sxy: 0, syy: -3 })).toThrow(RangeError);
    expect(() => olsFromMoments({ n: 10, sxx: 1, sxy: Number.NaN, syy: 3 })).toThrow(RangeError);
  });
});

// R's `sleep` data set: extra hours of sleep, groups 1 and 2.
const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('welchDifference', () => {
  it("reproduces R's t.test(extra ~ group, data = sleep)", () => {
    const d = welchDifference(sleep1, sleep2);
    expect(round(d.meanA, 10)).toBe(0.75);
    expect(round(d.meanB, 10)).toBe(2.33);
    expect(d.nA).toBe(10);
    expect(d.nB).toBe(10);
    expectClose(d.estimate, -1.58, 1e-14);
    expect(round(d.estimate / d.standardError, 4)).toBe(-1.8608);
    expect(round(d.degreesOfFreedom, 3)).toBe(17.776);
    expect(round(d.lower, 7)).toBe(-3.3654832);
    expect(round(d.upper, 7)).toBe(0.2054832);
    expect(d.confidence).toBe(0.95);
  });

  it('reduces to the pooled two-sample t when sizes and variances are equal', () => {
    // Equal n = 5 and variance 2.5: SE = √(2·2.5/5) = 1, df = 2n − 2 = 8, qt(0.975, 8) = 2.306004135204166.
    const a = [1, 2, 3, 4, 5];
    const b = a.map((v) => v + 10);
    const d = welchDifference(a, b);
    expect(d.estimate).toBe(-10);
    expectClose(d.standardError, 1, 1e-15);
    expectClose(d.degreesOfFreedom, 8, 1e-14);
    expectClose(d.lower, -10 - 2.306004135204166, 1e-14);
    expectClose(d.upper, -10 + 2.306004135204166, 1e-14);
  });

  it('takes its df from the other group when one group is constant', () => {
    // b = [1, 2, 3, 4]: variance 5/3, SE = √(5/12), df = 3, qt(0.975, 3) = 3.182446305283708.
    const d = welchDifference([2, 2, 2], [1, 2, 3, 4]);
    expectClose(d.estimate, -0.5, 1e-15);
    expectClose(d.standardError, Math.sqrt(5 / 12), 1e-15);
    expectClose(d.degreesOfFreedom, 3, 1e-15);
    expectClose(d.upper - d.estimate, 3.182446305283708 * Math.sqrt(5 / 12), 1e-14);
  });

  it('mirrors when the groups are swapped', () => {
    const ab = welchDifference(sleep1, sleep2);
    const ba = welchDifference(sleep2, sleep1);
    expectClose(ba.estimate, -ab.estimate, 1e-15);
    expectClose(ba.lower, -ab.upper, 1e-14);
    expectClose(ba.upper, -ab.lower, 1e-14);
    expect(ba.degreesOfFreedom).toBe(ab.degreesOfFreedom);
  });

  it('rejects small or constant groups, non-finite values and bad confidence', () => {
    expect(() => welchDifference([1], [1, 2, 3])).toThrow(/at least 2/);
    expect(() => welchDifference([1, 2, 3], [])).toThrow(/at least 2/);
    expect(() => welchDifference([0.1, 0.1, 0.1], [0.2, 0.2])).toThrow(/zero variance/);
    expect(() => welchDifference([1, Number.NaN], [1, 2])).toThrow(RangeError);
    expect(() => welchDifference(sleep1, sleep2, 1)).toThrow(/confidence/);
  });
});

describe('welchFromSummaries', () => {
  it("reproduces R's t.test on sleep from means and var()s", () => {
    // var(group 1) = 28.805/9, var(group 2) = 36.081/9 (sums of squared deviations worked by hand).
    const d = welchFromSummaries(
      { mean: 0.75, variance: 28.805 / 9, n: 10 },
      { mean: 2.33, variance: 36.081 / 9, n: 10 },
    );
    expect(round(d.estimate / d.standardError, 4)).toBe(-1.8608);
    expect(round(d.degreesOfFreedom, 3)).toBe(17.776);
    expect(round(d.lower, 7)).toBe(-3.3654832);
    expect(round(d.upper, 7)).toBe(0.2054832);
    const fromData = welchDifference(sleep1, sleep2);
    expectClose(d.degreesOfFreedom, fromData.degreesOfFreedom, 1e-12);
    expectClose(d.lower, fromData.lower, 1e-12);
  });

  it('rejects n < 2, negative variance, both variances 0', () => {
    expect(() => welchFromSummaries({ mean: 1, variance: 1, n: 1 }, { mean: 0, variance: 1, n: 5 })).toThrow(/n ≥ 2/);
    expect(() => welchFromSummaries({ mean: 1, variance: -1, n: 3 }, { mean: 0, variance: 1, n: 5 })).toThrow(
      RangeError,
    );
    expect(() => welchFromSummaries({ mean: 1, variance: 0, n: 3 }, { mean: 0, variance: 0, n: 5 })).toThrow(
      /zero variance/,
    );
    expect(() => welchFromSummaries({ mean: Number.NaN, variance: 1, n: 3 }, { mean: 0, variance: 1, n: 5 })).toThrow(
      RangeError,
    );
  });
});

/** An Estimate with only the fields differenceOfEstimates reads being meaningful. */
function estimate(value: number, standardError: number, degreesOfFreedom: number): Estimate {
  return { estimate: value, standardError, degreesOfFreedom, lower: Number.NaN, upper: Number.NaN, confidence: 0.95 };
}

describe('differenceOfEstimates', () => {
  it('combines SEs in quadrature with Welch–Satterthwaite df (worked example)', () => {
    // SE = √(3² + 4²) = 5; df = 25² / (3⁴/10 + 4⁴/20) = 625 / 20.9; qt(0.975, 625/20.9) = 2.042546539180259 (mpmath).
    const d = differenceOfEstimates(estimate(5, 3, 10), estimate(1, 4, 20));
    expect(d.estimate).toBe(4);
    expectClose(d.standardError, 5, 1e-15);
    expectClose(d.degreesOfFreedom, 625 / 20.9, 1e-14);
    expectClose(d.lower, 4 - 5 * 2.042546539180259, 1e-13);
    expectClose(d.upper, 4 + 5 * 2.042546539180259, 1e-13);
    expect(d.confidence).toBe(0.95);
  });

  it('of two group means gives the Welch test (R: df = 17.776 on sleep)', () => {
    const meanEstimate = (v: number[]) => {
      const m = v.reduce((s, t) => s + t, 0) / v.length;
      const variance = v.reduce((s, t) => s + (t - m) ** 2, 0) / (v.length - 1);
      return estimate(m, Math.sqrt(variance / v.length), v.length - 1);
    };
    const d = differenceOfEstimates(meanEstimate(sleep1), meanEstimate(sleep2));
    expect(round(d.degreesOfFreedom, 3)).toBe(17.776);
    expect(round(d.lower, 7)).toBe(-3.3654832);
    expect(round(d.upper, 7)).toBe(0.2054832);
  });

  it('keeps the df of the only uncertain side, handles infinite df and tiny SEs', () => {
    const oneSided = differenceOfEstimates(estimate(2, 0, 5), estimate(1, 0.5, 12), 0.9);
    expectClose(oneSided.degreesOfFreedom, 12, 1e-15);
    expect(oneSided.confidence).toBe(0.9);
    const normal = differenceOfEstimates(estimate(1, 1, Infinity), estimate(0, 1, Infinity));
    expect(normal.degreesOfFreedom).toBe(Infinity);
    expectClose(normal.upper - normal.estimate, 1.959963984540054 * Math.SQRT2, 1e-14);
    // SEs whose squares underflow must not turn the df into NaN.
    const tiny = differenceOfEstimates(estimate(0, 1e-170, 10), estimate(0, 1e-170, 10));
    expectClose(tiny.degreesOfFreedom, 20, 1e-14);
  });

  it('rejects both SEs zero, negative SE, non-positive df, non-finite estimates and bad confidence', () => {
    expect(() => differenceOfEstimates(estimate(1, 0, 5), estimate(2, 0, 5))).toThrow(/both standard errors are 0/);
    expect(() => differenceOfEstimates(estimate(1, -1, 5), estimate(2, 1, 5))).toThrow(RangeError);
    expect(() => differenceOfEstimates(estimate(1, 1, 0), estimate(2, 1, 5))).toThrow(/degreesOfFreedom/);
    expect(() => differenceOfEstimates(estimate(1, 1, Number.NaN), estimate(2, 1, 5))).toThrow(RangeError);
    expect(() => differenceOfEstimates(estimate(Number.NaN, 1, 5), estimate(2, 1, 5))).toThrow(RangeError);
    expect(() => differenceOfEstimates(estimate(1, 1, 5), estimate(2, 1, 5), 0)).toThrow(/confidence/);
  });
});

/** mulberry32: a tiny seeded PRNG returning uniforms in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviates by Box–Muller. */
function normalSource(uniform: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform())); // 1 − u ∈ (0, 1]: never log(0)
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

describe('Monte-Carlo coverage', () => {
  it('the 95% OLS interval covers the true slope in 93–97% of 2,000 simulated data sets', () => {
    const uniform = mulberry32(20240917);
    const normal = normalSource(uniform);
    const trueIntercept = 1.5;
    const trueSlope = 0.8; // IKM points per +10 JP per staff member
    const datasets = 2000;
    const n = 30;
    let covered = 0;
    for (let d = 0; d < datasets; d++) {
      const points = Array.from({ length: n }, () => {
        const x = 4 * uniform(); // 0–40 JP per staff member, in units of 10 JP
        return { x, y: trueIntercept + trueSlope * x + 2.5 * normal() };
      });
      const fit = olsSlope(points);
      if (fit.lower <= trueSlope && trueSlope <= fit.upper) covered++;
    }
    const coverage = covered / datasets;
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
  });
});
