import { type EnumValue, graphqlEnum } from '../../shared/enums.js';
import type { AnalyticsDimension } from './dimensions.js';
import { type FactSource, IKM_SURVEYS, SKP_APPRAISALS } from './sources.js';

/**
 * # Measures of the analytics API
 *
 * A measure is one aggregate SQL expression over one fact source (`f`), in the spirit of Cube's measures:
 * everything is aggregated by PostgreSQL, per group and over the whole query (the totals), never in
 * JavaScript. `people` are the counts of people behind the figure: when any of them is 1 to 4 the figure is
 * withheld from viewers without PERSON_LEVEL in the region (small-cell suppression; a ratio is withheld
 * when either of its terms would be). Figures about service units and budgets, not people, have none.
 */

export type MeasureUnit = 'JP' | 'RUPIAH' | 'SHARE' | 'INDEX_POINTS' | 'PEOPLE' | 'SCORE' | 'UNITS';

export interface MeasureInfo {
  title: string;
  titleId: string;
  description: string;
  unit: MeasureUnit;
  source: FactSource;
  /** Aggregate SQL over `f`. */
  sql: string;
  /** Aggregate SQL counts of the people behind the figure (empty: not a figure about people). */
  people: readonly string[];
  /** A whole-Rupiah amount: exact, also returned as `rupiah`. */
  money?: boolean;
}

const share = (condition: string): string => `avg((${condition})::int)`;

/** The share of appraisals with one SKP predicate. */
function skpShare(predicate: string, label: string, labelId: string): MeasureInfo {
  return {
    title: `SKP ${label} share`,
    titleId: `Proporsi SKP ${labelId}`,
    description: `Share of annual SKP appraisals whose predicate (PermenPANRB 6/2022 matrix) is ${labelId}.`,
    unit: 'SHARE',
    source: SKP_APPRAISALS,
    sql: share(`f.predicate = '${predicate}'`),
    people: ['count(*)'],
  };
}

/** The share of IKM surveys with one grade. */
function ikmGradeShare(grade: string, performance: string): MeasureInfo {
  return {
    title: `IKM grade ${grade} share`,
    titleId: `Proporsi IKM mutu ${grade}`,
    description: `Share of IKM surveys (one per unit and year) graded ${grade}, ${performance} (PermenPANRB 14/2017 bands).`,
    unit: 'SHARE',
    source: IKM_SURVEYS,
    sql: share(`f.grade = '${grade}'`),
    people: [],
  };
}

export const MEASURES = {
  IKM_MEAN: {
    title: 'Mean IKM',
    titleId: 'Rata-rata IKM',
    description:
      'Mean IKM score (25-100, exact 1/9 element weights) over the service units surveyed, each unit and year counted once (unweighted), ' +
      'under-sampled surveys included, as `trainingImpact` reports `meanIkm`.',
    unit: 'INDEX_POINTS',
    source: IKM_SURVEYS,
    sql: 'avg(f.score)',
    people: [],
  },
  IKM_UNITS_SURVEYED: {
    title: 'Units surveyed',
    titleId: 'Unit yang disurvei',
    description: 'Number of IKM surveys: service units surveyed, once per year.',
    unit: 'UNITS',
    source: IKM_SURVEYS,
    sql: 'count(*)',
    people: [],
  },
  IKM_RESPONDENTS: {
    title: 'IKM respondents',
    titleId: 'Responden IKM',
    description: 'Respondents of the IKM surveys (members of the public, anonymous).',
    unit: 'PEOPLE',
    source: IKM_SURVEYS,
    sql: 'sum(f.respondents)',
    people: [],
  },
  IKM_UNDER_SAMPLED_SHARE: {
    title: 'Under-sampled IKM share',
    titleId: 'Proporsi IKM di bawah sampel minimum',
    description:
      'Share of IKM surveys with fewer respondents than the Krejcie-Morgan minimum for the population served.',
    unit: 'SHARE',
    source: IKM_SURVEYS,
    sql: share('f."underSampled"'),
    people: [],
  },
  IKM_GRADE_A_SHARE: ikmGradeShare('A', 'Sangat Baik'),
  IKM_GRADE_B_SHARE: ikmGradeShare('B', 'Baik'),
  IKM_GRADE_C_SHARE: ikmGradeShare('C', 'Kurang Baik'),
  IKM_GRADE_D_SHARE: ikmGradeShare('D', 'Tidak Baik'),
  SKP_APPRAISED: {
    title: 'Staff appraised (SKP)',
    titleId: 'Pegawai dinilai (SKP)',
    description: 'Annual SKP appraisals: staff appraised, once per year.',
    unit: 'PEOPLE',
    source: SKP_APPRAISALS,
    sql: 'count(*)',
    people: ['count(*)'],
  },
  SKP_MEAN_PREDICATE: {
    title: 'Mean SKP predicate',
    titleId: 'Rata-rata predikat SKP',
    description:
      'Mean ordinal of the SKP predicate: 1 Sangat Kurang, 2 Kurang, 3 Butuh Perbaikan, 4 Baik, 5 Sangat Baik.',
    unit: 'SCORE',
    source: SKP_APPRAISALS,
    sql: 'avg(f.ordinal)',
    people: ['count(*)'],
  },
  SKP_SANGAT_BAIK_SHARE: skpShare('SANGAT_BAIK', 'very good', 'Sangat Baik'),
  SKP_BAIK_SHARE: skpShare('BAIK', 'good', 'Baik'),
  SKP_BUTUH_PERBAIKAN_SHARE: skpShare('BUTUH_PERBAIKAN', 'needs improvement', 'Butuh Perbaikan'),
  SKP_KURANG_SHARE: skpShare('KURANG', 'poor', 'Kurang'),
  SKP_SANGAT_KURANG_SHARE: skpShare('SANGAT_KURANG', 'very poor', 'Sangat Kurang'),
} as const satisfies Record<string, MeasureInfo>;

export const AnalyticsMeasure = graphqlEnum(
  'AnalyticsMeasure',
  'An aggregate the analytics API computes. `analyticsCatalogue` gives each its title, unit, owner and dimensions.',
  Object.fromEntries(
    Object.entries(MEASURES).map(([name, info]) => [name, `${info.title}: ${info.description}`]),
  ) as Record<keyof typeof MEASURES, string>, // fromEntries loses the keys' type; they are MEASURES' keys
);
export type AnalyticsMeasure = EnumValue<typeof AnalyticsMeasure>;

export function measureInfo(measure: AnalyticsMeasure): MeasureInfo {
  return MEASURES[measure];
}

/** The dimensions a measure may be grouped or filtered by: those its fact source carries. */
export function dimensionsOf(measure: AnalyticsMeasure): AnalyticsDimension[] {
  return Object.keys(MEASURES[measure].source.dimensions) as AnalyticsDimension[]; // keys of a Partial<Record<AnalyticsDimension, _>>
}
