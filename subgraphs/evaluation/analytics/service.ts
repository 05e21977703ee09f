import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import { badUserInput } from '../../shared/errors.js';
import { query } from '../../shared/orm.js';
import { belowDistrict, reasonOf, seesPeopleIn, type Withheld } from '../../shared/suppression.js';
import type { Viewer } from '../../shared/viewer.js';
import {
  type AnalyticsRequest,
  col,
  compile,
  cursorOf,
  MAX_CSV_ROWS,
  ordered,
  type ResultRow,
  type SuppressionPolicy,
  type ValidRequest,
  validateRequest,
} from './compile.js';
import { DIMENSIONS } from './dimensions.js';
import { type AnalyticsMeasure, dimensionsOf, MEASURES, measureInfo } from './measures.js';
import type { FactSource } from './sources.js';
import type {
  AnalyticsCatalogue,
  AnalyticsDimensionValue,
  AnalyticsResult,
  AnalyticsRow,
  AnalyticsValue,
} from './types.js';

/** Runs analytics queries: one statement per request (rows, totals, count and, when asked, the CSV). */

/** How figures about people are shown to the viewer: PERSON_LEVEL in the scope sees every figure. */
export function policyFor(viewer: Viewer, request: ValidRequest): SuppressionPolicy {
  const regions = request.filters.flatMap((filter) =>
    filter.dimension === 'REGION' && filter.op === 'in' ? filter.values.map(String) : [],
  );
  const area =
    belowDistrict(request.regionCode) ||
    regions.some(belowDistrict) ||
    (request.dimensions.includes('REGION') && request.regionLevel === 'VILLAGE');
  return { suppress: !seesPeopleIn(viewer, request.regionCode), area };
}

function text(row: ResultRow, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : String(value);
}

function measureValue(
  request: ValidRequest,
  j: number,
  raw: string | number | boolean | null | undefined,
  withheld: Withheld | null,
): AnalyticsValue {
  const measure = request.measures[j] as AnalyticsMeasure;
  const money = 'money' in measureInfo(measure) && measureInfo(measure).money === true;
  const shownValue = withheld === null && raw !== null && raw !== undefined ? raw : null;
  return {
    measure,
    value: shownValue === null ? null : Number(shownValue),
    rupiah: money && shownValue !== null ? String(shownValue) : null,
    suppressedReason: reasonOf(withheld),
  };
}

function rowOf(request: ValidRequest, row: ResultRow, policy: SuppressionPolicy): AnalyticsRow {
  const why: Withheld = policy.area ? 'area' : 'small';
  return {
    cursor: cursorOf(request, Number(row.rn)),
    dimensions: request.dimensions.map(
      (dimension, i): AnalyticsDimensionValue => ({
        dimension,
        code: text(row, col.dimension(i)) ?? '',
        label: text(row, col.label(i)) ?? '',
      }),
    ),
    values: request.measures.map((_, j) =>
      measureValue(request, j, row[col.value(j)], row[col.hidden(j)] ? why : null),
    ),
  };
}

function totalsOf(request: ValidRequest, row: ResultRow, policy: SuppressionPolicy): AnalyticsRow {
  return {
    cursor: cursorOf(request, 0),
    dimensions: request.dimensions.map((dimension) => ({ dimension, code: '', label: 'Total' })),
    values: request.measures.map((_, j) => {
      // A total beside exactly one withheld cell would give it back (total minus the visible cells).
      const withheld: Withheld | null = row[col.totalHidden(j)]
        ? policy.area
          ? 'area'
          : 'small'
        : Number(row[col.hiddenCells(j)]) === 1
          ? 'complement'
          : null;
      return measureValue(request, j, row[col.total(j)], withheld);
    }),
  };
}

function csvOf(request: ValidRequest, rows: readonly AnalyticsRow[]): string {
  const header = [...request.dimensions.flatMap((dimension) => [dimension, `${dimension}_LABEL`]), ...request.measures];
  const body = rows.map((row) => [
    ...row.dimensions.flatMap((d) => [d.code, d.label]),
    ...row.values.map((v) => v.rupiah ?? (v.value === null ? '' : String(v.value))),
  ]);
  return stringify([header, ...body], { record_delimiter: '\r\n' });
}

/**
 * Answers a query for a viewer whose AGGREGATE scope was checked. With `withCsv` the statement reads the
 * whole result (at most `csvRows` rows, MAX_CSV_ROWS unless a test lowers it) and the page is cut from it;
 * otherwise it reads only the page.
 */
export async function runAnalytics(
  em: EntityManager,
  viewer: Viewer,
  request: ValidRequest,
  withCsv: boolean,
  csvRows: number = MAX_CSV_ROWS,
): Promise<AnalyticsResult> {
  const policy = policyFor(viewer, request);
  const whole = withCsv ? { ...request, offset: 0 } : request;
  const statement = compile(whole, policy, withCsv ? csvRows : request.first + 0);
  const result = await query<ResultRow>(em, statement.sql, statement.params);
  const first = result[0];
  if (!first) throw new Error('the analytics statement returned no row'); // the totals row is always there
  const totalCount = Number(first.total_count);
  if (withCsv && totalCount > csvRows)
    throw badUserInput(
      `the result has ${totalCount} rows, more than the ${csvRows} a CSV export holds: filter or group more coarsely`,
      'csv',
    );
  const all = result.filter((row) => row.rn !== null).map((row) => rowOf(request, row, policy));
  const rows = withCsv ? all.slice(request.offset, request.offset + request.first) : all;
  const last = request.offset + rows.length;
  return {
    measures: request.measures,
    dimensions: request.dimensions,
    rows,
    totals: totalsOf(request, first, policy),
    pageInfo: { endCursor: rows.at(-1)?.cursor ?? null, hasNextPage: last < totalCount },
    totalCount,
    csv: withCsv ? csvOf(request, all) : '',
  };
}

export function checkRequest(input: AnalyticsRequest): ValidRequest {
  return validateRequest(input);
}

/** The catalogue: every measure with its dimensions, every dimension with its measures. */
export function catalogue(): AnalyticsCatalogue {
  const measures = (Object.keys(MEASURES) as AnalyticsMeasure[]).map((measure) => {
    const info = measureInfo(measure);
    return {
      measure,
      title: info.title,
      titleId: info.titleId,
      description: info.description,
      unit: info.unit,
      owner: info.owner ?? (info.sources[0] as FactSource).owner,
      aboutPeople: info.people.length > 0,
      dimensions: dimensionsOf(measure),
    };
  });
  const dimensions = (Object.keys(DIMENSIONS) as (keyof typeof DIMENSIONS)[]).map((dimension) => {
    const info = DIMENSIONS[dimension];
    return {
      dimension,
      title: info.title,
      titleId: info.titleId,
      description: info.description,
      ordered: ordered(dimension),
      measures: measures.filter((m) => m.dimensions.includes(dimension)).map((m) => m.measure),
    };
  });
  return { measures, dimensions };
}
