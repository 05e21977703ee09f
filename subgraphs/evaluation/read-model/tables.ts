/**
 * Evaluation's read model: copies of the facts personnel, learning and budgeting publish through their
 * change feeds (see subgraphs/shared/feed.ts), kept by the sync (sync.ts). The comparison and the analytics
 * read these tables only; evaluation never reads another subgraph's schema. Each table mirrors its owner's
 * rollup column for column (without the owner's seq), so a feed row applies as it is.
 */

export type FeedOwner = 'personnel' | 'learning' | 'budgeting';

export interface ReadModelTable {
  owner: FeedOwner;
  /** The owner's stream name (see the owner's feed.ts). */
  stream: string;
  table: string;
  key: readonly string[];
  /** Every other column. */
  values: readonly string[];
}

export const READ_MODEL_TABLES: readonly ReadModelTable[] = [
  {
    owner: 'personnel',
    stream: 'regions',
    table: 'evaluation.rm_region',
    key: ['code'],
    values: ['name', 'level', 'parent_code'],
  },
  {
    owner: 'personnel',
    stream: 'units',
    table: 'evaluation.rm_unit',
    key: ['unit_id'],
    values: [
      'unit_code',
      'unit_name',
      'unit_kind',
      'agency_id',
      'agency_code',
      'agency_name',
      'agency_kind',
      'region_code',
    ],
  },
  {
    owner: 'personnel',
    stream: 'staffing',
    table: 'evaluation.rm_unit_staffing',
    key: ['year', 'unit_id'],
    values: [
      'staff',
      'pns',
      'pppk',
      'female',
      'male',
      'manajerial',
      'nonmanajerial',
      'rank_pns_i',
      'rank_pns_ii',
      'rank_pns_iii',
      'rank_pns_iv',
      'rank_pppk',
      'age_under_30',
      'age_30_39',
      'age_40_49',
      'age_50_plus',
    ],
  },
  {
    owner: 'personnel',
    stream: 'mentoring',
    table: 'evaluation.rm_unit_mentoring',
    key: ['year', 'unit_id'],
    values: ['staff', 'mentored', 'mentors', 'mentor_leaders', 'promoted'],
  },
  {
    owner: 'personnel',
    stream: 'promotions',
    table: 'evaluation.rm_promotion',
    key: ['year', 'employee_id'],
    values: [],
  },
  {
    owner: 'learning',
    stream: 'unitTraining',
    table: 'evaluation.rm_unit_training',
    key: ['year', 'unit_id', 'region_code'],
    values: ['enrolments', 'completions', 'drop_outs', 'participants', 'jp', 'reached_minimum'],
  },
  {
    owner: 'learning',
    stream: 'unitTrainingDays',
    table: 'evaluation.rm_unit_training_day',
    key: ['year', 'unit_id', 'region_code', 'completed_on'],
    values: ['jp', 'enrolments'],
  },
  {
    owner: 'learning',
    stream: 'regionLearning',
    table: 'evaluation.rm_region_learning',
    key: ['year', 'region_code'],
    values: [
      'enrolments',
      'completions',
      'drop_outs',
      'participants',
      'trained',
      'jp',
      'satisfaction_sum',
      'satisfaction_n',
      'test_gain_sum',
      'tested_n',
    ],
  },
  {
    owner: 'learning',
    stream: 'trainedEmployees',
    table: 'evaluation.rm_trained_employee',
    key: ['year', 'employee_id', 'region_code'],
    values: ['jp'],
  },
  {
    owner: 'learning',
    stream: 'courseLearning',
    table: 'evaluation.rm_course_learning',
    key: ['year', 'region_code', 'kind', 'code'],
    values: [
      'label',
      'enrolments',
      'completions',
      'drop_outs',
      'participants',
      'jp',
      'satisfaction_sum',
      'satisfaction_n',
      'test_gain_sum',
      'tested_n',
    ],
  },
  {
    owner: 'budgeting',
    stream: 'agencyBudget',
    table: 'evaluation.rm_agency_budget',
    key: ['year', 'agency_id', 'region_code'],
    values: ['ceiling', 'realised', 'lines', 'offering_planned', 'offering_realised', 'offerings'],
  },
];
