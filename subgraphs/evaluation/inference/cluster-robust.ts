/**
 * Weighted least squares with cluster-robust CR2 standard errors and Bell–McCaffrey degrees of freedom.
 *
 * Model: y = a + Xb + u for service units, e.g. y = IKM this year, X = [JP per staff member (training
 * completed before the survey), IKM last year, covariates…]; last year's IKM is in the model because
 * training is targeted at weak units, which would otherwise rise by regression to the mean alone.
 * Errors may be correlated within a cluster (units of one agency / regency share shocks) and
 * heteroskedastic; weights are analytic (inverse-variance-like, e.g. respondents per survey).
 *
 * CR2 (Bell & McCaffrey 2002): with W^{1/2} applied to y and X (WLS as OLS on the transformed data),
 *   V = M Σ_g X̃_g' A_g ẽ_g ẽ_g' A_g X̃_g M,  M = (X̃'X̃)⁻¹,  A_g = (I − H̃_gg)^{-1/2}  (pseudo-inverse root).
 * This is Pustejovsky & Tipton's (2018) CR2 for WLS with the working model Φ = W⁻¹. With one unit per
 * cluster it reduces to HC2. It is unbiased when the working model holds, unlike CR1 (Cameron, Gelbach &
 * Miller 2008), which is biased down with few clusters.
 *
 * Degrees of freedom for a contrast c'β (Bell & McCaffrey 2002; Imbens & Kolesar 2016; Pustejovsky &
 * Tipton 2018, their "working model" Satterthwaite df with Φ = W⁻¹): V_c = Σ_g (q_g'ẽ_g)² is a quadratic
 * form ũ'GG'ũ in the transformed errors, with G's column g = (I − H̃)·q_g and q_g = A_g X̃_g M c. Matching
 * its first two moments under ũ ~ N(0, σ²I) gives df = (tr G'G)² / ‖G'G‖²_F. With b_g = X̃_g'q_g,
 * (G'G)_gh = δ_gh q_g'q_g − b_g'M b_h, so the df costs O(m²p²) for m clusters, not O(n m²).
 *
 * Computing A_g without an n_g × n_g eigenproblem: with M = LL' and K_g = X̃_g L, H̃_gg = K_gK_g', whose
 * nonzero eigenvalues λ_j are those of the p × p matrix K_g'K_g = V Λ V'. So
 *   A_g = I + K_g V diag(f(λ_j)/λ_j) V' K_g',  f(λ) = (1 − λ)^{-1/2} − 1  (f = −1 where λ ≈ 1: pseudo-inverse).
 *
 * References: Bell, R. M. & McCaffrey, D. F. (2002) Bias reduction in standard errors for linear regression
 * with multi-stage samples. Survey Methodology 28(2). Pustejovsky, J. E. & Tipton, E. (2018) Small-sample
 * methods for cluster-robust variance estimation and hypothesis testing in fixed effects models. JBES 36(4).
 * Imbens, G. W. & Kolesar, M. (2016) Robust standard errors in small samples: some practical advice.
 * REStat 98(4). Cameron, A. C., Gelbach, J. B. & Miller, D. L. (2008) Bootstrap-based improvements for
 * inference with clustered errors. REStat 90(3).
 */
import { tQuantile } from '../statistics.js';
import { tTwoSided, tUpperTail } from './distributions.js';
import {
  cholesky,
  crossProduct,
  dot,
  entry,
  get,
  inverseSpd,
  type Matrix,
  multiplyTransposeVector,
  multiplyVector,
  symmetricEigen,
  zeros,
} from './linear-algebra.js';

/** One service unit: outcome, regressors (exposure first by convention), analytic weight > 0, cluster id. */
export interface RegressionRow {
  y: number;
  x: readonly number[];
  weight: number;
  cluster: string | number;
}

export interface RegressionOptions {
  /** Add an intercept column (default true). */
  intercept?: boolean;
  /** Use the rows' weights (default true); false gives the unweighted (OLS) sensitivity fit. */
  weighted?: boolean;
  /** Two-sided confidence level of the intervals (default 0.95). */
  confidence?: number;
}

