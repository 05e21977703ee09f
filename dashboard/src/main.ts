import './style.css';
import { storedToken, storeToken } from './api.js';
import { disposeCharts } from './charts.js';
import { fill, h, submitForm } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import { comparePage } from './pages/compare.js';
import { compliancePage } from './pages/compliance.js';
import { curriculumPage } from './pages/curriculum.js';
import { trendsPage } from './pages/trends.js';

/**
 * The shell: a token box, the language toggle, four pages by hash route (#/compare, #/trends,
 * #/compliance, #/curriculum, each taking its inputs as query parameters, e.g. #/compare?regions=12.71,12.75).
 */

type PageName = 'compare' | 'trends' | 'compliance' | 'curriculum';

const PAGE_NAMES: readonly PageName[] = ['compare', 'trends', 'compliance', 'curriculum'];

const PAGES: Record<PageName, (root: HTMLElement, params: URLSearchParams) => void> = {
  compare: comparePage,
  trends: trendsPage,
  compliance: compliancePage,
  curriculum: curriculumPage,
};

function route(): { name: PageName; params: URLSearchParams } {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const name = PAGE_NAMES.find((candidate) => candidate === path) ?? 'compare';
  return { name, params: new URLSearchParams(query) };
}

function tokenBox(): HTMLElement {
  const input = h('input', {
    type: 'password',
    autocomplete: 'off',
    placeholder: t('token.placeholder'),
    value: storedToken(),
    'data-control': 'token',
  });
  const state = h('small', { class: 'token-state' }, storedToken() ? t('token.saved') : t('token.none'));
  const save = () => {
    storeToken(input.value);
    render();
  };
  return submitForm(
    'token',
    save,
    h('label', {}, h('span', {}, t('token.label')), input),
    h('button', { type: 'submit' }, t('token.save')),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          input.value = '';
          save();
        },
      },
      t('token.clear'),
    ),
    state,
    h('small', { class: 'hint' }, h('code', {}, t('token.hint'))),
  );
}

function render(): void {
  const app = document.getElementById('app');
  if (!app) return;
  disposeCharts();
  document.documentElement.lang = language();
  const { name, params } = route();
  document.title = `${t(`nav.${name}`)} - ${t('title')}`;
  const page = h('main', { class: 'page', 'data-page': name });
  fill(
    app,
    h(
      'header',
      {},
      h('div', { class: 'brand' }, h('h1', {}, t('title')), h('p', {}, t('subtitle'))),
      h(
        'button',
        {
          type: 'button',
          class: 'language',
          'data-action': 'language',
          onclick: () => {
            setLanguage(language() === 'id' ? 'en' : 'id');
            render();
          },
        },
        t('language.switch'),
      ),
      tokenBox(),
    ),
    h(
      'nav',
      {},
      PAGE_NAMES.map((candidate) =>
        h(
          'a',
          { href: `#/${candidate}`, class: candidate === name ? 'active' : '', 'data-nav': candidate },
          t(`nav.${candidate}`),
        ),
      ),
    ),
    h('h2', {}, t(`nav.${name}`)),
    page,
  );
  PAGES[name](page, params);
}

window.addEventListener('hashchange', render);
render();
