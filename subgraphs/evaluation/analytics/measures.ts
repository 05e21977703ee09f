import { catalogueEnum, type EnumValue } from '../../shared/enums.js';
import type { AnalyticsDimension } from './dimensions.js';
import {
  AGENCY_YEAR,
  type FactSource,
  IKM_SURVEYS,
  LEARNING_BY_COURSE,
  REGION_LEARNING,
  SKP_APPRAISALS,
  STAFF_BY_PERSON,
  UNIT_MENTORING,
  UNIT_YEAR,
} from './sources.js';

/**
 * # Measures of the analytics API
 *
 * A measure is one aggregate SQL expression over one fact source (`f`), in the spirit of Cube's measures:
 * everything is aggregated by PostgreSQL, per group and over the whole query (the totals), never in
 * JavaScript. `people` are the counts of people behind the figure: when any of them is 1 to 4 the figure is
 * withheld from viewers without PERSON_LEVEL in the region (small-cell suppression; a ratio is withheld
 * when either of its terms would be). Figures about service units and budgets, not people, have none.
 */

export type MeasureUnit = 'JP' | 'RUPIAH' | 'SHARE' | 'INDEX_POINTS' | 'PEOPLE' | 'SCORE' | 'UNITS' | 'ENROLMENTS';

export interface MeasureInfo {
  title: string;
  titleId: string;
  description: string;
  unit: MeasureUnit;
  /** The subgraph whose facts it counts, when not its sources' (staff counts beside training rows). */
  owner?: FactSource['owner'];
  /** Where it is computed: the first source that carries every requested dimension is used. */
  sources: readonly FactSource[];
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
    sources: [SKP_APPRAISALS],
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
    sources: [IKM_SURVEYS],
    sql: share(`f.grade = '${grade}'`),
    people: [],
  };
}