/** Inference on one coefficient. */
export interface CoefficientInference {
  /** 'intercept' or 'x[k]' for the k-th regressor of the rows. */
  term: string;
  estimate: number;
  /** CR2 standard error. */
  standardError: number;
  /** Bell–McCaffrey (working-model Satterthwaite) degrees of freedom for this coefficient. */
  degreesOfFreedom: number;
  /** estimate ± t(1 − α/2, df)·SE. */
  lower: number;
  upper: number;
  /** Two-sided p-value of coefficient = 0 with the CR2 t and BM df. */
  pTwoSided: number;
  /** One-sided p-value of H0: coefficient ≤ 0 against "> 0". */
  pGreater: number;
  /** CR1 (Stata's small-sample factor) standard error, for comparison only. */
  cr1StandardError: number;
  /** Classical (independent, homoskedastic errors) WLS standard error, df = n − p; for comparison only. */
  naiveStandardError: number;
}

export interface ClusterRobustFit {
  n: number;
  clusters: number;
  /** Number of coefficients, intercept included. */
  parameters: number;
  weighted: boolean;
  confidence: number;
  coefficients: CoefficientInference[];
  /** CR2 covariance matrix of the coefficients (rows in `coefficients` order). */
  covariance: number[][];
}

/** The transformed design and the CR2 building blocks; shared with the wild cluster bootstrap. */
export interface Design {
  n: number;
  p: number;
  terms: string[];
  /** √w·X, row-major n × p. */
  xt: Matrix;
  /** √w·y. */
  yt: Float64Array;
  /** M = (X̃'X̃)⁻¹. */
  bread: Matrix;
  /** Row indices of each cluster, in order of first appearance. */
  clusters: number[][];
  clusterIds: Array<string | number>;
  /** Column of the design holding the rows' x[k]. */
  column: (k: number) => number;
}

/** Per-cluster pieces of A_g = I + K_g C_g K_g'. */
export interface Cr2Block {
  rows: number[];
  k: Matrix;
  c: Matrix;
}

