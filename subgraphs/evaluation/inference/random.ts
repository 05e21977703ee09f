/**
 * Seeded pseudo-random numbers for the bootstraps and simulations of the inference library, so that a
 * published figure can be reproduced exactly from its seed. Generator: xoshiro128** (Blackman & Vigna
 * 2018) seeded through splitmix32; normals by the Marsaglia polar method; gamma by Marsaglia & Tsang (2000),
 * used for Student t draws t = Z / √(χ²_df / df). Not for cryptography.
 */

export interface Rng {
  /** Uniform on the open interval (0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Student t with `df` > 0 degrees of freedom (df = ∞ gives a standard normal). */
  studentT(df: number): number;
  /** Uniform integer in 0 … n − 1. */
  integer(n: number): number;
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`createRng: seed must be a safe integer, got ${seed}`);
}

/** A seeded generator; the same seed always gives the same stream. */
export function createRng(seed: number): Rng {
  checkSeed(seed);
  // splitmix32 expands one seed into four well-mixed 32-bit state words (an all-zero state is impossible).
  let sm = (seed ^ Math.floor(seed / 2 ** 32)) >>> 0;
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  // 53 random bits, shifted by half an ulp so 0 is never returned (log(0) would break the normal draws).
  const uniform = (): number => ((next() >>> 5) * 67108864 + (next() >>> 6) + 0.5) / 9007199254740992;
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        return u * f;
      }
    }
  };
  const gamma = (shape: number): number => {
    if (shape < 1) {
      // Boost: Γ(a) = Γ(a + 1)·U^(1/a).
      return gamma(shape + 1) * uniform() ** (1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  const studentT = (df: number): number => {
    if (!(df > 0)) throw new RangeError(`studentT: degrees of freedom must be > 0, got ${df}`);
    const z = normal();
    if (!Number.isFinite(df) || df > 1e7) return z;
    // χ²_df = 2·Gamma(df/2).
    return z / Math.sqrt((2 * gamma(df / 2)) / df);
  };
  const integer = (n: number): number => {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`integer: n must be a positive integer, got ${n}`);
    return Math.floor(uniform() * n);
  };
  return { uniform, normal, studentT, integer };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
