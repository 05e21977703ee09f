import { type DocumentNode, print } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { compareRegions } from '../../subgraphs/evaluation/impact-service.js';
import { config } from '../../subgraphs/shared/config.js';
import { openOrm } from '../../subgraphs/shared/orm.js';
import type { Viewer } from '../../subgraphs/shared/viewer.js';
import { devAuthorization } from '../../tools/dev/dev-token.js';
import { TrainingImpactDocument, type TrainingImpactQuery } from '../generated/graphql.js';
import { as, NATIONAL_ADMIN } from '../support/platform.js';
import { raiseBudgetLine, useScratchPlatform } from '../support/scratch-platform.js';

/**
 * The comparison keeps each region's unit rows and estimates by the region's input version (migration
 * 0011-impact-versions), its facts by its facts version (0012-impact-facts-versions) and the whole answer
 * by both and what the viewer may see, and does not estimate a region above the work limit (IMPACT_WORK_LIMIT). On a
 * database of its own (the test writes), with a limit that lets a regency through and not its province
 * (one coefficient per agency: two regencies' agencies in one regression cost some 16 times one's).
 */

const YEAR = 2025;
const REGENCIES = ['12.71', '12.75'];
/** Between the regencies' work (about 22,000 and 6,000) and their province's (about 133,000) in this seed. */
const WORK_LIMIT = 50_000;

const previousLimit = process.env.IMPACT_WORK_LIMIT;
process.env.IMPACT_WORK_LIMIT = String(WORK_LIMIT);

const scratch = useScratchPlatform('impact_cache', {
  seed: 11,
  regions: REGENCIES,
  employeesPerRegion: 400,
  years: { from: 2024, to: 2025 },
});

afterAll(() => {
  if (previousLimit === undefined) delete process.env.IMPACT_WORK_LIMIT;
  else process.env.IMPACT_WORK_LIMIT = previousLimit;
});

type Region = TrainingImpactQuery['trainingImpact']['regions'][number];

async function compare(
  codes: string[],
  document: DocumentNode = TrainingImpactDocument,
  viewer: Viewer = NATIONAL_ADMIN,
): Promise<Region[]> {
  const response = await fetch(scratch.platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await devAuthorization(viewer)) },
    body: JSON.stringify({ query: print(document), variables: { regionCodes: codes, year: YEAR } }),
  });
  const body = (await response.json()) as { data: TrainingImpactQuery; errors?: unknown };
  expect(JSON.stringify(body.errors)).toBeUndefined();
  return body.data.trainingImpact.regions;
}

/** Evaluation's SQL statements while `work` runs. */
async function evaluationStatements(work: () => Promise<unknown>): Promise<number> {
  scratch.platform.statements.evaluation?.reset();
  await work();
  return scratch.platform.statements.evaluation?.count ?? Number.NaN;
}

interface Size {
  units: number;
  agencies: number;
  districts: number;
}

/** The regression's size as the method defines it, from the tables: staffed units with both years' adequate surveys. */
async function sizeOf(code: string): Promise<Size & { work: number }> {
  const [size] = (
    await scratch.pool.query<Size>(
      `select count(*)::int as units, count(distinct u.agency_id)::int as agencies,
              count(distinct array_to_string((string_to_array(cur.region_code, '.'))[1:3], '.'))::int as districts
         from evaluation.rm_unit u
         join evaluation.rm_unit_staffing st on st.unit_id = u.unit_id and st.year = $2 and st.staff > 0
         join evaluation.ikm_survey_score cur on cur.unit_id = u.unit_id and cur.year = $2 and not cur.under_sampled
         join evaluation.ikm_survey_score prev on prev.unit_id = u.unit_id and prev.year = $2 - 1 and not prev.under_sampled
        where u.region_code like $1 || '.%'`,
      [code, YEAR],
    )
  ).rows;
  // The placebo's coefficients (3 and one per agency but the first, with the intercept); eigenproblems and df.
  const p = 3 + size!.agencies;
  return { ...size!, work: size!.districts * p ** 3 + size!.districts ** 2 * p ** 2 };
}

