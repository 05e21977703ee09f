/**
 * CR2 / Bell–McCaffrey fit and the wild cluster bootstrap against independent numpy/scipy references
 * (test/unit/inference/README.md, scripts cr2.py and wcr.py), plus properties: CR2 = HC2 with singleton
 * clusters, invariances, and RangeErrors.
 */
import { describe, expect, it } from 'vitest';
import { fitClusterRobust, type RegressionRow } from '../../../subgraphs/evaluation/inference/cluster-robust.js';
import { createRng } from '../../../subgraphs/evaluation/inference/random.js';
import {
  wildClusterBootstrap,
  wildClusterBootstrapTester,
} from '../../../subgraphs/evaluation/inference/wild-bootstrap.js';

/** README cr2.py: 30 units in 7 clusters, x = [JP per staff, last year's IKM], analytic weights. */
const rows: RegressionRow[] = [
  { y: 81.85, x: [31.38, 85.78], weight: 40.0, cluster: 0 },
  { y: 71.42, x: [13.99, 74.74], weight: 178.0, cluster: 1 },
  { y: 64.76, x: [20.61, 64.92], weight: 148.0, cluster: 1 },
  { y: 72.34, x: [2.91, 73.37], weight: 38.0, cluster: 1 },
  { y: 75.98, x: [25.0, 75.33], weight: 162.0, cluster: 2 },
  { y: 71.63, x: [8.76, 67.47], weight: 49.0, cluster: 2 },
  { y: 81.92, x: [10.42, 84.96], weight: 139.0, cluster: 3 },
  { y: 71.87, x: [7.01, 73.61], weight: 29.0, cluster: 3 },
  { y: 74.08, x: [30.61, 77.95], weight: 94.0, cluster: 3 },
  { y: 72.1, x: [39.15, 72.28], weight: 132.0, cluster: 3 },
  { y: 76.89, x: [26.32, 81.46], weight: 187.0, cluster: 3 },
  { y: 74.55, x: [26.35, 81.03], weight: 67.0, cluster: 3 },
  { y: 73.37, x: [28.33, 74.64], weight: 62.0, cluster: 3 },
  { y: 76.53, x: [20.22, 77.47], weight: 74.0, cluster: 4 },
  { y: 68.38, x: [16.28, 68.1], weight: 148.0, cluster: 4 },
  { y: 72.67, x: [19.43, 72.46], weight: 118.0, cluster: 4 },
  { y: 75.29, x: [43.45, 68.02], weight: 110.0, cluster: 5 },
  { y: 75.56, x: [7.45, 74.67], weight: 80.0, cluster: 5 },
  { y: 78.92, x: [9.03, 77.58], weight: 91.0, cluster: 5 },
  { y: 77.69, x: [10.19, 74.85], weight: 107.0, cluster: 5 },
  { y: 82.84, x: [4.03, 79.08], weight: 90.0, cluster: 5 },
  { y: 90.13, x: [10.95, 91.12], weight: 65.0, cluster: 6 },
  { y: 74.63, x: [34.01, 67.68], weight: 79.0, cluster: 6 },
  { y: 85.95, x: [36.97, 81.02], weight: 113.0, cluster: 6 },
  { y: 73.84, x: [2.29, 74.46], weight: 58.0, cluster: 6 },
  { y: 90.56, x: [70.79, 85.57], weight: 40.0, cluster: 6 },
  { y: 81.89, x: [65.91, 76.39], weight: 72.0, cluster: 6 },
  { y: 83.03, x: [31.21, 80.73], weight: 87.0, cluster: 6 },
  { y: 77.4, x: [18.23, 79.91], weight: 37.0, cluster: 6 },
  { y: 86.75, x: [23.97, 88.21], weight: 144.0, cluster: 6 },
];

