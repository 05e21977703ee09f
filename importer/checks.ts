import type { KindContext } from './kind.js';

/** SQL checks several kinds share, over the staged rows `import_rows`. */

/**
 * Rows whose natural key repeats an earlier row of the file, reported on `column` with
 * `reason || ' (first on line N)'` (`reason` is SQL over the row `r`). Grouped by hash, not sorted: one pass.
 */
export function repeatedKeySql(keys: readonly string[], column: string, reason: string): string {
  const list = keys.join(', ');
  return `select r.line, '${column}', r.${column}::text, ${reason} || ' (first on line ' || g.first_line || ')'
    from (select ${list}, min(line) as first_line from import_rows
           where ${keys.map((k) => `${k} is not null`).join(' and ')}
           group by ${list} having count(*) > 1) g
    join import_rows r on ${keys.map((k) => `r.${k} = g.${k}`).join(' and ')} and r.line > g.first_line`;
}

/**
 * For personnel's own kinds: `employee_key (number, id, asn_type, appointed_on)`, the employees the file's
 * NIP or NI PPPK columns name, read from personnel's tables with their unique indexes.
 */
export function employeeKeysSql(columns: readonly string[] = ['nip']): string {
  const numbers = `select distinct number from (${columns.map((c) => `select ${c} as number from import_rows`).join(' union all ')}) u`;
  return `
  create temp table employee_key on commit drop as
  select n.number, e.id, e.asn_type, e.appointed_on
    from (${numbers}) n join personnel.employee e on e.nip = n.number::bpchar
  union all
  select n.number, e.id, e.asn_type, e.appointed_on
    from (${numbers}) n join personnel.employee e on e.ni_pppk = n.number::bpchar`;
}

/** Rows dated (`tmt`) before the employee's appointment (after `employeeKeysSql`): a history starts there. */
export function beforeAppointmentSql(): string {
  return `select r.line, 'tmt', r.tmt::text, 'is before the appointment (' || e.appointed_on || ')'
       from import_rows r join employee_key e on e.number = r.nip where r.tmt < e.appointed_on`;
}

/** Rows whose `column` names an employee personnel does not have (after `employeeKeysSql`). */
export function unknownEmployeeSql(column = 'nip'): string {
  return `select r.line, '${column}', r.${column}, 'no employee has this NIP or NI PPPK'
  from import_rows r left join employee_key k on k.number = r.${column} where k.id is null`;
}

/** The regions the employees of `employee_key` work in (after `employeeKeysSql`), as `region_code`. */
export function employeeRegionsSql(): string {
  return `select coalesce(u.region_code, a.region_code) as region_code
    from employee_key k join personnel.employee e on e.id = k.id
    join personnel.agency a on a.id = e.agency_id left join personnel.service_unit u on u.id = e.unit_id`;
}

/**
 * What the history kinds (rank, position) share: the employees their NIPs name, the regions those work in,
 * and the checks of the NIP and of a TMT before the appointment.
 */
export const employeeHistory = {
  async resolveReferences({ client }: KindContext): Promise<void> {
    await client.query(employeeKeysSql());
  },
  regionsSql: employeeRegionsSql(),
  checks: [unknownEmployeeSql(), beforeAppointmentSql()],
};