export function checkConfidence(where: string, confidence: number): void {
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${where}: confidence must be strictly between 0 and 1, got ${confidence}`);
  }
}

/** Validates the rows and builds the √w-transformed design; throws a RangeError naming the first problem. */
export function buildDesign(
  where: string,
  rows: readonly RegressionRow[],
  intercept: boolean,
  weighted: boolean,
): Design {
  if (!Array.isArray(rows) || rows.length === 0) throw new RangeError(`${where}: no rows`);
  const first = rows[0];
  if (first === undefined || !Array.isArray(first.x)) throw new RangeError(`${where}: rows[0].x must be an array`);
  const q = first.x.length;
  const p = q + (intercept ? 1 : 0);
  if (p === 0) throw new RangeError(`${where}: no regressors and no intercept`);
  const n = rows.length;
  const xt = zeros(n, p);
  const yt = new Float64Array(n);
  const byCluster = new Map<string | number, number[]>();
  for (const [i, row] of rows.entries()) {
    if (!Array.isArray(row.x) || row.x.length !== q) {
      throw new RangeError(`${where}: rows[${i}].x must have ${q} values like rows[0].x`);
    }
    if (typeof row.y !== 'number' || !Number.isFinite(row.y))
      throw new RangeError(`${where}: rows[${i}].y must be finite, got ${row.y}`);
    if (weighted && (typeof row.weight !== 'number' || !Number.isFinite(row.weight) || !(row.weight > 0))) {
      throw new RangeError(`${where}: rows[${i}].weight must be a finite number > 0, got ${row.weight}`);
    }
    if (!(typeof row.cluster === 'string' || (typeof row.cluster === 'number' && Number.isFinite(row.cluster)))) {
      throw new RangeError(`${where}: rows[${i}].cluster must be a string or a finite number`);
    }
    const s = weighted ? Math.sqrt(row.weight) : 1;
    if (intercept) xt.data[i * p] = s;
    for (let k = 0; k < q; k++) {
      const v = row.x[k];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new RangeError(`${where}: rows[${i}].x[${k}] must be finite, got ${v}`);
      xt.data[i * p + k + (intercept ? 1 : 0)] = s * v;
    }
    yt[i] = s * row.y;
    const members = byCluster.get(row.cluster);
    if (members === undefined) byCluster.set(row.cluster, [i]);
    else members.push(i);
  }
  if (n <= p) throw new RangeError(`${where}: need more units than coefficients (${n} units, ${p} coefficients)`);
  if (byCluster.size < 2)
    throw new RangeError(`${where}: need at least 2 clusters for cluster-robust inference, got ${byCluster.size}`);
  const bread = inverseSpd(crossProduct(xt));
  if (bread === null) {
    throw new RangeError(
      `${where}: the regressors are collinear (or a regressor is constant), so the coefficients are not identified`,
    );
  }
  const terms = [...(intercept ? ['intercept'] : []), ...Array.from({ length: q }, (_, k) => `x[${k}]`)];
  const column = (k: number): number => {
    if (!Number.isInteger(k) || k < 0 || k >= q)
      throw new RangeError(`${where}: coefficient index must be an integer in 0…${q - 1}, got ${k}`);
    return k + (intercept ? 1 : 0);
  };
  return { n, p, terms, xt, yt, bread, clusters: [...byCluster.values()], clusterIds: [...byCluster.keys()], column };
}

/** Rows `rows` of the transformed design as a small matrix. */
function subRows(m: Matrix, rows: readonly number[]): Matrix {
  const out = zeros(rows.length, m.cols);
  for (const [i, r] of rows.entries()) out.data.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols);
  return out;
}

/** The CR2 adjustment blocks A_g = (I − H̃_gg)^{-1/2} in factored form (see the header). */
export function cr2Blocks(design: Design): Cr2Block[] {
  const l = cholesky(design.bread);
  if (l === null) throw new RangeError('cr2Blocks: the bread matrix is not positive definite');
  return design.clusters.map((rows) => {
    const k = multiplyMatrices(subRows(design.xt, rows), l);
    const { values, vectors } = symmetricEigen(crossProduct(k));
    const p = design.p;
    const c = zeros(p, p);
    for (let j = 0; j < p; j++) {
      const lambda = get(values, j);
      // Directions with no leverage (λ ≈ 0) are left alone: I − H̃_gg is 1 there.
      if (!(lambda > 1e-12)) continue;
      // λ ≈ 1 (a cluster fits its own residual exactly): pseudo-inverse root, i.e. the direction is dropped.
      const f = 1 - lambda > 1e-10 ? 1 / Math.sqrt(1 - lambda) - 1 : -1;
      const scale = f / lambda;
      for (let a = 0; a < p; a++) {
        for (let b = 0; b < p; b++)
          c.data[a * p + b] = get(c.data, a * p + b) + scale * entry(vectors, a, j) * entry(vectors, b, j);
      }
    }
    return { rows, k, c };
  });
}

function multiplyMatrices(a: Matrix, b: Matrix): Matrix {
  const out = zeros(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let t = 0; t < a.cols; t++) {
      const ait = entry(a, i, t);
      if (ait === 0) continue;
      for (let j = 0; j < b.cols; j++) out.data[i * b.cols + j] = get(out.data, i * b.cols + j) + ait * entry(b, t, j);
    }
  }
  return out;
}

/** A_g·v for a vector v over the cluster's rows. */
export function applyAdjustment(block: Cr2Block, v: Float64Array): Float64Array {
  const kv = multiplyTransposeVector(block.k, v);
  const ckv = multiplyVector(block.c, kv);
  const out = multiplyVector(block.k, ckv);
  for (let i = 0; i < out.length; i++) out[i] = get(out, i) + get(v, i);
  return out;
}

function pick(v: Float64Array, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (const [i, r] of rows.entries()) out[i] = get(v, r);
  return out;
}

/**
 * For a contrast c: q_g = A_g X̃_g M c per cluster, b_g = X̃_g'q_g, and the Bell–McCaffrey df.
 * V_c = Σ_g (q_g'ẽ_g)² for any residual vector ẽ, which the bootstrap reuses.
 */
export function contrastPieces(
  design: Design,
  blocks: readonly Cr2Block[],
  contrast: ArrayLike<number>,
): { q: Float64Array[]; b: Float64Array[]; degreesOfFreedom: number } {
  const mc = multiplyVector(design.bread, contrast);
  const q: Float64Array[] = [];
  const b: Float64Array[] = [];
  for (const block of blocks) {
    const xg = subRows(design.xt, block.rows);
    const qg = applyAdjustment(block, multiplyVector(xg, mc));
    q.push(qg);
    b.push(multiplyTransposeVector(xg, qg));
  }
  const m = blocks.length;
  const mb = b.map((bg) => multiplyVector(design.bread, bg));
  let trace = 0;
  let frobenius = 0;
  for (let g = 0; g < m; g++) {
    for (let h = g; h < m; h++) {
      let v = -dot(get1(b, g), get1(mb, h));
      if (g === h) v += dot(get1(q, g), get1(q, g));
      if (g === h) {
        trace += v;
        frobenius += v * v;
      } else {
        frobenius += 2 * v * v;
      }
    }
  }
  // tr² / ‖·‖²_F lies in [1, m]; rounding can leave it marginally outside.
  const degreesOfFreedom = frobenius > 0 ? Math.min(m, Math.max(1, (trace * trace) / frobenius)) : m - 1;
  return { q, b, degreesOfFreedom };
}

/** Element of a list whose bounds the caller guarantees. */
export function get1<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new RangeError(`index ${i} is outside a list of length ${list.length}`);
  return v;
}

function unitVector(p: number, j: number): Float64Array {
  const e = new Float64Array(p);
  e[j] = 1;
  return e;
}

/** β̂ = M X̃'ỹ and the transformed residuals ẽ = ỹ − X̃β̂. */
export function solve(design: Design, yt: Float64Array = design.yt): { beta: Float64Array; residuals: Float64Array } {
  const beta = multiplyVector(design.bread, multiplyTransposeVector(design.xt, yt));
  const fitted = multiplyVector(design.xt, beta);
  const residuals = new Float64Array(design.n);
  for (let i = 0; i < design.n; i++) residuals[i] = get(yt, i) - get(fitted, i);
  return { beta, residuals };
}

/**
 * WLS fit with CR2 standard errors and Bell–McCaffrey df for every coefficient (see the header).
 * Throws a RangeError for empty or non-finite input, non-positive weights, fewer than 2 clusters,
 * no more units than coefficients, or collinear regressors.
 */
export function fitClusterRobust(rows: readonly RegressionRow[], options: RegressionOptions = {}): ClusterRobustFit {
  const where = 'fitClusterRobust';
  const confidence = options.confidence ?? 0.95;
  checkConfidence(where, confidence);
  const weighted = options.weighted ?? true;
  const design = buildDesign(where, rows, options.intercept ?? true, weighted);
  const { n, p } = design;
  const m = design.clusters.length;
  const { beta, residuals } = solve(design);
  const blocks = cr2Blocks(design);

  // CR2 and CR1 meats: Σ_g s_g s_g' with s_g = X̃_g'A_g ẽ_g (CR2) or X̃_g'ẽ_g (CR1).
  const meat2 = zeros(p, p);
  const meat1 = zeros(p, p);
  for (const block of blocks) {
    const xg = subRows(design.xt, block.rows);
    const eg = pick(residuals, block.rows);
    const s2 = multiplyTransposeVector(xg, applyAdjustment(block, eg));
    const s1 = multiplyTransposeVector(xg, eg);
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        meat2.data[a * p + b] = get(meat2.data, a * p + b) + get(s2, a) * get(s2, b);
        meat1.data[a * p + b] = get(meat1.data, a * p + b) + get(s1, a) * get(s1, b);
      }
    }
  }
  const v2 = multiplyMatrices(multiplyMatrices(design.bread, meat2), design.bread);
  const v1 = multiplyMatrices(multiplyMatrices(design.bread, meat1), design.bread);
  const cr1Factor = (m / (m - 1)) * ((n - 1) / (n - p));
  const sigma2 = dot(residuals, residuals) / (n - p);

  const coefficients = design.terms.map((term, j): CoefficientInference => {
    const estimate = get(beta, j);
    const standardError = Math.sqrt(Math.max(0, entry(v2, j, j)));
    const { degreesOfFreedom } = contrastPieces(design, blocks, unitVector(p, j));
    const tq = tQuantile(0.5 + confidence / 2, degreesOfFreedom);
    const t = standardError > 0 ? estimate / standardError : estimate === 0 ? 0 : Math.sign(estimate) * Infinity;
    return {
      term,
      estimate,
      standardError,
      degreesOfFreedom,
      lower: estimate - tq * standardError,
      upper: estimate + tq * standardError,
      pTwoSided: tTwoSided(t, degreesOfFreedom),
      pGreater: tUpperTail(t, degreesOfFreedom),
      cr1StandardError: Math.sqrt(Math.max(0, cr1Factor * entry(v1, j, j))),
      naiveStandardError: Math.sqrt(sigma2 * entry(design.bread, j, j)),
    };
  });
  const covariance = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => entry(v2, a, b)));
  return { n, clusters: m, parameters: p, weighted, confidence, coefficients, covariance };
}
