import { Migration } from '@mikro-orm/migrations';

/**
 * The read model of learning per course attribute (learning's `courseLearning` stream, migration
 * 0006-course-rollups there): per year, region at every level and one course attribute (course, partner
 * university, delivery mode, competency), with the attribute's label as learning publishes it.
 */
export class EvaluationReadModelCourses extends Migration {
  override name = '0009-read-model-courses';

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
`);
  }
}
