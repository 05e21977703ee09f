/**
 * Wild cluster bootstrap with the null imposed (WCR; Cameron, Gelbach & Miller 2008) for one coefficient,
 * for regions with few clusters (< ~12), where even CR2 with Bell–McCaffrey df can be off.
 *
 * For a null H0: β_j = b0: fit the restricted model (β_j fixed at b0), keep its residuals ũ_r, and for each
 * replicate multiply cluster g's residuals by one draw v_g (Rademacher ±1, or Webb's six-point
 * ±√(1/2), ±1, ±√(3/2), each 1/6, which has 6^m rather than 2^m distinct patterns and so is preferred
 * with fewer than ~12 clusters: Webb 2014). The bootstrap statistic is the CR2-studentized
 * t* = (β*_j − b0)/SE*_CR2, compared with the observed t = (β̂_j − b0)/SE_CR2.
 *   p (two-sided) = #{|t*| ≥ |t|}/B,  p (">") = #{t* ≥ t}/B,  p ("<") = #{t* ≤ t}/B.
 *
 * Confidence interval: by test inversion, {b0 : p_two-sided(b0) > α}. The same seeded weight draws are
 * used for every b0, so p(b0) is a deterministic function; each bound is found by stepping out from β̂
 * by SE·2^k until p ≤ α, then bisection (to 1e-9 relative). If p never drops to α within 2^20 SE the
 * bound is ±Infinity: with very few clusters the data cannot exclude any effect on that side.
 *
 * Speed: ũ_r(b0) = r0 − b0·r1 is linear in b0, and with q_g, b_g from the CR2 contrast (cluster-robust.ts)
 * each replicate costs O(m·p): β*_j − b0 = Σ_h v_h d_h[j] and q_g'e*_g = v_g a_g − b_g'Σ_h v_h d_h,
 * with d_h = M X̃_h'ũ_r,h and a_g = q_g'ũ_r,g.
 *
 * References: Cameron, Gelbach & Miller (2008) REStat 90(3); Webb, M. D. (2014) Reworking wild bootstrap
 * based inference for clustered errors. Queen's Economics Department Working Paper 1315; MacKinnon, J. G.
 * & Webb, M. D. (2018) The wild bootstrap for few (treated) clusters. Econometrics Journal 21(2).
 */
import {
  buildDesign,
  checkConfidence,
  contrastPieces,
  cr2Blocks,
  get1,
  type RegressionRow,
  solve,
} from './cluster-robust.js';
import {
  crossProduct,
  dot,
  get,
  inverseSpd,
  multiplyTransposeVector,
  multiplyVector,
  zeros,
} from './linear-algebra.js';
import { createRng } from './random.js';

export type BootstrapWeights = 'webb' | 'rademacher';

export interface WildBootstrapOptions {
  /** Index k of the tested regressor in each row's x (default 0: the exposure). */
  coefficient?: number;
  intercept?: boolean;
  weighted?: boolean;
  /** Default 'webb'. */
  weights?: BootstrapWeights;
  /** Number of bootstrap replicates B (default 9999). */
  replications?: number;
  /** Seed of the weight draws (required: a published figure must be reproducible). */
  seed: number;
  /** Two-sided confidence level of the test-inversion interval (default 0.95). */
  confidence?: number;
  /** Null value b0 of the reported p-values (default 0). */
  nullValue?: number;
}

export interface BootstrapTest {
  nullValue: number;
  tStatistic: number;
  pTwoSided: number;
  /** p-value of H0: β ≤ b0 against β > b0. */
  pGreater: number;
  /** p-value of H0: β ≥ b0 against β < b0. */
  pLess: number;
}

export interface WildBootstrapResult extends BootstrapTest {
  term: string;
  estimate: number;
  /** CR2 standard error of the original fit (the studentization). */
  standardError: number;
  lower: number;
  upper: number;
  confidence: number;
  replications: number;
  /** True when all 2^m Rademacher patterns were used (exact bootstrap p-value). */
  enumerated: boolean;
  clusters: number;
  weights: BootstrapWeights;
  seed: number;
}

export interface WildBootstrapTester {
  term: string;
  estimate: number;
  standardError: number;
  clusters: number;
  /** Replicates actually used (2^m when Rademacher patterns were enumerated). */
  replications: number;
  enumerated: boolean;
  /** Bootstrap p-values of H0: β = b0 (and the one-sided versions). */
  test(nullValue: number): BootstrapTest;
  /** Test-inversion interval {b0 : p_two-sided(b0) > 1 − confidence}. */
  interval(confidence: number): { lower: number; upper: number };
}

