import { graphql } from '../api.js';
import { chartBox } from '../charts.js';
import { field, fill, h } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import {
  COURSES,
  type CoursesData,
  CURRICULUM,
  type CurriculumData,
  type Outcome,
  UNIVERSITIES,
  type UniversitiesData,
  type University,
  type Version,
} from '../queries.js';
import { dataTable, type Loaded, load, section } from './common.js';

let universities: Promise<University[]> | undefined;

/** The heatmap's cells: [competency column, module row, target level]; outcomes without a module get a last row. */
export function curriculumMatrix(version: Version): {
  competencies: { code: string; name: string }[];
  rows: { moduleId: number | null; label: string }[];
  cells: [number, number, number][];
} {
  const competencies = [
    ...new Map(version.learningOutcomes.map((outcome) => [outcome.competency.code, outcome.competency])).values(),
  ].sort((a, b) => a.code.localeCompare(b.code));
  const rows: { moduleId: number | null; label: string }[] = [...version.modules]
    .sort((a, b) => a.seq - b.seq)
    .map((module) => ({ moduleId: module.id, label: `${module.seq}. ${module.title}` }));
  if (version.learningOutcomes.some((outcome) => outcome.moduleId === null))
    rows.push({ moduleId: null, label: t('curriculum.noModule') });
  const levels = new Map<string, number>();
  for (const outcome of version.learningOutcomes) {
    const key = `${outcome.competency.code}|${outcome.moduleId}`;
    levels.set(key, Math.max(levels.get(key) ?? 0, outcome.targetLevel));
  }
  const cells: [number, number, number][] = [];
  competencies.forEach((competency, column) => {
    rows.forEach((row, rowIndex) => {
      const level = levels.get(`${competency.code}|${row.moduleId}`);
      if (level !== undefined) cells.push([column, rowIndex, level]);
    });
  });
  return { competencies, rows, cells };
}

function renderVersion(detail: HTMLElement, version: Version): void {
  const matrix = curriculumMatrix(version);
  const chart = chartBox('curriculum', 80 + 36 * Math.max(matrix.rows.length, 1) + 40);
  const outcomesOf = (moduleId: number | null) =>
    version.learningOutcomes.filter((outcome) => outcome.moduleId === moduleId);
  fill(
    detail,
    h(
      'p',
      { class: 'version-note', 'data-version': version.version },
      h('strong', {}, `v${version.version}`),
      version.current ? ` (${t('curriculum.current')})` : '',
      ` - ${t('curriculum.published')} ${formatDate(version.publishedAt)} - ${version.jp} JP - `,
      version.note,
    ),
    section(t('curriculum.map'), chart.element),
    section(
      `${t('curriculum.modules')} & ${t('curriculum.outcomes')}`,
      dataTable(
        'modules',
        [t('curriculum.modules'), 'JP', t('curriculum.outcomes'), t('curriculum.competency'), t('curriculum.level')],
        matrix.rows.flatMap((row) => {
          const outcomes = outcomesOf(row.moduleId);
          const module = version.modules.find((candidate) => candidate.id === row.moduleId);
          const span = Math.max(outcomes.length, 1);
          const first = outcomes[0];
          const outcomeCells = (outcome: Outcome | undefined) =>
            outcome
              ? [
                  h('td', {}, outcome.statement),
                  h('td', { title: outcome.competency.name }, `${outcome.competency.code} ${outcome.competency.name}`),
                  h('td', { class: 'number' }, outcome.targetLevel),
                ]
              : [h('td', { colspan: 3 }, '-')];
          return [
            h(
              'tr',
              { 'data-module': row.moduleId ?? 'none' },
              h('td', { rowspan: span }, row.label),
              h('td', { rowspan: span, class: 'number' }, module?.jp ?? '-'),
              ...outcomeCells(first),
            ),
            ...outcomes.slice(1).map((outcome) => h('tr', {}, ...outcomeCells(outcome))),
          ];
        }),
      ),
    ),
  );
  chart.draw({
    grid: { left: 260, right: 30, top: 20, bottom: 90 },
    tooltip: {
      formatter: (params: { value: [number, number, number] }) => {
        const [column, row, level] = params.value;
        return `${matrix.rows[row]?.label ?? ''}<br>${matrix.competencies[column]?.name ?? ''}: ${t('curriculum.level')} ${level}`;
      },
    },
    xAxis: {
      type: 'category',
      data: matrix.competencies.map((competency) => competency.code),
      // Code and name: the name is what a planner reads, the code what the table and the API use.
      axisLabel: {
        interval: 0,
        width: 150,
        overflow: 'truncate',
        lineHeight: 16,
        formatter: (code: string) =>
          `${code}\n${matrix.competencies.find((competency) => competency.code === code)?.name ?? ''}`,
      },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: matrix.rows.map((row) => row.label),
      axisLabel: { width: 240, overflow: 'truncate' },
      splitArea: { show: true },
    },
    visualMap: {
      min: 1,
      max: 5,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['5', `${t('curriculum.level')} 1`],
      inRange: { color: ['#d8ecf3', '#1f6f8b'] },
    },
    series: [{ name: t('curriculum.level'), type: 'heatmap', data: matrix.cells, label: { show: true } }],
  });
}

