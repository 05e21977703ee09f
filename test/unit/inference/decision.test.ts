/** estimateEffect (method switch and sensitivity fit), the placebo check and the verdict classifier. */
import { describe, expect, it } from 'vitest';
import type { RegressionRow } from '../../../subgraphs/evaluation/inference/cluster-robust.js';
import { estimateEffect } from '../../../subgraphs/evaluation/inference/effect.js';
import { placeboCheck } from '../../../subgraphs/evaluation/inference/placebo.js';
import { createRng, type Rng } from '../../../subgraphs/evaluation/inference/random.js';
import { classifyRegions, type RegionEvidence } from '../../../subgraphs/evaluation/inference/verdict.js';

function region(rng: Rng, clusters: number, size: number, beta: number): RegressionRow[] {
  const rows: RegressionRow[] = [];
  for (let g = 0; g < clusters; g++) {
    const shock = rng.normal();
    for (let i = 0; i < size; i++) {
      const lag = 75 + 6 * rng.normal();
      const exposure = 20 + 5 * rng.normal();
      rows.push({
        y: 10 + beta * exposure + 0.85 * lag + shock + rng.normal(),
        x: [exposure, lag],
        weight: 1 + rng.uniform(),
        cluster: `g${g}`,
      });
    }
  }
  return rows;
}

describe('estimateEffect', () => {
  it('uses CR2 / Bell–McCaffrey with many clusters and reports the unweighted fit', () => {
    const e = estimateEffect(region(createRng(1), 20, 6, 0.3), { minimumMeaningfulEffect: 0.1 });
    expect(e.method).toBe('CR2_BELL_MCCAFFREY');
    expect(e.bootstrap).toBeNull();
    expect(e.clusters).toBe(20);
    expect(e.units).toBe(120);
    expect(e.lower).toBe(e.cr2.lower);
    expect(e.pGreater).toBeLessThan(0.001);
    expect(e.pBelowMinimum).toBeGreaterThan(0.5);
    expect(e.unweighted?.estimate).toBeCloseTo(e.estimate, 1);
  });

  it('switches to the wild cluster bootstrap below 12 clusters, reproducibly', () => {
    const rows = region(createRng(2), 8, 6, 0.3);
    const a = estimateEffect(rows, { replications: 499, seed: 7 });
    expect(a.method).toBe('WILD_CLUSTER_BOOTSTRAP');
    expect(a.bootstrap).toEqual({ seed: 7, replications: 499, weights: 'webb', enumerated: false });
    expect(a.lower).toBeLessThan(a.estimate);
    expect(a.upper).toBeGreaterThan(a.estimate);
    expect(estimateEffect(rows, { replications: 499, seed: 7 })).toEqual(a);
    expect(() => estimateEffect(rows, { bootstrapBelowClusters: -1 })).toThrow(/bootstrapBelowClusters/);
  });
});

describe('placeboCheck', () => {
  it("flags next year's training that goes to units already improving", () => {
    const rng = createRng(3);
    const rows: RegressionRow[] = [];
    for (let g = 0; g < 20; g++) {
      const trend = rng.normal();
      for (let i = 0; i < 6; i++) {
        const change = 2 * trend + rng.normal();
        // Next year's training is allocated by this year's improvement: a confounded allocation.
        rows.push({ y: change, x: [10 + 3 * trend + rng.normal()], weight: 1, cluster: g });
      }
    }
    const r = placeboCheck(rows);
    expect(r.distinguishableFromZero).toBe(true);
    expect(r.reason).toMatch(/may be confounded/);
  });

  it('does not flag an unrelated allocation, and says a pass proves little', () => {
    const rng = createRng(4);
    const rows = Array.from({ length: 120 }, (_, i) => ({
      y: rng.normal(),
      x: [10 + rng.normal()],
      weight: 1,
      cluster: i % 20,
    }));
    const r = placeboCheck(rows);
    expect(r.distinguishableFromZero).toBe(false);
    expect(r.reason).toMatch(/does not prove/);
  });
});

