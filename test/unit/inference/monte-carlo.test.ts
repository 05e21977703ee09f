/**
 * Seeded Monte Carlo checks (each well under 2 s):
 *  1. with cluster-level shocks and exposure that varies mostly between clusters, the CR2 / Bell–McCaffrey
 *     95% interval covers the true effect about 95% of the time while the naive WLS interval undercovers;
 *  2. the wild cluster bootstrap test keeps its size with 6 clusters;
 *  3. Holm keeps the family-wise rate of false EXPAND verdicts ≤ 5% over many null regions, where
 *     unadjusted one-sided tests would tell at least one region to expand far more often.
 */
import { describe, expect, it } from 'vitest';
import { fitClusterRobust, type RegressionRow } from '../../../subgraphs/evaluation/inference/cluster-robust.js';
import { oneSidedPValue } from '../../../subgraphs/evaluation/inference/multiplicity.js';
import { createRng, type Rng } from '../../../subgraphs/evaluation/inference/random.js';
import { classifyRegions, type RegionEvidence } from '../../../subgraphs/evaluation/inference/verdict.js';
import { wildClusterBootstrapTester } from '../../../subgraphs/evaluation/inference/wild-bootstrap.js';
import { tQuantile } from '../../../subgraphs/evaluation/statistics.js';

/** One region: IKM = 10 + β·JP + 0.85·lastIKM + cluster shock + noise; JP is mostly a cluster-level choice. */
function simulateRegion(rng: Rng, clusters: number, size: number, beta: number): RegressionRow[] {
  const rows: RegressionRow[] = [];
  for (let g = 0; g < clusters; g++) {
    const clusterExposure = 5 * rng.normal();
    const shock = 2 * rng.normal();
    for (let i = 0; i < size; i++) {
      const lag = 75 + 6 * rng.normal();
      const exposure = 20 + clusterExposure + 1.5 * rng.normal();
      const weight = 20 + 180 * rng.uniform();
      rows.push({
        y: 10 + beta * exposure + 0.85 * lag + shock + 2 * rng.normal(),
        x: [exposure, lag],
        weight,
        cluster: g,
      });
    }
  }
  return rows;
}

describe('Monte Carlo', () => {
  it('CR2 / Bell–McCaffrey covers ≈ 95% with clustered shocks; the naive interval undercovers', () => {
    const rng = createRng(101);
    const simulations = 400;
    const beta = 0.1;
    let cr2 = 0;
    let naive = 0;
    for (let s = 0; s < simulations; s++) {
      const rows = simulateRegion(rng, 16, 8, beta);
      const c = fitClusterRobust(rows).coefficients[1];
      if (c === undefined) throw new Error('missing coefficient');
      if (c.lower <= beta && beta <= c.upper) cr2++;
      const half = tQuantile(0.975, rows.length - 3) * c.naiveStandardError;
      if (Math.abs(c.estimate - beta) <= half) naive++;
    }
    const coverage = { cr2: cr2 / simulations, naive: naive / simulations };
    console.info(
      `coverage of nominal 95% intervals over ${simulations} simulations: CR2/BM ${coverage.cr2}, naive WLS ${coverage.naive}`,
    );
    expect(coverage.cr2).toBeGreaterThanOrEqual(0.92);
    expect(coverage.cr2).toBeLessThanOrEqual(0.985);
    expect(coverage.naive).toBeLessThan(0.8);
  });

  it('the wild cluster bootstrap (Webb) rejects a true null about 5% of the time with 6 clusters', () => {
    const rng = createRng(202);
    const simulations = 300;
    let rejections = 0;
    for (let s = 0; s < simulations; s++) {
      const rows = simulateRegion(rng, 6, 8, 0.1);
      const p = wildClusterBootstrapTester(rows, { seed: s, replications: 399 }).test(0.1).pTwoSided;
      if (p <= 0.05) rejections++;
    }
    const size = rejections / simulations;
    console.info(`wild cluster bootstrap size at 5% with 6 clusters over ${simulations} simulations: ${size}`);
    expect(size).toBeLessThanOrEqual(0.09);
  });

  it('Holm keeps family-wise false EXPAND ≤ 5% over 8 null regions', () => {
    const rng = createRng(303);
    const families = 250;
    const regionsPerFamily = 8;
    let holmFalse = 0;
    let unadjustedFalse = 0;
    for (let f = 0; f < families; f++) {
      const evidence: RegionEvidence[] = [];
      for (let r = 0; r < regionsPerFamily; r++) {
        const rows = simulateRegion(rng, 12, 4, 0);
        const c = fitClusterRobust(rows).coefficients[1];
        if (c === undefined) throw new Error('missing coefficient');
        evidence.push({
          region: `R${r}`,
          units: rows.length,
          clusters: 12,
          effect: {
            estimate: c.estimate,
            lower: c.lower,
            upper: c.upper,
            confidence: 0.95,
            pGreater: c.pGreater,
            pBelowMinimum: oneSidedPValue(c.estimate, c.standardError, c.degreesOfFreedom, 0.05, 'less'),
            minimumMeaningfulEffect: 0.05,
            method: 'CR2_BELL_MCCAFFREY',
          },
        });
      }
      const verdicts = classifyRegions(evidence, { minimumMeaningfulEffect: 0.05 });
      if (verdicts.some((v) => v.verdict === 'EXPAND')) holmFalse++;
      if (evidence.some((e) => (e.effect?.pGreater ?? 1) <= 0.05)) unadjustedFalse++;
    }
    const rate = { holm: holmFalse / families, unadjusted: unadjustedFalse / families };
    console.info(
      `family-wise false EXPAND over ${families} families of ${regionsPerFamily} null regions: Holm ${rate.holm}, unadjusted ${rate.unadjusted}`,
    );
    expect(rate.holm).toBeLessThanOrEqual(0.05);
    expect(rate.unadjusted).toBeGreaterThan(0.2);
  });
});
