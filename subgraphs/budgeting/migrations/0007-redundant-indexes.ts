import { Migration } from '@mikro-orm/migrations';

/**
 * Drops 0003's index on budget lines by (agency_id, year): the unique key (agency_id, year,
 * sub_activity_code) leads with the same columns and serves the same lookups.
 */
export class BudgetingRedundantIndexes extends Migration {
  override name = '0007-redundant-indexes';

  up(): void {
    this.addSql(`
drop index if exists budgeting.budget_line_agency_year_idx;
`);
  }
}
