import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalyticsResult } from '../../dashboard/src/analytics.js';
import {
  COMPLIANCE,
  COMPLIANCE_CSV,
  type ComplianceCsvData,
  type ComplianceData,
  TREND,
  type TrendData,
} from '../../dashboard/src/queries.js';
import { useBrowser } from '../support/browser.js';
import { chart, openDashboard, recordOperations, settle, useToken } from '../support/dashboard-page.js';
import { NATIONAL_ADMIN, tokenFor, usePlatform } from '../support/platform.js';

/**
 * The two pages on the analytics API (measures over dimensions): what their charts and tables hold is
 * compared with the same query sent to the API directly, and each chart is one request.
 */

const api = usePlatform();
const chromium = useBrowser();

/** A line chart's expected series from the API's rows: per region (in row order), its value per year. */
function expectedLines(result: AnalyticsResult, measure: string) {
  const years = [...new Set(result.rows.map((row) => row.dimensions.find((d) => d.dimension === 'YEAR')!.code))].sort();
  const regions = new Map<string, { name: string; values: Map<string, number | null> }>();
  for (const row of result.rows) {
    const region = row.dimensions.find((d) => d.dimension === 'REGION')!;
    const year = row.dimensions.find((d) => d.dimension === 'YEAR')!;
    const entry = regions.get(region.code) ?? { name: region.label, values: new Map() };
    entry.values.set(year.code, row.values.find((v) => v.measure === measure)!.value);
    regions.set(region.code, entry);
  }
  return {
    years,
    series: [...regions.entries()].map(([id, region]) => ({
      id,
      name: region.name,
      data: years.map((year) => region.values.get(year) ?? null),
    })),
  };
}

async function signedIn(hash: string) {
  const page = await chromium.open();
  await openDashboard(page, api.platform.gateway.url, hash);
  const state = await useToken(page, await tokenFor(NATIONAL_ADMIN));
  return { page, state };
}