describe('the comparison kept by input version', () => {
  it('runs with a work limit between a regency and its province', async () => {
    expect(config().impact.workLimit).toBe(WORK_LIMIT);
    const sizes = await Promise.all(['12.71', '12.75', '12'].map(sizeOf));
    expect(sizes[0]!.work).toBeLessThan(WORK_LIMIT);
    expect(sizes[1]!.work).toBeLessThan(WORK_LIMIT);
    expect(sizes[2]!.work, JSON.stringify(sizes)).toBeGreaterThan(WORK_LIMIT);
  });

  it("re-reads only a region whose unit's data changed, and shows the change", async () => {
    const before = await compare(REGENCIES);
    expect(before.map((r) => r.verdictReason)).not.toContainEqual(expect.stringMatching(/^Not estimated/));
    // Nothing changed: the kept answer answers after one statement (the regions' versions), alike.
    expect(await evaluationStatements(async () => expect(await compare(REGENCIES)).toEqual(before))).toBe(1);
    const [binjaiAlone] = await compare(['12.75']);

    // One survey of this year in Medan scores higher: one answer moves up one step.
    // A unit in the estimate: staffed, both years' surveys adequately sampled.
    const [survey] = (
      await scratch.pool.query<{ id: number; score: number }>(
        `select f.survey_id as id, f.score::float8 as score from evaluation.ikm_survey_score f
           join evaluation.rm_unit u on u.unit_id = f.unit_id
           join evaluation.rm_unit_staffing st on st.unit_id = u.unit_id and st.year = $1 and st.staff > 0
           join evaluation.ikm_survey_score p on p.unit_id = u.unit_id and p.year = $1 - 1 and not p.under_sampled
          where f.year = $1 and u.region_code like '12.71.%' and not f.under_sampled and f.score < 80
          order by f.survey_id limit 1`,
        [YEAR],
      )
    ).rows;
    expect(survey).toBeDefined();
    await scratch.pool.query(
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
    const after = (
      await scratch.pool.query<{ score: number }>(
        'select score::float8 as score from evaluation.ikm_survey_score where survey_id = $1',
        [survey!.id],
      )
    ).rows[0]!.score;
    expect(after).toBeGreaterThan(survey!.score);

    let changed: Region[] = [];
    // The versions, then one unit-table statement, for Medan only: Binjai's kept rows and both regions' kept
    // facts (a survey is not a region fact) answer.
    expect(await evaluationStatements(async () => (changed = await compare(REGENCIES)))).toBe(2);
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
    // Binjai alone: its whole answer was kept, and its versions did not move.
    expect(await evaluationStatements(async () => expect(await compare(['12.75'])).toEqual([binjaiAlone]))).toBe(1);
  });

  it('does not estimate a region above the work limit, says why, and answers a concurrent small request', async () => {
    const [alone] = await compare(['12.75']);
    const [[province], [binjai]] = await Promise.all([compare(['12']), compare(['12.75'])]);
    expect(binjai).toEqual(alone);
    expect(binjai!.effect.perTenJp?.estimate).toEqual(expect.any(Number));
    expect(province!.verdict).toBe('INSUFFICIENT_DATA');
    const size = await sizeOf('12');
    expect(province!.verdictReason).toBe(
      `Not estimated: the region is too large to estimate within this server's limit (${size.units} units of ${size.agencies} agencies in ${size.districts} districts: one coefficient per agency); compare its regencies or districts instead, whose estimates are within the limit.`,
    );
    expect(province!.effect.perTenJp).toBeNull();
    // Its descriptive figures are still there: the sum of its regencies'.
    const regencies = await compare(REGENCIES);
    expect(province!.effect.units).toBe(regencies[0]!.effect.units + regencies[1]!.effect.units);
    expect(province!.exposure.jp).toBe(regencies[0]!.exposure.jp! + regencies[1]!.exposure.jp!);
  });

  it('stops estimating at the time budget with LIMIT_EXCEEDED, keeps what it estimated, and goes on when asked again', async () => {
    const orm = await openOrm({
      schema: 'evaluation',
      entities: [],
      migrations: [],
      url: scratch.server.url,
      poolSize: 2,
      statementTimeoutMs: 0,
    });
    try {
      // A minimum meaningful effect no other test asks for: none of these estimates is kept yet.
      const key = { year: YEAR, regionCodes: REGENCIES, minimumMeaningfulEffect: 0.37 };
      const policy = { seesPeople: () => true };
      // No time at all: each request estimates one region, then stops at the next one it lacks.
      const first = await compareRegions(orm.em.fork(), key, policy, 0).then(
        () => null,
        (error: unknown) => error,
      );
      expect(first).toMatchObject({
        message:
          'The comparison needs more estimation than one request may take (0 ms): 1 of 2 regions are estimated and kept. Ask again to go on from there, or ask fewer regions.',
        extensions: { code: 'LIMIT_EXCEEDED', limit: 'IMPACT_TIME_BUDGET_MS' },
      });
      const second = await compareRegions(orm.em.fork(), key, policy, 0);
      // The same figures as a request with all the time it needs, estimated from scratch.
      const unhurried = await compareRegions(orm.em.fork(), { ...key, minimumMeaningfulEffect: 0.38 }, policy, 60_000);
      expect(second.regions.map((r) => r.effect.perTenJp?.estimate)).toEqual(
        unhurried.regions.map((r) => r.effect.perTenJp?.estimate),
      );
      expect(second.regions.every((r) => typeof r.effect.perTenJp?.estimate === 'number')).toBe(true);
    } finally {
      await orm.close();
    }
  });
  it('keeps whole answers per viewer: one without person-level access never gets the figures made for one with it', async () => {
    // Each order: the first viewer's answer is kept before the second asks (the region's versions do not move).
    for (const [code, first, second] of [
      ['12.71', NATIONAL_ADMIN, as('planner', ['12.71'])],
      ['12.75', as('planner', ['12.75']), NATIONAL_ADMIN],
    ] as const) {
      const [a] = await compare([code], TrainingImpactDocument, first);
      const [b] = await compare([code], TrainingImpactDocument, second);
      const [admin, planner] = first === NATIONAL_ADMIN ? [a!, b!] : [b!, a!];
      // The planner's small cells are withheld (units of 1-4 participants in this seed); the administrator's are not.
      expect(
        planner.units.some((u) => u.jp === null),
        code,
      ).toBe(true);
      expect(
        admin.units.every((u) => u.jp !== null),
        code,
      ).toBe(true);
      expect(planner.units.map((u) => u.unitId)).toEqual(admin.units.map((u) => u.unitId));
      // Each viewer's own answer is kept: asked again, one statement and the same figures.
      for (const [viewer, answer] of [
        [first, a],
        [second, b],
      ] as const) {
        expect(
          await evaluationStatements(async () =>
            expect(await compare([code], TrainingImpactDocument, viewer)).toEqual([answer]),
          ),
        ).toBe(1);
      }
    }
  });

  it('re-reads only the facts of a region whose budget changed (not its unit table), and shows the change', async () => {
    const before = await compare(REGENCIES);
    expect(await raiseBudgetLine(scratch.pool, YEAR, '12.71', 1_000_000)).toBeDefined();
    let after: Region[] = [];
    // The versions, then the facts of Medan only: the unit rows and estimates of both regions are kept.
    expect(await evaluationStatements(async () => (after = await compare(REGENCIES)))).toBe(2);
    expect(BigInt(after[0]!.cost.realisedSpending!)).toBe(BigInt(before[0]!.cost.realisedSpending!) + 1_000_000n);
    expect(after[0]!.effect).toEqual(before[0]!.effect);
    expect(after[1]).toEqual(before[1]);
  });
});
