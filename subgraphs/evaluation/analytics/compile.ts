import { createHash } from 'node:crypto';
import { badUserInput } from '../../shared/errors.js';
import { levelOf, REGION_CODE_LENGTH, REGION_LEVELS, type RegionLevel } from '../../shared/region-level.js';
import { sqlWithinRegion, validateRegionCode } from '../../shared/regions.js';
import { validateYear } from '../../shared/validation.js';
import { type AnalyticsDimension, dimensionInfo, labelSql } from './dimensions.js';
import { type AnalyticsMeasure, dimensionsOf, measureInfo, sourceFor } from './measures.js';
import type { FactSource } from './sources.js';

/**
 * # The analytics query compiler
 *
 * A request (measures, dimensions, scope, filters, sort, page) becomes ONE SQL statement: per fact source a
 * `group by grouping sets ((dimensions), ())`, so that the rows and the totals over the whole query come
 * from the same scan; sources are joined on the dimension key; suppression flags, the order (with every
 * dimension as the tie-break, so it is total and pages neither repeat nor skip a row), the row count and the
 * page are all decided by PostgreSQL. JavaScript only validates and formats.
 */

export const MAX_ANALYTICS_PAGE = 500;
/** Rows of the CSV export at most: a whole result larger than this is refused, never cut silently. */
export const MAX_CSV_ROWS = 100_000;
const MAX_MEASURES = 20;
const MAX_DIMENSIONS = 6;
const MAX_FILTER_VALUES = 1000;

export type SortDirection = 'ASC' | 'DESC';

export interface AnalyticsFilter {
  dimension: AnalyticsDimension;
  equals?: string | null;
  in?: string[] | null;
  from?: string | null;
  to?: string | null;
}

export interface AnalyticsSort {
  measure?: AnalyticsMeasure | null;
  dimension?: AnalyticsDimension | null;
  direction: SortDirection;
}

export interface AnalyticsRequest {
  measures: AnalyticsMeasure[];
  dimensions: AnalyticsDimension[];
  regionCode: string;
  regionLevel?: RegionLevel | null;
  filters?: AnalyticsFilter[] | null;
  sort?: AnalyticsSort[] | null;
  first?: number | null;
  after?: string | null;
}

/** A request checked and normalised: every name known, every combination supported, values parsed. */
export interface ValidRequest {
  measures: AnalyticsMeasure[];
  /** Per measure, the fact source that carries every dimension of the request. */
  sources: FactSource[];
  dimensions: AnalyticsDimension[];
  regionCode: string;
  regionLevel: RegionLevel;
  filters: ValidFilter[];
  sort: AnalyticsSort[];
  first: number;
  /** Rows before the page (from the cursor). */
  offset: number;
  /** Identifies the query (not the page): a cursor of another query is refused. */
  fingerprint: string;
}

type FilterValue = string | number;
type ValidFilter =
  | { dimension: AnalyticsDimension; op: 'in'; values: FilterValue[] }
  | { dimension: AnalyticsDimension; op: 'range'; from: FilterValue | null; to: FilterValue | null };

function unique<T>(values: readonly T[], field: string, what: string): T[] {
  const seen = new Set<T>();
  for (const value of values) {
    if (seen.has(value)) throw badUserInput(`${what} ${String(value)} is listed twice`, field);
    seen.add(value);
  }
  return [...values];
}

/** A filter value of a dimension, checked against its kind. */
function parseValue(dimension: AnalyticsDimension, raw: string, field: string): FilterValue {
  const info = dimensionInfo(dimension);
  switch (info.kind) {
    case 'region':
      return validateRegionCode(raw, field);
    case 'int': {
      if (!/^\d{1,9}$/.test(raw)) throw badUserInput(`${dimension} values are whole numbers, got "${raw}"`, field);
      const value = Number(raw);
      return dimension === 'YEAR' ? validateYear(value, field) : value;
    }
    case 'month':
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(raw))
        throw badUserInput(`${dimension} values are months YYYY-MM, got "${raw}"`, field);
      return raw;
    case 'text':
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(raw))
        throw badUserInput(`${dimension} values are codes of letters, digits, ".", "_" and "-", got "${raw}"`, field);
      return raw;
    case 'code':
      if (!info.values || !(raw in info.values))
        throw badUserInput(
          `"${raw}" is not a ${dimension} value; valid: ${Object.keys(info.values ?? {}).join(', ')}`,
          field,
        );
      return raw;
  }
}

