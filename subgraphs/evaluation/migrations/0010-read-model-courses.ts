import { Migration } from '@mikro-orm/migrations';
import { STREAM_ROWS, streamTableSql } from '../../shared/stream-tables.js';

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
${streamTableSql('evaluation.rm_course_learning', STREAM_ROWS.courseLearning, 'copy')}
-- Rows of one kind within a region (the analytics scope), and a label by kind and code.
create index rm_course_learning_region_idx on evaluation.rm_course_learning (kind, region_code text_pattern_ops, year);
create index rm_course_learning_code_idx on evaluation.rm_course_learning (kind, code);

-- Personnel's mentoring and promotions per unit and year (its \`mentoring\` stream, migration 0008-mentoring-rollups).
${streamTableSql('evaluation.rm_unit_mentoring', STREAM_ROWS.mentoring, 'copy')}
create index rm_unit_mentoring_unit_year_idx on evaluation.rm_unit_mentoring (unit_id, year);

-- The employees personnel lists as promoted per year (its promotions stream): the promotions of trained and
-- untrained staff are compared here, beside learning's trained employees and the SKP appraisals.
${streamTableSql('evaluation.rm_promotion', STREAM_ROWS.promotions, 'copy')}
`);
  }
}
