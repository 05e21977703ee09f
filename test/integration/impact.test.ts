import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { SeedTruth } from '../../tools/seed/generate.js';
import {
  ImpactFiguresDocument,
  ImpactVerdictsDocument,
  TrainingImpactDocument,
  type TrainingImpactQuery,
} from '../generated/graphql.js';
import { usePlatform } from '../support/platform.js';
import { holmAdjusted, weightedLeastSquares, welchDifference } from '../support/statistics.js';

const api = usePlatform();
const YEAR = 2025;
const DEMO = ['12.71', '12.75', '93.01'];

/** A row whose region code lies in region $1 (the region itself, e.g. agency staff, or any region inside it). */
const WITHIN = "(region_code = $1 or region_code like $1 || '.%')";

async function sql<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
  return (await api.db.query(text, params)).rows as Row[]; // pg types rows as any: the SQL names the columns
}

async function compare(codes: string[], year = YEAR): Promise<TrainingImpactQuery['trainingImpact']> {
  const response = await api.query(TrainingImpactDocument, { regionCodes: codes, year });
  expect(JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.trainingImpact;
}

interface UnitFacts {
  unitId: number;
  staff: number;
  agencyId: number;
  jp: number;
  /** JP completed in the year strictly before the unit's survey of the year (offering end date). */
  jpBeforeSurvey: number;
  ikm: Map<number, { score: number; underSampled: boolean; respondents: number; regionCode: string }>;
}

/**
 * The per-unit facts of a region recomputed here from the raw seeded tables, by a different route than
 * the platform's (no position history, IKM from NRR per element in JavaScript, sample minimum looked up here).
 */
async function unitFacts(code: string, year: number): Promise<UnitFacts[]> {
  const units = await sql<{ id: number; staff: string; agency_id: number }>(
    `select u.id, u.agency_id, count(e.id) filter (where e.appointed_on <= make_date($2, 12, 31)) as staff
       from personnel.service_unit u left join personnel.employee e on e.unit_id = u.id
      where u.region_code like $1 || '.%' group by u.id order by u.id`,
    [code, year],
  );
  const before = await sql<{ unit_id: number; jp: string }>(
    `select e.unit_id, sum(e.jp_earned) as jp
       from learning.enrolment e join learning.course_offering o on o.id = e.offering_id
       join evaluation.ikm_survey s on s.unit_id = e.unit_id and s.year = $1
      where e.year = $1 and e.unit_id = any($2) and e.status = 'COMPLETED' and o.ends_on < s.conducted_on
      group by e.unit_id`,
    [year, units.map((u) => u.id)],
  );
  const jp = await sql<{ unit_id: number; jp: string }>(
    'select unit_id, sum(jp_earned) as jp from learning.enrolment where year = $1 and unit_id = any($2) group by unit_id',
    [year, units.map((u) => u.id)],
  );
  const km = await sql<{ population: number; minimum_sample: number }>(
    'select * from evaluation.krejcie_morgan order by population',
  );
  const answers = await sql<{
    unit_id: number;
    year: number;
    respondents: number;
    population_served: number;
    region_code: string;
    element_no: number;
    score: number;
    answers: number;
  }>(
    `select s.unit_id, s.year, s.respondents, s.population_served, s.region_code, c.element_no, c.score, c.answers
       from evaluation.ikm_survey s join evaluation.ikm_answer_count c on c.survey_id = s.id
      where s.unit_id = any($1) and s.year in ($2, $2 - 1)`,
    [units.map((u) => u.id), year],
  );
  const jpOf = new Map(jp.map((r) => [r.unit_id, Number(r.jp)]));
  const beforeOf = new Map(before.map((r) => [r.unit_id, Number(r.jp)]));
  return units.map((unit) => {
    const ikm: UnitFacts['ikm'] = new Map();
    for (const y of [year - 1, year]) {
      const rows = answers.filter((a) => a.unit_id === unit.id && a.year === y);
      if (rows.length === 0) continue;
      const { respondents, population_served: population, region_code: regionCode } = rows[0]!;
      const nrr = new Map<number, number>();
      for (const row of rows)
        nrr.set(row.element_no, (nrr.get(row.element_no) ?? 0) + (row.score * row.answers) / respondents);
      const score = (25 / 9) * [...nrr.values()].reduce((a, b) => a + b, 0);
      const minimum = km.find((k) => k.population >= population)!.minimum_sample;
      ikm.set(y, { score, underSampled: respondents < minimum, respondents, regionCode });
    }
    return {
      unitId: unit.id,
      staff: Number(unit.staff),
      agencyId: unit.agency_id,
      jp: jpOf.get(unit.id) ?? 0,
      jpBeforeSurvey: beforeOf.get(unit.id) ?? 0,
      ikm,
    };
  });
}

describe('training impact comparison through the gateway', () => {
  it('reports exposure, IKM, cost and effect that match the seeded tables', async () => {
    const comparison = await compare(DEMO);
    expect(comparison.regionCodes).toEqual(DEMO);
    expect(comparison.regions.map((r) => r.region?.name)).toEqual(['Kota Medan', 'Kota Binjai', 'Kabupaten Merauke']);
    for (const region of comparison.regions) {
      const facts = await unitFacts(region.regionCode, YEAR);
      expect(region.exposure.units).toBe(facts.length);
      expect(region.exposure.staff).toBe(facts.reduce((s, u) => s + u.staff, 0));
      expect(region.exposure.jp).toBe(facts.reduce((s, u) => s + u.jp, 0));
      const surveyed = facts.filter((u) => u.ikm.has(YEAR));
      expect(region.serviceQuality.unitsSurveyed).toBe(surveyed.length);
      expect(region.serviceQuality.meanIkm).toBeCloseTo(
        surveyed.reduce((s, u) => s + u.ikm.get(YEAR)!.score, 0) / surveyed.length,
        9,
      );

      // The effect: this year's IKM on JP completed before the survey (per 10 JP per staff member), last year's
      // IKM and the agency, weighted by respondents; units with staff and two adequate surveys.
      const sample = facts.filter(
        (u) =>
          u.staff > 0 &&
          u.ikm.has(YEAR) &&
          u.ikm.has(YEAR - 1) &&
          !u.ikm.get(YEAR)!.underSampled &&
          !u.ikm.get(YEAR - 1)!.underSampled,
      );
      const agencies = [...new Set(sample.map((u) => u.agencyId))].sort((a, b) => a - b).slice(1);
      const fit = weightedLeastSquares(
        sample.map((u) => ({
          y: u.ikm.get(YEAR)!.score,
          x: [
            1,
            u.jpBeforeSurvey / u.staff / 10,
            u.ikm.get(YEAR - 1)!.score,
            ...agencies.map((a) => (u.agencyId === a ? 1 : 0)),
          ],
          weight: u.ikm.get(YEAR)!.respondents,
        })),
      );
      const effect = region.effect.perTenJp!;
      expect(region.effect.units).toBe(sample.length);
      expect(region.effect.clusters).toBe(
        new Set(sample.map((u) => u.ikm.get(YEAR)!.regionCode.split('.').slice(0, 3).join('.'))).size,
      );
      expect(effect.estimate).toBeCloseTo(fit[1]!, 9);
      expect(region.effect.priorIkmCoefficient).toBeCloseTo(fit[2]!, 9);
      expect(effect.lower).toBeLessThan(effect.estimate);
      expect(effect.upper).toBeGreaterThan(effect.estimate);
      expect(region.effect.inference).toBe(
        region.effect.clusters < 12 ? 'WILD_CLUSTER_BOOTSTRAP' : 'CR2_BELL_MCCAFFREY',
      );
      const unweighted = weightedLeastSquares(
        sample.map((u) => ({
          y: u.ikm.get(YEAR)!.score,
          x: [
            1,
            u.jpBeforeSurvey / u.staff / 10,
            u.ikm.get(YEAR - 1)!.score,
            ...agencies.map((a) => (u.agencyId === a ? 1 : 0)),
          ],
          weight: 1,
        })),
      );
      expect(region.effect.unweightedPerTenJp!.estimate).toBeCloseTo(unweighted[1]!, 9);
      const changeScore = weightedLeastSquares(
        sample.map((u) => ({
          y: u.ikm.get(YEAR)!.score - u.ikm.get(YEAR - 1)!.score,
          x: [1, u.jpBeforeSurvey / u.staff / 10, ...agencies.map((a) => (u.agencyId === a ? 1 : 0))],
          weight: u.ikm.get(YEAR)!.respondents,
        })),
      );
      expect(region.effect.changeScorePerTenJp!.estimate).toBeCloseTo(changeScore[1]!, 9);
      // Training completed after the survey is not counted: the exposure of each unit is its JP before the survey.
      for (const unit of region.units) {
        const fact = facts.find((f) => f.unitId === unit.unitId)!;
        expect(unit.jpBeforeSurvey, `unit ${unit.unitId}`).toBe(fact.ikm.has(YEAR) ? fact.jpBeforeSurvey : null);
      }
      // The descriptive contrast stays the IKM change of units at or above 20 JP per staff member minus the others.
      const points = sample.map((u) => ({
        x: u.jp / u.staff / 10,
        y: u.ikm.get(YEAR)!.score - u.ikm.get(YEAR - 1)!.score,
      }));
      const high = points.filter((p) => p.x * 10 >= 20).map((p) => p.y);
      const low = points.filter((p) => p.x * 10 < 20).map((p) => p.y);
      expect(region.effect.unitsAtOrAbove20Jp).toBe(high.length);
      expect(region.effect.unitsBelow20Jp).toBe(low.length);
      if (high.length >= 2 && low.length >= 2) {
        expect(region.effect.contrast!.estimate).toBeCloseTo(welchDifference(high, low).estimate, 9);
        expect(region.effect.contrast!.degreesOfFreedom).toBeCloseTo(welchDifference(high, low).degreesOfFreedom, 6);
      } else {
        expect(region.effect.contrast).toBeNull();
      }

      // Cost: realised spending of the region's agencies; per JP and per participant over all its enrolments.
      const [money] = await sql<{ realised: string; jp: string; participants: string }>(
        `select (select sum(realised) from budgeting.budget_line where ${WITHIN} and year = $2)::text as realised,
                (select sum(jp_earned) from learning.enrolment where ${WITHIN} and year = $2) as jp,
                (select count(distinct employee_id) from learning.enrolment where ${WITHIN} and year = $2) as participants`,
        [region.regionCode, YEAR],
      );
      expect(region.cost.realisedSpending).toBe(money!.realised);
      expect(region.exposure.participants).toBe(Number(money!.participants));
      expect(region.cost.costPerJp).toBe(String(Math.round(Number(money!.realised) / Number(money!.jp))));
      expect(region.cost.costPerParticipant).toBe(
        String(Math.round(Number(money!.realised) / Number(money!.participants))),
      );
      // Cost per IKM point: spending attributed to the units in the estimate by their share of the region's JP,
      // over the IKM points the estimate attributes to their training before the survey.
      if (region.verdict === 'EXPAND') {
        const attributed = (Number(money!.realised) * sample.reduce((s, u) => s + u.jp, 0)) / Number(money!.jp);
        const gained = effect.estimate * sample.reduce((s, u) => s + u.jpBeforeSurvey / u.staff / 10, 0);
        expect(Number(region.costPerIkmPoint.attributedSpending)).toBeCloseTo(attributed, -1);
        expect(region.costPerIkmPoint.attributablePoints).toBeCloseTo(gained, 6);
        expect(Number(region.costPerIkmPoint.estimate)).toBeCloseTo(attributed / gained, -1);
        expect(Number(region.costPerIkmPoint.lower)).toBeLessThan(Number(region.costPerIkmPoint.estimate));
        // The interval carries the spending's uncertainty too: wider than the effect's bounds alone give.
        const fromEffectOnly = attributed / ((effect.lower * gained) / effect.estimate);
        expect(Number(region.costPerIkmPoint.upper ?? Infinity)).toBeGreaterThan(
          Number(region.costPerIkmPoint.estimate),
        );
        expect(fromEffectOnly).toBeGreaterThan(0);
      } else {
        expect(region.costPerIkmPoint.estimate).toBeNull();
        expect(region.costPerIkmPoint.reason).toMatch(/Only for an EXPAND verdict/);
      }
    }
  });

  it('recovers the true effects the generator planted: inside the intervals, strongest first, no EXPAND without an effect', async () => {
    const truth = JSON.parse(await readFile(inject('truthPath'), 'utf8')) as SeedTruth; // written by the generator
    const comparison = await compare(DEMO);
    for (const region of comparison.regions) {
      const trueEffect = truth.regions[region.regionCode]!.effectPer10Jp;
      const effect = region.effect.perTenJp!;
      expect(trueEffect, `${region.regionCode}: ${region.verdictReason}`).toBeGreaterThanOrEqual(effect.lower);
      expect(trueEffect, `${region.regionCode}: ${region.verdictReason}`).toBeLessThanOrEqual(effect.upper);
      if (trueEffect === 0) expect(region.verdict).not.toBe('EXPAND');
      expect(region.verdictReason).not.toMatch(/Only 0|\b0 units/);
    }
    const strongest = Object.entries(truth.regions).sort(([, a], [, b]) => b.effectPer10Jp - a.effectPer10Jp)[0]![0];
    expect(comparison.ranking[0]!.regionCode).toBe(strongest);
    expect(comparison.ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    for (const r of comparison.ranking) {
      expect(r.rankInterval!.lower).toBeLessThanOrEqual(r.rank!);
      expect(r.rankInterval!.upper).toBeGreaterThanOrEqual(r.rank!);
    }
    // Every pair is reported, Holm-adjusted over the three pairs; distinguishable exactly when that p-value is at most 5%.
    expect(comparison.differences).toHaveLength(3);
    const holm = holmAdjusted(comparison.differences.map((d) => d.pValue));
    comparison.differences.forEach((pair, i) => {
      expect(pair.pValueHolm).toBeCloseTo(holm[i]!, 12);
      expect(pair.distinguishable).toBe(pair.pValueHolm <= 0.05);
      expect(pair.difference.confidence).toBeCloseTo(1 - 0.05 / 3, 12);
    });
  });

  it('controls false EXPAND across the requested regions with Holm, and lets the caller set the minimum meaningful effect', async () => {
    const districts = await sql<{ code: string }>(
      "select code from personnel.region where parent_code = '12.71' order by code",
    );
    const comparison = await compare(DEMO);
    const tested = comparison.regions.filter((r) => r.effect.perTenJp);
    const holm = holmAdjusted(tested.map((r) => r.effect.pAboveZero!));
    tested.forEach((region, i) => {
      expect(region.effect.holmFamilySize).toBe(tested.length);
      expect(region.effect.pAboveZeroHolm).toBeCloseTo(holm[i]!, 12);
      if (region.verdict === 'EXPAND') expect(region.effect.pAboveZeroHolm).toBeLessThanOrEqual(0.05);
      else expect(['NO_EFFECT', 'INCONCLUSIVE']).toContain(region.verdict);
    });
    // Alone, a region faces a family of one: its adjusted p-value is its own.
    const [alone] = (await compare(['12.71'])).regions;
    expect(alone!.effect.pAboveZeroHolm).toBeCloseTo(alone!.effect.pAboveZero!, 12);
    // Districts of Medan have too few units for a verdict: INSUFFICIENT_DATA, never in the family or the ranking.
    const small = await compare(districts.slice(0, 4).map((d) => d.code));
    for (const region of small.regions) {
      expect(region.verdict).toBe('INSUFFICIENT_DATA');
      expect(region.verdictReason).toMatch(/a verdict needs at least 20 units in 4 districts/);
      expect(region.rank).toBeNull();
    }
    expect(small.ranking).toEqual([]);
    // A minimum meaningful effect above what Merauke's interval allows turns INCONCLUSIVE into NO_EFFECT.
    const strict = await api.query(TrainingImpactDocument, {
      regionCodes: DEMO,
      year: YEAR,
      minimumMeaningfulEffect: 1.5,
    });
    expect(strict.errors).toBeUndefined();
    const merauke = strict.data!.trainingImpact.regions.find((r) => r.regionCode === '93.01')!;
    expect(merauke.effect.minimumMeaningfulEffect).toBe(1.5);
    expect(merauke.verdict).toBe('NO_EFFECT');
    expect(merauke.verdictReason).toMatch(/below the minimum meaningful effect of 1.50/);
    expect(strict.data!.trainingImpact.id).toBe(`${YEAR}:${DEMO.join(',')}:1.5`);
  });

  it('gives the Kirkpatrick chain from the seeded enrolments and appraisals', async () => {
    const [medan] = (await compare(['12.71'])).regions;
    const [l1] = await sql<{ satisfaction: number; n: string; gain: number }>(
      `select avg(satisfaction)::float8 as satisfaction, count(satisfaction) as n, avg(post_test - pre_test)::float8 as gain
         from learning.enrolment where ${WITHIN} and year = $2`,
      ['12.71', YEAR],
    );
    expect(medan!.kirkpatrick.l1Satisfaction.value).toBeCloseTo(l1!.satisfaction, 9);
    expect(medan!.kirkpatrick.l1Satisfaction.count).toBe(Number(l1!.n));
    expect(medan!.kirkpatrick.l2TestGain.value).toBeCloseTo(l1!.gain, 9);
    expect(medan!.kirkpatrick.l3TrainedStaff! + medan!.kirkpatrick.l3UntrainedStaff!).toBeGreaterThan(0);
    expect(medan!.kirkpatrick.l3SkpChange).not.toBeNull();
    // L3 from the rollup kept on write equals the change computed from the raw appraisals and enrolments.
    const l3 = await sql<{ trained: boolean; n: string; mean: number; variance: number }>(
      `with rated as (
         select a.employee_id, a.year, a.region_code, p.ordinal from evaluation.skp_appraisal a
           join evaluation.skp_predicate_matrix m on m.hasil_kerja = a.hasil_kerja and m.perilaku_kerja = a.perilaku_kerja
           join evaluation.skp_predicate p on p.predicate = m.predicate
       )
       select exists (select 1 from learning.enrolment e where e.employee_id = cur.employee_id and e.year = $2
                        and e.jp_earned > 0 and ${WITHIN.replaceAll('region_code', 'e.region_code')}) as trained,
              count(*) as n, avg(cur.ordinal - prev.ordinal)::float8 as mean, var_samp(cur.ordinal - prev.ordinal)::float8 as variance
         from rated cur join rated prev on prev.employee_id = cur.employee_id and prev.year = $2 - 1
        where cur.year = $2 and ${WITHIN.replaceAll('region_code', 'cur.region_code')}
        group by 1`,
      ['12.71', YEAR],
    );
    const trainedGroup = l3.find((g) => g.trained);
    const untrainedGroup = l3.find((g) => !g.trained);
    expect(medan!.kirkpatrick.l3TrainedStaff).toBe(Number(trainedGroup!.n));
    expect(medan!.kirkpatrick.l3UntrainedStaff).toBe(Number(untrainedGroup!.n));
    expect(medan!.kirkpatrick.l3SkpChange!.estimate).toBeCloseTo(trainedGroup!.mean - untrainedGroup!.mean, 12);
    expect(medan!.kirkpatrick.l4IkmEffect!.estimate).toBe(medan!.effect.perTenJp!.estimate);
  });

  it('makes the same number of subgraph fetches and SQL statements for 2 and for 20 regions', async () => {
    const districts = await sql<{ code: string }>(
      "select code from personnel.region where parent_code = '12.71' order by code limit 20",
    );
    expect(districts).toHaveLength(20);
    const measured: Record<string, { fetches: Record<string, number>; statements: Record<string, number> }> = {};
    for (const codes of [['12.71', '12.75'], districts.map((d) => d.code)]) {
      // Twice: the first reads the unit table of regions not read before (one statement more), the second not.
      for (const round of ['first', 'again']) {
        api.resetCounters();
        const response = await api.query(ImpactVerdictsDocument, { regionCodes: codes, year: YEAR });
        expect(JSON.stringify(response.errors)).toBeUndefined();
        expect(response.data!.trainingImpact.regions).toHaveLength(codes.length);
        if (round === 'first') expect(api.statementCounts().evaluation).toBeLessThanOrEqual(3);
        else measured[codes.length] = { fetches: { ...api.platform.fetches }, statements: api.statementCounts() };
      }
    }
    // Evaluation answers from its read model; personnel is asked only for the region names.
    expect(measured[2]!.fetches).toEqual({ evaluation: 1, personnel: 1 });
    expect(measured[20]!.fetches).toEqual(measured[2]!.fetches);
    expect(measured[20]!.statements).toEqual(measured[2]!.statements);
  });

  it('answers a comparison with one gateway fetch, to evaluation, whatever the number of regions', async () => {
    const regencies = await sql<{ code: string }>(
      "select code from personnel.region where level = 'REGENCY' order by code",
    );
    for (const codes of [['12.71'], regencies.map((r) => r.code)]) {
      for (const round of ['first', 'again']) {
        api.resetCounters();
        const response = await api.query(ImpactFiguresDocument, { regionCodes: codes, year: YEAR });
        expect(JSON.stringify(response.errors)).toBeUndefined();
        expect(response.data!.trainingImpact.regions).toHaveLength(codes.length);
        expect(api.platform.fetches).toEqual({ evaluation: 1 });
        // The regions' input and facts versions, then the facts and the units with region totals of the regions
        // not read at their current versions: at most three statements for 1 or 514 regions, one (the versions:
        // the whole answer was kept) when nothing changed since the last request.
        const { evaluation, ...others } = api.statementCounts();
        expect(others).toEqual({ personnel: 0, learning: 0, budgeting: 0 });
        if (round === 'first') expect(evaluation).toBeLessThanOrEqual(3);
        else expect(evaluation).toBe(1);
      }
    }
  });

  it('compares a province as the sum of its regions', async () => {
    // A province and its regencies overlap: one request may not hold both (see the nested-region test).
    const [province] = (await compare(['12'])).regions;
    const [medan, binjai] = (await compare(['12.71', '12.75'])).regions;
    expect(province!.exposure.units).toBe(medan!.exposure.units + binjai!.exposure.units);
    expect(province!.exposure.staff).toBe(medan!.exposure.staff! + binjai!.exposure.staff!);
    expect(province!.exposure.jp).toBe(medan!.exposure.jp! + binjai!.exposure.jp!);
    expect(BigInt(province!.cost.realisedSpending!)).toBe(
      BigInt(medan!.cost.realisedSpending!) + BigInt(binjai!.cost.realisedSpending!),
    );
    expect(province!.effect.units).toBe(medan!.effect.units + binjai!.effect.units);
  });

  it('says why a district has no cost figures', async () => {
    const [district] = await sql<{ code: string }>(
      "select code from personnel.region where parent_code = '93.01' order by code limit 1",
    );
    const [region] = (await compare([district!.code])).regions;
    expect(region!.cost.realisedSpending).toBeNull();
    expect(region!.cost.costPerJp).toBeNull();
    expect(region!.cost.note).toMatch(/no budget lines/);
  });

  it('refuses nested or overlapping regions in one request, naming the pair', async () => {
    for (const codes of [
      ['12.71', '12.71.01'],
      ['12.71.01', '12.75', '12.71'],
      ['12', '93.01', '12.75'],
    ]) {
      const response = await api.query(ImpactVerdictsDocument, { regionCodes: codes, year: YEAR });
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code, codes.join(',')).toBe('BAD_USER_INPUT');
    }
    const response = await api.query(ImpactVerdictsDocument, { regionCodes: ['12.71', '12.71.01'], year: YEAR });
    expect(response.errors?.[0]?.message).toMatch(/12\.71\.01 lies within region 12\.71/);
  });

  it('answers for the known regions when a well-formed code names none, with an error entry for the unknown one', async () => {
    const response = await api.query(ImpactVerdictsDocument, { regionCodes: ['99.99', '73.71', '12.71'], year: YEAR });
    const regions = response.data!.trainingImpact.regions;
    expect(regions.map((r) => r.regionCode)).toEqual(['99.99', '73.71', '12.71']);
    expect(regions[0]!.region).toBeNull();
    expect(regions[0]!.verdict).toBe('NO_DATA');
    expect(regions[0]!.verdictReason).toMatch(/not a region code the platform knows/);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions?.code).toBe('NOT_FOUND');
    expect(response.errors![0]!.message).toMatch(/99\.99/);
    // Kota Makassar exists but has no data in this platform: NO_DATA, no error; Medan is answered as usual.
    expect(regions[1]!.region!.name).toBe('Kota Makassar');
    expect(regions[1]!.verdict).toBe('NO_DATA');
    expect(regions[1]!.effect.perTenJp).toBeNull();
    expect(regions[1]!.cost.realisedSpending).toBeNull();
    expect(regions[2]!.region!.name).toBe('Kota Medan');
    expect(regions[2]!.verdict).toBe('EXPAND');
  });

  it('reports a year without data as NO_DATA with null figures, never zeros', async () => {
    const comparison = await compare(DEMO, 2019);
    for (const region of comparison.regions) {
      expect(region.verdict).toBe('NO_DATA');
      expect(region.verdictReason).toMatch(/no data, not a zero/);
      expect(region.exposure.jp).toBeNull();
      expect(region.exposure.jpPerStaff).toBeNull();
      expect(region.exposure.reachedMinimumShare).toBeNull();
      expect(region.exposure.participants).toBeNull();
      expect(region.serviceQuality.meanIkm).toBeNull();
      expect(region.effect.perTenJp).toBeNull();
      expect(region.cost.realisedSpending).toBeNull();
      expect(region.costPerIkmPoint.estimate).toBeNull();
      expect(region.rank).toBeNull();
    }
    expect(comparison.ranking).toEqual([]);
    expect(comparison.differences).toEqual([]);
  });

  it("runs the placebo check when next year's surveys exist, and says why not otherwise", async () => {
    const [latest] = (await compare(['12.71'])).regions;
    expect(latest!.effect.placebo.nextYearExposure).toBeNull();
    expect(latest!.effect.placebo.reason).toMatch(/no unit has an IKM survey of the next year/);
    for (const region of (await compare(DEMO, 2024)).regions) {
      const placebo = region.effect.placebo;
      expect(placebo.nextYearExposure, region.regionCode).not.toBeNull();
      expect(placebo.failed).toBe(placebo.pValue! <= 0.05);
      expect(placebo.reason).toMatch(placebo.failed ? /^Failed/ : /^Passed/);
    }
  });

  it('rejects bad requests with BAD_USER_INPUT', async () => {
    for (const [codes, year] of [
      [['Medan'], YEAR],
      [[], YEAR],
      [['12.71', '12.71'], YEAR],
      [['12.71'], 1850],
    ] as const) {
      const response = await api.query(ImpactVerdictsDocument, { regionCodes: [...codes], year });
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(codes)).toBe('BAD_USER_INPUT');
    }
    const negative = await api.query(TrainingImpactDocument, {
      regionCodes: ['12.71'],
      year: YEAR,
      minimumMeaningfulEffect: -1,
    });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