/** numpy reference (cr2.py): dense (I − H_gg)^(-1/2) by scipy.linalg.sqrtm, df = tr(G'G)²/‖G'G‖²_F. */
const reference = {
  beta: [12.807009317476883, 0.08534374940613282, 0.8086727779049163],
  se: [9.2919087235862, 0.07265466393378778, 0.10846315588750592],
  df: [3.4048624456240377, 2.0853128876914155, 3.22313433264451],
  cr1: [7.415176365615085, 0.05302859799534827, 0.08587238560528226],
  naive: [6.746116832396674, 0.039883677745277187, 0.08712837380667933],
  lower: [-14.870980072699723, -0.21532249545889437, 0.4766272729116083],
  pTwoSided: [0.2517219866767054, 0.35682535989050884, 0.0038871587734105794],
  pGreater: [0.1258609933383527, 0.17841267994525442, 0.0019435793867052897],
  unweighted: {
    beta: [14.977672570126728, 0.08817367437442364, 0.782775125511904],
    se: [7.8521561032392375, 0.06435201760635623, 0.09296036610032099],
    df: [3.554228636853619, 1.8040677682109936, 3.279309676148692],
  },
};

const close = (actual: number, expected: number, relative = 1e-8): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
};

describe('fitClusterRobust against numpy', () => {
  it('matches the weighted CR2 fit, Bell–McCaffrey df, CR1, naive SE and p-values', () => {
    const fit = fitClusterRobust(rows);
    expect(fit.n).toBe(30);
    expect(fit.clusters).toBe(7);
    expect(fit.coefficients.map((c) => c.term)).toEqual(['intercept', 'x[0]', 'x[1]']);
    fit.coefficients.forEach((c, j) => {
      close(c.estimate, reference.beta[j] ?? NaN);
      close(c.standardError, reference.se[j] ?? NaN);
      close(c.degreesOfFreedom, reference.df[j] ?? NaN);
      close(c.cr1StandardError, reference.cr1[j] ?? NaN);
      close(c.naiveStandardError, reference.naive[j] ?? NaN);
      close(c.lower, reference.lower[j] ?? NaN);
      close(c.pTwoSided, reference.pTwoSided[j] ?? NaN, 1e-7);
      close(c.pGreater, reference.pGreater[j] ?? NaN, 1e-7);
    });
  });

  it('matches the unweighted sensitivity fit', () => {
    const fit = fitClusterRobust(rows, { weighted: false });
    fit.coefficients.forEach((c, j) => {
      close(c.estimate, reference.unweighted.beta[j] ?? NaN);
      close(c.standardError, reference.unweighted.se[j] ?? NaN);
      close(c.degreesOfFreedom, reference.unweighted.df[j] ?? NaN);
    });
  });
});

