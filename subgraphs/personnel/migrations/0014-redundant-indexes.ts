import { Migration } from '@mikro-orm/migrations';

/**
 * Drops three indexes another index already covers: the unique keys (employee_id, tmt) of the rank and
 * position histories (0001) have the same columns as 0006's plain indexes, and the mentoring pair's key
 * (mentor_id, mentee_id, started_on; 0005) leads with mentor_id. The planner reads the keys for the same lookups; the
 * plain copies only cost writes, disk, and in a seed a second build over 1.9 and 1.0 million rows.
 */
export class PersonnelRedundantIndexes extends Migration {
  override name = '0014-redundant-indexes';

  up(): void {
    this.addSql(`
drop index if exists personnel.rank_history_employee_idx;
drop index if exists personnel.position_history_employee_idx;
drop index if exists personnel.mentoring_mentor_idx;
`);
  }
}
