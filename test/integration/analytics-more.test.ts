import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_CSV_ROWS } from '../../subgraphs/evaluation/analytics/compile.js';
import { DIMENSIONS } from '../../subgraphs/evaluation/analytics/dimensions.js';
import { checkRequest, runAnalytics } from '../../subgraphs/evaluation/analytics/service.js';
import { parseViewer } from '../../subgraphs/shared/viewer.js';
import {
  AnalyticsDocument,
  type AnalyticsMeasure,
  type AnalyticsQueryInput,
  AnalyticsWithCsvDocument,
} from '../generated/graphql.js';
import { type AnalyticsResult, type AnalyticsRow, analyticsClient, measured, rowKey } from '../support/analytics.js';
import { as, usePlatform } from '../support/platform.js';

/**
 * The learning measures by course attribute (COURSE, UNIVERSITY, DELIVERY_MODE, COMPETENCY): learning
 * publishes them per region, year and attribute through its feed; every figure here is checked against
 * SQL over learning's own enrolments, offerings, courses, universities and learning outcomes.
 */

const api = usePlatform();

const { sql, analytics } = analyticsClient(api);
type Result = AnalyticsResult;
type Row = AnalyticsRow;

const key = rowKey;

interface Oracle {
  key: string;
  label: string;
  enrolments: number;
  completions: number;
  participants: number;
  jp: number;
  satisfaction: number | null;
  gain: number | null;
}

/** Enrolments of 2025 within a region, grouped by `keySql` (over e, c course, u university, cp competency). */
async function oracle(regionCode: string, keySql: string, labelSql: string, competencies = false): Promise<Oracle[]> {
  const rows = await sql<Oracle>(
    `select ${keySql} as key, min(${labelSql}) as label, count(*)::int as enrolments,
            count(*) filter (where e.status = 'COMPLETED')::int as completions,
            count(distinct e.employee_id)::int as participants, sum(e.jp_earned)::int as jp,
            avg(e.satisfaction)::float8 as satisfaction, avg(e.post_test - e.pre_test)::float8 as gain
       from learning.enrolment e
       join learning.course_offering o on o.id = e.offering_id
       join learning.course c on c.id = o.course_id
       left join learning.university u on u.id = c.university_id
       ${
         competencies
           ? `join (select distinct lo.curriculum_version_id, lo.competency_id from learning.learning_outcome lo) v
                on v.curriculum_version_id = o.curriculum_version_id
              join learning.competency cp on cp.id = v.competency_id`
           : ''
       }
      where e.year = 2025 and (e.region_code = $1 or e.region_code like $1 || '.%')
      group by 1 order by 1`,
    [regionCode],
  );
  return rows;
}

function expectRows(result: Result, expected: readonly Oracle[]): void {
  expect(result.rows.map(key)).toEqual(expected.map((o) => o.key));
  for (const [i, row] of result.rows.entries()) {
    const o = expected[i]!;
    expect(row.dimensions.at(-1)!.label).toBe(o.label);
    expect(measured(row, 'ENROLMENTS')).toBe(o.enrolments);
    expect(measured(row, 'TRAINED_STAFF')).toBe(o.participants);
    expect(measured(row, 'JP_TOTAL')).toBe(o.jp);
    expect(measured(row, 'COMPLETION_RATE')).toBeCloseTo(o.completions / o.enrolments, 12);
    if (o.satisfaction === null) expect(measured(row, 'MEAN_SATISFACTION')).toBeNull();
    else expect(measured(row, 'MEAN_SATISFACTION')).toBeCloseTo(o.satisfaction, 9);
    if (o.gain === null) expect(measured(row, 'MEAN_TEST_GAIN')).toBeNull();
    else expect(measured(row, 'MEAN_TEST_GAIN')).toBeCloseTo(o.gain, 9);
  }
}

const LEARNING: AnalyticsMeasure[] = [
  'ENROLMENTS',
  'TRAINED_STAFF',
  'JP_TOTAL',
  'COMPLETION_RATE',
  'MEAN_SATISFACTION',
  'MEAN_TEST_GAIN',
];
const IN_2025 = [{ dimension: 'YEAR' as const, equals: '2025' }];

