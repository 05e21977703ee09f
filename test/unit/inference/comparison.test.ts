/** Rank intervals, Holm-adjusted pairwise differences and cost per IKM point. */
import { describe, expect, it } from 'vitest';
import { costPerIkmPoint } from '../../../subgraphs/evaluation/inference/cost.js';
import { pairwiseDifferences, rankIntervals } from '../../../subgraphs/evaluation/inference/ranking.js';

describe('rankIntervals', () => {
  it('gives tight ranks to well-separated regions and wide ranks to indistinguishable ones', () => {
    const separated = rankIntervals(
      [
        { region: 'A', estimate: 3, standardError: 0.1, degreesOfFreedom: 30 },
        { region: 'B', estimate: 2, standardError: 0.1, degreesOfFreedom: 30 },
        { region: 'C', estimate: 1, standardError: 0.1, degreesOfFreedom: 30 },
      ],
      { draws: 2000, seed: 5 },
    );
    expect(separated.map((r) => [r.rank, r.lowerRank, r.upperRank])).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ]);
    expect(separated[0]?.probabilityFirst).toBe(1);
    const noisy = rankIntervals(
      ['A', 'B', 'C', 'D'].map((region, i) => ({ region, estimate: 0.01 * i, standardError: 1, degreesOfFreedom: 5 })),
      { draws: 4000, seed: 5 },
    );
    for (const r of noisy) {
      expect(r.lowerRank).toBe(1);
      expect(r.upperRank).toBe(4);
      expect(r.meanRank).toBeGreaterThan(2);
      expect(r.meanRank).toBeLessThan(3);
      expect(r.probabilityFirst).toBeGreaterThan(0.2);
      expect(r.probabilityFirst).toBeLessThan(0.3);
    }
    expect(noisy.map((r) => r.rank)).toEqual([4, 3, 2, 1]);
  });

  it('is reproducible by seed and rejects bad input', () => {
    const regions = [
      { region: 'A', estimate: 1, standardError: 0.5, degreesOfFreedom: 4 },
      { region: 'B', estimate: 0.5, standardError: 0.5, degreesOfFreedom: 8 },
    ];
    expect(rankIntervals(regions, { seed: 9, draws: 500 })).toEqual(rankIntervals(regions, { seed: 9, draws: 500 }));
    expect(() => rankIntervals([])).toThrow(/no regions/);
    expect(() =>
      rankIntervals([...regions, { region: 'A', estimate: 0, standardError: 1, degreesOfFreedom: 1 }]),
    ).toThrow(/twice/);
    expect(() => rankIntervals([{ region: 'A', estimate: 0, standardError: -1, degreesOfFreedom: 1 }])).toThrow(
      /standardError/,
    );
  });
});

describe('pairwiseDifferences', () => {
  const regions = [
    { region: 'A', estimate: 0.3, standardError: 0.08, degreesOfFreedom: 9 },
    { region: 'B', estimate: 0.05, standardError: 0.05, degreesOfFreedom: 25 },
    { region: 'C', estimate: 0.28, standardError: 0.1, degreesOfFreedom: 12 },
  ];

  it('matches scipy for the Welch df and p, with Holm over the 3 pairs and a Bonferroni interval', () => {
    const pairs = pairwiseDifferences(regions);
    expect(pairs).toHaveLength(3);
    const ab = pairs[0];
    expect(ab?.regionA).toBe('A');
    expect(ab?.regionB).toBe('B');
    expect(ab?.standardError).toBeCloseTo(0.09433981132056604, 12);
    expect(ab?.degreesOfFreedom).toBeCloseTo(16.498264290673458, 9);
    expect(ab?.pTwoSided).toBeCloseTo(0.017145640628347898, 9);
    expect(ab?.pHolm).toBeCloseTo(3 * 0.017145640628347898, 9);
    expect(ab?.distinguishable).toBe(false);
    expect((ab?.upper ?? NaN) - (ab?.estimate ?? NaN)).toBeCloseTo(0.25129717308653127, 9);
    // Unadjusted, A − B would have been flagged (p = 0.017): the old subgraph's mistake.
    expect(pairs.every((pair) => pair.pHolm >= pair.pTwoSided)).toBe(true);
    expect(pairwiseDifferences(regions.slice(0, 1))).toEqual([]);
  });
});

describe('costPerIkmPoint', () => {
  const base = {
    spending: { estimate: 1_000_000, standardError: 50_000 },
    effect: { estimate: 0.2, standardError: 0.05, degreesOfFreedom: 20 },
    exposure: 500,
  };

  it('is null unless the verdict is EXPAND', () => {
    for (const verdict of ['NO_EFFECT', 'INCONCLUSIVE', 'INSUFFICIENT_DATA', 'NO_DATA'] as const) {
      expect(costPerIkmPoint({ ...base, verdict })).toBeNull();
    }
  });

  it('gives S/(βE), a delta-method SE and a bootstrap interval that carries both uncertainties', () => {
    const r = costPerIkmPoint({ ...base, verdict: 'EXPAND', seed: 3, draws: 20000 });
    expect(r).not.toBeNull();
    if (r === null) return;
    expect(r.attributablePoints).toBeCloseTo(100, 12);
    expect(r.estimate).toBeCloseTo(10_000, 9);
    expect(r.deltaMethod.standardError).toBeCloseTo(10_000 * Math.hypot(0.05, 0.25), 9);
    expect(r.lower).toBeLessThan(r.estimate);
    expect(r.upper).toBeGreaterThan(r.estimate);
    // 1/β is right-skewed: the bootstrap interval reaches further up than the symmetric delta interval.
    expect(r.upper - r.estimate).toBeGreaterThan(r.estimate - r.lower);
    const spendingOnly = costPerIkmPoint({
      ...base,
      verdict: 'EXPAND',
      effect: { ...base.effect, standardError: 0 },
      seed: 3,
      draws: 20000,
    });
    expect((spendingOnly?.upper ?? 0) - (spendingOnly?.lower ?? 0)).toBeLessThan(r.upper - r.lower);
    const exact = costPerIkmPoint({
      ...base,
      verdict: 'EXPAND',
      spending: { estimate: 1_000_000, standardError: 0 },
      effect: { ...base.effect, standardError: 0 },
    });
    expect(exact?.lower).toBeCloseTo(10_000, 9);
    expect(exact?.upper).toBeCloseTo(10_000, 9);
  });

  it('reports an unbounded upper end when the effect is barely above zero', () => {
    const r = costPerIkmPoint({
      ...base,
      verdict: 'EXPAND',
      effect: { estimate: 0.1, standardError: 0.06, degreesOfFreedom: 10 },
      seed: 1,
    });
    expect(r?.upper).toBe(Infinity);
    expect(r?.shareNonPositiveEffect).toBeGreaterThan(0.025);
  });

  it('throws RangeErrors on invalid input', () => {
    expect(() => costPerIkmPoint({ ...base, verdict: 'EXPAND', exposure: 0 })).toThrow(/exposure/);
    expect(() => costPerIkmPoint({ ...base, verdict: 'EXPAND', spending: { estimate: -1, standardError: 0 } })).toThrow(
      /spending/,
    );
    expect(() =>
      costPerIkmPoint({
        ...base,
        verdict: 'EXPAND',
        effect: { estimate: -0.1, standardError: 0.05, degreesOfFreedom: 5 },
      }),
    ).toThrow(/inconsistent/);
  });
});
