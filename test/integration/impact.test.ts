import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { olsSlope, welchDifference } from '../support/statistics.js';
import type { SeedTruth } from '../../tools/seed/generate.js';
import { ImpactVerdictsDocument, TrainingImpactDocument, type TrainingImpactQuery } from '../generated/graphql.js';
import { usePlatform } from '../support/platform.js';

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
  jp: number;
  ikm: Map<number, { score: number; underSampled: boolean }>;
}

/**
 * The per-unit facts of a region recomputed here from the raw seeded tables, by a different route than
 * the platform's (no position history, IKM from NRR per element in JavaScript, sample minimum looked up here).
 */
async function unitFacts(code: string, year: number): Promise<UnitFacts[]> {
  const units = await sql<{ id: number; staff: string }>(
    `select u.id, count(e.id) filter (where e.appointed_on <= make_date($2, 12, 31)) as staff
       from personnel.service_unit u left join personnel.employee e on e.unit_id = u.id
      where u.region_code like $1 || '.%' group by u.id order by u.id`,
    [code, year],
  );
  const jp = await sql<{ unit_id: number; jp: string }>(
    'select unit_id, sum(jp_earned) as jp from learning.enrolment where year = $1 and unit_id = any($2) group by unit_id',
    [year, units.map((u) => u.id)],
  );
  const km = await sql<{ population: number; minimum_sample: number }>('select * from evaluation.krejcie_morgan order by population');
  const answers = await sql<{ unit_id: number; year: number; respondents: number; population_served: number; element_no: number; score: number; answers: number }>(
    `select s.unit_id, s.year, s.respondents, s.population_served, c.element_no, c.score, c.answers
       from evaluation.ikm_survey s join evaluation.ikm_answer_count c on c.survey_id = s.id
      where s.unit_id = any($1) and s.year in ($2, $2 - 1)`,
    [units.map((u) => u.id), year],
  );
  const jpOf = new Map(jp.map((r) => [r.unit_id, Number(r.jp)]));
  return units.map((unit) => {
    const ikm = new Map<number, { score: number; underSampled: boolean }>();
    for (const y of [year - 1, year]) {
      const rows = answers.filter((a) => a.unit_id === unit.id && a.year === y);
      if (rows.length === 0) continue;
      const { respondents, population_served: population } = rows[0]!;
      const nrr = new Map<number, number>();
      for (const row of rows) nrr.set(row.element_no, (nrr.get(row.element_no) ?? 0) + (row.score * row.answers) / respondents);
      const score = (25 / 9) * [...nrr.values()].reduce((a, b) => a + b, 0);
      const minimum = km.find((k) => k.population >= population)!.minimum_sample;
      ikm.set(y, { score, underSampled: respondents < minimum });
    }
    return { unitId: unit.id, staff: Number(unit.staff), jp: jpOf.get(unit.id) ?? 0, ikm };
  });
}