const WEBB = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];

/**
 * Prepares the bootstrap once (design, CR2 pieces, seeded weight draws) so that p-values at many null
 * values, and the interval, reuse the same draws. Throws a RangeError on invalid input.
 */
export function wildClusterBootstrapTester(
  rows: readonly RegressionRow[],
  options: WildBootstrapOptions,
): WildBootstrapTester {
  const where = 'wildClusterBootstrap';
  const requested = options.replications ?? 9999;
  if (!Number.isInteger(requested) || requested < 99) {
    throw new RangeError(`${where}: replications must be an integer ≥ 99, got ${requested}`);
  }
  const kind = options.weights ?? 'webb';
  if (kind !== 'webb' && kind !== 'rademacher')
    throw new RangeError(`${where}: weights must be 'webb' or 'rademacher', got ${String(kind)}`);
  const design = buildDesign(where, rows, options.intercept ?? true, options.weighted ?? true);
  const j = design.column(options.coefficient ?? 0);
  const { n, p } = design;
  const m = design.clusters.length;
  const blocks = cr2Blocks(design);
  const contrast = new Float64Array(p);
  contrast[j] = 1;
  const { q, b } = contrastPieces(design, blocks, contrast);
  const { beta, residuals } = solve(design);
  const estimate = get(beta, j);
  const standardError = Math.sqrt(
    design.clusters.reduce((s, rowsG, g) => s + dot(get1(q, g), pickRows(residuals, rowsG)) ** 2, 0),
  );
  if (!(standardError > 0))
    throw new RangeError(`${where}: the CR2 standard error is 0 (an exact fit), so there is nothing to bootstrap`);

  // Restricted model: the other columns only. r0 = (I − H_r)ỹ, r1 = (I − H_r)x̃_j.
  const others = Array.from({ length: p }, (_, c) => c).filter((c) => c !== j);
  const xr = zeros(n, others.length);
  const xj = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (const [t, c] of others.entries()) xr.data[i * others.length + t] = get(design.xt.data, i * p + c);
    xj[i] = get(design.xt.data, i * p + j);
  }
  const residualise = (v: Float64Array): Float64Array => {
    if (others.length === 0) return Float64Array.from(v);
    const mr = inverseSpd(crossProduct(xr));
    if (mr === null) throw new RangeError(`${where}: the restricted design is collinear`);
    const fitted = multiplyVector(xr, multiplyVector(mr, multiplyTransposeVector(xr, v)));
    return v.map((x, i) => x - get(fitted, i));
  };
  const r0 = residualise(design.yt);
  const r1 = residualise(xj);
  // Per-cluster linear pieces: a_g = a0_g − b0·a1_g, d_g = d0_g − b0·d1_g.
  const a0 = new Float64Array(m);
  const a1 = new Float64Array(m);
  const d0: Float64Array[] = [];
  const d1: Float64Array[] = [];
  design.clusters.forEach((rowsG, g) => {
    const qg = get1(q, g);
    const r0g = pickRows(r0, rowsG);
    const r1g = pickRows(r1, rowsG);
    a0[g] = dot(qg, r0g);
    a1[g] = dot(qg, r1g);
    d0.push(multiplyVector(design.bread, xtTransposeTimes(design.xt.data, p, rowsG, r0g)));
    d1.push(multiplyVector(design.bread, xtTransposeTimes(design.xt.data, p, rowsG, r1g)));
  });

  // B × m weight draws, fixed once so that p(b0) is a deterministic function of b0. Rademacher weights
  // have only 2^m patterns: when 2^m ≤ B they are enumerated, which gives the exact bootstrap p-value.
  const enumerate = kind === 'rademacher' && 2 ** m <= requested;
  const replications = enumerate ? 2 ** m : requested;
  const rng = createRng(options.seed);
  const v = new Float64Array(replications * m);
  if (enumerate) {
    for (let r = 0; r < replications; r++) for (let g = 0; g < m; g++) v[r * m + g] = (r >> (m - 1 - g)) & 1 ? 1 : -1;
  } else {
    for (let i = 0; i < v.length; i++)
      v[i] = kind === 'webb' ? get(WEBB, rng.integer(6)) : rng.uniform() < 0.5 ? -1 : 1;
  }

  const a = new Float64Array(m);
  const d = new Float64Array(m * p);
  const dsum = new Float64Array(p);
  const test = (nullValue: number): BootstrapTest => {
    if (typeof nullValue !== 'number' || !Number.isFinite(nullValue))
      throw new RangeError(`${where}: null value must be finite, got ${nullValue}`);
    for (let g = 0; g < m; g++) {
      a[g] = get(a0, g) - nullValue * get(a1, g);
      const d0g = get1(d0, g);
      const d1g = get1(d1, g);
      for (let c = 0; c < p; c++) d[g * p + c] = get(d0g, c) - nullValue * get(d1g, c);
    }
    const tObserved = (estimate - nullValue) / standardError;
    const tieTolerance = 1e-9 * Math.max(1, Math.abs(tObserved));
    let two = 0;
    let greater = 0;
    let less = 0;
    for (let r = 0; r < replications; r++) {
      dsum.fill(0);
      for (let g = 0; g < m; g++) {
        const vg = get(v, r * m + g);
        for (let c = 0; c < p; c++) dsum[c] = get(dsum, c) + vg * get(d, g * p + c);
      }
      let variance = 0;
      for (let g = 0; g < m; g++) {
        const s = get(v, r * m + g) * get(a, g) - dot(get1(b, g), dsum);
        variance += s * s;
      }
      const numerator = get(dsum, j);
      const se = Math.sqrt(variance);
      // 0/0 (a replicate with no variation) counts as t* = 0.
      const tStar = se > 0 ? numerator / se : numerator === 0 ? 0 : Math.sign(numerator) * Infinity;
      // Replicates equal to the observed t up to rounding (e.g. the all-ones pattern) count as "as extreme".
      if (Math.abs(tStar) >= Math.abs(tObserved) - tieTolerance) two++;
      if (tStar >= tObserved - tieTolerance) greater++;
      if (tStar <= tObserved + tieTolerance) less++;
    }
    return {
      nullValue,
      tStatistic: tObserved,
      pTwoSided: two / replications,
      pGreater: greater / replications,
      pLess: less / replications,
    };
  };

  const interval = (confidence: number): { lower: number; upper: number } => {
    checkConfidence(where, confidence);
    const alpha = 1 - confidence;
    const accepted = (b0: number): boolean => test(b0).pTwoSided > alpha;
    const bound = (direction: 1 | -1): number => {
      let inside = estimate;
      let outside = Number.NaN;
      for (let k = 0; k <= 20; k++) {
        const candidate = estimate + direction * standardError * 2 ** k;
        if (!accepted(candidate)) {
          outside = candidate;
          break;
        }
        inside = candidate;
      }
      if (Number.isNaN(outside)) return direction * Infinity;
      const tolerance = 1e-9 * (Math.abs(estimate) + standardError);
      for (let it = 0; it < 200 && Math.abs(outside - inside) > tolerance; it++) {
        const mid = (inside + outside) / 2;
        if (accepted(mid)) inside = mid;
        else outside = mid;
      }
      return (inside + outside) / 2;
    };
    return { lower: bound(-1), upper: bound(1) };
  };

  return {
    term: get1(design.terms, j),
    estimate,
    standardError,
    clusters: m,
    replications,
    enumerated: enumerate,
    test,
    interval,
  };
}