describe('fitClusterRobust properties', () => {
  it('equals HC2 with one unit per cluster', () => {
    const singletons = rows.map((r, i) => ({ ...r, cluster: `u${i}` }));
    const fit = fitClusterRobust(singletons);
    // HC2 by hand on the √w-transformed data: M Σ x̃_i x̃_i' ẽ_i²/(1 − h_ii) M.
    const x = singletons.map((r) => [1, ...r.x].map((v) => v * Math.sqrt(r.weight)));
    const y = singletons.map((r) => r.y * Math.sqrt(r.weight));
    const p = 3;
    const xtx = Array.from({ length: p }, (_, a) =>
      Array.from({ length: p }, (_, b) => x.reduce((s, xi) => s + (xi[a] ?? 0) * (xi[b] ?? 0), 0)),
    );
    const m = invert3(xtx);
    const beta = m.map((row) =>
      row.reduce((s, mab, b) => s + mab * x.reduce((t, xi, i) => t + (xi[b] ?? 0) * (y[i] ?? 0), 0), 0),
    );
    const meat = new Array<number>(p * p).fill(0);
    x.forEach((xi, i) => {
      const e = (y[i] ?? 0) - xi.reduce((s, v, b) => s + v * (beta[b] ?? 0), 0);
      const mx = m.map((row) => row.reduce((s, v, b) => s + v * (xi[b] ?? 0), 0));
      const h = xi.reduce((s, v, a) => s + v * (mx[a] ?? 0), 0);
      for (let a = 0; a < p; a++)
        for (let b = 0; b < p; b++)
          meat[a * p + b] = (meat[a * p + b] ?? 0) + ((mx[a] ?? 0) * (mx[b] ?? 0) * e * e) / (1 - h);
    });
    for (const [j, c] of fit.coefficients.entries()) close(c.standardError, Math.sqrt(meat[j * p + j] ?? NaN), 1e-9);
  });

  it('is invariant to row order, cluster labels and a common rescaling of the weights', () => {
    const base = fitClusterRobust(rows).coefficients;
    const shuffled = [...rows].reverse().map((r) => ({ ...r, cluster: `c-${r.cluster}`, weight: r.weight * 3.7 }));
    fitClusterRobust(shuffled).coefficients.forEach((c, j) => {
      close(c.estimate, base[j]?.estimate ?? NaN, 1e-9);
      close(c.standardError, base[j]?.standardError ?? NaN, 1e-9);
      close(c.degreesOfFreedom, base[j]?.degreesOfFreedom ?? NaN, 1e-9);
    });
  });

  it('scales with y and keeps the slope SE and df when x is shifted', () => {
    const base = fitClusterRobust(rows).coefficients[1];
    const scaled = fitClusterRobust(rows.map((r) => ({ ...r, y: 10 * r.y }))).coefficients[1];
    close(scaled?.estimate ?? NaN, 10 * (base?.estimate ?? NaN), 1e-9);
    close(scaled?.standardError ?? NaN, 10 * (base?.standardError ?? NaN), 1e-9);
    close(scaled?.degreesOfFreedom ?? NaN, base?.degreesOfFreedom ?? NaN, 1e-9);
    const shifted = fitClusterRobust(rows.map((r) => ({ ...r, x: [(r.x[0] ?? 0) + 100, r.x[1] ?? 0] })))
      .coefficients[1];
    close(shifted?.standardError ?? NaN, base?.standardError ?? NaN, 1e-8);
    close(shifted?.degreesOfFreedom ?? NaN, base?.degreesOfFreedom ?? NaN, 1e-8);
  });

  it('keeps a finite answer when a cluster has leverage 1 (pseudo-inverse root)', () => {
    // A dummy for cluster 0's single unit gives it leverage 1: its residual is 0 and CR2 uses the pseudo-inverse.
    const withDummy = rows.map((r) => ({ ...r, x: [...r.x, r.cluster === 0 ? 1 : 0] }));
    const fit = fitClusterRobust(withDummy);
    for (const c of fit.coefficients) expect(Number.isFinite(c.standardError)).toBe(true);
  });

  it('throws RangeErrors with clear messages on invalid input', () => {
    expect(() => fitClusterRobust([])).toThrow(/no rows/);
    expect(() => fitClusterRobust(rows.map((r, i) => (i === 3 ? { ...r, y: NaN } : r)))).toThrow(
      /rows\[3\]\.y must be finite/,
    );
    expect(() => fitClusterRobust(rows.map((r, i) => (i === 2 ? { ...r, weight: 0 } : r)))).toThrow(
      /rows\[2\]\.weight/,
    );
    expect(() => fitClusterRobust(rows.map((r) => ({ ...r, cluster: 1 })))).toThrow(/at least 2 clusters/);
    expect(() => fitClusterRobust(rows.map((r) => ({ ...r, x: [r.x[0] ?? 0, 2 * (r.x[0] ?? 0)] })))).toThrow(
      /collinear/,
    );
    expect(() => fitClusterRobust(rows.slice(0, 3))).toThrow(/more units than coefficients/);
    expect(() => fitClusterRobust(rows.map((r, i) => (i === 1 ? { ...r, x: [1] } : r)))).toThrow(/must have 2 values/);
    expect(() => fitClusterRobust(rows, { confidence: 1 })).toThrow(RangeError);
  });
});

