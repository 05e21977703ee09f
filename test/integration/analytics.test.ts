import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  AnalyticsCatalogueDocument,
  AnalyticsDocument,
  type AnalyticsQueryInput,
  AnalyticsWithCsvDocument,
} from '../generated/graphql.js';
import { type AnalyticsResult, analyticsClient, measured, rowKey } from '../support/analytics.js';
import { as, usePlatform } from '../support/platform.js';

const api = usePlatform();

const { sql, analytics } = analyticsClient(api);
type Result = AnalyticsResult;

async function refused(query: AnalyticsQueryInput): Promise<{ code?: unknown; field?: unknown; message: string }> {
  const response = await api.query(AnalyticsDocument, { query });
  expect(response.data?.analytics ?? null).toBeNull();
  const error = response.errors?.[0];
  expect(error).toBeDefined();
  return { code: error!.extensions?.code, field: error!.extensions?.field, message: error!.message };
}

/** Every page of a query, following the cursors. */
async function allPages(query: AnalyticsQueryInput, caller = as('national-admin')): Promise<Result[]> {
  const pages: Result[] = [];
  let after: string | null = null;
  do {
    const page = await analytics({ ...query, after }, caller);
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return pages;
}

const key = rowKey;

/** IKM of every survey, scored here from the answer counts in JavaScript (score = 25/9 x sum of NRR). */
async function surveyScores(): Promise<
  { unitId: number; regionCode: string; year: number; score: number; grade: string }[]
> {
  const answers = await sql<{
    id: number;
    unit_id: number;
    region_code: string;
    year: number;
    respondents: number;
    total: string;
  }>(
    `select s.id, s.unit_id, s.region_code, s.year, s.respondents, sum(c.score * c.answers) as total
       from evaluation.ikm_survey s join evaluation.ikm_answer_count c on c.survey_id = s.id
      group by s.id`,
  );
  return answers.map((a) => {
    const score = (25 / 9) * (Number(a.total) / a.respondents);
    const rounded = Math.round(score * 100) / 100;
    const grade = rounded >= 88.31 ? 'A' : rounded >= 76.61 ? 'B' : rounded >= 65 ? 'C' : 'D';
    return { unitId: a.unit_id, regionCode: a.region_code, year: a.year, score, grade };
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

describe('analytics: reference charts, each one request', () => {
  it('chart 1: mean IKM per year 2021-2025 per regency of province 12 equals the IKM of the raw answer counts', async () => {
    api.resetCounters();
    const result = await analytics({
      measures: ['IKM_MEAN'],
      dimensions: ['REGION', 'YEAR'],
      regionCode: '12',
      filters: [{ dimension: 'YEAR', from: '2021', to: '2025' }],
      first: 500,
    });
    expect(api.platform.fetches).toEqual({ evaluation: 1 });
    expect(api.statementCounts().evaluation).toBe(1);

    const surveys = (await surveyScores()).filter(
      (s) => s.regionCode.startsWith('12.') && s.year >= 2021 && s.year <= 2025,
    );
    const groups = Map.groupBy(surveys, (s) => `${s.regionCode.slice(0, 5)}|${s.year}`);
    expect(groups.size).toBeGreaterThanOrEqual(10); // Medan and Binjai, five years each
    expect(result.totalCount).toBe(groups.size);
    expect(result.rows.map(key)).toEqual([...groups.keys()].sort());
    for (const row of result.rows)
      expect(measured(row, 'IKM_MEAN')).toBeCloseTo(mean(groups.get(key(row))!.map((s) => s.score)), 9);
    // The total is the mean over all surveys, not the mean of the rows.
    expect(measured(result.totals, 'IKM_MEAN')).toBeCloseTo(mean(surveys.map((s) => s.score)), 9);
    expect(result.totals.dimensions.map((d) => d.label)).toEqual(['Total', 'Total']);
    // Labels are the official names personnel publishes to the read model.
    expect([...new Set(result.rows.map((r) => r.dimensions[0]!.label))]).toEqual(['Kota Medan', 'Kota Binjai']);
  });
});

/** A row's code lies within region $1 (the region itself, e.g. agency staff, or any region inside it). */
const WITHIN = "(region_code = $1 or region_code like $1 || '.%')";

interface UnitOracle {
  unitId: number;
  name: string;
  agencyKind: string;
  staff: number;
  jp: number;
  reached: number;
}

/**
 * Per service unit of a region, from the owners' raw tables (as the impact oracle): staff appointed by 31
 * December in the unit (personnel), JP earned in the year and staff of the unit reaching 20 JP (learning).
 */
async function unitOracle(code: string, year: number): Promise<UnitOracle[]> {
  const units = await sql<{ id: number; name: string; kind: string; staff: string }>(
    `select u.id, u.name, a.kind, count(e.id) filter (where e.appointed_on <= make_date($2, 12, 31)) as staff
       from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
       left join personnel.employee e on e.unit_id = u.id
      where u.region_code = $1 or u.region_code like $1 || '.%' group by u.id, a.kind order by u.id`,
    [code, year],
  );
  const training = await sql<{ unit_id: number; jp: string; reached: string }>(
    `select unit_id, sum(jp) as jp, count(*) filter (where jp >= 20) as reached
       from (select unit_id, employee_id, sum(jp_earned) as jp from learning.enrolment
              where year = $1 and unit_id = any($2) group by unit_id, employee_id) p
      group by unit_id`,
    [year, units.map((u) => u.id)],
  );
  const of = new Map(training.map((t) => [t.unit_id, t]));
  return units.map((u) => ({
    unitId: u.id,
    name: u.name,
    agencyKind: u.kind,
    staff: Number(u.staff),
    jp: Number(of.get(u.id)?.jp ?? 0),
    reached: Number(of.get(u.id)?.reached ?? 0),
  }));
}

describe('analytics: the read-model measures (staffing, training, budgets)', () => {
  it('chart 2: JP per staff member by agency kind in Kota Medan, 2025, equals the raw tables', async () => {
    api.resetCounters();
    const result = await analytics({
      measures: ['JP_PER_STAFF', 'HEADCOUNT'],
      dimensions: ['AGENCY_KIND'],
      regionCode: '12.71',
      filters: [{ dimension: 'YEAR', equals: '2025' }],
    });
    expect(api.platform.fetches).toEqual({ evaluation: 1 });
    expect(api.statementCounts().evaluation).toBe(1);
    const units = (await unitOracle('12.71', 2025)).filter((u) => u.staff > 0 || u.jp > 0);
    const kinds = Map.groupBy(units, (u) => u.agencyKind);
    expect(result.rows.map((r) => r.dimensions[0]!.code)).toEqual([...kinds.keys()].sort());
    expect(result.rows.find((r) => r.dimensions[0]!.code === 'HEALTH')!.dimensions[0]!.label).toBe('Dinas Kesehatan');
    for (const row of result.rows) {
      const group = kinds.get(row.dimensions[0]!.code)!;
      const staff = group.reduce((s, u) => s + u.staff, 0);
      expect(measured(row, 'HEADCOUNT')).toBe(staff);
      expect(measured(row, 'JP_PER_STAFF')).toBeCloseTo(group.reduce((s, u) => s + u.jp, 0) / staff, 9);
    }
    const staff = units.reduce((s, u) => s + u.staff, 0);
    expect(measured(result.totals, 'HEADCOUNT')).toBe(staff);
    expect(measured(result.totals, 'JP_PER_STAFF')).toBeCloseTo(units.reduce((s, u) => s + u.jp, 0) / staff, 9);
  });

  it('chart 3: 20 JP compliance by unit, sorted and paged, with the CSV of all units, in one request', async () => {
    const query: AnalyticsQueryInput = {
      measures: ['JP20_COMPLIANCE_SHARE', 'HEADCOUNT'],
      dimensions: ['UNIT'],
      regionCode: '12.71',
      filters: [{ dimension: 'YEAR', equals: '2025' }],
      sort: [{ measure: 'JP20_COMPLIANCE_SHARE', direction: 'ASC' }],
      first: 20,
    };
    api.resetCounters();
    const response = await api.query(AnalyticsWithCsvDocument, { query });
    expect(JSON.stringify(response.errors)).toBeUndefined();
    expect(api.platform.fetches).toEqual({ evaluation: 1 });
    expect(api.statementCounts().evaluation).toBe(1);
    const result = response.data!.analytics;

    const units = (await unitOracle('12.71', 2025)).filter((u) => u.staff > 0 || u.jp > 0);
    const share = (u: UnitOracle): number | null => (u.staff > 0 ? u.reached / u.staff : null);
    // Ascending by share, undefined shares last, ties by unit id.
    const ordered = [...units].sort((a, b) => {
      const [x, y] = [share(a), share(b)];
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.unitId - b.unitId;
      return x - y || a.unitId - b.unitId;
    });
    expect(result.totalCount).toBe(units.length);
    expect(result.pageInfo.hasNextPage).toBe(units.length > 20);
    expect(result.rows.map((r) => Number(r.dimensions[0]!.code))).toEqual(ordered.slice(0, 20).map((u) => u.unitId));
    for (const [i, row] of result.rows.entries()) {
      expect(row.dimensions[0]!.label).toBe(ordered[i]!.name);
      expect(measured(row, 'HEADCOUNT')).toBe(ordered[i]!.staff);
      expect(measured(row, 'JP20_COMPLIANCE_SHARE')).toBeCloseTo(share(ordered[i]!)!, 12);
    }
    const [header, ...records] = parse(result.csv) as string[][]; // csv-parse returns string[][] without column options
    expect(header).toEqual(['UNIT', 'UNIT_LABEL', 'JP20_COMPLIANCE_SHARE', 'HEADCOUNT']);
    expect(records.map((r) => Number(r[0]))).toEqual(ordered.map((u) => u.unitId));
    records.forEach((record, i) => {
      const unit = ordered[i]!;
      expect(record[1]).toBe(unit.name);
      expect(record[2] === '' ? null : Number(record[2])).toBeCloseTo(share(unit) ?? Number.NaN, 12);
      expect(Number(record[3])).toBe(unit.staff);
    });
    // The next page continues where this one ended.
    const next = await analytics({ ...query, after: result.pageInfo.endCursor });
    expect(next.rows.map((r) => Number(r.dimensions[0]!.code))).toEqual(ordered.slice(20, 40).map((u) => u.unitId));
  });

  it('headcount by one person dimension at a time; training measures have no person dimensions', async () => {
    const result = await analytics({
      measures: ['HEADCOUNT'],
      dimensions: ['GENDER'],
      regionCode: '12.75',
      filters: [{ dimension: 'YEAR', equals: '2025' }],
    });
    const staff = await sql<{ gender: string; n: string }>(
      `select e.gender, count(*) as n from personnel.employee e join personnel.service_unit u on u.id = e.unit_id
        where (u.region_code = $1 or u.region_code like $1 || '.%') and e.appointed_on <= '2025-12-31'
        group by e.gender order by e.gender`,
      ['12.75'],
    );
    expect(result.rows.map((r) => [r.dimensions[0]!.code, r.dimensions[0]!.label, measured(r, 'HEADCOUNT')])).toEqual(
      staff.map((s) => [s.gender, s.gender === 'F' ? 'Perempuan' : 'Laki-laki', Number(s.n)]),
    );

    const crossed = await refused({ measures: ['HEADCOUNT'], dimensions: ['GENDER', 'ASN_TYPE'], regionCode: '12.75' });
    expect(crossed).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query.dimensions' });
    expect(crossed.message).toMatch(/GENDER and ASN_TYPE together/);
    const training = await refused({ measures: ['JP_PER_STAFF'], dimensions: ['GENDER'], regionCode: '12.75' });
    expect(training).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query.dimensions' });
    expect(training.message).toMatch(
      /JP_PER_STAFF cannot be grouped or filtered by GENDER; it supports REGION, YEAR, UNIT/,
    );
    const l1 = await refused({
      measures: ['MEAN_SATISFACTION', 'HEADCOUNT'],
      dimensions: ['UNIT'],
      regionCode: '12.75',
    });
    expect(l1.message).toMatch(/MEAN_SATISFACTION cannot be grouped or filtered by UNIT/);
    expect(l1.message).toMatch(/all requested measures together: REGION, YEAR/);
  });

  it('budgets in exact Rupiah per year, and L1/L2 per regency from the enrolments', async () => {
    const result = await analytics({
      measures: ['BUDGET_CEILING', 'BUDGET_REALISED', 'BUDGET_REALISATION_RATE'],
      dimensions: ['YEAR'],
      regionCode: '93.01',
    });
    const lines = await sql<{ year: number; ceiling: string; realised: string }>(
      `select year, sum(ceiling)::text as ceiling, sum(realised)::text as realised from budgeting.budget_line
        where ${WITHIN} group by year order by year`,
      ['93.01'],
    );
    expect(result.rows.map((r) => [Number(r.dimensions[0]!.code), r.values[0]!.rupiah, r.values[1]!.rupiah])).toEqual(
      lines.map((l) => [l.year, l.ceiling, l.realised]),
    );
    for (const [i, row] of result.rows.entries())
      expect(row.values[2]!.value).toBeCloseTo(Number(lines[i]!.realised) / Number(lines[i]!.ceiling), 12);

    // Money sorts as numbers (not as text), agencies labelled with their names.
    const agencies = await analytics({
      measures: ['BUDGET_REALISED'],
      dimensions: ['AGENCY'],
      regionCode: '12',
      filters: [{ dimension: 'YEAR', equals: '2025' }],
      sort: [{ measure: 'BUDGET_REALISED', direction: 'DESC' }],
    });
    const spent = await sql<{ agency_id: number; name: string; realised: string }>(
      `select b.agency_id, a.name, sum(b.realised)::text as realised from budgeting.budget_line b
         join personnel.agency a on a.id = b.agency_id
        where b.year = 2025 and b.region_code like '12.%' group by b.agency_id, a.name`,
    );
    spent.sort((a, b) =>
      BigInt(b.realised) > BigInt(a.realised)
        ? 1
        : BigInt(b.realised) < BigInt(a.realised)
          ? -1
          : a.agency_id - b.agency_id,
    );
    expect(spent.length).toBeGreaterThan(10);
    expect(
      agencies.rows.map((r) => [Number(r.dimensions[0]!.code), r.dimensions[0]!.label, r.values[0]!.rupiah]),
    ).toEqual(spent.map((a) => [a.agency_id, a.name, a.realised]));

    // Unit costs per agency kind: realised spending of the agencies over the JP and participants of their units.
    const costs = await analytics({
      measures: ['COST_PER_JP', 'COST_PER_PARTICIPANT'],
      dimensions: ['AGENCY_KIND'],
      regionCode: '12.71',
      filters: [{ dimension: 'YEAR', equals: '2025' }],
    });
    const perKind = await sql<{ kind: string; realised: string; jp: string; participants: string }>(
      `select a.kind, sum(b.realised)::text as realised,
              (select coalesce(sum(e.jp_earned), 0) from learning.enrolment e join personnel.service_unit u on u.id = e.unit_id
                join personnel.agency a2 on a2.id = u.agency_id
                where e.year = 2025 and a2.kind = a.kind and (a2.region_code = $1 or a2.region_code like $1 || '.%'))::text as jp,
              (select count(*) from (select distinct e.unit_id, e.employee_id from learning.enrolment e
                 join personnel.service_unit u on u.id = e.unit_id join personnel.agency a2 on a2.id = u.agency_id
                where e.year = 2025 and a2.kind = a.kind and (a2.region_code = $1 or a2.region_code like $1 || '.%')) p)::text as participants
         from budgeting.budget_line b join personnel.agency a on a.id = b.agency_id
        where b.year = 2025 and (b.region_code = $1 or b.region_code like $1 || '.%')
        group by a.kind order by a.kind`,
      ['12.71'],
    );
    expect(perKind.length).toBeGreaterThan(3);
    const halfUp = (amount: bigint, units: bigint): string => ((2n * amount + units) / (2n * units)).toString();
    expect(costs.rows.map((r) => [r.dimensions[0]!.code, r.values[0]!.rupiah, r.values[1]!.rupiah])).toEqual(
      perKind.map((k) => [
        k.kind,
        halfUp(BigInt(k.realised), BigInt(k.jp)),
        halfUp(BigInt(k.realised), BigInt(k.participants)),
      ]),
    );

    const learning = await analytics({
      measures: ['MEAN_SATISFACTION', 'MEAN_TEST_GAIN'],
      dimensions: ['REGION'],
      regionCode: '12',
      filters: [{ dimension: 'YEAR', equals: '2025' }],
    });
    const l1 = await sql<{ regency: string; satisfaction: number; gain: number }>(
      `select left(region_code, 5) as regency, avg(satisfaction)::float8 as satisfaction, avg(post_test - pre_test)::float8 as gain
         from learning.enrolment where region_code like '12.%' and year = 2025 group by 1 order by 1`,
    );
    expect(learning.rows.map((r) => r.dimensions[0]!.label)).toEqual(['Kota Medan', 'Kota Binjai']);
    expect(learning.rows.map((r) => r.dimensions[0]!.code)).toEqual(l1.map((r) => r.regency));
    for (const [i, row] of learning.rows.entries()) {
      expect(measured(row, 'MEAN_SATISFACTION')).toBeCloseTo(l1[i]!.satisfaction, 9);
      expect(measured(row, 'MEAN_TEST_GAIN')).toBeCloseTo(l1[i]!.gain, 9);
    }
  });

  it('SKP of trained and untrained staff (L3), the trained list from learning', async () => {
    const result = await analytics({
      measures: ['SKP_MEAN_PREDICATE', 'SKP_APPRAISED'],
      dimensions: ['TRAINING_STATUS'],
      regionCode: '12.71',
      filters: [{ dimension: 'YEAR', equals: '2025' }],
    });
    const skp = (await appraisals('12.71')).filter((a) => a.year === 2025);
    const trained = new Set(
      (
        await sql<{ employee_id: number }>(
          'select distinct employee_id from learning.enrolment where year = 2025 and jp_earned > 0',
        )
      ).map((r) => r.employee_id),
    );
    const ordinal: Record<string, number> = {
      SANGAT_KURANG: 1,
      KURANG: 2,
      BUTUH_PERBAIKAN: 3,
      BAIK: 4,
      SANGAT_BAIK: 5,
    };
    for (const row of result.rows) {
      const group = skp.filter((a) => trained.has(a.employee) === (row.dimensions[0]!.code === 'TRAINED'));
      expect(measured(row, 'SKP_APPRAISED')).toBe(group.length);
      expect(measured(row, 'SKP_MEAN_PREDICATE')).toBeCloseTo(mean(group.map((a) => ordinal[a.predicate]!)), 12);
    }
    expect(result.rows.map((r) => r.dimensions[0]!.code)).toEqual(['TRAINED', 'UNTRAINED']);
  });
});

/** SKP appraisals with the predicate of the PermenPANRB 6/2022 matrix, applied here in JavaScript. */
async function appraisals(
  code: string,
): Promise<{ employee: number; unit: number; year: number; regionCode: string; predicate: string }[]> {
  const rows = await sql<{
    employee_id: number;
    unit_id: number | null;
    year: number;
    region_code: string;
    hasil_kerja: string;
    perilaku_kerja: string;
  }>(
    `select employee_id, unit_id, year, region_code, hasil_kerja, perilaku_kerja from evaluation.skp_appraisal where ${WITHIN}`,
    [code],
  );
  const predicate = (hasil: string, perilaku: string): string => {
    if (hasil === 'DI_BAWAH') return perilaku === 'DI_BAWAH' ? 'SANGAT_KURANG' : 'BUTUH_PERBAIKAN';
    if (perilaku === 'DI_BAWAH') return 'KURANG';
    return hasil === 'DI_ATAS' && perilaku === 'DI_ATAS' ? 'SANGAT_BAIK' : 'BAIK';
  };
  return rows.map((r) => ({
    employee: r.employee_id,
    unit: r.unit_id ?? 0,
    year: r.year,
    regionCode: r.region_code,
    predicate: predicate(r.hasil_kerja, r.perilaku_kerja),
  }));
}

const SKP_BY_UNIT_YEAR: AnalyticsQueryInput = {
  measures: ['SKP_APPRAISED', 'SKP_SANGAT_BAIK_SHARE'],
  dimensions: ['UNIT', 'YEAR'],
  regionCode: '12.71',
};

describe('analytics: sorting, paging, totals, filters and CSV', () => {
  it('pages through SKP by unit and year sorted by a measure: no duplicate, no gap, the oracle values, stable ties', async () => {
    const query: AnalyticsQueryInput = {
      ...SKP_BY_UNIT_YEAR,
      sort: [{ measure: 'SKP_SANGAT_BAIK_SHARE', direction: 'DESC' }],
      first: 37,
    };
    const pages = await allPages(query);
    const rows = pages.flatMap((p) => p.rows);
    const skp = await appraisals('12.71');
    const cells = Map.groupBy(skp, (a) => `${a.unit}|${a.year}`);
    expect(pages.length).toBe(Math.ceil(cells.size / 37));
    expect(pages.every((p) => p.totalCount === cells.size)).toBe(true);
    expect(rows.length).toBe(cells.size);
    expect(new Set(rows.map(key)).size).toBe(cells.size);
    for (const row of rows) {
      const facts = cells.get(key(row))!;
      expect(measured(row, 'SKP_APPRAISED')).toBe(facts.length);
      expect(measured(row, 'SKP_SANGAT_BAIK_SHARE')).toBeCloseTo(
        facts.filter((a) => a.predicate === 'SANGAT_BAIK').length / facts.length,
        12,
      );
    }
    // Sorted by the share, largest first; ties broken by unit then year, ascending (numbers, not text).
    const expected = [...rows].sort(
      (a, b) =>
        measured(b, 'SKP_SANGAT_BAIK_SHARE')! - measured(a, 'SKP_SANGAT_BAIK_SHARE')! ||
        Number(a.dimensions[0]!.code) - Number(b.dimensions[0]!.code) ||
        Number(a.dimensions[1]!.code) - Number(b.dimensions[1]!.code),
    );
    expect(rows.map(key)).toEqual(expected.map(key));
    // Totals are over all facts of the query, the same on every page.
    for (const page of pages) {
      expect(measured(page.totals, 'SKP_APPRAISED')).toBe(skp.length);
      expect(measured(page.totals, 'SKP_SANGAT_BAIK_SHARE')).toBeCloseTo(
        skp.filter((a) => a.predicate === 'SANGAT_BAIK').length / skp.length,
        12,
      );
    }
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
  });

  it('filters: YEAR range and equals, UNIT in, REGION within; dimensions sorted DESC', async () => {
    const skp = await appraisals('12.71');
    const result = await analytics({
      measures: ['SKP_APPRAISED'],
      dimensions: ['YEAR'],
      regionCode: '12.71',
      filters: [{ dimension: 'YEAR', from: '2023' }],
      sort: [{ dimension: 'YEAR', direction: 'DESC' }],
    });
    // Other tests may record appraisals of later years: the oracle's years, newest first.
    const years = [...new Set(skp.map((a) => a.year).filter((y) => y >= 2023))].sort((a, b) => b - a);
    expect(years.slice(-3)).toEqual([2025, 2024, 2023]);
    expect(result.rows.map((r) => Number(r.dimensions[0]!.code))).toEqual(years);
    for (const row of result.rows)
      expect(measured(row, 'SKP_APPRAISED')).toBe(skp.filter((a) => a.year === Number(row.dimensions[0]!.code)).length);

    const district = skp.find((a) => a.regionCode.length === 13)!.regionCode.slice(0, 8);
    const units = [...new Set(skp.filter((a) => a.regionCode.startsWith(district)).map((a) => a.unit))].slice(0, 3);
    const sliced = await analytics({
      measures: ['SKP_APPRAISED'],
      dimensions: [],
      regionCode: '12.71',
      filters: [
        { dimension: 'REGION', equals: district },
        { dimension: 'UNIT', in: units.map(String) },
        { dimension: 'YEAR', equals: '2025' },
      ],
    });
    const expected = skp.filter((a) => a.regionCode === district || a.regionCode.startsWith(`${district}.`));
    expect(sliced.totalCount).toBe(1);
    expect(measured(sliced.rows[0]!, 'SKP_APPRAISED')).toBe(
      expected.filter((a) => a.year === 2025 && units.includes(a.unit)).length,
    );
    expect(measured(sliced.totals, 'SKP_APPRAISED')).toBe(measured(sliced.rows[0]!, 'SKP_APPRAISED'));
  });

  it('the CSV holds every row of every page, quoted, with the same values', async () => {
    const query: AnalyticsQueryInput = { ...SKP_BY_UNIT_YEAR, first: 25 };
    api.resetCounters();
    const response = await api.query(AnalyticsWithCsvDocument, { query });
    expect(JSON.stringify(response.errors)).toBeUndefined();
    expect(api.statementCounts().evaluation).toBe(1);
    const { csv, rows: firstPage } = response.data!.analytics;
    const rows = (await allPages(query)).flatMap((p) => p.rows);
    const [header, ...records] = parse(csv) as string[][]; // csv-parse returns string[][] without column options
    expect(header).toEqual(['UNIT', 'UNIT_LABEL', 'YEAR', 'YEAR_LABEL', 'SKP_APPRAISED', 'SKP_SANGAT_BAIK_SHARE']);
    expect(records.length).toBe(rows.length);
    expect(firstPage.map(key)).toEqual(rows.slice(0, 25).map(key));
    records.forEach((record, i) => {
      const row = rows[i]!;
      expect(record.slice(0, 4)).toEqual(row.dimensions.flatMap((d) => [d.code, d.label]));
      expect(record.slice(4).map(Number)).toEqual(row.values.map((v) => v.value));
    });
  });

  it('gives one row of totals without dimensions', async () => {
    const skp = await appraisals('12.75');
    const result = await analytics({
      measures: ['SKP_APPRAISED', 'IKM_UNITS_SURVEYED'],
      dimensions: [],
      regionCode: '12.75',
    });
    const surveys = (await surveyScores()).filter((s) => s.regionCode.startsWith('12.75.'));
    expect(result.totalCount).toBe(1);
    expect(result.rows[0]!.values.map((v) => v.value)).toEqual([skp.length, surveys.length]);
    expect(result.totals.values.map((v) => v.value)).toEqual([skp.length, surveys.length]);
  });

  it('joins measures of two fact sources on their dimensions (IKM grades beside SKP by year)', async () => {
    const result = await analytics({
      measures: ['IKM_GRADE_A_SHARE', 'IKM_GRADE_B_SHARE', 'SKP_MEAN_PREDICATE'],
      dimensions: ['YEAR'],
      regionCode: '93.01',
    });
    const surveys = (await surveyScores()).filter((s) => s.regionCode.startsWith('93.01.'));
    const skp = await appraisals('93.01');
    const ordinal: Record<string, number> = {
      SANGAT_KURANG: 1,
      KURANG: 2,
      BUTUH_PERBAIKAN: 3,
      BAIK: 4,
      SANGAT_BAIK: 5,
    };
    const years = [...new Set([...surveys.map((s) => s.year), ...skp.map((a) => a.year)])].sort();
    expect(result.rows.map((r) => Number(r.dimensions[0]!.code))).toEqual(years);
    for (const row of result.rows) {
      const year = Number(row.dimensions[0]!.code);
      const ikm = surveys.filter((s) => s.year === year);
      const appraised = skp.filter((a) => a.year === year);
      expect(measured(row, 'IKM_GRADE_A_SHARE')).toBeCloseTo(
        ikm.filter((s) => s.grade === 'A').length / ikm.length,
        12,
      );
      expect(measured(row, 'IKM_GRADE_B_SHARE')).toBeCloseTo(
        ikm.filter((s) => s.grade === 'B').length / ikm.length,
        12,
      );
      expect(measured(row, 'SKP_MEAN_PREDICATE')).toBeCloseTo(mean(appraised.map((a) => ordinal[a.predicate]!)), 12);
    }
  });
});

describe('analytics: access and small-cell suppression', () => {
  it('withholds cells under 5 people from a planner, not from an administrator of the region; sorts them last', async () => {
    const skp = await appraisals('12.71');
    // In the order the API sorts them: by count, then unit and year.
    const small = [...Map.groupBy(skp, (a) => `${a.unit}|${a.year}`)]
      .filter(([, facts]) => facts.length < 5)
      .sort(([ka, a], [kb, b]) => {
        const [ua, ya] = ka.split('|').map(Number);
        const [ub, yb] = kb.split('|').map(Number);
        return a.length - b.length || ua! - ub! || ya! - yb!;
      });
    expect(small.length).toBeGreaterThan(0); // the demo data has units of four appraised staff
    const query: AnalyticsQueryInput = {
      ...SKP_BY_UNIT_YEAR,
      sort: [{ measure: 'SKP_APPRAISED', direction: 'ASC' }],
      first: 500,
    };
    const admin = await analytics(query, as('regional-admin', ['12.71']));
    const planner = await analytics(query, as('planner', ['12.71']));
    expect(admin.rows.slice(0, small.length).map((r) => measured(r, 'SKP_APPRAISED'))).toEqual(
      small.map(([, f]) => f.length),
    );
    expect(admin.rows.every((r) => r.values.every((v) => v.suppressedReason === null))).toBe(true);
    const hidden = planner.rows.filter((r) => r.values.some((v) => v.value === null));
    expect(hidden.map(key).sort()).toEqual(small.map(([k]) => k).sort());
    for (const row of hidden)
      for (const v of row.values) {
        expect(v.value).toBeNull();
        expect(v.suppressedReason).toMatch(/fewer than 5 people/);
      }
    // Withheld cells sort last, as unknown values: their order would give them away.
    expect(planner.rows.slice(-small.length).map(key).sort()).toEqual(small.map(([k]) => k).sort());
    // Several cells are withheld: the total cannot give one back, and is shown.
    expect(measured(planner.totals, 'SKP_APPRAISED')).toBe(skp.length);
  });

  it('withholds the total when it would give back the only withheld cell', async () => {
    const skp = await appraisals('12.71');
    const small = [...Map.groupBy(skp, (a) => `${a.unit}|${a.year}`)].filter(([, facts]) => facts.length < 5);
    const [unit, year] = small[0]![0].split('|');
    const result = await analytics(
      {
        measures: ['SKP_APPRAISED'],
        dimensions: ['UNIT'],
        regionCode: '12.71',
        filters: [{ dimension: 'YEAR', equals: year! }],
        first: 500,
      },
      as('planner', ['12.71']),
    );
    const withheld = result.rows.filter((r) => measured(r, 'SKP_APPRAISED') === null).map((r) => r.dimensions[0]!.code);
    expect(withheld).toContain(unit);
    if (withheld.length === 1) {
      expect(measured(result.totals, 'SKP_APPRAISED')).toBeNull();
      expect(result.totals.values[0]!.suppressedReason).toMatch(/complementary/);
    } else {
      expect(measured(result.totals, 'SKP_APPRAISED')).toBe(skp.filter((a) => a.year === Number(year)).length);
    }
  });

  it('withholds figures about people below the district level; IKM (not about people) stays', async () => {
    const result = await analytics(
      {
        measures: ['SKP_APPRAISED', 'IKM_UNITS_SURVEYED'],
        dimensions: ['REGION'],
        regionCode: '12.75.01',
        regionLevel: 'VILLAGE',
        filters: [{ dimension: 'YEAR', equals: '2025' }],
      },
      as('planner', ['12.75']),
    );
    expect(result.rows.length).toBeGreaterThan(0);
    for (const row of result.rows) {
      const skp = row.values[0]!;
      if (skp.value !== null) expect(skp.value).toBe(0);
      else expect(skp.suppressedReason).toMatch(/below the district level/);
    }
    expect(result.rows.some((r) => measured(r, 'IKM_UNITS_SURVEYED')! > 0)).toBe(true);
  });

  it('refuses a scope outside or wider than the viewer\u2019s regions, and anonymous callers', async () => {
    const outside = await api.query(
      AnalyticsDocument,
      { query: { measures: ['IKM_MEAN'], dimensions: [], regionCode: '12.75' } },
      as('planner', ['12.71']),
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const wider = await api.query(
      AnalyticsDocument,
      { query: { measures: ['IKM_MEAN'], dimensions: [], regionCode: '12' } },
      as('planner', ['12.71']),
    );
    expect(wider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.query(
      AnalyticsDocument,
      { query: { measures: ['IKM_MEAN'], dimensions: [], regionCode: '12.71' } },
      'anonymous',
    );
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The catalogue is public: it describes measures, nobody's data.
    const catalogue = await api.query(AnalyticsCatalogueDocument, {}, 'anonymous');
    expect(JSON.stringify(catalogue.errors)).toBeUndefined();
  });
});

describe('analytics: bad input and the catalogue', () => {
  it('refuses bad input with BAD_USER_INPUT naming the field', async () => {
    const base: AnalyticsQueryInput = { measures: ['SKP_APPRAISED'], dimensions: ['YEAR'], regionCode: '12.71' };
    const cases: [AnalyticsQueryInput, string, RegExp][] = [
      [{ ...base, first: 0 }, 'query.first', /between 1 and 500/],
      [{ ...base, first: 501 }, 'query.first', /between 1 and 500/],
      [{ ...base, regionCode: '12.7' }, 'query.regionCode', /Kemendagri region code/],
      [{ ...base, regionLevel: 'PROVINCE' }, 'query.regionLevel', /above the level/],
      [{ ...base, measures: [] }, 'query.measures', /at least one/],
      [{ ...base, measures: ['SKP_APPRAISED', 'SKP_APPRAISED'] }, 'query.measures', /twice/],
      [{ ...base, filters: [{ dimension: 'YEAR', equals: '2025', in: ['2024'] }] }, 'query.filters[0]', /exactly one/],
      [{ ...base, filters: [{ dimension: 'REGION', from: '12.71' }] }, 'query.filters[0]', /no order/],
      [{ ...base, filters: [{ dimension: 'YEAR', equals: 'last' }] }, 'query.filters[0].equals', /whole numbers/],
      [{ ...base, filters: [{ dimension: 'YEAR', from: '2025', to: '2021' }] }, 'query.filters[0]', /after/],
      [{ ...base, filters: [{ dimension: 'REGION', in: ['12.71', 'x'] }] }, 'query.filters[0].in', /region code/],
      [{ ...base, sort: [{ measure: 'IKM_MEAN', direction: 'ASC' }] }, 'query.sort[0].measure', /ask for it/],
      [{ ...base, sort: [{ direction: 'ASC' }] }, 'query.sort[0]', /exactly one/],
      [{ ...base, after: 'bm9wZQ' }, 'query.after', /not a cursor/],
    ];
    for (const [query, field, message] of cases) {
      const error = await refused(query);
      expect({ code: error.code, field: error.field }).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toMatch(message);
    }
    // A cursor of another query does not continue this one.
    const page = await analytics({ ...base, first: 1 });
    const error = await refused({ ...base, dimensions: ['UNIT'], after: page.pageInfo.endCursor });
    expect({ code: error.code, field: error.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'query.after' });
    expect(error.message).toMatch(/another query/);
  });

  it('lists every measure with its unit, owner and dimensions, and every dimension with its measures', async () => {
    const response = await api.query(AnalyticsCatalogueDocument, {});
    const { measures, dimensions } = response.data!.analyticsCatalogue;
    const ikm = measures.find((m) => m.measure === 'IKM_MEAN')!;
    expect(ikm).toMatchObject({
      unit: 'INDEX_POINTS',
      owner: 'evaluation',
      aboutPeople: false,
      titleId: 'Rata-rata IKM',
    });
    expect(ikm.dimensions).toEqual(expect.arrayContaining(['REGION', 'YEAR', 'UNIT']));
    expect(measures.find((m) => m.measure === 'SKP_APPRAISED')).toMatchObject({ unit: 'PEOPLE', aboutPeople: true });
    for (const dimension of dimensions)
      for (const measure of dimension.measures)
        expect(measures.find((m) => m.measure === measure)!.dimensions).toContain(dimension.dimension);
    expect(dimensions.find((d) => d.dimension === 'YEAR')!.ordered).toBe(true);
    expect(dimensions.find((d) => d.dimension === 'REGION')!.ordered).toBe(false);
  });
});