describe('training impact comparison through the gateway', () => {
  it('reports exposure, IKM, cost and effect that match the seeded tables', async () => {
    const comparison = await compare(DEMO);
    expect(comparison.regionCodes).toEqual(DEMO);
    expect(comparison.regions.map((r) => r.region.name)).toEqual(['Kota Medan', 'Kota Binjai', 'Kabupaten Merauke']);
    for (const region of comparison.regions) {
      const facts = await unitFacts(region.regionCode, YEAR);
      expect(region.exposure.units).toBe(facts.length);
      expect(region.exposure.staff).toBe(facts.reduce((s, u) => s + u.staff, 0));
      expect(region.exposure.jp).toBe(facts.reduce((s, u) => s + u.jp, 0));
      const surveyed = facts.filter((u) => u.ikm.has(YEAR));
      expect(region.serviceQuality.unitsSurveyed).toBe(surveyed.length);
      expect(region.serviceQuality.meanIkm).toBeCloseTo(surveyed.reduce((s, u) => s + u.ikm.get(YEAR)!.score, 0) / surveyed.length, 9);

      // The effect: OLS of the IKM change on JP per staff member (per 10 JP), units with staff and two adequate surveys.
      const sample = facts.filter(
        (u) => u.staff > 0 && u.ikm.has(YEAR) && u.ikm.has(YEAR - 1) && !u.ikm.get(YEAR)!.underSampled && !u.ikm.get(YEAR - 1)!.underSampled,
      );
      const points = sample.map((u) => ({ x: u.jp / u.staff / 10, y: u.ikm.get(YEAR)!.score - u.ikm.get(YEAR - 1)!.score }));
      const expected = olsSlope(points);
      const effect = region.effect.perTenJp!;
      expect(region.effect.units).toBe(points.length);
      expect(effect.estimate).toBeCloseTo(expected.estimate, 9);
      expect(effect.standardError).toBeCloseTo(expected.standardError, 9);
      expect(effect.degreesOfFreedom).toBe(points.length - 2);
      expect(effect.lower).toBeCloseTo(expected.lower, 9);
      expect(region.effect.trend).toBeCloseTo(expected.intercept, 9);
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
      expect(region.cost.costPerParticipant).toBe(String(Math.round(Number(money!.realised) / Number(money!.participants))));
      if (region.costPerIkmPoint.estimate != null) {
        const points = effect.estimate * sample.reduce((s, u) => s + u.jp / u.staff / 10, 0);
        expect(Number(region.costPerIkmPoint.estimate)).toBeCloseTo(Number(money!.realised) / points, -1);
        expect(Number(region.costPerIkmPoint.lower)).toBeLessThan(Number(region.costPerIkmPoint.estimate));
        expect(Number(region.costPerIkmPoint.upper)).toBeGreaterThan(Number(region.costPerIkmPoint.estimate));
      } else {
        expect(effect.lower).toBeLessThanOrEqual(0);
        expect(region.costPerIkmPoint.reason).toMatch(/not distinguishable from zero/);
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
    }
    const strongest = Object.entries(truth.regions).sort(([, a], [, b]) => b.effectPer10Jp - a.effectPer10Jp)[0]![0];
    expect(comparison.ranking[0]!.regionCode).toBe(strongest);
    expect(comparison.ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    // Every pair is reported; a pair is called distinguishable exactly when its interval excludes zero.
    expect(comparison.differences).toHaveLength(3);
    for (const pair of comparison.differences) {
      expect(pair.distinguishable).toBe(pair.difference.lower > 0 || pair.difference.upper < 0);
    }
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
    expect(medan!.kirkpatrick.l3TrainedStaff + medan!.kirkpatrick.l3UntrainedStaff).toBeGreaterThan(0);
    expect(medan!.kirkpatrick.l3SkpChange).not.toBeNull();
    expect(medan!.kirkpatrick.l4IkmEffect!.estimate).toBe(medan!.effect.perTenJp!.estimate);
  });

  it('makes the same number of subgraph fetches and SQL statements for 2 and for 20 regions', async () => {
    const districts = await sql<{ code: string }>("select code from personnel.region where parent_code = '12.71' order by code limit 20");
    expect(districts).toHaveLength(20);
    const measured: Record<string, { fetches: Record<string, number>; statements: Record<string, number> }> = {};
    for (const codes of [['12.71', '12.75'], districts.map((d) => d.code)]) {
      api.resetCounters();
      const response = await api.query(ImpactVerdictsDocument, { regionCodes: codes, year: YEAR });
      expect(JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data!.trainingImpact.regions).toHaveLength(codes.length);
      measured[codes.length] = { fetches: { ...api.platform.fetches }, statements: api.statementCounts() };
    }
    expect(measured[2]!.fetches).toEqual({ evaluation: 2, personnel: 2, learning: 1, budgeting: 1 });
    expect(measured[20]!.fetches).toEqual(measured[2]!.fetches);
    expect(measured[20]!.statements).toEqual(measured[2]!.statements);
  });

  it('compares a province as the sum of its regions', async () => {
    const [province, medan, binjai] = (await compare(['12', '12.71', '12.75'])).regions;
    expect(province!.exposure.units).toBe(medan!.exposure.units + binjai!.exposure.units);
    expect(province!.exposure.staff).toBe(medan!.exposure.staff + binjai!.exposure.staff);
    expect(province!.exposure.jp).toBe(medan!.exposure.jp + binjai!.exposure.jp);
    expect(BigInt(province!.cost.realisedSpending)).toBe(BigInt(medan!.cost.realisedSpending) + BigInt(binjai!.cost.realisedSpending));
    expect(province!.effect.units).toBe(medan!.effect.units + binjai!.effect.units);
  });

  it('says why a district has no cost figures', async () => {
    const [district] = await sql<{ code: string }>("select code from personnel.region where parent_code = '93.01' order by code limit 1");
    const [region] = (await compare([district!.code])).regions;
    expect(region!.cost.realisedSpending).toBe('0');
    expect(region!.cost.costPerJp).toBeNull();
    expect(region!.cost.note).toMatch(/no budget lines/);
  });

  it('rejects bad requests with BAD_USER_INPUT', async () => {
    for (const [codes, year] of [[['Medan'], YEAR], [[], YEAR], [['12.71', '12.71'], YEAR], [['12.71'], 1850]] as const) {
      const response = await api.query(ImpactVerdictsDocument, { regionCodes: [...codes], year });
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(codes)).toBe('BAD_USER_INPUT');
    }
  });
});