describe('wild cluster bootstrap', () => {
  it('enumerates the 2^7 Rademacher patterns and matches the exact numpy p-values (wcr.py)', () => {
    const tester = wildClusterBootstrapTester(rows, { seed: 1, weights: 'rademacher', replications: 999 });
    expect(tester.enumerated).toBe(true);
    expect(tester.replications).toBe(128);
    const at0 = tester.test(0);
    close(at0.tStatistic, 1.1746492900154217, 1e-8);
    expect(at0.pTwoSided).toBe(0.59375);
    expect(at0.pGreater).toBe(0.296875);
    const at03 = tester.test(0.3);
    expect(at03.pTwoSided).toBe(0.21875);
    expect(at03.pGreater).toBe(0.8984375);
    const lag = wildClusterBootstrapTester(rows, {
      seed: 1,
      weights: 'rademacher',
      replications: 999,
      coefficient: 1,
    }).test(1);
    expect(lag.pTwoSided).toBe(0.078125);
    expect(lag.pGreater).toBe(0.96875);
  });

  it('gives a reproducible Webb test-inversion interval whose bounds sit at p = α', () => {
    const options = { seed: 42, replications: 999 };
    const a = wildClusterBootstrap(rows, options);
    const b = wildClusterBootstrap(rows, options);
    expect(b).toEqual(a);
    expect(a.weights).toBe('webb');
    expect(a.lower).toBeLessThan(a.estimate);
    expect(a.upper).toBeGreaterThan(a.estimate);
    const tester = wildClusterBootstrapTester(rows, options);
    const eps = 1e-6 * a.standardError;
    expect(tester.test(a.upper - eps).pTwoSided).toBeGreaterThan(0.05);
    expect(tester.test(a.upper + eps).pTwoSided).toBeLessThanOrEqual(0.05);
    expect(tester.test(a.lower + eps).pTwoSided).toBeGreaterThan(0.05);
    expect(tester.test(a.lower - eps).pTwoSided).toBeLessThanOrEqual(0.05);
    // p = 1 at the estimate itself; one-sided p-values are complementary up to ties.
    expect(tester.test(a.estimate).pTwoSided).toBe(1);
    expect(a.pGreater + a.pLess).toBeGreaterThanOrEqual(1);
  });

  it('is unbounded on a side the data cannot limit (3 clusters, Rademacher: 8 patterns)', () => {
    const rng = createRng(3);
    const few = Array.from({ length: 12 }, (_, i) => ({
      y: rng.normal(),
      x: [rng.normal()],
      weight: 1,
      cluster: i % 3,
    }));
    const r = wildClusterBootstrap(few, { seed: 1, weights: 'rademacher', replications: 999 });
    expect(r.replications).toBe(8);
    expect(r.lower).toBe(-Infinity);
    expect(r.upper).toBe(Infinity);
  });

  it('throws RangeErrors on invalid options', () => {
    expect(() => wildClusterBootstrap(rows, { seed: 1, replications: 10 })).toThrow(/replications/);
    expect(() => wildClusterBootstrap(rows, { seed: 1.5 })).toThrow(/seed/);
    expect(() => wildClusterBootstrap(rows, { seed: 1, coefficient: 2 })).toThrow(/coefficient index/);
    expect(() => wildClusterBootstrapTester(rows, { seed: 1, replications: 99 }).test(NaN)).toThrow(/null value/);
  });
});

/** Inverse of a 3 × 3 matrix by cofactors (test helper, independent of the library's Cholesky). */
function invert3(a: number[][]): number[][] {
  const g = (i: number, j: number): number => a[i]?.[j] ?? NaN;
  const c = (i: number, j: number): number => {
    const r = [0, 1, 2].filter((k) => k !== i);
    const s = [0, 1, 2].filter((k) => k !== j);
    const [r0 = 0, r1 = 0] = r;
    const [s0 = 0, s1 = 0] = s;
    return ((i + j) % 2 === 0 ? 1 : -1) * (g(r0, s0) * g(r1, s1) - g(r0, s1) * g(r1, s0));
  };
  const det = g(0, 0) * c(0, 0) + g(0, 1) * c(0, 1) + g(0, 2) * c(0, 2);
  return [0, 1, 2].map((i) => [0, 1, 2].map((j) => c(j, i) / det));
}