describe('analytics: learning by course, university, delivery mode and competency', () => {
  it('by COURSE in Kota Medan: the enrolments of each course, labelled with its title, in one request; no totals', async () => {
    api.resetCounters();
    const result = await analytics({
      measures: LEARNING,
      dimensions: ['COURSE'],
      regionCode: '12.71',
      filters: IN_2025,
      first: 500,
    });
    expect(api.platform.fetches).toEqual({ evaluation: 1 });
    expect(api.statementCounts().evaluation).toBe(1);
    const expected = await oracle('12.71', 'c.code', 'c.title');
    expect(expected.length).toBeGreaterThan(3);
    expectRows(result, expected);
    // A person who took two courses counts under both: the sum of the rows is not a total, none is given.
    for (const value of result.totals.values) expect(value).toMatchObject({ value: null, suppressedReason: null });
  });

  it('by REGION and UNIVERSITY in province 12 (0: courses without a partner university), and by DELIVERY_MODE', async () => {
    const result = await analytics({
      measures: LEARNING,
      dimensions: ['REGION', 'UNIVERSITY'],
      regionCode: '12',
      filters: IN_2025,
      first: 500,
    });
    const byUniversity = await oracle(
      '12',
      "left(e.region_code, 5) || '|' || coalesce(u.id, 0)",
      "coalesce(u.name, 'Tanpa perguruan tinggi mitra')",
    );
    // The API orders universities by id as numbers; the oracle's text key orders them as text.
    const order = (k: string): [string, number] => [k.split('|')[0]!, Number(k.split('|')[1])];
    byUniversity.sort((a, b) => {
      const [ra, ia] = order(a.key);
      const [rb, ib] = order(b.key);
      return ra.localeCompare(rb) || ia - ib;
    });
    expect(new Set(byUniversity.map((o) => o.key.split('|')[1])).size).toBeGreaterThan(1);
    expectRows(result, byUniversity);
    expect(result.rows[0]!.dimensions[0]!.label).toBe('Kota Medan');

    const modes = await analytics({
      measures: LEARNING,
      dimensions: ['DELIVERY_MODE'],
      regionCode: '12.75',
      filters: IN_2025,
    });
    const byMode = await oracle('12.75', 'c.delivery', 'c.delivery');
    const labels: Record<string, string> = DIMENSIONS.DELIVERY_MODE.values;
    expect(byMode.length).toBeGreaterThan(1);
    expectRows(
      modes,
      byMode.map((o) => ({ ...o, label: labels[o.key]! })),
    );
  });

  it('by COMPETENCY: every enrolment counts under each competency its curriculum version targets', async () => {
    const result = await analytics({
      measures: LEARNING,
      dimensions: ['COMPETENCY'],
      regionCode: '12.71',
      filters: IN_2025,
      first: 500,
    });
    const expected = await oracle('12.71', 'cp.code', 'cp.name', true);
    expect(expected.length).toBeGreaterThan(3);
    expectRows(result, expected);
    const enrolments = await sql<{ n: number }>(
      `select count(*)::int as n from learning.enrolment where year = 2025 and region_code like '12.71.%'`,
    );
    // More than the enrolments: the rows overlap, and no total is given.
    expect(expected.reduce((s, o) => s + o.enrolments, 0)).toBeGreaterThan(enrolments[0]!.n);
    expect(measured(result.totals, 'ENROLMENTS')).toBeNull();

    // One competency as a filter: a single row of totals, equal to its row above.
    const one = expected[0]!;
    const filtered = await analytics({
      measures: ['ENROLMENTS', 'JP_TOTAL'],
      dimensions: [],
      regionCode: '12.71',
      filters: [...IN_2025, { dimension: 'COMPETENCY', equals: one.key }],
    });
    expect([measured(filtered.totals, 'ENROLMENTS'), measured(filtered.totals, 'JP_TOTAL')]).toEqual([
      one.enrolments,
      one.jp,
    ]);
  });

  it('follows a course renamed in learning: the label changes after the next sync, and the figures stay', async () => {
    const query: AnalyticsQueryInput = {
      measures: ['ENROLMENTS'],
      dimensions: ['COURSE'],
      regionCode: '12.71',
      filters: IN_2025,
      first: 1,
    };
    const before = (await analytics(query)).rows[0]!;
    const code = before.dimensions[0]!.code;
    const renamed = `${before.dimensions[0]!.label} (renamed by the analytics test)`;
    await sql('update learning.course set title = $2 where code = $1', [code, renamed]);
    try {
      await api.platform.readModel.syncNow();
      const after = (await analytics(query)).rows[0]!;
      expect(after.dimensions[0]).toMatchObject({ code, label: renamed });
      expect(after.values[0]!.value).toBe(before.values[0]!.value);
    } finally {
      await sql('update learning.course set title = $2 where code = $1', [code, before.dimensions[0]!.label]);
      await api.platform.readModel.syncNow();
    }
    expect((await analytics(query)).rows[0]!.dimensions[0]!.label).toBe(before.dimensions[0]!.label);
  });

  it('withholds courses of fewer than 5 participants from a planner', async () => {
    const expected = await oracle('12.75', 'c.code', 'c.title');
    const small = expected.filter((o) => o.participants < 5);
    expect(small.length).toBeGreaterThan(0);
    expect(small.length).toBeLessThan(expected.length);
    const planner = await analytics(
      { measures: ['JP_TOTAL'], dimensions: ['COURSE'], regionCode: '12.75', filters: IN_2025, first: 500 },
      as('planner', ['12.75']),
    );
    const hidden = planner.rows.filter((r) => measured(r, 'JP_TOTAL') === null).map(key);
    expect(hidden.sort()).toEqual(small.map((o) => o.key).sort());
    for (const row of planner.rows.filter((r) => !hidden.includes(key(r))))
      expect(measured(row, 'JP_TOTAL')).toBe(expected.find((o) => o.key === key(row))!.jp);
  });

  it('refuses what would add up overlapping facts or cross the published attributes, naming the field', async () => {
    const cases: [AnalyticsQueryInput, string, RegExp][] = [
      [
        {
          measures: ['ENROLMENTS'],
          dimensions: ['YEAR'],
          regionCode: '12.71',
          filters: [{ dimension: 'COMPETENCY', in: ['A', 'B'] }],
        },
        'query.filters[0]',
        /several COMPETENCY values/,
      ],
      [
        { measures: ['ENROLMENTS'], dimensions: ['COURSE', 'UNIVERSITY'], regionCode: '12.71' },
        'query.dimensions',
        /cannot be grouped or filtered by COURSE and UNIVERSITY together/,
      ],
      [
        { measures: ['HEADCOUNT'], dimensions: ['COURSE'], regionCode: '12.71' },
        'query.dimensions',
        /cannot be grouped/,
      ],
      [
        {
          measures: ['JP_TOTAL'],
          dimensions: ['COURSE'],
          regionCode: '12',
          filters: [{ dimension: 'REGION', equals: '12.71' }],
        },
        'query.filters[0].dimension',
        /narrow it with regionCode/,
      ],
      [
        {
          measures: ['JP_TOTAL'],
          dimensions: ['COURSE'],
          regionCode: '12',
          filters: [{ dimension: 'COURSE', equals: "x' or 1=1" }],
        },
        'query.filters[0].equals',
        /codes of letters/,
      ],
    ];
    for (const [query, field, message] of cases) {
      const response = await api.query(AnalyticsDocument, { query });
      const error = response.errors?.[0];
      expect({ code: error?.extensions?.code, field: error?.extensions?.field }).toEqual({
        code: 'BAD_USER_INPUT',
        field,
      });
      expect(error!.message).toMatch(message);
    }
  });
});