/** Dimensions with an order: range filters allowed (whole numbers compare as numbers, months as `YYYY-MM` text). */
export function ordered(dimension: AnalyticsDimension): boolean {
  const kind = dimensionInfo(dimension).kind;
  return kind === 'int' || kind === 'month';
}

/** The dimensions every requested measure supports, for messages. */
function supportedByAll(measures: readonly AnalyticsMeasure[]): AnalyticsDimension[] {
  const [first, ...rest] = measures.map(dimensionsOf);
  return (first ?? []).filter((dimension) => rest.every((list) => list.includes(dimension)));
}

function assertSupported(measures: readonly AnalyticsMeasure[], dimension: AnalyticsDimension, field: string): void {
  for (const measure of measures) {
    if (!dimensionsOf(measure).includes(dimension))
      throw badUserInput(
        `${measure} cannot be grouped or filtered by ${dimension}; it supports ${dimensionsOf(measure).join(', ')}` +
          (measures.length > 1 ? ` (all requested measures together: ${supportedByAll(measures).join(', ')})` : ''),
        field,
      );
  }
}

function encodeCursor(row: number, fingerprint: string): string {
  return Buffer.from(`r:${row}:${fingerprint}`).toString('base64url');
}

function decodeCursor(cursor: string | null | undefined, fingerprint: string): number {
  if (cursor == null) return 0;
  const match =
    cursor.length <= 64 ? /^r:(\d{1,9}):([0-9a-f]{16})$/.exec(Buffer.from(cursor, 'base64url').toString()) : null;
  if (!match) throw badUserInput('`after` is not a cursor this API returned', 'query.after');
  if (match[2] !== fingerprint)
    throw badUserInput(
      '`after` is a cursor of another query (measures, dimensions, scope, filters and sort must stay the same)',
      'query.after',
    );
  return Number(match[1]);
}

/** The cursor of the row at 1-based position `row` of a query. */
export function cursorOf(request: ValidRequest, row: number): string {
  return encodeCursor(row, request.fingerprint);
}

