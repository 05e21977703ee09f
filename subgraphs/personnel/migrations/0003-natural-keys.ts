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

/** Adds a unique, checked `code` to `personnel.<table>`, filled from `codes` (rows of id and code). */
function addCodeSql(table: string, alias: string, codes: string, comment: string): string {
  return `alter table personnel.${table} add column code text;
update personnel.${table} ${alias} set code = c.code from (${codes}) c where c.id = ${alias}.id;
alter table personnel.${table} alter column code set not null,
  add constraint ${table}_code_key unique (code),
  add constraint ${table}_code_check check (code ~ '${CODE_PATTERN}');
comment on column personnel.${table}.code is '${comment}';`;
}

/**
 * Natural keys: agencies and service units get the codes regions use (SIPD organisation code; NPSN,
 * Puskesmas code or a region-scoped unit code), so imports and other systems never need internal ids.
 * Existing rows are backfilled with the rules of `codes.ts` (numbers within a partition in id order).
 * Released migrations are frozen (they may have run in deployments): the SQL stays byte for byte as it ran
 * (test/unit/migration-sql.test.ts pins it). Repeated logic is built by shared helpers (shared/rollup-sql.ts);
 * declarations alike in shape (the class header MikroORM needs, different tables of one pattern) stay
 * written out, and a duplicate finder lists them as look-alike.
 */
export class PersonnelNaturalKeys extends Migration {
  override name = '0003-natural-keys';

  up(): void {
    this.addSql(`
${addCodeSql('agency', 'a', AGENCY_CODES_SQL, 'SIPD-style organisation code: region, urusan/bidang, number (12.71-1.02.01).')}

${addCodeSql('service_unit', 'u', UNIT_CODES_SQL, 'NPSN (schools), Puskesmas code, or region-scoped unit code.')}
`);
  }
}
