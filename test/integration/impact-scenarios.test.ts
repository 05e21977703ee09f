import { print } from 'graphql';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { createPool, type DatabaseServer } from '../../subgraphs/shared/database.js';
import { devAuthorization } from '../../tools/dev/dev-token.js';
import { startScratchDatabase } from '../../tools/dev/embedded-postgres.js';
import { type Platform, startPlatform } from '../../tools/dev/platform.js';
import { clearDemoData, generateDemoData, type Scenario, type SeedTruth } from '../../tools/seed/generate.js';
import { TrainingImpactDocument, type TrainingImpactQuery } from '../generated/graphql.js';
import { olsSlope, weightedLeastSquares } from '../support/statistics.js';

/**
 * The method against data planted by the generator's scenarios (tools/seed/scenario.ts), on a database of
 * its own: where the previous method (OLS of the IKM change on calendar-year JP) is biased, the
 * adjusted estimate recovers the planted effect.
 */
const REGIONS = ['12.71', '93.01'];
const YEAR = 2025;

let server: DatabaseServer;
let pool: pg.Pool;
let platform: Platform;

beforeAll(async () => {
  server = await startScratchDatabase('impact_scenarios');
  await prepareDatabase(server.url);
  pool = createPool(server.url, 2);
  platform = await startPlatform({ databaseUrl: server.url });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await pool?.end();
  await server?.stop();
});

type Region = TrainingImpactQuery['trainingImpact']['regions'][number];

async function seedAndCompare(scenario: Scenario, seed: number): Promise<{ truth: SeedTruth; regions: Region[] }> {
  await clearDemoData(pool);
  const truth = await generateDemoData(pool, {
    seed,
    scenario,
    regions: REGIONS,
    employeesPerRegion: 1500,
    years: { from: YEAR - 1, to: YEAR },
  });
  // The comparison reads evaluation's read model: pull the owners' feeds now rather than wait for the timer.
  await platform.readModel.syncNow();
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    // A national administrator: the unit figures over 1-4 people are withheld from anyone else.
    headers: { 'content-type': 'application/json', ...(await devAuthorization()) },
    body: JSON.stringify({ query: print(TrainingImpactDocument), variables: { regionCodes: REGIONS, year: YEAR } }),
  });
  const body = (await response.json()) as { data: TrainingImpactQuery; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return { truth, regions: body.data.trainingImpact.regions };
}

/** The previous method, from the same units: OLS of the IKM change on calendar-year JP per staff member / 10. */
function changeScoreEstimate(region: Region) {
  return olsSlope(
    region.units.filter((u) => u.inEstimate).map((u) => ({ x: u.jp! / u.staff! / 10, y: u.ikm! - u.ikmPrevious! })),
  );
}

// Each test seeds two regions, then compares, within vitest's default 60 s: 2.9-4.9 s were measured on a 2-core machine
// at a load average of 4.5-6.5 (65-103 s when the seeds went through the rollup triggers instead of the bulk path).
describe('training impact under the generator scenarios', () => {
  it('recovers the planted effect when training is sent to units with a low last IKM (regression to the mean)', async () => {
    const { truth, regions } = await seedAndCompare('targeted', 11);
    expect(truth.scenario).toBe('targeted');
    for (const region of regions) {
      const trueEffect = truth.regions[region.regionCode]!.effectPer10Jp;
      const effect = region.effect.perTenJp!;
      const old = changeScoreEstimate(region);
      // The adjusted estimate covers the truth and is closer to it than the change-score estimate, which
      // credits training with the rebound of units that only looked weak last year.
      expect(effect.lower, region.verdictReason).toBeLessThanOrEqual(trueEffect);
      expect(effect.upper, region.verdictReason).toBeGreaterThanOrEqual(trueEffect);
      expect(old.estimate - trueEffect).toBeGreaterThan(Math.abs(effect.estimate - trueEffect));
      expect(region.effect.priorIkmCoefficient).toBeLessThan(1); // regression to the mean, allowed for
    }
    // Merauke has no effect: the old method's interval lies above zero (it would have said EXPAND); the new one does not.
    const merauke = regions.find((r) => r.regionCode === '93.01')!;
    expect(truth.regions['93.01']!.effectPer10Jp).toBe(0);
    expect(changeScoreEstimate(merauke).lower).toBeGreaterThan(0);
    expect(merauke.verdict).not.toBe('EXPAND');
  });

  it('counts only training completed before the survey when much of it comes after', async () => {
    const { truth, regions } = await seedAndCompare('late-training', 12);
    expect(truth.scenario).toBe('late-training');
    for (const region of regions) {
      const trueEffect = truth.regions[region.regionCode]!.effectPer10Jp;
      const effect = region.effect.perTenJp!;
      const inEstimate = region.units.filter((u) => u.inEstimate);
      // Most units had training after their survey; the exposure counts only what came before.
      expect(inEstimate.filter((u) => u.jpBeforeSurvey! < u.jp!).length).toBeGreaterThan(inEstimate.length / 2);
      for (const unit of inEstimate) expect(unit.jpBeforeSurvey!).toBeLessThanOrEqual(unit.jp!);
      expect(effect.lower, region.verdictReason).toBeLessThanOrEqual(trueEffect);
      expect(effect.upper, region.verdictReason).toBeGreaterThanOrEqual(trueEffect);
      if (trueEffect > 0) {
        // Counting the whole year's JP dilutes the effect with training that came too late to matter.
        const annual = weightedLeastSquares(
          inEstimate.map((u) => ({ y: u.ikm!, x: [1, u.jp! / u.staff! / 10, u.ikmPrevious!], weight: u.respondents! })),
        );
        expect(trueEffect - annual[1]!).toBeGreaterThan(0.5);
        expect(Math.abs(effect.estimate - trueEffect)).toBeLessThan(0.25);
      }
    }
  });
});
