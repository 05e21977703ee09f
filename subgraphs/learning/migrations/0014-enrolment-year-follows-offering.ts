import { Migration } from '@mikro-orm/migrations';

/**
 * An enrolment's year is its offering's (the enrolments import and recordEnrolment write `o.year`), but an
 * offering's year could be corrected afterwards (the offerings import updates year with starts_on) while its
 * enrolments kept the old one. Their JP then stayed in the old year, and the course rollup's keyed
 * recomputation (0007/0008: the offerings of the enrolments' years) dropped them from the old year's rows on
 * the next write touching the same course attributes, while learning.rebuild_rollups() kept them: the
 * trigger-kept rollup and the rebuild differed. Now the enrolments follow their offering's year (their own
 * triggers refresh both years' keys), and enrolments already left behind are moved once.
 */
export class LearningEnrolmentYearFollowsOffering extends Migration {
  override name = '0014-enrolment-year-follows-offering';

  up(): void {
    this.addSql(`
create function learning.offering_year_changed() returns trigger language plpgsql as $$
begin
  update learning.enrolment e set year = n.year
    from new_rows n join old_rows o on o.id = n.id
   where n.year is distinct from o.year and e.offering_id = n.id and e.year <> n.year;
  return null;
end $$;
create trigger course_offering_year_changed after update on learning.course_offering
  referencing new table as new_rows old table as old_rows for each statement execute function learning.offering_year_changed();

update learning.enrolment e set year = o.year
  from learning.course_offering o
 where o.id = e.offering_id and e.year <> o.year;
`);
  }
}
