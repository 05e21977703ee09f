import { type DocumentNode, print } from 'graphql';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { config } from '../../subgraphs/shared/config.js';
import { createPool, type DatabaseServer } from '../../subgraphs/shared/database.js';
import { devAuthorization } from '../../tools/dev/dev-token.js';
import { startScratchDatabase } from '../../tools/dev/embedded-postgres.js';
import { type Platform, startPlatform } from '../../tools/dev/platform.js';
import { generateDemoData } from '../../tools/seed/generate.js';
import { TrainingImpactDocument, type TrainingImpactQuery } from '../generated/graphql.js';

/**
 * The comparison keeps each region's unit rows and estimates by the region's input version (migration
 * 0011-impact-versions), and does not estimate a region above the work limit (IMPACT_WORK_LIMIT). On a
 * database of its own (the test writes), with a limit that lets a regency through and not its province
 * (one coefficient per agency: two regencies' agencies in one regression cost some 16 times one's).
 */

const YEAR = 2025;
const REGENCIES = ['12.71', '12.75'];
/** Between a regency's work and its province's in this seed (impact-method.ts estimationSize). */
const WORK_LIMIT = 60_000_000;

const previousLimit = process.env.IMPACT_WORK_LIMIT;
process.env.IMPACT_WORK_LIMIT = String(WORK_LIMIT);

let server: DatabaseServer;
let pool: pg.Pool;
let platform: Platform;

beforeAll(async () => {
  server = await startScratchDatabase('impact_cache');
  await prepareDatabase(server.url);
  pool = createPool(server.url, 2);
  await generateDemoData(pool, { seed: 11, regions: REGENCIES, employeesPerRegion: 400, years: { from: 2024, to: 2025 } });
  platform = await startPlatform({ databaseUrl: server.url, instrument: true, readModelSyncMs: 600_000 });
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  await pool?.end();
  await server?.stop();
  if (previousLimit === undefined) delete process.env.IMPACT_WORK_LIMIT;
  else process.env.IMPACT_WORK_LIMIT = previousLimit;
});

type Region = TrainingImpactQuery['trainingImpact']['regions'][number];

async function compare(codes: string[], document: DocumentNode = TrainingImpactDocument): Promise<Region[]> {
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await devAuthorization()) },
    body: JSON.stringify({ query: print(document), variables: { regionCodes: codes, year: YEAR } }),
  });
  const body = (await response.json()) as { data: TrainingImpactQuery; errors?: unknown };
  expect(JSON.stringify(body.errors)).toBeUndefined();
  return body.data.trainingImpact.regions;
}

/** Evaluation's SQL statements while `work` runs. */
async function evaluationStatements(work: () => Promise<unknown>): Promise<number> {
  platform.statements.evaluation?.reset();
  await work();
  return platform.statements.evaluation?.count ?? Number.NaN;
}

describe('the comparison kept by input version', () => {
  it('runs with the configured work limit', () => {
    expect(config().impact.workLimit).toBe(WORK_LIMIT);
  });

  it("re-reads only a region whose unit's data changed, and shows the change", async () => {
    const before = await compare(REGENCIES);
    expect(before.map((r) => r.verdictReason)).not.toContainEqual(expect.stringMatching(/^Not estimated/));
    // Nothing changed: the kept rows and estimates answer (SKP changes and region facts only), alike.
    expect(await evaluationStatements(async () => expect(await compare(REGENCIES)).toEqual(before))).toBe(2);

    // One survey of this year in Medan scores higher: one answer moves up one step.
    const [survey] = (
      await pool.query<{ id: number; score: number }>(
        `select f.survey_id as id, f.score::float8 as score from evaluation.ikm_survey_score f
           join evaluation.rm_unit u on u.unit_id = f.unit_id
          where f.year = $1 and u.region_code like '12.71.%' and not f.under_sampled and f.score < 80
          order by f.survey_id limit 1`,
        [YEAR],
      )
    ).rows;
    expect(survey).toBeDefined();
    await pool.query(
      `with pick as (
         select element_no, score from evaluation.ikm_answer_count
          where survey_id = $1 and score < 4 and answers > 0 order by element_no, score limit 1
       ), taken as (
         update evaluation.ikm_answer_count c set answers = c.answers - 1 from pick
          where c.survey_id = $1 and c.element_no = pick.element_no and c.score = pick.score
       )
       insert into evaluation.ikm_answer_count (survey_id, element_no, score, answers)
       select $1, element_no, score + 1, 1 from pick
       on conflict (survey_id, element_no, score) do update set answers = evaluation.ikm_answer_count.answers + 1`,
      [survey!.id],
    );
    const after = (await pool.query<{ score: number }>(
      'select score::float8 as score from evaluation.ikm_survey_score where survey_id = $1',
      [survey!.id],
    )).rows[0]!.score;
    expect(after).toBeGreaterThan(survey!.score);

    let changed: Region[] = [];
    // One unit-table statement, for Medan only: Binjai's kept rows answer.
    expect(await evaluationStatements(async () => (changed = await compare(REGENCIES)))).toBe(3);
    const [medan, binjai] = changed;
    const [medanBefore, binjaiBefore] = before;
    const surveyed = medanBefore!.serviceQuality.unitsSurveyed;
    expect(medan!.serviceQuality.unitsSurveyed).toBe(surveyed);
    expect(medan!.serviceQuality.meanIkm).toBeCloseTo(
      medanBefore!.serviceQuality.meanIkm! + (after - survey!.score) / surveyed,
      10,
    );
    expect(medan!.effect.perTenJp?.estimate).not.toBe(medanBefore!.effect.perTenJp?.estimate);
    expect(binjai).toEqual(binjaiBefore);
    // Binjai alone: from what was kept, no unit-table statement.
    expect(await evaluationStatements(async () => expect(await compare(['12.75'])).toEqual([binjaiBefore]))).toBe(2);
  });

  it('does not estimate a region above the work limit, says why, and answers a concurrent small request', async () => {
    const [alone] = await compare(['12.75']);
    const [[province], [binjai]] = await Promise.all([compare(['12']), compare(['12.75'])]);
    expect(binjai).toEqual(alone);
    expect(binjai!.effect.perTenJp?.estimate).toEqual(expect.any(Number));
    expect(province!.verdict).toBe('INSUFFICIENT_DATA');
    expect(province!.verdictReason).toMatch(
      /^Not estimated: the region is too large to estimate within this server's limit \(\d+ units of \d+ agencies in \d+ districts: one coefficient per agency\); compare its regencies or districts instead/,
    );
    expect(province!.effect.perTenJp).toBeNull();
    // Its descriptive figures are still there: the sum of its regencies'.
    const regencies = await compare(REGENCIES);
    expect(province!.effect.units).toBe(regencies[0]!.effect.units + regencies[1]!.effect.units);
    expect(province!.exposure.jp).toBe(regencies[0]!.exposure.jp! + regencies[1]!.exposure.jp!);
  });
});
