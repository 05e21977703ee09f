import 'reflect-metadata';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../shared/enums.js';
import { PageInfo } from '../../shared/pagination.js';
import { RegionLevel } from '../../shared/region-level.js';
import { RupiahScalar } from '../../shared/scalars.js';
import { type SortDirection as Direction, MAX_ANALYTICS_PAGE, MAX_CSV_ROWS } from './compile.js';
import { AnalyticsDimension } from './dimensions.js';
import { AnalyticsMeasure } from './measures.js';

/** GraphQL types of the analytics API (served by evaluation, which holds the read model of the owners' facts). */

export const SortDirection = graphqlEnum('SortDirection', 'Order of a sort key.', {
  ASC: 'Ascending: smallest first. Withheld and undefined values come last.',
  DESC: 'Descending: largest first. Withheld and undefined values come last.',
});

@InputType({
  description:
    'A filter on one dimension: exactly one of `equals`, `in`, or a range `from`/`to` (inclusive, either end may be open; ordered dimensions such as YEAR only). ' +
    'Values are dimension codes as `AnalyticsDimensionValue.code` gives them; a REGION filter keeps facts within the given regions.',
})
export class AnalyticsFilterInput {
  @Field(() => AnalyticsDimension, { description: 'The dimension filtered; the requested measures must support it.' })
  dimension!: AnalyticsDimension;

  @Field(() => String, { nullable: true, description: 'Keep facts with this value.' })
  equals?: string | null;

  @Field(() => [String], { nullable: true, description: 'Keep facts with any of these values (1-1000).' })
  in?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Keep facts with a value at or after this one.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Keep facts with a value at or before this one.' })
  to?: string | null;
}

@InputType({ description: 'A sort key: a requested measure or a requested dimension, and a direction.' })
export class AnalyticsSortInput {
  @Field(() => AnalyticsMeasure, { nullable: true, description: 'Sort by this measure (one of the requested).' })
  measure?: AnalyticsMeasure | null;

  @Field(() => AnalyticsDimension, { nullable: true, description: 'Sort by this dimension (one of the requested).' })
  dimension?: AnalyticsDimension | null;

  @Field(() => SortDirection, { description: 'ASC or DESC.' })
  direction!: Direction;
}

@InputType({
  description:
    'An analytics query: measures grouped by dimensions within a region, filtered, sorted and paged. Rows are ordered by `sort`, then by every ' +
    'dimension ascending, so pages neither repeat nor skip a row.',
})
export class AnalyticsQueryInput {
  @Field(() => [AnalyticsMeasure], { description: 'The measures, one value each per row, in this order.' })
  measures!: AnalyticsMeasure[];

  @Field(() => [AnalyticsDimension], {
    description: 'The dimensions to group by, in this order; empty gives one row of totals.',
  })
  dimensions!: AnalyticsDimension[];

  @Field({
    description:
      "Kemendagri code of the scope (any level): only facts within it count. It must lie in the viewer's regions.",
  })
  regionCode!: string;

  @Field(() => RegionLevel, {
    nullable: true,
    description:
      "The level REGION groups at, not above regionCode's (default: one below regionCode, or a village's own level).",
  })
  regionLevel?: RegionLevel | null;

  @Field(() => [AnalyticsFilterInput], { nullable: true, description: 'Filters; all must hold.' })
  filters?: AnalyticsFilterInput[] | null;

  @Field(() => [AnalyticsSortInput], {
    nullable: true,
    description: 'Sort keys, most significant first (default: by the dimensions, ascending).',
  })
  sort?: AnalyticsSortInput[] | null;

  @Field(() => Int, { defaultValue: 50, description: `Rows per page (1-${MAX_ANALYTICS_PAGE}).` })
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'Continue after this cursor (a previous `pageInfo.endCursor`).' })
  after?: string | null;
}

@ObjectType({ description: 'The value of one dimension in a row.' })
export class AnalyticsDimensionValue {
  @Field(() => AnalyticsDimension, { description: 'The dimension.' })
  dimension!: AnalyticsDimension;

  @Field({ description: 'Its value as a code (a region code, a year, an id): what filters take. "" in totals.' })
  code!: string;

  @Field({
    description: 'Its value for people to read (a region or unit name where known, else the code); "Total" in totals.',
  })
  label!: string;
}

@ObjectType({ description: 'The value of one measure in a row.' })
export class AnalyticsValue {
  @Field(() => AnalyticsMeasure, { description: 'The measure.' })
  measure!: AnalyticsMeasure;

