import { type AnalyticsResult, dimensionOf, measureOf } from '../analytics.js';
import { graphql } from '../api.js';
import { type ChartOption, chartBox, PALETTE } from '../charts.js';
import { field, h } from '../dom.js';
import { formatNumber, t } from '../i18n.js';
import { TREND, type TrendData } from '../queries.js';
import { controlsForm, load, section, yearSelect } from './common.js';

/** Lines per region, years on the x axis; a null value (suppressed or undefined) leaves a gap. */
function lineOption(result: AnalyticsResult, measure: string, unit: string): ChartOption {
  const years = [...new Set(result.rows.map((row) => dimensionOf(row, 'YEAR')?.code ?? ''))].sort();
  const regions = new Map<string, { label: string; values: Map<string, number | null> }>();
  for (const row of result.rows) {
    const region = dimensionOf(row, 'REGION');
    const year = dimensionOf(row, 'YEAR');
    if (!region || !year) continue;
    const entry = regions.get(region.code) ?? { label: region.label, values: new Map() };
    entry.values.set(year.code, measureOf(row, measure)?.value ?? null);
    regions.set(region.code, entry);
  }
  return {
    color: PALETTE,
    grid: { left: 60, right: 30, top: 50, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? formatNumber(value) : '-'),
    },
    legend: { top: 0 },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', name: unit, scale: true },
    series: [...regions.entries()].map(([code, region]) => ({
      id: code,
      name: region.label,
      type: 'line',
      connectNulls: false,
      data: years.map((year) => region.values.get(year) ?? null),
    })),
  };
}

export function trendsPage(root: HTMLElement, params: URLSearchParams): void {
  const region = h('input', { type: 'text', value: params.get('region') ?? '12', size: 10 });
  const from = yearSelect(Number(params.get('from') ?? 2021));
  const to = yearSelect(Number(params.get('to') ?? 2025));
  const area = h('div', { class: 'result' });
  const run = () =>
    load(area, async () => {
      const variables = { regionCode: region.value.trim(), from: from.value, to: to.value };
      const [ikm, jp] = await Promise.all([
        graphql<TrendData>(TREND, { ...variables, measure: 'IKM_MEAN' }),
        graphql<TrendData>(TREND, { ...variables, measure: 'JP_PER_STAFF' }),
      ]);
      if (ikm.data.analytics.rows.length === 0 && jp.data.analytics.rows.length === 0) return { empty: true };
      const ikmChart = chartBox('ikm', 340);
      const jpChart = chartBox('jp', 340);
      return {
        errors: [...ikm.errors, ...jp.errors],
        nodes: [section(t('trends.ikm'), ikmChart.element), section(t('trends.jp'), jpChart.element)],
        draw: () => {
          ikmChart.draw(lineOption(ikm.data.analytics, 'IKM_MEAN', 'IKM'));
          jpChart.draw(lineOption(jp.data.analytics, 'JP_PER_STAFF', 'JP'));
        },
      };
    });
  root.append(
    h('p', { class: 'intro' }, t('trends.intro')),
    controlsForm(
      () => void run(),
      field(t('field.region'), region),
      field(t('field.fromYear'), from),
      field(t('field.toYear'), to),
    ),
    area,
  );
  void run();
}
