import { Migration } from '@mikro-orm/migrations';

/** Each offering's code by the rule of `offeringCode` (codes.ts), as `(id, code)` rows. */
export const OFFERING_CODES_SQL = `
  select o.id, c.code || '-' || o.region_code || '-' || o.year || '-'
         || lpad((row_number() over (partition by o.course_id, o.region_code, o.year order by o.id))::text, 2, '0') as code
    from learning.course_offering o join learning.course c on c.id = o.course_id`;

/**
 * Natural keys: a university by its code (its short name, e.g. USU), an offering by course, region, year
 * and number (`offeringCode` in codes.ts), so that enrolment files name offerings without internal ids.
 */
export class LearningNaturalKeys extends Migration {
  override name = '0003-natural-keys';

  up(): void {
    this.addSql(`
alter table learning.university add column code text;
update learning.university set code = upper(short_name);
alter table learning.university alter column code set not null, add constraint university_code_key unique (code);

alter table learning.course_offering add column code text;
update learning.course_offering o set code = c.code from (${OFFERING_CODES_SQL}) c where c.id = o.id;
alter table learning.course_offering alter column code set not null,
  add constraint course_offering_code_key unique (code);
`);
  }
}
