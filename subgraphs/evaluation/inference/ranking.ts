/**
 * Comparing regions with their uncertainty instead of ranking point estimates.
 *
 * Rank intervals: a parametric bootstrap from each region's sampling distribution, θ*_r = θ̂_r + SE_r·T_df
 * (Student t with the region's own df; regions independent), ranks each draw (1 = largest effect) and
 * reports the percentile interval of every region's rank, its mean rank and the share of draws in which
 * it was first. A rank interval of 1–7 among 7 regions says the data cannot place the region at all.
 * (Percentile rank intervals are marginal, not simultaneous; cf. Goldstein & Spiegelhalter 1996.)
 *
 * Pairwise differences: θ̂_a − θ̂_b with SE √(SE_a² + SE_b²) and Welch–Satterthwaite df (statistics.ts),
 * two-sided p-values Holm-adjusted over all K = m(m − 1)/2 pairs (Holm 1979). `distinguishable` is
 * Holm-adjusted p ≤ α. The adjusted interval is the Bonferroni simultaneous interval at level 1 − α/K
 * (Holm has no compatible interval of its own), so it can still touch 0 for a pair Holm distinguishes.
 */
import { differenceOfEstimates, type Estimate } from '../statistics.js';
import { tTwoSided } from './distributions.js';
import { get } from './linear-algebra.js';
import { holmAdjust } from './multiplicity.js';
import { createRng } from './random.js';

export interface RegionEstimate {
  region: string;
  estimate: number;
  standardError: number;
  degreesOfFreedom: number;
}

export interface RankInterval {
  region: string;
  /** Rank of the point estimate (1 = largest effect). */
  rank: number;
  lowerRank: number;
  upperRank: number;
  meanRank: number;
  /** Share of draws in which the region had the largest effect. */
  probabilityFirst: number;
}

export interface RankOptions {
  /** Parametric bootstrap draws (default 10000). */
  draws?: number;
  /** Seed (default 20261123). */
  seed?: number;
  /** Coverage of each rank interval (default 0.95). */
  confidence?: number;
}

function checkEstimates(where: string, regions: readonly RegionEstimate[]): void {
  if (!Array.isArray(regions) || regions.length === 0) throw new RangeError(`${where}: no regions`);
  const seen = new Set<string>();
  for (const r of regions) {
    if (seen.has(r.region)) throw new RangeError(`${where}: region ${r.region} is listed twice`);
    seen.add(r.region);
    if (!Number.isFinite(r.estimate))
      throw new RangeError(`${where}: region ${r.region}: estimate must be finite, got ${r.estimate}`);
    if (!(r.standardError >= 0) || !Number.isFinite(r.standardError)) {
      throw new RangeError(
        `${where}: region ${r.region}: standardError must be finite and ≥ 0, got ${r.standardError}`,
      );
    }
    if (!(r.degreesOfFreedom > 0))
      throw new RangeError(`${where}: region ${r.region}: degreesOfFreedom must be > 0, got ${r.degreesOfFreedom}`);
  }
}

/** Ranks 1…m of `values` in descending order (ties broken by position, which has probability 0 for draws). */
function descendingRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => get(values, b) - get(values, a) || a - b);
  const ranks = new Array<number>(values.length).fill(0);
  for (const [position, index] of order.entries()) ranks[index] = position + 1;
  return ranks;
}

/** Rank intervals of the regions' effects by a seeded parametric bootstrap; throws a RangeError on invalid input. */
export function rankIntervals(regions: readonly RegionEstimate[], options: RankOptions = {}): RankInterval[] {
  const where = 'rankIntervals';
  checkEstimates(where, regions);
  const draws = options.draws ?? 10000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(draws) || draws < 100)
    throw new RangeError(`${where}: draws must be an integer ≥ 100, got ${draws}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`${where}: confidence must be in (0, 1), got ${confidence}`);
  const rng = createRng(options.seed ?? 20261123);
  const m = regions.length;
  const counts = regions.map(() => new Array<number>(m + 1).fill(0));
  const sums = new Array<number>(m).fill(0);
  for (let d = 0; d < draws; d++) {
    const theta = regions.map((r) => r.estimate + r.standardError * rng.studentT(r.degreesOfFreedom));
    descendingRanks(theta).forEach((rank, i) => {
      const c = counts[i];
      if (c !== undefined) c[rank] = (c[rank] ?? 0) + 1;
      sums[i] = (sums[i] ?? 0) + rank;
    });
  }
  const pointRanks = descendingRanks(regions.map((r) => r.estimate));
  const tail = (1 - confidence) / 2;
  return regions.map((r, i): RankInterval => {
    const c = counts[i] ?? [];
    // Percentile interval of a discrete distribution: smallest rank with CDF > tail, smallest with CDF ≥ 1 − tail.
    let cumulative = 0;
    let lowerRank = m;
    let upperRank = m;
    let lowerFound = false;
    for (let rank = 1; rank <= m; rank++) {
      cumulative += (c[rank] ?? 0) / draws;
      if (!lowerFound && cumulative > tail) {
        lowerRank = rank;
        lowerFound = true;
      }
      if (cumulative >= 1 - tail - 1e-12) {
        upperRank = rank;
        break;
      }
    }
    return {
      region: r.region,
      rank: get(pointRanks, i),
      lowerRank,
      upperRank,
      meanRank: get(sums, i) / draws,
      probabilityFirst: (c[1] ?? 0) / draws,
    };
  });
}

export interface PairwiseDifference {
  regionA: string;
  regionB: string;
  /** θ̂_a − θ̂_b. */
  estimate: number;
  standardError: number;
  degreesOfFreedom: number;
  pTwoSided: number;
  pHolm: number;
  /** Bonferroni simultaneous interval at level 1 − α/K. */
  lower: number;
  upper: number;
  /** Holm-adjusted p ≤ α. */
  distinguishable: boolean;
}

/** All pairwise differences with Holm-adjusted p-values; throws a RangeError on invalid input. */
export function pairwiseDifferences(regions: readonly RegionEstimate[], alpha = 0.05): PairwiseDifference[] {
  const where = 'pairwiseDifferences';
  checkEstimates(where, regions);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`${where}: alpha must be in (0, 1), got ${alpha}`);
  const pairs: Array<{ a: RegionEstimate; b: RegionEstimate }> = [];
  for (const [i, a] of regions.entries()) for (const b of regions.slice(i + 1)) pairs.push({ a, b });
  const k = pairs.length;
  if (k === 0) return [];
  const asEstimate = (r: RegionEstimate): Estimate => ({
    estimate: r.estimate,
    standardError: r.standardError,
    degreesOfFreedom: r.degreesOfFreedom,
    lower: Number.NaN,
    upper: Number.NaN,
    confidence: Number.NaN,
  });
  const diffs = pairs.map(({ a, b }) => differenceOfEstimates(asEstimate(a), asEstimate(b), 1 - alpha / k));
  const raw = diffs.map((d) => tTwoSided(d.estimate / d.standardError, d.degreesOfFreedom));
  const holm = holmAdjust(raw);
  return pairs.map(({ a, b }, i): PairwiseDifference => {
    const d = diffs[i];
    if (d === undefined) throw new RangeError(`${where}: internal index error`);
    const pHolm = get(holm, i);
    return {
      regionA: a.region,
      regionB: b.region,
      estimate: d.estimate,
      standardError: d.standardError,
      degreesOfFreedom: d.degreesOfFreedom,
      pTwoSided: get(raw, i),
      pHolm,
      lower: d.lower,
      upper: d.upper,
      distinguishable: pHolm <= alpha,
    };
  });
}
