import type pg from 'pg';
import { TableBuffer } from './writer.js';

type Columns = readonly (readonly [name: string, type: string])[];

const table = (name: string, columns: Columns, hasIdentity = true): TableBuffer =>
  new TableBuffer(
    name,
    columns.map(([column]) => column),
    columns.map(([, type]) => type),
    hasIdentity,
  );

/** Row buffers of every table the generator fills. Insertion order = flush order: parents before children. */
export function createTables() {
  return {
    agency: table('personnel.agency', [
      ['id', 'int'],
      ['code', 'text'],
      ['region_code', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
    ]),
    unit: table('personnel.service_unit', [
      ['id', 'int'],
      ['code', 'text'],
      ['agency_id', 'int'],
      ['region_code', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['population_served', 'int'],
    ]),
    employee: table('personnel.employee', [
      ['id', 'int'],
      ['asn_type', 'text'],
      ['nip', 'text'],
      ['ni_pppk', 'text'],
      ['full_name', 'text'],
      ['birth_date', 'date'],
      ['gender', 'text'],
      ['appointed_on', 'date'],
      ['agency_id', 'int'],
      ['unit_id', 'int'],
      ['rank_code', 'text'],
      ['position_title', 'text'],
      ['position_kind', 'text'],
      ['position_level', 'text'],
    ]),
    rankHistory: table('personnel.rank_history', [
      ['id', 'int'],
      ['employee_id', 'int'],
      ['rank_code', 'text'],
      ['tmt', 'date'],
    ]),
    positionHistory: table('personnel.position_history', [
      ['id', 'int'],
      ['employee_id', 'int'],
      ['agency_id', 'int'],
      ['unit_id', 'int'],
      ['title', 'text'],
      ['position_kind', 'text'],
      ['position_level', 'text'],
      ['tmt', 'date'],
    ]),
    mentoring: table('personnel.mentoring_pair', [
      ['id', 'int'],
      ['mentor_id', 'int'],
      ['mentee_id', 'int'],
      ['started_on', 'date'],
      ['ended_on', 'date'],
      ['focus', 'text'],
    ]),
    competency: table('learning.competency', [
      ['id', 'int'],
      ['code', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['description', 'text'],
    ]),
    university: table('learning.university', [
      ['id', 'int'],
      ['code', 'text'],
      ['name', 'text'],
      ['short_name', 'text'],
      ['region_code', 'text'],
    ]),
    course: table('learning.course', [
      ['id', 'int'],
      ['code', 'text'],
      ['title', 'text'],
      ['programme', 'text'],
      ['mode', 'text'],
      ['delivery', 'text'],
      ['jp', 'smallint'],
      ['university_id', 'int'],
      ['description', 'text'],
    ]),
    curriculumVersion: table('learning.curriculum_version', [
      ['id', 'int'],
      ['course_id', 'int'],
      ['version', 'int'],
      ['published_at', 'timestamptz'],
      ['note', 'text'],
    ]),
    module: table('learning.course_module', [
      ['id', 'int'],
      ['course_id', 'int'],
      ['curriculum_version_id', 'int'],
      ['seq', 'smallint'],
      ['title', 'text'],
      ['jp', 'smallint'],
    ]),
    outcome: table('learning.learning_outcome', [
      ['id', 'int'],
      ['course_id', 'int'],
      ['curriculum_version_id', 'int'],
      ['module_id', 'int'],
      ['statement', 'text'],
      ['competency_id', 'int'],
      ['target_level', 'smallint'],
    ]),
    offering: table('learning.course_offering', [
      ['id', 'int'],
      ['code', 'text'],
      ['course_id', 'int'],
      ['curriculum_version_id', 'int'],
      ['region_code', 'text'],
      ['year', 'smallint'],
      ['starts_on', 'date'],
      ['ends_on', 'date'],
      ['capacity', 'int'],
      ['venue', 'text'],
      ['status', 'text'],
    ]),
    enrolment: table('learning.enrolment', [
      ['id', 'int'],
      ['offering_id', 'int'],
      ['employee_id', 'int'],
      ['year', 'smallint'],
      ['agency_id', 'int'],
      ['unit_id', 'int'],
      ['region_code', 'text'],
      ['status', 'text'],
      ['jp_earned', 'smallint'],
      ['pre_test', 'numeric'],
      ['post_test', 'numeric'],
      ['satisfaction', 'numeric'],
    ]),
    budgetLine: table('budgeting.budget_line', [
      ['id', 'int'],
      ['agency_id', 'int'],
      ['region_code', 'text'],
      ['year', 'smallint'],
      ['sub_activity_code', 'text'],
      ['description', 'text'],
      ['ceiling', 'bigint'],
      ['realised', 'bigint'],
    ]),
    offeringCost: table(
      'budgeting.offering_cost',
      [
        ['offering_id', 'int'],
        ['agency_id', 'int'],
        ['region_code', 'text'],
        ['year', 'smallint'],
        ['planned', 'bigint'],
        ['realised', 'bigint'],
      ],
      false,
    ),
    skp: table('evaluation.skp_appraisal', [
      ['id', 'int'],
      ['employee_id', 'int'],
      ['year', 'smallint'],
      ['unit_id', 'int'],
      ['region_code', 'text'],
      ['hasil_kerja', 'text'],
      ['perilaku_kerja', 'text'],
    ]),
    survey: table('evaluation.ikm_survey', [
      ['id', 'int'],
      ['unit_id', 'int'],
      ['region_code', 'text'],
      ['year', 'smallint'],
      ['conducted_on', 'date'],
      ['population_served', 'int'],
      ['respondents', 'int'],
    ]),
    answer: table(
      'evaluation.ikm_answer_count',
      [
        ['survey_id', 'int'],
        ['element_no', 'smallint'],
        ['score', 'smallint'],
        ['answers', 'int'],
      ],
      false,
    ),
  };
}

export type Tables = ReturnType<typeof createTables>;
export type TableKey = keyof Tables;

/** Every table the generator fills (schema-qualified), parents before children. */
export const SEEDED_TABLES: readonly string[] = Object.values(createTables()).map((t) => t.table);

/** Empties every table the generator fills (regions and reference tables stay), so a new seed can run. */
export async function clearDemoData(pool: pg.Pool): Promise<void> {
  await pool.query(`truncate ${SEEDED_TABLES.join(', ')} restart identity`);
}

/** Rows written or still buffered, over all tables. */
export const totalWritten = (tables: Tables): number =>
  Object.values(tables).reduce((n, t) => n + t.written + t.pending, 0);