/** Checks a request; every refusal is BAD_USER_INPUT naming the field at fault. */
export function validateRequest(input: AnalyticsRequest): ValidRequest {
  if (input.measures.length === 0) throw badUserInput('ask for at least one measure', 'query.measures');
  if (input.measures.length > MAX_MEASURES)
    throw badUserInput(`at most ${MAX_MEASURES} measures in one query`, 'query.measures');
  const measures = unique(input.measures, 'query.measures', 'measure');
  if (input.dimensions.length > MAX_DIMENSIONS)
    throw badUserInput(`at most ${MAX_DIMENSIONS} dimensions in one query`, 'query.dimensions');
  const dimensions = unique(input.dimensions, 'query.dimensions', 'dimension');
  for (const dimension of dimensions) assertSupported(measures, dimension, 'query.dimensions');

  const regionCode = validateRegionCode(input.regionCode, 'query.regionCode');
  const scopeLevel = levelOf(regionCode);
  const below = REGION_LEVELS[Math.min(REGION_LEVELS.indexOf(scopeLevel) + 1, REGION_LEVELS.length - 1)] as RegionLevel;
  const regionLevel = input.regionLevel ?? below;
  if (REGION_LEVELS.indexOf(regionLevel) < REGION_LEVELS.indexOf(scopeLevel))
    throw badUserInput(
      `regionLevel ${regionLevel} is above the level of regionCode ${regionCode} (${scopeLevel}): rows group within the scope`,
      'query.regionLevel',
    );

  const filters = (input.filters ?? []).map((filter, i): ValidFilter => {
    const field = `query.filters[${i}]`;
    assertSupported(measures, filter.dimension, `${field}.dimension`);
    const hasRange = filter.from != null || filter.to != null;
    const forms = [filter.equals != null, filter.in != null, hasRange].filter(Boolean).length;
    if (forms !== 1) throw badUserInput('a filter takes exactly one of `equals`, `in`, or `from`/`to`', field);
    if (hasRange) {
      if (!ordered(filter.dimension))
        throw badUserInput(`${filter.dimension} has no order: filter it with \`equals\` or \`in\``, field);
      const bound = (raw: string | null | undefined, part: string): FilterValue | null =>
        raw == null ? null : parseValue(filter.dimension, raw, `${field}.${part}`);
      const from = bound(filter.from, 'from');
      const to = bound(filter.to, 'to');
      if (from !== null && to !== null && from > to)
        throw badUserInput(`\`from\` ${from} is after \`to\` ${to}`, field);
      return { dimension: filter.dimension, op: 'range', from, to };
    }
    const raw = filter.equals != null ? [filter.equals] : (filter.in ?? []);
    if (raw.length === 0 || raw.length > MAX_FILTER_VALUES)
      throw badUserInput(`\`in\` takes 1 to ${MAX_FILTER_VALUES} values`, `${field}.in`);
    const part = filter.equals != null ? 'equals' : 'in';
    return {
      dimension: filter.dimension,
      op: 'in',
      values: raw.map((v) => parseValue(filter.dimension, v, `${field}.${part}`)),
    };
  });

  const used = [...new Set([...dimensions, ...filters.map((filter) => filter.dimension)])];
  const sources = measures.map((measure) => {
    const source = sourceFor(measure, used);
    if (!source) {
      const carried = measureInfo(measure)
        .sources.map((s) => Object.keys(s.dimensions).join(', '))
        .join('] or [');
      throw badUserInput(
        `${measure} cannot be grouped or filtered by ${used.join(' and ')} together: its facts are published with the dimensions [${carried}] ` +
          '(counts per category, not per person, so two person dimensions cannot be crossed)',
        'query.dimensions',
      );
    }
    const regionFilter = filters.findIndex((filter) => filter.dimension === 'REGION');
    if (source.regionRollup && regionFilter >= 0)
      throw badUserInput(
        `${measure} is published per region (distinct people do not add up): narrow it with regionCode, not a REGION filter`,
        `query.filters[${regionFilter}].dimension`,
      );
    // Several values of an overlapping dimension added up in one row would count a fact twice.
    const merged = filters.findIndex(
      (filter) =>
        filter.dimension === source.overlapping &&
        !dimensions.includes(filter.dimension) &&
        (filter.op === 'range' || filter.values.length > 1),
    );
    if (merged >= 0)
      throw badUserInput(
        `${measure} counts a fact under several ${source.overlapping} values: filter to one value, or add ${source.overlapping} to the dimensions`,
        `query.filters[${merged}]`,
      );
    return source;
  });

  const sort = (input.sort ?? []).map((key, i) => {
    const field = `query.sort[${i}]`;
    if ((key.measure == null) === (key.dimension == null))
      throw badUserInput('a sort key names exactly one of `measure` or `dimension`', field);
    if (key.measure != null && !measures.includes(key.measure))
      throw badUserInput(`sort by ${key.measure}: ask for it in \`measures\` too`, `${field}.measure`);
    if (key.dimension != null && !dimensions.includes(key.dimension))
      throw badUserInput(`sort by ${key.dimension}: ask for it in \`dimensions\` too`, `${field}.dimension`);
    return key;
  });
  if (sort.length > MAX_MEASURES + MAX_DIMENSIONS) throw badUserInput('too many sort keys', 'query.sort');

  const first = input.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_ANALYTICS_PAGE)
    throw badUserInput(`\`first\` must be between 1 and ${MAX_ANALYTICS_PAGE}, got ${first}`, 'query.first');

  const fingerprint = createHash('sha256')
    .update(JSON.stringify([measures, dimensions, regionCode, regionLevel, filters, sort]))
    .digest('hex')
    .slice(0, 16);
  return {
    measures,
    sources,
    dimensions,
    regionCode,
    regionLevel,
    filters,
    sort,
    first,
    offset: decodeCursor(input.after, fingerprint),
    fingerprint,
  };
}

/** SQL with positional `?` parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Collects parameters in the order their placeholders appear in the final text. */
class Params {
  private readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `{{p:${this.values.length - 1}}}::${cast}`;
  }
  /** Replaces the markers by `?`, ordering the values as the markers appear. */
  finish(sql: string): Statement {
    const params: unknown[] = [];
    const text = sql.replace(/\{\{p:(\d+)\}\}/g, (_, index: string) => {
      params.push(this.values[Number(index)]);
      return '?';
    });
    return { sql: text, params };
  }
}

