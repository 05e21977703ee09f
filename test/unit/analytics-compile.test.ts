import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type AnalyticsRequest, compile, validateRequest } from '../../subgraphs/evaluation/analytics/compile.js';
import { DIMENSIONS } from '../../subgraphs/evaluation/analytics/dimensions.js';
import { dimensionsOf, MEASURES } from '../../subgraphs/evaluation/analytics/measures.js';
import { policyFor } from '../../subgraphs/evaluation/analytics/service.js';
import { parseViewer } from '../../subgraphs/shared/viewer.js';

/** The BAD_USER_INPUT a request gets: its field and message. */
function refusal(request: AnalyticsRequest): { field: unknown; message: string } {
  try {
    validateRequest(request);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    return { field: error.extensions.field, message: error.message };
  }
  throw new Error('the request was accepted');
}

describe('the analytics query compiler', () => {
  it('picks per measure the fact source that carries every dimension asked, and refuses crossings it has no facts for', () => {
    const byGender = validateRequest({
      measures: ['HEADCOUNT'],
      dimensions: ['GENDER', 'UNIT_KIND'],
      regionCode: '12.71',
    });
    expect(byGender.sources[0]!.name).toBe('staff-by-GENDER');
    const plain = validateRequest({ measures: ['HEADCOUNT'], dimensions: ['UNIT_KIND'], regionCode: '12.71' });
    expect(plain.sources[0]!.name).toBe('unit-year');
    // A filter counts as a dimension: staff of one gender by ASN type crosses two person dimensions.
    expect(
      refusal({
        measures: ['HEADCOUNT'],
        dimensions: ['ASN_TYPE'],
        regionCode: '12.71',
        filters: [{ dimension: 'GENDER', equals: 'F' }],
      }),
    ).toMatchObject({ field: 'query.dimensions', message: expect.stringMatching(/ASN_TYPE and GENDER together/) });
    expect(refusal({ measures: ['SKP_APPRAISED'], dimensions: ['AGE_BAND'], regionCode: '12.71' })).toEqual({
      field: 'query.dimensions',
      message:
        'SKP_APPRAISED cannot be grouped or filtered by AGE_BAND; it supports REGION, YEAR, UNIT, TRAINING_STATUS',
    });
    expect(
      refusal({
        measures: ['MEAN_SATISFACTION'],
        dimensions: ['YEAR'],
        regionCode: '12',
        filters: [{ dimension: 'REGION', equals: '12.71' }],
      }),
    ).toMatchObject({
      field: 'query.filters[0].dimension',
      message: expect.stringMatching(/narrow it with regionCode/),
    });
    expect(
      refusal({
        measures: ['HEADCOUNT'],
        dimensions: [],
        regionCode: '12.71',
        filters: [{ dimension: 'GENDER', equals: 'X' }],
      }),
    ).toMatchObject({ field: 'query.filters[0].equals', message: expect.stringMatching(/valid: F, M/) });
  });

  it('reads course attributes and months from the per-attribute source, months as ordered text, with no totals over overlapping rows', () => {
    const request = validateRequest({
      measures: ['JP_TOTAL', 'IKM_MEAN'],
      dimensions: ['MONTH'],
      regionCode: '12.71',
      filters: [{ dimension: 'MONTH', from: '2025-01', to: '2025-06' }],
    });
    expect(request.sources.map((s) => s.name)).toEqual(['course-by-MONTH', 'ikm']);
    const statement = compile(request, { suppress: true, area: false }, 50);
    expect(statement.params).toEqual(expect.arrayContaining(['2025-01', '2025-06']));
    expect(statement.sql).toContain("to_char(f.conducted_on, 'YYYY-MM') >= ?::text");
    // The learning rows (overlapping) leave their total empty; IKM's (one source, exact) keeps it.
    expect(statement.sql.match(/then null else/g)).toHaveLength(2);
    expect(
      validateRequest({ measures: ['ENROLMENTS'], dimensions: ['COURSE'], regionCode: '12.71' }).sources[0]!.name,
    ).toBe('course-by-COURSE');
    expect(
      refusal({
        measures: ['ENROLMENTS'],
        dimensions: [],
        regionCode: '12.71',
        filters: [{ dimension: 'MONTH', from: '2025-01', to: '2025-02' }],
      }),
    ).toMatchObject({ field: 'query.filters[0]', message: expect.stringMatching(/several MONTH values/) });
    expect(
      refusal({
        measures: ['IKM_MEAN'],
        dimensions: [],
        regionCode: '12.71',
        filters: [{ dimension: 'MONTH', equals: '2025-1' }],
      }),
    ).toMatchObject({ field: 'query.filters[0].equals', message: expect.stringMatching(/months YYYY-MM/) });
  });

  it('writes one statement whose placeholders match its parameters, joining two sources on the dimension key', () => {
    const request = validateRequest({
      measures: ['IKM_MEAN', 'HEADCOUNT', 'SKP_APPRAISED'],
      dimensions: ['REGION', 'YEAR'],
      regionCode: '12',
      filters: [
        { dimension: 'YEAR', from: '2021', to: '2025' },
        { dimension: 'REGION', in: ['12.71', '12.75'] },
      ],
      sort: [{ measure: 'HEADCOUNT', direction: 'DESC' }],
    });
    const statement = compile(request, { suppress: true, area: false }, 50);
    expect(statement.sql.split('?').length - 1).toBe(statement.params.length);
    expect(statement.sql.match(/grouping sets/g)).toHaveLength(3);
    expect(statement.sql.match(/full join/g)).toHaveLength(2);
    // Scope, two year bounds and two regions (three placeholders each) per source, then the page bounds.
    expect(statement.params).toEqual([
      ...Array.from({ length: 3 }, () => [
        '12',
        '12',
        '12',
        2021,
        2025,
        '12.71',
        '12.71',
        '12.71',
        '12.75',
        '12.75',
        '12.75',
      ]).flat(),
      0,
      50,
    ]);
    // People figures are withheld below 5 for this viewer; IKM is not about people.
    expect(statement.sql).toContain('coalesce(p1 < 5, false) as h1');
    expect(statement.sql).toContain('false as h0');
  });

  it('keeps cursors to the query they came from', () => {
    const base: AnalyticsRequest = { measures: ['IKM_MEAN'], dimensions: ['YEAR'], regionCode: '12.71' };
    const cursor = Buffer.from(`r:20:${validateRequest(base).fingerprint}`).toString('base64url');
    expect(validateRequest({ ...base, first: 10, after: cursor }).offset).toBe(20);
    expect(refusal({ ...base, dimensions: ['UNIT'], after: cursor }).message).toMatch(/another query/);
  });

  it('withholds by the scope: person-level viewers see all, and figures below the district level are withheld', () => {
    const planner = parseViewer({
      role: 'planner',
      regionCodes: ['12.71'],
      universityCode: null,
      subject: 't',
      via: 'jwt',
    });
    const admin = parseViewer({
      role: 'regional-admin',
      regionCodes: ['12.71'],
      universityCode: null,
      subject: 't',
      via: 'jwt',
    });
    const byVillage = validateRequest({
      measures: ['HEADCOUNT'],
      dimensions: ['REGION'],
      regionCode: '12.71.01',
      regionLevel: 'VILLAGE',
    });
    expect(policyFor(planner, byVillage)).toEqual({ suppress: true, area: true });
    expect(policyFor(admin, byVillage)).toEqual({ suppress: false, area: true });
    const byDistrict = validateRequest({ measures: ['HEADCOUNT'], dimensions: ['REGION'], regionCode: '12.71' });
    expect(byDistrict.regionLevel).toBe('DISTRICT');
    expect(policyFor(planner, byDistrict)).toEqual({ suppress: true, area: false });
  });

  it('describes every measure and dimension, each measure with at least region and year', () => {
    for (const [name, info] of Object.entries(MEASURES)) {
      expect(info.description.length, name).toBeGreaterThan(20);
      expect(info.titleId.length, name).toBeGreaterThan(3);
      expect(dimensionsOf(name as keyof typeof MEASURES).slice(0, 2), name).toEqual(['REGION', 'YEAR']);
    }
    for (const [name, info] of Object.entries(DIMENSIONS)) expect(info.description.length, name).toBeGreaterThan(10);
  });
});