describe('dashboard pages on the analytics API', () => {
  it('trends: IKM and JP per staff member per region and year, one request per chart, as the API answers', async () => {
    const variables = { regionCode: '12', from: '2021', to: '2025' };
    const ikm = await api.query<TrendData, Record<string, unknown>>(TREND, { ...variables, measure: 'IKM_MEAN' });
    const jp = await api.query<TrendData, Record<string, unknown>>(TREND, { ...variables, measure: 'JP_PER_STAFF' });
    expect(ikm.errors).toBeUndefined();
    expect(jp.errors).toBeUndefined();
    // The two seeded regencies of North Sumatra, five years each.
    expect(ikm.data!.analytics.rows.length).toBe(10);

    const page = await chromium.open();
    await openDashboard(page, api.platform.gateway.url, 'compare');
    await useToken(page, await tokenFor(NATIONAL_ADMIN));
    const operations = recordOperations(page);
    expect(await openDashboard(page, api.platform.gateway.url, 'trends?region=12&from=2021&to=2025')).toBe('ready');
    expect(operations).toEqual(['DashboardTrend', 'DashboardTrend']);

    for (const [name, answer, measure] of [
      ['ikm', ikm, 'IKM_MEAN'],
      ['jp', jp, 'JP_PER_STAFF'],
    ] as const) {
      const expected = expectedLines(answer.data!.analytics, measure);
      const shown = await chart(page, name);
      expect(shown.xAxis[0]).toEqual(expected.years);
      expect(shown.series.map(({ id, name, data }) => ({ id, name, data }))).toEqual(expected.series);
      expect(expected.series.flatMap((series) => series.data).every((value) => typeof value === 'number')).toBe(true);
    }
    await chromium.screenshot(page, 'dashboard-trends', true);

    // A region without data is the empty state, not an empty chart.
    await page.fill('form.controls input', '11');
    await page.click('form.controls button[type=submit]');
    expect(await settle(page)).toBe('empty');
    expect(await page.locator('.status.empty').innerText()).toBe('Tidak ada data untuk pilihan ini.');
    expect(chromium.problems).toEqual([]);
    await page.close();
  });

  it('compliance: units paged and sorted as the API pages and sorts them, with totals and the CSV of all pages', async () => {
    const base = { regionCode: '12.71', year: '2025', first: 20 };
    const byShare = [{ measure: 'JP20_COMPLIANCE_SHARE', direction: 'ASC' }];
    const first = await api.query<ComplianceData, Record<string, unknown>>(COMPLIANCE, { ...base, sort: byShare });
    expect(first.errors).toBeUndefined();
    const result = first.data!.analytics;
    expect(result.totalCount).toBeGreaterThan(20);

    const { page, state } = await signedIn('compliance?region=12.71&year=2025');
    expect(state).toBe('ready');
    const operations = recordOperations(page);

    /** The chart and the table show exactly this page of the API's answer. */
    const expectPage = async (answer: AnalyticsResult) => {
      const labels = answer.rows.map((row) => row.dimensions[0]!.label);
      const shares = answer.rows.map((row) => row.values.find((v) => v.measure === 'JP20_COMPLIANCE_SHARE')!.value);
      const shown = await chart(page, 'compliance');
      expect(shown.yAxis[0]).toEqual(labels);
      expect(shown.series[0]!.data).toEqual(shares);
      const units = await page
        .locator('[data-table=compliance] tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit')));
      expect(units).toEqual(answer.rows.map((row) => row.dimensions[0]!.code));
      const headcounts = await page.locator('[data-table=compliance] tbody td:nth-child(3)').allInnerTexts();
      expect(headcounts.map((text) => Number(text.replace(/\D/g, '')))).toEqual(
        answer.rows.map((row) => row.values.find((v) => v.measure === 'HEADCOUNT')!.value),
      );
    };
    await expectPage(result);
    const totals = await page.locator('[data-table=compliance] tfoot td:nth-child(3)').innerText();
    expect(Number(totals.replace(/\D/g, ''))).toBe(result.totals.values.find((v) => v.measure === 'HEADCOUNT')!.value);
    expect(await page.locator('[data-page-number]').innerText()).toContain(`(${result.totalCount} unit)`);
    await chromium.screenshot(page, 'dashboard-compliance', true);

    // The next page is the API's page after the first page's cursor: one request.
    const second = await api.query<ComplianceData, Record<string, unknown>>(COMPLIANCE, {
      ...base,
      sort: byShare,
      after: result.pageInfo.endCursor,
    });
    await page.click('[data-action=next]');
    expect(await settle(page)).toBe('ready');
    await expectPage(second.data!.analytics);
    expect(operations).toEqual(['DashboardCompliance']);
    await page.click('[data-action=prev]');
    expect(await settle(page)).toBe('ready');
    await expectPage(result);

    // Sorting by staff, largest first (two clicks: ascending, then descending), starts again at page 1.
    await page.click('th[data-sort=HEADCOUNT] button');
    expect(await settle(page)).toBe('ready');
    await page.click('th[data-sort=HEADCOUNT] button');
    expect(await settle(page)).toBe('ready');
    expect(await page.locator('th[data-sort=HEADCOUNT]').getAttribute('aria-sort')).toBe('descending');
    const byStaff = await api.query<ComplianceData, Record<string, unknown>>(COMPLIANCE, {
      ...base,
      sort: [{ measure: 'HEADCOUNT', direction: 'DESC' }],
    });
    await expectPage(byStaff.data!.analytics);

    // The CSV download is the API's csv of the whole result, under the same sort.
    const csv = await api.query<ComplianceCsvData, Record<string, unknown>>(COMPLIANCE_CSV, {
      regionCode: '12.71',
      year: '2025',
      sort: [{ measure: 'HEADCOUNT', direction: 'DESC' }],
    });
    expect(csv.errors).toBeUndefined();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=csv]')]);
    expect(download.suggestedFilename()).toBe('kepatuhan-20jp-12.71-2025.csv');
    const file = readFileSync((await download.path())!, 'utf8');
    expect(file).toBe(csv.data!.analytics.csv);
    expect(file.trim().split('\n')).toHaveLength(result.totalCount + 1);
    expect(chromium.problems).toEqual([]);
    await page.close();
  });
});
