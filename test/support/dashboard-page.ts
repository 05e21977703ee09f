import type { Page } from 'playwright-core';

/** What a chart holds, read back from ECharts in the page (the parts the browser tests compare). */
export interface ChartState {
  xAxis: unknown[][];
  yAxis: unknown[][];
  series: { id?: string; type: string; name: string; data: unknown[] }[];
}

interface ChartWindow {
  dashboardCharts: Record<
    string,
    {
      getOption(): {
        xAxis?: { data?: unknown[] }[];
        yAxis?: { data?: unknown[] }[];
        series: { id?: string; type: string; name: string; data: unknown[] }[];
      };
    }
  >;
}

/** Reads a chart of the current page (dashboard/src/charts.ts keeps them in window.dashboardCharts). */
export async function chart(page: Page, name: string): Promise<ChartState> {
  return page.evaluate((chartName) => {
    const charts = (globalThis as unknown as ChartWindow).dashboardCharts; // set by dashboard/src/charts.ts
    const chart = charts[chartName];
    if (!chart) throw new Error(`no chart ${chartName}`);
    const option = chart.getOption();
    return {
      xAxis: (option.xAxis ?? []).map((axis) => axis.data ?? []),
      yAxis: (option.yAxis ?? []).map((axis) => axis.data ?? []),
      series: option.series.map((series) => ({
        id: series.id,
        type: series.type,
        name: series.name,
        data: series.data,
      })),
    };
  }, name);
}

/** Opens a page of the dashboard and waits for its result area to settle (ready, empty or error). */
export async function openDashboard(page: Page, gatewayUrl: string, hash: string): Promise<string> {
  await page.goto(new URL(`/dashboard/#/${hash}`, gatewayUrl).toString());
  return settle(page);
}

/** Waits until the page's result area is no longer loading; returns its state. */
export async function settle(page: Page): Promise<string> {
  const area = page.locator('.result[data-state]:not([data-state=loading])').first();
  await area.waitFor({ timeout: 30_000 });
  return (await area.getAttribute('data-state')) ?? '';
}

/** Pastes a token into the box and saves it (as a user does); an empty string clears it. */
export async function useToken(page: Page, token: string): Promise<string> {
  await page.fill('[data-control=token]', token);
  await page.click('form.token button[type=submit]');
  return settle(page);
}

/** The GraphQL operation names of the requests a page sends, as they are sent. */
export function recordOperations(page: Page): string[] {
  const operations: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
    const body = request.postDataJSON() as { query?: string } | null; // the dashboard's own JSON body
    const name = /\bquery\s+(\w+)/.exec(body?.query ?? '')?.[1];
    if (name) operations.push(name);
  });
  return operations;
}
