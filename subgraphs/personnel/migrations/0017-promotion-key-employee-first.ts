import { Migration } from '@mikro-orm/migrations';

/**
 * The promoted employees keyed by (employee_id, year) instead of (year, employee_id): promotions are
 * refreshed per employee (refresh_promotions), which the old key could only serve by skipping through
 * every year, and with year first (a few dozen values) nearly every comparison of the key's build after a
 * seed fell through to the employee: 1.19-1.31 s -> 0.77-0.81 s for 1.4 million rows in random order.
 * ON CONFLICT names the columns, not their order.
 */
export class PersonnelPromotionKeyEmployeeFirst extends Migration {
  override name = '0017-promotion-key-employee-first';

  up(): void {
    this.addSql(`
alter table personnel.employee_promotion drop constraint employee_promotion_pkey,
  add primary key (employee_id, year);
`);
  }
}
