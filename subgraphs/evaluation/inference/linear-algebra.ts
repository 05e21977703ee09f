/**
 * Small dense linear algebra for the inference library: the design matrices have a handful of
 * columns (intercept, exposure, last year's IKM, a few covariates), so plain row-major
 * Float64Arrays, Cholesky and cyclic Jacobi are accurate and fast enough; no BLAS needed.
 * Pure functions, no I/O.
 */

/** Element i of an array whose bounds the caller's loop guarantees; throws instead of yielding undefined. */
export function get(values: ArrayLike<number>, i: number): number {
  const v = values[i];
  if (v === undefined) throw new RangeError(`index ${i} is outside an array of length ${values.length}`);
  return v;
}

/** A row-major matrix `rows × cols`. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function entry(m: Matrix, i: number, j: number): number {
  return get(m.data, i * m.cols + j);
}

/** A'A for a row-major `n × p` matrix A (the Gram matrix of the columns). */
export function crossProduct(a: Matrix): Matrix {
  const p = a.cols;
  const out = zeros(p, p);
  for (let r = 0; r < a.rows; r++) {
    const base = r * p;
    for (let i = 0; i < p; i++) {
      const ai = get(a.data, base + i);
      if (ai === 0) continue;
      for (let j = i; j < p; j++) out.data[i * p + j] = get(out.data, i * p + j) + ai * get(a.data, base + j);
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) out.data[i * p + j] = get(out.data, j * p + i);
  return out;
}

/** m·v for a matrix m and a vector v of length m.cols. */
export function multiplyVector(m: Matrix, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let j = 0; j < m.cols; j++) s += get(m.data, i * m.cols + j) * get(v, j);
    out[i] = s;
  }
  return out;
}

/** m'·v for a matrix m and a vector v of length m.rows. */
export function multiplyTransposeVector(m: Matrix, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) {
    const vi = get(v, i);
    if (vi === 0) continue;
    for (let j = 0; j < m.cols; j++) out[j] = get(out, j) + get(m.data, i * m.cols + j) * vi;
  }
  return out;
}

/** a·b for conforming matrices. */
export function multiply(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`multiply: ${a.rows}×${a.cols} by ${b.rows}×${b.cols} does not conform`);
  const out = zeros(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = get(a.data, i * a.cols + k);
      if (aik === 0) continue;
      for (let j = 0; j < b.cols; j++) {
        out.data[i * b.cols + j] = get(out.data, i * b.cols + j) + aik * get(b.data, k * b.cols + j);
      }
    }
  }
  return out;
}

export function transpose(a: Matrix): Matrix {
  const out = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = entry(a, i, j);
  return out;
}

/**
 * Lower Cholesky factor L of a symmetric positive definite matrix (A = LL'), or null when a pivot is not
 * clearly positive relative to the diagonal's scale (a collinear design: some coefficient is not identified).
 */
export function cholesky(a: Matrix): Matrix | null {
  const p = a.rows;
  const l = zeros(p, p);
  for (let j = 0; j < p; j++) {
    let d = entry(a, j, j);
    for (let k = 0; k < j; k++) d -= entry(l, j, k) ** 2;
    // Relative tolerance: a pivot below ~1e-10 of the column's own scale means near-exact collinearity.
    if (!(d > 1e-10 * Math.abs(entry(a, j, j))) || !(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l.data[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = entry(a, i, j);
      for (let k = 0; k < j; k++) s -= entry(l, i, k) * entry(l, j, k);
      l.data[i * p + j] = s / ljj;
    }
  }
  return l;
}

/** Inverse of a symmetric positive definite matrix from its Cholesky factor, or null if it is (nearly) singular. */
export function inverseSpd(a: Matrix): Matrix | null {
  const l = cholesky(a);
  if (l === null) return null;
  const p = a.rows;
  // Invert L (lower triangular) by forward substitution, then A⁻¹ = L⁻ᵀL⁻¹.
  const li = zeros(p, p);
  for (let j = 0; j < p; j++) {
    li.data[j * p + j] = 1 / entry(l, j, j);
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= entry(l, i, k) * entry(li, k, j);
      li.data[i * p + j] = s / entry(l, i, i);
    }
  }
  return multiply(transpose(li), li);
}

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (accurate to rounding for
 * the p ≤ ~20 matrices used here). Returns eigenvalues and the eigenvectors as the columns of `vectors`.
 */
export function symmetricEigen(a: Matrix): { values: Float64Array; vectors: Matrix } {
  const p = a.rows;
  const m = { rows: p, cols: p, data: Float64Array.from(a.data) };
  const v = zeros(p, p);
  for (let i = 0; i < p; i++) v.data[i * p + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        const x = entry(m, i, j) ** 2;
        total += x;
        if (i !== j) off += x;
      }
    }
    if (off <= 1e-30 * total || off === 0) break;
    for (let i = 0; i < p - 1; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = entry(m, i, j);
        if (aij === 0) continue;
        const theta = (entry(m, j, j) - entry(m, i, i)) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const mki = entry(m, k, i);
          const mkj = entry(m, k, j);
          m.data[k * p + i] = c * mki - s * mkj;
          m.data[k * p + j] = s * mki + c * mkj;
        }
        for (let k = 0; k < p; k++) {
          const mik = entry(m, i, k);
          const mjk = entry(m, j, k);
          m.data[i * p + k] = c * mik - s * mjk;
          m.data[j * p + k] = s * mik + c * mjk;
        }
        for (let k = 0; k < p; k++) {
          const vki = entry(v, k, i);
          const vkj = entry(v, k, j);
          v.data[k * p + i] = c * vki - s * vkj;
          v.data[k * p + j] = s * vki + c * vkj;
        }
      }
    }
  }
  const values = new Float64Array(p);
  for (let i = 0; i < p; i++) values[i] = entry(m, i, i);
  return { values, vectors: v };
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += get(a, i) * get(b, i);
  return s;
}
