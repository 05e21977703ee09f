import { Migration } from '@mikro-orm/migrations';
import { AGENCY_AFFAIR, CODE_PATTERN, UNIT_MARK } from '../codes.js';

const affairCase = Object.entries(AGENCY_AFFAIR)
  .map(([kind, affair]) => `when '${kind}' then '${affair}'`)
  .join(' ');
const markCase = Object.entries(UNIT_MARK)
  .map(([kind, mark]) => `when '${kind}' then '${mark}'`)
  .join(' ');

/** Each agency's code by the rules of `agencyCode` (codes.ts), as `(id, code)` rows. */
export const AGENCY_CODES_SQL = `
  select a.id, a.region_code || '-' || (case a.kind ${affairCase} end) || '.'
         || lpad((row_number() over (partition by a.region_code, a.kind order by a.id))::text, 2, '0') as code
    from personnel.agency a`;

/** Each service unit's code by the rules of `unitCode` (codes.ts), as `(id, code)` rows. */
export const UNIT_CODES_SQL = `
  select n.id, case n.kind
           when 'SCHOOL' then '9' || lpad(n.id::text, 7, '0')
           when 'PUSKESMAS' then 'P' || replace(left(n.region_code, 8), '.', '') || lpad(n.seq::text, 4, '0')
           else n.region_code || '-' || (case n.kind ${markCase} end) || '-' || lpad(n.seq::text, 2, '0') end as code
    from (select u.id, u.kind, u.region_code, row_number() over (
            partition by case when u.kind = 'PUSKESMAS' then 'P:' || replace(left(u.region_code, 8), '.', '')
                              else u.kind || ':' || u.region_code end
            order by u.id) as seq
            from personnel.service_unit u) n`;

/**
 * Natural keys: agencies and service units get the codes regions use (SIPD organisation code; NPSN,
 * Puskesmas code or a region-scoped unit code), so imports and other systems never need internal ids.
 * Existing rows are backfilled with the rules of `codes.ts` (numbers within a partition in id order).
 * Released migrations are frozen (they may have run in deployments): the SQL stays byte for byte as
 * written, so DDL alike in shape (the class header MikroORM needs, tables and columns of one pattern)
 * stays written out rather than generated; a duplicate finder lists it as look-alike.
 */
export class PersonnelNaturalKeys extends Migration {
  override name = '0003-natural-keys';

  up(): void {
    this.addSql(`
alter table personnel.agency add column code text;
update personnel.agency a set code = c.code from (${AGENCY_CODES_SQL}) c where c.id = a.id;
alter table personnel.agency alter column code set not null,
  add constraint agency_code_key unique (code),
  add constraint agency_code_check check (code ~ '${CODE_PATTERN}');
comment on column personnel.agency.code is 'SIPD-style organisation code: region, urusan/bidang, number (12.71-1.02.01).';

alter table personnel.service_unit add column code text;
update personnel.service_unit u set code = c.code from (${UNIT_CODES_SQL}) c where c.id = u.id;
alter table personnel.service_unit alter column code set not null,
  add constraint service_unit_code_key unique (code),
  add constraint service_unit_code_check check (code ~ '${CODE_PATTERN}');
comment on column personnel.service_unit.code is 'NPSN (schools), Puskesmas code, or region-scoped unit code.';
`);
  }
}