/** Runs the bootstrap test at `nullValue` (default 0) and the test-inversion interval. */
export function wildClusterBootstrap(
  rows: readonly RegressionRow[],
  options: WildBootstrapOptions,
): WildBootstrapResult {
  const confidence = options.confidence ?? 0.95;
  checkConfidence('wildClusterBootstrap', confidence);
  const tester = wildClusterBootstrapTester(rows, options);
  const result = tester.test(options.nullValue ?? 0);
  const { lower, upper } = tester.interval(confidence);
  return {
    ...result,
    term: tester.term,
    estimate: tester.estimate,
    standardError: tester.standardError,
    lower,
    upper,
    confidence,
    replications: tester.replications,
    enumerated: tester.enumerated,
    clusters: tester.clusters,
    weights: options.weights ?? 'webb',
    seed: options.seed,
  };
}

function pickRows(v: Float64Array, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (const [i, r] of rows.entries()) out[i] = get(v, r);
  return out;
}

/** X̃_g'·v for the cluster rows `rows` of the row-major design data with p columns. */
function xtTransposeTimes(data: Float64Array, p: number, rows: readonly number[], v: Float64Array): Float64Array {
  const out = new Float64Array(p);
  rows.forEach((r, i) => {
    const vi = get(v, i);
    for (let c = 0; c < p; c++) out[c] = get(out, c) + get(data, r * p + c) * vi;
  });
  return out;
}
