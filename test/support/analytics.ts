import { expect } from 'vitest';
import { AnalyticsDocument, type AnalyticsQuery, type AnalyticsQueryInput } from '../generated/graphql.js';
import { as, type usePlatform } from './platform.js';

/** What the analytics tests share: the answer's types, an analytics request and raw SQL for the oracles. */
export type AnalyticsResult = AnalyticsQuery['analytics'];
export type AnalyticsRow = AnalyticsResult['rows'][number];

/** A row's dimension codes joined, to find the row of a cell. */
export const rowKey = (row: AnalyticsRow): string => row.dimensions.map((d) => d.code).join('|');

/** A row's value of one measure. */
export const measured = (row: AnalyticsRow, measure: string): number | null =>
  row.values.find((v) => v.measure === measure)!.value;

export function analyticsClient(api: ReturnType<typeof usePlatform>) {
  return {
    async sql<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
      return (await api.db.query(text, params)).rows as Row[]; // pg types rows as any: the SQL names the columns
    },
    /** The analytics answer, asserting there were no errors. */
    async analytics(query: AnalyticsQueryInput, caller = as('national-admin')): Promise<AnalyticsResult> {
      const response = await api.query(AnalyticsDocument, { query }, caller);
      expect(JSON.stringify(response.errors)).toBeUndefined();
      return response.data!.analytics;
    },
  };
}
