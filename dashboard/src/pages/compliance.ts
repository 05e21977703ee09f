import { type AnalyticsRow, dimensionOf, measureOf } from '../analytics.js';
import { graphql } from '../api.js';
import { chartBox, PALETTE } from '../charts.js';
import { field, h } from '../dom.js';
import { formatNumber, formatShare, t } from '../i18n.js';
import { COMPLIANCE, COMPLIANCE_CSV, type ComplianceCsvData, type ComplianceData, PAGE_SIZE } from '../queries.js';
import { controlsForm, dataTable, load, section, yearSelect } from './common.js';

type SortKey = 'UNIT' | 'JP20_COMPLIANCE_SHARE' | 'HEADCOUNT';
type Direction = 'ASC' | 'DESC';

function sortInput(key: SortKey, direction: Direction) {
  return key === 'UNIT' ? [{ dimension: 'UNIT', direction }] : [{ measure: key, direction }];
}

function shareCell(row: AnalyticsRow) {
  const share = measureOf(row, 'JP20_COMPLIANCE_SHARE');
  return share?.value === null || share?.value === undefined
    ? h('td', { class: 'number suppressed', title: share?.suppressedReason ?? '' }, t('compliance.suppressed'))
    : h('td', { class: 'number' }, formatShare(share.value));
}

export function compliancePage(root: HTMLElement, params: URLSearchParams): void {
  const region = h('input', { type: 'text', value: params.get('region') ?? '12.71', size: 12 });
  const year = yearSelect(Number(params.get('year') ?? 2025));
  const area = h('div', { class: 'result' });
  let sortKey: SortKey = 'JP20_COMPLIANCE_SHARE';
  let direction: Direction = 'ASC';
  // Cursors of the pages seen: cursors[i] opens page i + 1 (undefined: the first page).
  let cursors: (string | undefined)[] = [undefined];
  let page = 0;

  const downloadCsv = async (button: HTMLButtonElement) => {
    button.disabled = true;
    try {
      const { data } = await graphql<ComplianceCsvData>(COMPLIANCE_CSV, {
        regionCode: region.value.trim(),
        year: year.value,
        sort: sortInput(sortKey, direction),
      });
      const url = URL.createObjectURL(new Blob([data.analytics.csv], { type: 'text/csv;charset=utf-8' }));
      const link = h('a', { href: url, download: `kepatuhan-20jp-${region.value.trim()}-${year.value}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      button.after(
        h('p', { class: 'status error', role: 'alert' }, error instanceof Error ? error.message : String(error)),
      );
    } finally {
      button.disabled = false;
    }
  };

  const header = (key: SortKey, label: string) => {
    const active = key === sortKey;
    return h(
      'th',
      {
        'aria-sort': active ? (direction === 'ASC' ? 'ascending' : 'descending') : 'none',
        'data-sort': key,
      },
      h(
        'button',
        {
          type: 'button',
          class: 'sort',
          title: active ? t(direction === 'ASC' ? 'sort.asc' : 'sort.desc') : '',
          onclick: () => {
            direction = active && direction === 'ASC' ? 'DESC' : 'ASC';
            sortKey = key;
            cursors = [undefined];
            page = 0;
            void run();
          },
        },
        label,
        active ? (direction === 'ASC' ? ' ▲' : ' ▼') : '',
      ),
    );
  };

  const run = () =>
    load(area, async () => {
      const { data, errors } = await graphql<ComplianceData>(COMPLIANCE, {
        regionCode: region.value.trim(),
        year: year.value,
        sort: sortInput(sortKey, direction),
        first: PAGE_SIZE,
        after: cursors[page],
      });
      const result = data.analytics;
      if (result.rows.length === 0) return { empty: true };
      cursors[page + 1] = result.pageInfo.endCursor ?? undefined;
      const chart = chartBox('compliance', 40 + 24 * result.rows.length + 40);
      const pages = Math.max(1, Math.ceil(result.totalCount / PAGE_SIZE));
      const csvButton = h('button', { type: 'button', class: 'csv', 'data-action': 'csv' }, t('compliance.csv'));
      csvButton.addEventListener('click', () => void downloadCsv(csvButton));
      const totals = result.totals;
      return {
        errors,
        nodes: [
          section(
            t('compliance.chart'),
            h(
              'div',
              { class: 'pager' },
              h(
                'button',
                {
                  type: 'button',
                  'data-action': 'prev',
                  disabled: page === 0,
                  onclick: () => {
                    page -= 1;
                    void run();
                  },
                },
                `◀ ${t('compliance.prev')}`,
              ),
              h(
                'span',
                { 'data-page-number': page + 1 },
                `${t('compliance.page')} ${page + 1} ${t('compliance.of')} ${pages} (${result.totalCount} ${t('compliance.units')})`,
              ),
              h(
                'button',
                {
                  type: 'button',
                  'data-action': 'next',
                  disabled: !result.pageInfo.hasNextPage,
                  onclick: () => {
                    page += 1;
                    void run();
                  },
                },
                `${t('compliance.next')} ▶`,
              ),
              csvButton,
            ),
            chart.element,
            dataTable(
              'compliance',
              [
                header('UNIT', t('compliance.unit')),
                header('JP20_COMPLIANCE_SHARE', t('compliance.share')),
                header('HEADCOUNT', t('compliance.headcount')),
              ],
              result.rows.map((row) => {
                const unit = dimensionOf(row, 'UNIT');
                return h(
                  'tr',
                  { 'data-unit': unit?.code ?? '' },
                  h('td', {}, unit?.label ?? '-'),
                  shareCell(row),
                  h('td', { class: 'number' }, formatNumber(measureOf(row, 'HEADCOUNT')?.value, 0)),
                );
              }),
              h(
                'tr',
                {},
                h('th', {}, t('compliance.total')),
                shareCell(totals),
                h('td', { class: 'number' }, formatNumber(measureOf(totals, 'HEADCOUNT')?.value, 0)),
              ),
            ),
          ),
        ],
        draw: () => {
          chart.draw({
            grid: { left: 260, right: 40, top: 20, bottom: 30 },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (value: number) => formatShare(value) } },
            yAxis: {
              type: 'category',
              inverse: true,
              data: result.rows.map((row) => dimensionOf(row, 'UNIT')?.label ?? '-'),
              axisLabel: { width: 240, overflow: 'truncate' },
            },
            series: [
              {
                name: t('compliance.share'),
                type: 'bar',
                itemStyle: { color: PALETTE[0] },
                data: result.rows.map((row) => measureOf(row, 'JP20_COMPLIANCE_SHARE')?.value ?? null),
              },
            ],
          });
        },
      };
    });

  root.append(
    h('p', { class: 'intro' }, t('compliance.intro')),
    controlsForm(
      () => {
        cursors = [undefined];
        page = 0;
        void run();
      },
      field(t('field.region'), region),
      field(t('field.year'), year),
    ),
    area,
  );
  void run();
}