/** The key of a dimension over a source's facts; REGION groups at the requested level by code prefix. */
function dimensionSql(source: FactSource, dimension: AnalyticsDimension, request: ValidRequest): string {
  const sql = source.dimensions[dimension];
  if (sql === undefined) throw new Error(`${source.name} does not carry ${dimension}`); // validateRequest refused it
  return dimension === 'REGION' ? `left(${sql}, ${REGION_CODE_LENGTH[request.regionLevel]})` : sql;
}

function filterSql(source: FactSource, filter: ValidFilter, params: Params): string {
  const column = source.dimensions[filter.dimension];
  if (column === undefined) throw new Error(`${source.name} does not carry ${filter.dimension}`);
  if (filter.op === 'range') {
    const parts: string[] = [];
    const cast = dimensionInfo(filter.dimension).kind === 'month' ? 'text' : 'int';
    if (filter.from !== null) parts.push(`${column} >= ${params.add(filter.from, cast)}`);
    if (filter.to !== null) parts.push(`${column} <= ${params.add(filter.to, cast)}`);
    return parts.join(' and ');
  }
  const kind = dimensionInfo(filter.dimension).kind;
  if (kind === 'region')
    return `(${filter.values.map((code) => sqlWithinRegion(column, params.add(code, 'text'))).join(' or ')})`;
  return `${column} = any(${params.add(filter.values, kind === 'int' ? 'int[]' : 'text[]')})`;
}

/** How the figures about people are shown to this viewer. */
export interface SuppressionPolicy {
  /** False for viewers with PERSON_LEVEL in the scope: they see every figure. */
  suppress: boolean;
  /** Below the district level a region's figures are its one or two units': withheld whatever the count. */
  area: boolean;
}

/** The column names of the statement's result. */
export const col = {
  dimension: (i: number) => `d${i}`,
  label: (i: number) => `l${i}`,
  value: (j: number) => `m${j}`,
  hidden: (j: number) => `h${j}`,
  total: (j: number) => `tm${j}`,
  totalHidden: (j: number) => `th${j}`,
  hiddenCells: (j: number) => `hc${j}`,
};

/** One row of the statement: the page row (or nulls when the page is empty) beside the totals. */
export type ResultRow = Record<string, string | number | boolean | null>;

/**
 * The statement of a request: its rows `offset+1 .. offset+limit` in order, each beside the totals,
 * `total_count`, and per measure how many cells are withheld. An empty page gives one row with a null `rn`.
 */