describe('analytics: the CSV export cap', () => {
  it('refuses a CSV of more rows than the cap with BAD_USER_INPUT on `csv`, never cutting it; the cap itself passes', async () => {
    const query: AnalyticsQueryInput = {
      measures: ['SKP_APPRAISED'],
      dimensions: ['UNIT', 'YEAR'],
      regionCode: '12.71',
      first: 10,
    };
    const whole = await api.query(AnalyticsWithCsvDocument, { query });
    expect(whole.errors).toBeUndefined();
    const rows = whole.data!.analytics.totalCount;
    expect(rows).toBeGreaterThan(20);
    expect(rows).toBeLessThan(MAX_CSV_ROWS);
    expect(whole.data!.analytics.csv.trimEnd().split('\r\n')).toHaveLength(rows + 1);

    // The same statement with the cap lowered to the size of the result, then one below it (no 100,000 rows needed).
    const admin = parseViewer({
      role: 'national-admin',
      regionCodes: ['*'],
      universityCode: null,
      subject: 'test',
      via: 'api-key',
    });
    const em = api.platform.subgraphs.evaluation.orm.em.fork();
    const atCap = await runAnalytics(em, admin, checkRequest(query), true, rows);
    expect(atCap.csv).toBe(whole.data!.analytics.csv);
    expect(atCap.rows).toHaveLength(10);
    const over = await runAnalytics(em, admin, checkRequest(query), true, rows - 1).catch((error: unknown) => error);
    if (!(over instanceof GraphQLError)) throw new Error(`expected a GraphQLError, got ${String(over)}`);
    expect(over.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(over.message).toContain(`has ${rows} rows, more than the ${rows - 1}`);
    // Without csv the page alone is read: the cap does not apply.
    expect((await runAnalytics(em, admin, checkRequest(query), false, rows - 1)).rows).toHaveLength(10);
  });
});

describe('analytics: mentoring and promotions (personnel)', () => {
  /** Per group, from personnel's raw tables: the staff placed on 31 December and what they did that year. */
  async function people(regionCode: string, groupSql: string) {
    return sql<{ key: string; staff: number; mentored: number; mentors: number; leaders: number; promoted: number }>(
      `with placed as (
         select y as year, e.id, ph.unit_id, ph.position_kind
           from personnel.rollup_window w cross join generate_series(w.first_year::int, w.last_year::int) y
           join personnel.employee e on extract(year from e.appointed_on) <= y
            and (e.left_on is null or extract(year from e.left_on) > y)
           cross join lateral (select p.unit_id, p.position_kind from personnel.position_history p
                                where p.employee_id = e.id and p.tmt <= make_date(y, 12, 31)
                                order by p.tmt desc limit 1) ph
          where ph.unit_id is not null
       ), flagged as (
         select p.*, u.kind as unit_kind,
                exists (select 1 from personnel.mentoring_pair m where m.mentee_id = p.id
                         and m.started_on <= make_date(p.year, 12, 31) and coalesce(m.ended_on, 'infinity') >= make_date(p.year, 1, 1)) as mentored,
                exists (select 1 from personnel.mentoring_pair m where m.mentor_id = p.id
                         and m.started_on <= make_date(p.year, 12, 31) and coalesce(m.ended_on, 'infinity') >= make_date(p.year, 1, 1)) as mentor,
                (select count(*) from personnel.rank_history r where r.employee_id = p.id
                  and extract(year from r.tmt) = p.year
                  and r.tmt > (select min(r0.tmt) from personnel.rank_history r0 where r0.employee_id = p.id)) > 0 as promoted
           from placed p join personnel.service_unit u on u.id = p.unit_id
          where u.region_code = $1 or u.region_code like $1 || '.%'
       )
       select ${groupSql} as key, count(*)::int as staff, count(*) filter (where mentored)::int as mentored,
              count(*) filter (where mentor)::int as mentors,
              count(*) filter (where mentor and position_kind = 'MANAJERIAL')::int as leaders,
              count(*) filter (where promoted)::int as promoted
         from flagged group by 1 order by 1`,
      [regionCode],
    );
  }

  it('mentoring coverage, the share of mentors who lead, and promotions by year and by unit kind equal the raw tables', async () => {
    const measures: AnalyticsMeasure[] = ['MENTORING_COVERAGE', 'MENTOR_LEADER_SHARE', 'PROMOTION_RATE'];
    const byYear = await analytics({ measures, dimensions: ['YEAR'], regionCode: '12.71' });
    const expected = await people('12.71', 'year::text');
    expect(byYear.rows.map(key)).toEqual(expected.map((e) => e.key));
    expect(expected.some((e) => e.mentored > 0 && e.mentors > 0 && e.promoted > 0 && e.leaders > 0)).toBe(true);
    const check = (row: Row, e: (typeof expected)[number]) => {
      expect(measured(row, 'MENTORING_COVERAGE')).toBeCloseTo(e.mentored / e.staff, 12);
      if (e.mentors === 0) expect(measured(row, 'MENTOR_LEADER_SHARE')).toBeNull();
      else expect(measured(row, 'MENTOR_LEADER_SHARE')).toBeCloseTo(e.leaders / e.mentors, 12);
      expect(measured(row, 'PROMOTION_RATE')).toBeCloseTo(e.promoted / e.staff, 12);
    };
    for (const [i, row] of byYear.rows.entries()) check(row, expected[i]!);
    const all = expected.reduce(
      (t, e) => ({
        key: '',
        staff: t.staff + e.staff,
        mentored: t.mentored + e.mentored,
        mentors: t.mentors + e.mentors,
        leaders: t.leaders + e.leaders,
        promoted: t.promoted + e.promoted,
      }),
      { key: '', staff: 0, mentored: 0, mentors: 0, leaders: 0, promoted: 0 },
    );
    check(byYear.totals, all);

    const byKind = await analytics({
      measures,
      dimensions: ['UNIT_KIND'],
      regionCode: '12',
      filters: [{ dimension: 'YEAR', equals: '2025' }],
    });
    const kinds = await people('12', 'case when year = 2025 then unit_kind end');
    const kinds2025 = kinds.filter((k) => k.key !== null);
    expect(byKind.rows.map(key)).toEqual(kinds2025.map((k) => k.key));
    for (const [i, row] of byKind.rows.entries()) check(row, kinds2025[i]!);
  });

  it('withholds mentoring figures of units with 1 to 4 mentors from a planner', async () => {
    const planner = await analytics(
      {
        measures: ['MENTOR_LEADER_SHARE'],
        dimensions: ['UNIT'],
        regionCode: '12.71',
        filters: [{ dimension: 'YEAR', equals: '2025' }],
        first: 500,
      },
      as('planner', ['12.71']),
    );
    const admin = await analytics(
      {
        measures: ['MENTOR_LEADER_SHARE'],
        dimensions: ['UNIT'],
        regionCode: '12.71',
        filters: [{ dimension: 'YEAR', equals: '2025' }],
        first: 500,
      },
      as('regional-admin', ['12.71']),
    );
    const hidden = planner.rows.filter((r) => r.values[0]!.suppressedReason !== null);
    expect(hidden.length).toBeGreaterThan(0);
    expect(admin.rows.every((r) => r.values[0]!.suppressedReason === null)).toBe(true);
    for (const row of hidden) expect(row.values[0]!.suppressedReason).toMatch(/fewer than 5 people/);
  });
});

describe('analytics: the MONTH grain of dated facts', () => {
  it('mean IKM and surveys per month of the survey date, with a month range, equal the raw answer counts', async () => {
    const result = await analytics({
      measures: ['IKM_MEAN', 'IKM_UNITS_SURVEYED'],
      dimensions: ['MONTH'],
      regionCode: '12',
      filters: [{ dimension: 'MONTH', from: '2023-03', to: '2025-10' }],
      first: 500,
    });
    const expected = await sql<{ month: string; mean: number; n: number }>(
      `select to_char(s.conducted_on, 'YYYY-MM') as month, avg(x.score)::float8 as mean, count(*)::int as n
         from evaluation.ikm_survey s
         cross join lateral (select 25 * sum(c.score * c.answers)::numeric / (9 * s.respondents) as score
                               from evaluation.ikm_answer_count c where c.survey_id = s.id) x
        where s.region_code like '12.%' and s.conducted_on >= '2023-03-01' and s.conducted_on < '2025-11-01'
        group by 1 order by 1`,
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(result.rows.map((r) => [r.dimensions[0]!.code, r.dimensions[0]!.label])).toEqual(
      expected.map((e) => [e.month, e.month]),
    );
    for (const [i, row] of result.rows.entries()) {
      expect(measured(row, 'IKM_MEAN')).toBeCloseTo(expected[i]!.mean, 9);
      expect(measured(row, 'IKM_UNITS_SURVEYED')).toBe(expected[i]!.n);
    }
    expect(measured(result.totals, 'IKM_UNITS_SURVEYED')).toBe(expected.reduce((s, e) => s + e.n, 0));

    for (const [filter, field, message] of [
      [{ dimension: 'MONTH', equals: '2025-13' }, 'query.filters[0].equals', /months YYYY-MM/],
      [{ dimension: 'MONTH', from: '2025-06', to: '2025-01' }, 'query.filters[0]', /after/],
    ] as const) {
      const response = await api.query(AnalyticsDocument, {
        query: { measures: ['IKM_MEAN'], dimensions: ['MONTH'], regionCode: '12', filters: [filter] },
      });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0]?.message).toMatch(message);
    }
    // Learning by the month its offerings ended, beside IKM in the same request (joined on the month).
    const both = await analytics({
      measures: ['JP_TOTAL', 'ENROLMENTS', 'TRAINED_STAFF', 'IKM_UNITS_SURVEYED'],
      dimensions: ['MONTH'],
      regionCode: '12.71',
      filters: [{ dimension: 'YEAR', equals: '2025' }],
      first: 500,
    });
    const learning = await sql<{ month: string; jp: number; enrolments: number; participants: number }>(
      `select to_char(o.ends_on, 'YYYY-MM') as month, sum(e.jp_earned)::int as jp, count(*)::int as enrolments,
              count(distinct e.employee_id)::int as participants
         from learning.enrolment e join learning.course_offering o on o.id = e.offering_id
        where e.year = 2025 and (e.region_code = '12.71' or e.region_code like '12.71.%') group by 1 order by 1`,
    );
    const surveys = await sql<{ month: string; n: number }>(
      `select to_char(conducted_on, 'YYYY-MM') as month, count(*)::int as n from evaluation.ikm_survey
        where year = 2025 and region_code like '12.71.%' group by 1`,
    );
    expect(learning.length).toBeGreaterThan(3);
    const months = [...new Set([...learning.map((l) => l.month), ...surveys.map((s) => s.month)])].sort();
    expect(both.rows.map(key)).toEqual(months);
    for (const row of both.rows) {
      const l = learning.find((x) => x.month === key(row));
      expect([measured(row, 'JP_TOTAL'), measured(row, 'ENROLMENTS'), measured(row, 'TRAINED_STAFF')]).toEqual(
        l ? [l.jp, l.enrolments, l.participants] : [null, null, null],
      );
      expect(measured(row, 'IKM_UNITS_SURVEYED')).toBe(surveys.find((x) => x.month === key(row))?.n ?? null);
    }
    // A person trained in two months counts in both: no learning total; IKM's total is a count of surveys.
    expect(measured(both.totals, 'TRAINED_STAFF')).toBeNull();
    expect(measured(both.totals, 'IKM_UNITS_SURVEYED')).toBe(surveys.reduce((s, x) => s + x.n, 0));

    // Staffing facts are yearly: MONTH is refused for them by name.
    const yearly = await api.query(AnalyticsDocument, {
      query: { measures: ['HEADCOUNT'], dimensions: ['MONTH'], regionCode: '12' },
    });
    expect(yearly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query.dimensions' });
  });
});

describe('analytics: promotions of trained versus untrained staff', () => {
  it('PROMOTION_RATE by TRAINING_STATUS and YEAR over the appraised staff equals the raw tables of the three owners', async () => {
    const result = await analytics({
      measures: ['PROMOTION_RATE', 'SKP_APPRAISED'],
      dimensions: ['YEAR', 'TRAINING_STATUS'],
      regionCode: '12.71',
      first: 500,
    });
    const expected = await sql<{ key: string; staff: number; promoted: number }>(
      `select a.year || '|' || case when exists (select 1 from learning.enrolment e where e.employee_id = a.employee_id
                                                   and e.year = a.year and e.jp_earned > 0)
                                    then 'TRAINED' else 'UNTRAINED' end as key,
              count(*)::int as staff,
              count(*) filter (where exists (select 1 from personnel.rank_history r where r.employee_id = a.employee_id
                  and extract(year from r.tmt) = a.year
                  and exists (select 1 from personnel.rank_history b where b.employee_id = r.employee_id and b.tmt < r.tmt)))::int as promoted
         from evaluation.skp_appraisal a
        where a.region_code = '12.71' or a.region_code like '12.71.%'
        group by 1 order by 1`,
    );
    expect(result.rows.map(key)).toEqual(expected.map((e) => e.key));
    expect(expected.filter((e) => e.promoted > 0).length).toBeGreaterThan(1);
    expect(new Set(expected.map((e) => e.key.split('|')[1])).size).toBe(2);
    for (const [i, row] of result.rows.entries()) {
      expect(measured(row, 'SKP_APPRAISED')).toBe(expected[i]!.staff);
      expect(measured(row, 'PROMOTION_RATE')).toBeCloseTo(expected[i]!.promoted / expected[i]!.staff, 12);
    }
    const staff = expected.reduce((s, e) => s + e.staff, 0);
    const promoted = expected.reduce((s, e) => s + e.promoted, 0);
    expect(measured(result.totals, 'PROMOTION_RATE')).toBeCloseTo(promoted / staff, 12);

    // A planner sees no rate computed over 1 to 4 promoted or appraised people.
    const planner = await analytics(
      { measures: ['PROMOTION_RATE'], dimensions: ['YEAR', 'TRAINING_STATUS'], regionCode: '12.71', first: 500 },
      as('planner', ['12.71']),
    );
    for (const [i, row] of planner.rows.entries()) {
      const e = expected[i]!;
      const small = (n: number) => n > 0 && n < 5;
      if (small(e.staff) || small(e.promoted)) expect(row.values[0]!.suppressedReason).toMatch(/fewer than 5 people/);
      else expect(row.values[0]!.value).toBeCloseTo(e.promoted / e.staff, 12);
    }
  });
});