describe('classifyRegions', () => {
  const effect = (estimate: number, se: number, pGreater: number, pBelowMinimum: number): RegionEvidence['effect'] => ({
    estimate,
    lower: estimate - 2 * se,
    upper: estimate + 2 * se,
    confidence: 0.95,
    pGreater,
    pBelowMinimum,
    minimumMeaningfulEffect: 0.1,
    method: 'CR2_BELL_MCCAFFREY',
  });
  const evidence: RegionEvidence[] = [
    { region: '12.71', units: 80, clusters: 15, effect: effect(0.4, 0.05, 0.0001, 0.9999) },
    { region: '12.75', units: 80, clusters: 15, effect: effect(0.02, 0.02, 0.16, 0.0004) },
    { region: '93.01', units: 60, clusters: 12, effect: effect(0.1, 0.08, 0.11, 0.5) },
    { region: '11.01', units: 60, clusters: 12, effect: effect(0.1, 0.05, 0.02, 0.5) },
    { region: '31.71', units: 9, clusters: 3, effect: null },
    { region: '51.71', units: 0, clusters: 0, effect: null },
    { region: '61.71', units: 50, clusters: 10, effect: null, failure: 'every unit had the same training hours' },
  ];

  it('gives each verdict with a plain reason, Holm over the tested regions', () => {
    const v = classifyRegions(evidence, { minimumMeaningfulEffect: 0.1 });
    expect(v.map((r) => r.verdict)).toEqual([
      'EXPAND',
      'NO_EFFECT',
      'INCONCLUSIVE',
      'INCONCLUSIVE',
      'INSUFFICIENT_DATA',
      'NO_DATA',
      'INSUFFICIENT_DATA',
    ]);
    expect(v[0]?.familySize).toBe(4);
    expect(v[0]?.pGreaterHolm).toBeCloseTo(0.0004, 12);
    // 11.01 alone would pass at 5% (p = 0.02); Holm over 4 regions (×3 at its step) does not.
    expect(v[3]?.pGreaterHolm).toBeCloseTo(0.06, 12);
    expect(v[0]?.reason).toMatch(/cannot rule out/);
    expect(v[1]?.reason).toMatch(/below the minimum meaningful effect/);
    expect(v[2]?.reason).toMatch(/cannot tell whether training improved IKM/);
    expect(v[4]?.reason).toMatch(/only 9 service units in 3 clusters/);
    expect(v[5]?.reason).toMatch(/No service unit/);
    expect(v[6]?.reason).toMatch(/same training hours/);
    expect(v[5]?.estimate).toBeNull();
  });

  it('calls an effect surely above zero but surely below the minimum NO_EFFECT', () => {
    const v = classifyRegions(
      [{ region: 'A', units: 500, clusters: 40, effect: effect(0.05, 0.01, 0.00001, 0.00001) }],
      { minimumMeaningfulEffect: 0.1 },
    );
    expect(v[0]?.verdict).toBe('NO_EFFECT');
    expect(v[0]?.reason).toMatch(/above zero, but is below/);
  });

  it('throws RangeErrors on inconsistent input', () => {
    expect(() => classifyRegions(evidence, { minimumMeaningfulEffect: 0.2 })).toThrow(
      /minimum meaningful effect of 0.1/,
    );
    expect(() => classifyRegions([...evidence, ...evidence.slice(0, 1)], { minimumMeaningfulEffect: 0.1 })).toThrow(
      /twice/,
    );
    expect(() => classifyRegions(evidence, { minimumMeaningfulEffect: 0.1, alpha: 0 })).toThrow(/alpha/);
    expect(() => classifyRegions(evidence, { minimumMeaningfulEffect: 0.1, minClusters: 1 })).toThrow(/minClusters/);
  });
});