  @Field(() => Float, {
    nullable: true,
    description: 'The value; null when withheld (see suppressedReason) or undefined (nothing to divide by, no facts).',
  })
  value!: number | null;

  @Field(() => RupiahScalar, {
    nullable: true,
    description: 'The exact amount in whole Rupiah for money measures (unit RUPIAH); null otherwise or when withheld.',
  })
  rupiah!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the value is withheld (small-cell suppression); null when shown.',
  })
  suppressedReason!: string | null;
}

@ObjectType({ description: 'One aggregate row: a combination of dimension values and the measures over its facts.' })
export class AnalyticsRow {
  @Field({ description: 'Cursor of this row: pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => [AnalyticsDimensionValue], { description: 'One per requested dimension, in the requested order.' })
  dimensions!: AnalyticsDimensionValue[];

  @Field(() => [AnalyticsValue], { description: 'One per requested measure, in the requested order.' })
  values!: AnalyticsValue[];
}

@ObjectType({
  description:
    'The answer to an analytics query. A value over fewer than 5 people is withheld from viewers without person-level access to the region; ' +
    'a total that would give back the only withheld cell of its column is withheld too.',
})
export class AnalyticsResult {
  @Field(() => [AnalyticsMeasure], { description: 'The requested measures.' })
  measures!: AnalyticsMeasure[];

  @Field(() => [AnalyticsDimension], { description: 'The requested dimensions.' })
  dimensions!: AnalyticsDimension[];

  @Field(() => [AnalyticsRow], { description: 'The rows of this page.' })
  rows!: AnalyticsRow[];

  @Field(() => AnalyticsRow, {
    description:
      'The same measures over all facts of the query (every page; a mean is over the facts, not a mean of rows).',
  })
  totals!: AnalyticsRow;

  @Field(() => PageInfo, { description: 'Cursor to continue from, and whether more rows follow.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Rows of the query over all pages.' })
  totalCount!: number;

  @Field({
    description: `The whole result (all pages, at most ${MAX_CSV_ROWS.toLocaleString('en')} rows; more is refused) as CSV text (RFC 4180) with a header row: per dimension its code and label, per measure its value; withheld values are empty. Same access rules as the rows.`,
  })
  csv!: string;
}

@ObjectType({ description: 'A measure of the catalogue.' })
export class AnalyticsMeasureInfo {
  @Field(() => AnalyticsMeasure, { description: 'The measure.' })
  measure!: AnalyticsMeasure;

  @Field({ description: 'Title in English.' })
  title!: string;

  @Field({ description: 'Title in Indonesian.' })
  titleId!: string;

  @Field({ description: 'What it measures and how it is computed.' })
  description!: string;

  @Field({
    description: 'Unit: JP, RUPIAH, SHARE (0-1), INDEX_POINTS (IKM 25-100), PEOPLE, SCORE or UNITS (service units).',
  })
  unit!: string;

  @Field({ description: 'The subgraph whose facts it is computed from.' })
  owner!: string;

  @Field({
    description:
      'True when it counts or averages people: small cells are withheld from viewers without person-level access.',
  })
  aboutPeople!: boolean;

  @Field(() => [AnalyticsDimension], { description: 'The dimensions it may be grouped or filtered by.' })
  dimensions!: AnalyticsDimension[];
}

@ObjectType({ description: 'A dimension of the catalogue.' })
export class AnalyticsDimensionInfo {
  @Field(() => AnalyticsDimension, { description: 'The dimension.' })
  dimension!: AnalyticsDimension;

  @Field({ description: 'Title in English.' })
  title!: string;

  @Field({ description: 'Title in Indonesian.' })
  titleId!: string;

  @Field({ description: 'What its values are and how filters match them.' })
  description!: string;

  @Field({ description: 'True when it has an order: range filters (`from`/`to`) apply.' })
  ordered!: boolean;

  @Field(() => [AnalyticsMeasure], { description: 'The measures that may be grouped or filtered by it.' })
  measures!: AnalyticsMeasure[];
}

@ObjectType({ description: 'The measures and dimensions of the analytics API, usable without introspection.' })
export class AnalyticsCatalogue {
  @Field(() => [AnalyticsMeasureInfo], { description: 'Every measure.' })
  measures!: AnalyticsMeasureInfo[];

  @Field(() => [AnalyticsDimensionInfo], { description: 'Every dimension.' })
  dimensions!: AnalyticsDimensionInfo[];
}