async function courseDetail(courseId: number): Promise<Loaded> {
  const { data, errors } = await graphql<CurriculumData>(CURRICULUM, { courseId });
  const versions = data.course?.curriculumVersions.nodes ?? [];
  if (versions.length === 0) return { empty: true };
  const version = h(
    'select',
    { 'data-control': 'version' },
    versions.map((candidate) =>
      h(
        'option',
        { value: candidate.version, selected: candidate.current },
        `v${candidate.version}${candidate.current ? ` (${t('curriculum.current')})` : ''} - ${formatDate(candidate.publishedAt)}`,
      ),
    ),
  );
  const shown = h('div', {});
  const showVersion = () => {
    const chosen = versions.find((candidate) => String(candidate.version) === version.value) ?? versions.at(-1);
    if (chosen) renderVersion(shown, chosen);
  };
  version.addEventListener('change', showVersion);
  return {
    errors,
    nodes: [h('div', { class: 'controls' }, field(t('field.version'), version)), shown],
    draw: showVersion,
  };
}

export function curriculumPage(root: HTMLElement, params: URLSearchParams): void {
  const university = h('select', { 'data-control': 'university' });
  const area = h('div', { class: 'result' });
  const wanted = params.get('university') ?? 'UNIMED';
  const run = () =>
    load(area, async () => {
      universities ??= graphql<UniversitiesData>(UNIVERSITIES).then(({ data }) => data.universities.nodes);
      let list: University[];
      try {
        list = await universities;
      } catch (error) {
        universities = undefined; // try again next time
        throw error;
      }
      if (university.options.length === 0) {
        fill(
          university,
          list.map((candidate) =>
            h(
              'option',
              { value: candidate.id, selected: candidate.code === wanted },
              `${candidate.shortName} - ${candidate.name}`,
            ),
          ),
        );
      }
      if (!university.value) return { empty: true };
      const { data, errors } = await graphql<CoursesData>(COURSES, { universityId: Number(university.value) });
      const courses = data.courses.nodes;
      if (courses.length === 0) return { empty: true };
      const course = h(
        'select',
        { 'data-control': 'course' },
        courses.map((candidate) =>
          h('option', { value: candidate.id }, `${candidate.code} - ${candidate.title} (${candidate.jp} JP)`),
        ),
      );
      const detail = h('div', { class: 'course-detail' });
      // The course's versions load when it is chosen: one request per course, not one for all.
      const showCourse = () => void load(detail, () => courseDetail(Number(course.value)));
      course.addEventListener('change', showCourse);
      return {
        errors,
        nodes: [h('div', { class: 'controls' }, field(t('field.course'), course)), detail],
        draw: showCourse,
      };
    });
  university.addEventListener('change', () => void run());
  root.append(
    h('p', { class: 'intro' }, t('curriculum.intro')),
    h('div', { class: 'controls' }, field(t('field.university'), university)),
    area,
  );
  void run();
}