export const MEASURES = {
  HEADCOUNT: {
    title: 'Headcount',
    titleId: 'Jumlah pegawai',
    description:
      'Staff placed in service units on 31 December of the year (personnel), as `trainingImpact` counts exposure: the staff of that year, ' +
      'not of today. By one person dimension at a time (gender, ASN type, position kind, rank group, age band).',
    unit: 'PEOPLE',
    owner: 'personnel',
    sources: [UNIT_YEAR, ...STAFF_BY_PERSON],
    sql: 'sum(f.staff)',
    people: ['sum(f.staff)'],
  },
  TRAINED_STAFF: {
    title: 'Staff in training',
    titleId: 'Pegawai yang mengikuti pelatihan',
    description:
      'Employees with at least one enrolment in the year, counted in the unit they were placed in (learning); ' +
      'by course, university, delivery mode or competency: the distinct employees enrolled in it.',
    unit: 'PEOPLE',
    sources: [UNIT_YEAR, ...LEARNING_BY_COURSE],
    sql: 'sum(f.participants)',
    people: ['sum(f.participants)'],
  },
  ENROLMENTS: {
    title: 'Enrolments',
    titleId: 'Jumlah keikutsertaan pelatihan',
    description:
      'Enrolments of the staff in course offerings in the year, whatever their outcome (learning): one employee may have several.',
    unit: 'ENROLMENTS',
    sources: [UNIT_YEAR, ...LEARNING_BY_COURSE],
    sql: 'sum(f.enrolments)',
    people: ['sum(f.participants)'],
  },
  JP_TOTAL: {
    title: 'JP earned',
    titleId: 'Total JP',
    description: 'Training hours (JP, 45 minutes) earned in the year by the staff of the units (learning).',
    unit: 'JP',
    sources: [UNIT_YEAR, ...LEARNING_BY_COURSE],
    sql: 'sum(f.jp)',
    people: ['sum(f.participants)'],
  },
  JP_PER_STAFF: {
    title: 'JP per staff member',
    titleId: 'JP per pegawai',
    description:
      'JP earned in the year divided by the staff on 31 December (JP_TOTAL / HEADCOUNT); undefined without staff.',
    unit: 'JP',
    sources: [UNIT_YEAR],
    sql: 'sum(f.jp)::numeric / nullif(sum(f.staff), 0)',
    people: ['sum(f.staff)', 'sum(f.participants)'],
  },
  JP20_COMPLIANCE_SHARE: {
    title: '20 JP compliance',
    titleId: 'Capaian 20 JP',
    description:
      'Share of staff who earned at least the annual minimum of 20 JP (PP 11/2017 as amended by PP 17/2020): staff reaching it / HEADCOUNT.',
    unit: 'SHARE',
    sources: [UNIT_YEAR],
    sql: 'sum(f.reached_minimum)::numeric / nullif(sum(f.staff), 0)',
    people: ['sum(f.staff)', 'sum(f.reached_minimum)'],
  },
  COMPLETION_RATE: {
    title: 'Completion rate',
    titleId: 'Tingkat kelulusan',
    description: 'Completed enrolments / enrolments of the staff of the units in the year.',
    unit: 'SHARE',
    sources: [UNIT_YEAR, ...LEARNING_BY_COURSE],
    sql: 'sum(f.completions)::numeric / nullif(sum(f.enrolments), 0)',
    people: ['sum(f.participants)'],
  },
  DROP_OUT_RATE: {
    title: 'Drop-out rate',
    titleId: 'Tingkat putus pelatihan',
    description: 'Dropped enrolments / enrolments of the staff of the units in the year.',
    unit: 'SHARE',
    sources: [UNIT_YEAR, ...LEARNING_BY_COURSE],
    sql: 'sum(f.drop_outs)::numeric / nullif(sum(f.enrolments), 0)',
    people: ['sum(f.participants)'],
  },
  MEAN_SATISFACTION: {
    title: 'Mean satisfaction (L1)',
    titleId: 'Rata-rata kepuasan peserta (L1)',
    description:
      'Mean participant satisfaction (1-5) over the enrolments that rated their course: Kirkpatrick level 1 (learning, per region).',
    unit: 'SCORE',
    sources: [REGION_LEARNING, ...LEARNING_BY_COURSE],
    sql: 'sum(f.satisfaction_sum) / nullif(sum(f.satisfaction_n), 0)',
    people: ['sum(f.satisfaction_n)'],
  },
  MEAN_TEST_GAIN: {
    title: 'Mean test gain (L2)',
    titleId: 'Rata-rata peningkatan nilai tes (L2)',
    description:
      'Mean post-test minus pre-test score over the tested enrolments: Kirkpatrick level 2 (learning, per region).',
    unit: 'SCORE',
    sources: [REGION_LEARNING, ...LEARNING_BY_COURSE],
    sql: 'sum(f.test_gain_sum) / nullif(sum(f.tested_n), 0)',
    people: ['sum(f.tested_n)'],
  },
  BUDGET_CEILING: {
    title: 'Training budget ceiling',
    titleId: 'Pagu anggaran pelatihan',
    description: 'Pagu of the training budget lines of the agencies (budgeting), whole Rupiah.',
    unit: 'RUPIAH',
    sources: [AGENCY_YEAR],
    sql: 'sum(f.ceiling)',
    people: [],
    money: true,
  },
  BUDGET_REALISED: {
    title: 'Training spending realised',
    titleId: 'Realisasi anggaran pelatihan',
    description: 'Realisasi of the training budget lines of the agencies (budgeting), whole Rupiah.',
    unit: 'RUPIAH',
    sources: [AGENCY_YEAR],
    sql: 'sum(f.realised)',
    people: [],
    money: true,
  },
  BUDGET_REALISATION_RATE: {
    title: 'Budget realisation rate',
    titleId: 'Tingkat realisasi anggaran',
    description: 'Realised / ceiling of the training budget lines; undefined without a ceiling.',
    unit: 'SHARE',
    sources: [AGENCY_YEAR],
    sql: 'sum(f.realised)::numeric / nullif(sum(f.ceiling), 0)',
    people: [],
  },
  COST_PER_JP: {
    title: 'Cost per JP',
    titleId: 'Biaya per JP',
    description:
      "Realised training spending of the agencies / JP earned by their units' staff, rounded half up to whole Rupiah; undefined without JP.",
    unit: 'RUPIAH',
    sources: [AGENCY_YEAR],
    sql: 'sum(f.realised)::numeric / nullif(sum(f.jp), 0)',
    people: ['sum(f.participants)'],
    money: true,
  },
  COST_PER_PARTICIPANT: {
    title: 'Cost per participant',
    titleId: 'Biaya per peserta',
    description:
      "Realised training spending of the agencies / participants among their units' staff, rounded half up to whole Rupiah.",
    unit: 'RUPIAH',
    sources: [AGENCY_YEAR],
    sql: 'sum(f.realised)::numeric / nullif(sum(f.participants), 0)',
    people: ['sum(f.participants)'],
    money: true,
  },
  IKM_MEAN: {
    title: 'Mean IKM',
    titleId: 'Rata-rata IKM',
    description:
      'Mean IKM score (25-100, exact 1/9 element weights) over the service units surveyed, each unit and year counted once (unweighted), ' +
      'under-sampled surveys included, as `trainingImpact` reports `meanIkm`.',
    unit: 'INDEX_POINTS',
    sources: [IKM_SURVEYS],
    sql: 'avg(f.score)',
    people: [],
  },
  IKM_UNITS_SURVEYED: {
    title: 'Units surveyed',
    titleId: 'Unit yang disurvei',
    description: 'Number of IKM surveys: service units surveyed, once per year.',
    unit: 'UNITS',
    sources: [IKM_SURVEYS],
    sql: 'count(*)',
    people: [],
  },
  IKM_RESPONDENTS: {
    title: 'IKM respondents',
    titleId: 'Responden IKM',
    description: 'Respondents of the IKM surveys (members of the public, anonymous).',
    unit: 'PEOPLE',
    sources: [IKM_SURVEYS],
    sql: 'sum(f.respondents)',
    people: [],
  },
  IKM_UNDER_SAMPLED_SHARE: {
    title: 'Under-sampled IKM share',
    titleId: 'Proporsi IKM di bawah sampel minimum',
    description:
      'Share of IKM surveys with fewer respondents than the Krejcie-Morgan minimum for the population served.',
    unit: 'SHARE',
    sources: [IKM_SURVEYS],
    sql: share('f.under_sampled'),
    people: [],
  },
  IKM_GRADE_A_SHARE: ikmGradeShare('A', 'Sangat Baik'),
  IKM_GRADE_B_SHARE: ikmGradeShare('B', 'Baik'),
  IKM_GRADE_C_SHARE: ikmGradeShare('C', 'Kurang Baik'),
  IKM_GRADE_D_SHARE: ikmGradeShare('D', 'Tidak Baik'),
  MENTORING_COVERAGE: {
    title: 'Mentoring coverage',
    titleId: 'Cakupan mentoring',
    description:
      'Share of the staff placed on 31 December who had a mentor in the year (a mentoring pair as mentee overlapping the year; personnel).',
    unit: 'SHARE',
    sources: [UNIT_MENTORING],
    sql: 'sum(f.mentored)::numeric / nullif(sum(f.staff), 0)',
    people: ['sum(f.staff)', 'sum(f.mentored)'],
  },
  MENTOR_LEADER_SHARE: {
    title: 'Mentors who are leaders',
    titleId: 'Proporsi mentor pejabat struktural',
    description:
      'Of the staff who mentored someone in the year, the share in a managerial (structural) position on 31 December (personnel); undefined without mentors.',
    unit: 'SHARE',
    sources: [UNIT_MENTORING],
    sql: 'sum(f.mentor_leaders)::numeric / nullif(sum(f.mentors), 0)',
    people: ['sum(f.mentors)', 'sum(f.mentor_leaders)'],
  },
  PROMOTION_RATE: {
    title: 'Promotion rate',
    titleId: 'Tingkat kenaikan pangkat',
    description:
      'Share of the staff placed on 31 December whose rank changed in the year (a rank with TMT in the year after an earlier one; personnel). ' +
      'By TRAINING_STATUS (trained versus untrained staff): over the staff appraised (SKP) that year, trained as learning lists them, promoted as personnel does.',
    unit: 'SHARE',
    sources: [UNIT_MENTORING, SKP_APPRAISALS],
    sql: 'sum(f.promoted)::numeric / nullif(sum(f.staff), 0)',
    people: ['sum(f.staff)', 'sum(f.promoted)'],
  },
  SKP_APPRAISED: {
    title: 'Staff appraised (SKP)',
    titleId: 'Pegawai dinilai (SKP)',
    description: 'Annual SKP appraisals: staff appraised, once per year.',
    unit: 'PEOPLE',
    sources: [SKP_APPRAISALS],
    sql: 'count(*)',
    people: ['count(*)'],
  },
  SKP_MEAN_PREDICATE: {
    title: 'Mean SKP predicate',
    titleId: 'Rata-rata predikat SKP',
    description:
      'Mean ordinal of the SKP predicate: 1 Sangat Kurang, 2 Kurang, 3 Butuh Perbaikan, 4 Baik, 5 Sangat Baik.',
    unit: 'SCORE',
    sources: [SKP_APPRAISALS],
    sql: 'avg(f.ordinal)',
    people: ['count(*)'],
  },
  SKP_SANGAT_BAIK_SHARE: skpShare('SANGAT_BAIK', 'very good', 'Sangat Baik'),
  SKP_BAIK_SHARE: skpShare('BAIK', 'good', 'Baik'),
  SKP_BUTUH_PERBAIKAN_SHARE: skpShare('BUTUH_PERBAIKAN', 'needs improvement', 'Butuh Perbaikan'),
  SKP_KURANG_SHARE: skpShare('KURANG', 'poor', 'Kurang'),
  SKP_SANGAT_KURANG_SHARE: skpShare('SANGAT_KURANG', 'very poor', 'Sangat Kurang'),
} as const satisfies Record<string, MeasureInfo>;

export const AnalyticsMeasure = catalogueEnum(
  'AnalyticsMeasure',
  'An aggregate the analytics API computes. `analyticsCatalogue` gives each its title, unit, owner and dimensions.',
  MEASURES,
);
export type AnalyticsMeasure = EnumValue<typeof AnalyticsMeasure>;

export function measureInfo(measure: AnalyticsMeasure): MeasureInfo {
  return MEASURES[measure];
}

/** The dimensions a measure may be grouped or filtered by: those one of its fact sources carries. */
export function dimensionsOf(measure: AnalyticsMeasure): AnalyticsDimension[] {
  const all = MEASURES[measure].sources.flatMap((source) => Object.keys(source.dimensions) as AnalyticsDimension[]); // keys of a Partial<Record<AnalyticsDimension, _>>
  return [...new Set(all)];
}

/** The source of a measure that carries all these dimensions, or undefined when none does. */
export function sourceFor(
  measure: AnalyticsMeasure,
  dimensions: readonly AnalyticsDimension[],
): FactSource | undefined {
  return MEASURES[measure].sources.find((source) => dimensions.every((d) => source.dimensions[d] !== undefined));
}
