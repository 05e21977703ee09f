import { Migration } from '@mikro-orm/migrations';

/**
 * Drops 0007's index on SKP appraisals by (employee_id, year): the unique key on the same columns (one
 * appraisal per employee and year) serves the same lookups. The copy only cost writes, disk, and in a seed a
 * second build over a million rows.
 */
export class EvaluationRedundantIndexes extends Migration {
  override name = '0014-redundant-indexes';

  up(): void {
    this.addSql(`
drop index if exists evaluation.skp_appraisal_employee_idx;
`);
  }
}
