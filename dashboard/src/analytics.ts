/** The analytics API (measures over dimensions) as the dashboard uses it: result types and a row reader. */

export interface AnalyticsDimensionValue {
  dimension: string;
  code: string;
  label: string;
}
export interface AnalyticsValue {
  measure: string;
  value: number | null;
  suppressedReason: string | null;
}
export interface AnalyticsRow {
  dimensions: AnalyticsDimensionValue[];
  values: AnalyticsValue[];
}
export interface AnalyticsResult {
  rows: AnalyticsRow[];
  totals: AnalyticsRow;
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** The fields of a result every page asks for. */
export const RESULT_FIELDS = /* GraphQL */ `
  rows {
    dimensions { dimension code label }
    values { measure value suppressedReason }
  }
  totals { dimensions { dimension code label } values { measure value suppressedReason } }
  totalCount
  pageInfo { endCursor hasNextPage }
`;

/** A row's value of a dimension (rows hold one per requested dimension, in the requested order). */
export function dimensionOf(row: AnalyticsRow, dimension: string): AnalyticsDimensionValue | undefined {
  return row.dimensions.find((value) => value.dimension === dimension);
}

export function measureOf(row: AnalyticsRow, measure: string): AnalyticsValue | undefined {
  return row.values.find((value) => value.measure === measure);
}
