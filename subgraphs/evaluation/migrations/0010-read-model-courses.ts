import { Migration } from '@mikro-orm/migrations';

/**
 * The read model of learning per course attribute (learning's `courseLearning` stream, migration
 * 0007-course-rollups there): per year, region at every level and one course attribute (course, partner
 * university, delivery mode, competency), with the attribute's label as learning publishes it; and of
 * personnel's mentoring and promotions per unit and year.
 */
export class EvaluationReadModelCourses extends Migration {
  override name = '0010-read-model-courses';

  up(): void {
    this.addSql(`
create table evaluation.rm_course_learning (
  year smallint not null,
  region_code text not null,
  kind text not null,
  code text not null,
  label text not null,
  enrolments integer not null,
  completions integer not null,
  drop_outs integer not null,
  participants integer not null,
  jp integer not null,
  satisfaction_sum numeric not null,
  satisfaction_n integer not null,
  test_gain_sum numeric not null,
  tested_n integer not null,
  primary key (year, region_code, kind, code)
);
-- Rows of one kind within a region (the analytics scope), and a label by kind and code.
create index rm_course_learning_region_idx on evaluation.rm_course_learning (kind, region_code text_pattern_ops, year);
create index rm_course_learning_code_idx on evaluation.rm_course_learning (kind, code);

-- Personnel's mentoring and promotions per unit and year (its \`mentoring\` stream, migration 0008-mentoring-rollups).
create table evaluation.rm_unit_mentoring (
  year smallint not null,
  unit_id integer not null,
  staff integer not null,
  mentored integer not null,
  mentors integer not null,
  mentor_leaders integer not null,
  promoted integer not null,
  primary key (year, unit_id)
);
create index rm_unit_mentoring_unit_year_idx on evaluation.rm_unit_mentoring (unit_id, year);

-- The employees personnel lists as promoted per year (its promotions stream): the promotions of trained and
-- untrained staff are compared here, beside learning's trained employees and the SKP appraisals.
create table evaluation.rm_promotion (
  year smallint not null,
  employee_id integer not null,
  primary key (year, employee_id)
);
`);
  }
}
