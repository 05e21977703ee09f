import { graphql } from '../api.js';
import { type ChartOption, chartBox, PALETTE } from '../charts.js';
import { field, h } from '../dom.js';
import { formatNumber, formatShare, t, verdictLabel } from '../i18n.js';
import { type Interval, TRAINING_IMPACT, type TrainingImpactData } from '../queries.js';
import { controlsForm, dataTable, load, section, yearSelect } from './common.js';

/** The minimum meaningful effect the API applies by default (the query does not change it). */
const MINIMUM_MEANINGFUL_EFFECT = 0.5;

const nameOf = (region: { regionCode: string; region: { name: string } | null }) =>
  region.region?.name ?? region.regionCode;

/**
 * An interval plot: one row per item, a bar from lower to upper and a point at the estimate (a forest
 * plot for effects, the same shape for ranks). Rows are drawn top to bottom in the given order.
 */
function intervalOption(
  rows: { name: string; lower: number; upper: number; estimate: number }[],
  axis: { name: string; min?: number; max?: number; integer?: boolean; lines: { x: number; label: string }[] },
): ChartOption {
  const names = rows.map((row) => row.name);
  return {
    grid: { left: 150, right: 40, top: 30, bottom: 50 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      name: axis.name,
      nameLocation: 'middle',
      nameGap: 30,
      min: axis.min,
      max: axis.max,
      interval: axis.integer ? 1 : undefined,
    },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      {
        name: 'interval',
        type: 'custom',
        // [lower, upper, row]: a horizontal line with end ticks.
        data: rows.map((row, index) => [row.lower, row.upper, index]),
        encode: { x: [0, 1], y: 2 },
        renderItem: (_params: unknown, api: CustomApi) => {
          const [x1 = 0, y = 0] = api.coord([api.value(0), api.value(2)]);
          const [x2 = 0] = api.coord([api.value(1), api.value(2)]);
          const tick = 6;
          const style = { stroke: PALETTE[0], lineWidth: 2 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1, y1: y, x2, y2: y }, style },
              { type: 'line', shape: { x1, y1: y - tick, x2: x1, y2: y + tick }, style },
              { type: 'line', shape: { x1: x2, y1: y - tick, x2, y2: y + tick }, style },
            ],
          };
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#888' },
          label: { formatter: '{b}', position: 'insideEndTop' },
          data: axis.lines.map((line) => ({ xAxis: line.x, name: line.label })),
        },
      },
      {
        name: 'estimate',
        type: 'scatter',
        symbolSize: 12,
        itemStyle: { color: PALETTE[1] },
        data: rows.map((row, index) => [row.estimate, index]),
      },
    ],
  };
}

/** The part of ECharts' custom-series API the interval plot uses. */
interface CustomApi {
  value(dimension: number): number;
  coord(point: number[]): number[];
}

export function comparePage(root: HTMLElement, params: URLSearchParams): void {
  const regions = h('input', { type: 'text', value: params.get('regions') ?? '12.71,12.75,93.01', size: 30 });
  const year = yearSelect(Number(params.get('year') ?? 2025), [2025, 2024, 2023, 2022]);
  const area = h('div', { class: 'result' });
  const run = () =>
    load(area, async () => {
      const codes = regions.value
        .split(/[,\s]+/)
        .map((code) => code.trim())
        .filter(Boolean);
      const { data, errors } = await graphql<TrainingImpactData>(TRAINING_IMPACT, {
        regionCodes: codes,
        year: Number(year.value),
      });
      const all = data.trainingImpact.regions;
      if (all.length === 0) return { empty: true };
      const withEffect = all.filter((region) => region.effect.perTenJp !== null);
      const forest = chartBox('forest', 60 + 50 * Math.max(withEffect.length, 1) + 40);
      const ranks = chartBox('ranks', 60 + 50 * Math.max(data.trainingImpact.ranking.length, 1) + 40);
      const ranked = data.trainingImpact.ranking;
      return {
        errors,
        nodes: [
          section(t('compare.forest'), forest.element),
          section(
            t('compare.verdicts'),
            dataTable(
              'verdicts',
              [
                t('compare.region'),
                t('compare.effect'),
                t('compare.interval'),
                t('compare.units'),
                t('compare.verdict'),
                t('compare.reason'),
              ],
              all.map((region) =>
                h(
                  'tr',
                  { 'data-region': region.regionCode, 'data-verdict': region.verdict },
                  h('td', {}, nameOf(region), h('br'), h('small', {}, region.regionCode)),
                  h('td', { class: 'number' }, formatNumber(region.effect.perTenJp?.estimate)),
                  h(
                    'td',
                    { class: 'number' },
                    region.effect.perTenJp
                      ? `${formatNumber(region.effect.perTenJp.lower)} .. ${formatNumber(region.effect.perTenJp.upper)}`
                      : '-',
                  ),
                  h('td', { class: 'number' }, `${region.effect.units}; ${region.effect.clusters}`),
                  h('td', {}, h('span', { class: `verdict verdict-${region.verdict}` }, verdictLabel(region.verdict))),
                  h('td', { class: 'reason' }, region.verdictReason),
                ),
              ),
            ),
          ),
          section(
            t('compare.ranks'),
            ranks.element,
            dataTable(
              'ranking',
              [t('compare.rank'), t('compare.region'), t('compare.rankInterval'), 'P(1)'],
              ranked.map((entry) =>
                h(
                  'tr',
                  { 'data-region': entry.regionCode },
                  h('td', { class: 'number' }, entry.rank ?? '-'),
                  h('td', {}, nameOf(entry)),
                  h(
                    'td',
                    { class: 'number' },
                    entry.rankInterval ? `${entry.rankInterval.lower}-${entry.rankInterval.upper}` : '-',
                  ),
                  h('td', { class: 'number' }, formatShare(entry.rankInterval?.probabilityFirst)),
                ),
              ),
            ),
          ),
        ],
        draw: () => {
          forest.draw(
            intervalOption(
              withEffect.map((region) => {
                const effect = region.effect.perTenJp as Interval; // withEffect keeps the regions with one
                return { name: nameOf(region), ...effect };
              }),
              {
                name: t('compare.effect'),
                lines: [
                  { x: 0, label: '0' },
                  { x: MINIMUM_MEANINGFUL_EFFECT, label: t('compare.minimum') },
                ],
              },
            ),
          );
          const withRank = ranked.filter((entry) => entry.rank !== null && entry.rankInterval !== null);
          ranks.draw(
            intervalOption(
              withRank.map((entry) => ({
                name: nameOf(entry),
                estimate: entry.rank ?? 0, // filtered to entries with a rank above
                lower: entry.rankInterval?.lower ?? 0,
                upper: entry.rankInterval?.upper ?? 0,
              })),
              { name: t('compare.rank'), min: 1, max: Math.max(withRank.length, 2), integer: true, lines: [] },
            ),
          );
        },
      };
    });
  root.append(
    h('p', { class: 'intro' }, t('compare.intro')),
    controlsForm(() => void run(), field(t('field.regions'), regions), field(t('field.year'), year)),
    area,
  );
  void run();
}
