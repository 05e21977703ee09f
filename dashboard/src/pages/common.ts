import { ApiError, describeFieldErrors, type GraphqlError } from '../api.js';
import { disposeCharts } from '../charts.js';
import { fill, h, submitForm } from '../dom.js';
import { t } from '../i18n.js';

/** What a page's loader returns: nothing to show, or the nodes to show (with field errors, if any). */
export type Loaded =
  | { empty: true }
  | {
      empty?: false;
      nodes: Node[];
      errors?: GraphqlError[] /** Draws the charts once the nodes are in place. */;
      draw?: () => void;
    };

const generations = new WeakMap<HTMLElement, number>();

/**
 * Runs a page's request into its result area with the three states a user must be able to tell apart:
 * loading, empty, and error (a refused field or a network failure, in words). The area's data-state
 * (loading, empty, error, ready) is what the browser tests wait for. A newer load wins over an older one.
 */
export async function load(area: HTMLElement, loader: () => Promise<Loaded>): Promise<void> {
  const generation = (generations.get(area) ?? 0) + 1;
  generations.set(area, generation);
  disposeCharts();
  area.dataset.state = 'loading';
  fill(area, h('p', { class: 'status loading', role: 'status' }, t('loading')));
  let loaded: Loaded;
  try {
    loaded = await loader();
  } catch (error) {
    if (generations.get(area) !== generation) return;
    const message = error instanceof ApiError ? error.describe() : `${t('error.other')} (${String(error)})`;
    area.dataset.state = 'error';
    fill(
      area,
      h(
        'p',
        { class: `status error error-${error instanceof ApiError ? error.kind : 'other'}`, role: 'alert' },
        message,
      ),
    );
    return;
  }
  if (generations.get(area) !== generation) return;
  if (loaded.empty) {
    area.dataset.state = 'empty';
    fill(area, h('p', { class: 'status empty', role: 'status' }, t('empty')));
    return;
  }
  // Nodes are attached before the charts draw (ECharts measures its element).
  area.dataset.state = 'ready';
  const notice =
    loaded.errors && loaded.errors.length > 0
      ? h(
          'p',
          { class: 'status partial', role: 'alert' },
          `${t('error.partial')} ${describeFieldErrors(loaded.errors)}`,
        )
      : null;
  fill(area, notice, loaded.nodes);
  loaded.draw?.();
}

/** A section with a heading. */
export function section(title: string, ...children: Node[]): HTMLElement {
  return h('section', { class: 'card' }, h('h3', {}, title), ...children);
}

/** Years the demo data holds, newest first. */
export const YEARS = [2025, 2024, 2023, 2022, 2021];

export function yearSelect(selected: number, years: number[] = YEARS): HTMLSelectElement {
  return h('select', {}, ...years.map((year) => h('option', { value: year, selected: year === selected }, year)));
}

/** A page's controls: its fields and the Show button; submitting runs `onSubmit` instead of reloading the page. */
export function controlsForm(onSubmit: () => void, ...fields: HTMLElement[]): HTMLFormElement {
  return submitForm('controls', onSubmit, ...fields, h('button', { type: 'submit' }, t('show')));
}

/**
 * A data table (`data-table` names it for the browser tests): a header row (a string becomes a plain `th`),
 * the body rows and, if given, a footer row.
 */
export function dataTable(
  name: string,
  headers: readonly (string | HTMLTableCellElement)[],
  rows: readonly HTMLTableRowElement[],
  footer?: HTMLTableRowElement,
): HTMLTableElement {
  return h(
    'table',
    { class: 'data', 'data-table': name },
    h('thead', {}, h('tr', {}, ...headers.map((cell) => (typeof cell === 'string' ? h('th', {}, cell) : cell)))),
    h('tbody', {}, [...rows]),
    footer ? h('tfoot', {}, footer) : null,
  );
}