export function compile(request: ValidRequest, policy: SuppressionPolicy, limit: number): Statement {
  const params = new Params();
  const bySource = Map.groupBy(request.measures.keys(), (j) => request.sources[j] as FactSource);
  const grouped = request.dimensions.length > 0;
  const dims = request.dimensions.map((_, i) => col.dimension(i));

  const ctes: string[] = [];
  let index = 0;
  for (const [source, measureIndexes] of bySource) {
    const keys = request.dimensions.map((dimension) => dimensionSql(source, dimension, request));
    const where = [
      sqlWithinRegion(source.regionColumn, params.add(request.regionCode, 'text')),
      // Per-region facts: the rows of the grouping level, or of the scope itself.
      ...(source.regionRollup
        ? [
            `length(${source.regionColumn}) = ${request.dimensions.includes('REGION') ? REGION_CODE_LENGTH[request.regionLevel] : request.regionCode.length}`,
          ]
        : []),
      ...request.filters.map((filter) => filterSql(source, filter, params)),
    ];
    const selected = [
      ...keys.map((key, i) => `${key} as ${col.dimension(i)}`),
      grouped ? `grouping(${keys.join(', ')}) <> 0 as total` : 'true as total',
      // The join key of the sources: the dimension values, one text.
      grouped
        ? `case when grouping(${keys.join(', ')}) <> 0 then '' else concat_ws('|', ${keys.map((k) => `${k}::text`).join(', ')}) end as k`
        : "'' as k",
      ...measureIndexes.flatMap((j) => {
        const info = measureInfo(request.measures[j] as AnalyticsMeasure);
        // Money stays a number here (it sorts as one) and leaves as exact text.
        const exact = info.money ? `round(${info.sql})::bigint` : `(${info.sql})::float8`;
        // The smallest positive count of people behind the figure decides whether it is withheld.
        const counted =
          info.people.length === 0
            ? 'null::bigint'
            : `nullif(least(${info.people.map((p) => `case when ${p} > 0 then ${p} end`).join(', ')}), 0)`;
        // Rows of overlapping facts are exact, their sum is not: no totals.
        const rowsOnly = (sql: string): string =>
          source.overlapping && grouped ? `case when grouping(${keys.join(', ')}) <> 0 then null else ${sql} end` : sql;
        return [`${rowsOnly(exact)} as ${col.value(j)}`, `${rowsOnly(counted)} as p${j}`];
      }),
    ];
    ctes.push(`s${index} as (
      select ${selected.join(',\n        ')}
        from ${source.from}
       where ${where.join('\n         and ')}
       ${grouped ? `group by grouping sets ((${keys.join(', ')}), ())` : ''}
    )`);
    index += 1;
  }
  const sourceNames = [...bySource.keys()].map((_, i) => `s${i}`);
  const first = sourceNames[0] as string;
  const joined = sourceNames.slice(1).reduce((sql, name) => `${sql} full join ${name} using (total, k)`, first);
  const coalesced = (column: string): string =>
    sourceNames.length === 1
      ? `${first}.${column}`
      : `coalesce(${sourceNames.map((s) => `${s}.${column}`).join(', ')})`;
  const measureCols = request.measures.flatMap((_, j) => {
    const owner = sourceNames[[...bySource.values()].findIndex((list) => list.includes(j))] as string;
    return [`${owner}.${col.value(j)}`, `${owner}.p${j}`];
  });
  const hide = (j: number): string => {
    const info = measureInfo(request.measures[j] as AnalyticsMeasure);
    if (!policy.suppress || info.people.length === 0) return 'false';
    return policy.area ? `coalesce(p${j} > 0, false)` : `coalesce(p${j} < 5, false)`;
  };
  ctes.push(`cells as (
      select total, ${[...dims.map((d) => `${coalesced(d)} as ${d}`), ...measureCols].join(', ')}
        from ${joined}
    )`);
  ctes.push(`shown as (
      select cells.*, ${request.measures.map((_, j) => `${hide(j)} as ${col.hidden(j)}`).join(', ')}
        from cells
    )`);
  const order = [
    ...request.sort.map((key) => {
      const direction = key.direction === 'DESC' ? 'desc' : 'asc';
      if (key.measure != null) {
        const j = request.measures.indexOf(key.measure);
        // Withheld values sort last, as if unknown: their order would tell them apart.
        return `case when ${col.hidden(j)} then null else ${col.value(j)} end ${direction} nulls last`;
      }
      return `${col.dimension(request.dimensions.indexOf(key.dimension as AnalyticsDimension))} ${direction} nulls last`;
    }),
    ...dims.map((d) => `${d} asc nulls last`),
  ];
  ctes.push(`ranked as (
      select shown.*, row_number() over (${order.length > 0 ? `order by ${order.join(', ')}` : ''}) as rn
        from shown where total = ${grouped ? 'false' : 'true'}
    )`);
  const out = (j: number): string => (measureInfo(request.measures[j] as AnalyticsMeasure).money ? '::text' : '');
  const totals = request.measures.flatMap((_, j) => [
    `t.${col.value(j)}${out(j)} as ${col.total(j)}`,
    `t.${col.hidden(j)} as ${col.totalHidden(j)}`,
    `(select count(*) from ranked x where x.${col.hidden(j)})::int as ${col.hiddenCells(j)}`,
  ]);
  const rowCols = [
    ...dims.map(
      (d, i) =>
        `r.${d}::text as ${d}, ${labelSql(request.dimensions[i] as AnalyticsDimension, `r.${d}`)} as ${col.label(i)}`,
    ),
    ...request.measures.flatMap((_, j) => [`r.${col.value(j)}${out(j)} as ${col.value(j)}`, `r.${col.hidden(j)}`]),
  ];
  const sql = `with ${ctes.join(',\n    ')}
    select r.rn::int as rn, (select count(*) from ranked)::int as total_count,
           ${[...rowCols, ...totals].join(',\n           ')}
      from (select * from shown where total) t
      left join ranked r on r.rn > ${params.add(request.offset, 'int')} and r.rn <= ${params.add(request.offset + limit, 'int')}
     order by r.rn`;
  return params.finish(sql);
}
