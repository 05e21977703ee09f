import { employeeHistory, repeatedKeySql } from '../checks.js';
import { type Column, EMPLOYEE_NUMBER_COLUMN } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { mergeByKey } from '../references.js';
import { POSITION_COLUMNS, positionKindMismatchSql } from './employees.js';

const COLUMNS: readonly Column[] = [
  EMPLOYEE_NUMBER_COLUMN,
  { name: 'agency_code', type: 'text', required: true, meaning: 'code of the agency of the position' },
  { name: 'unit_code', type: 'text', required: false, meaning: 'code of the service unit; empty for agency staff' },
  { name: 'title', type: 'text', required: true, meaning: 'position title' },
  ...POSITION_COLUMNS,
  {
    name: 'tmt',
    type: 'date',
    required: true,
    meaning: 'TMT: the date the position took effect, not before the appointment',
  },
];

/**
 * Position history (mutasi, promosi), keyed by employee and TMT. The employee's current agency, unit and
 * position are the newest entry's: updated with the history, in the same transaction.
 */
export const positionHistory: ImportKind = {
  name: 'position-history',
  owner: 'personnel',
  unit: 'position history entries',
  description: 'Positions held by employees from their TMT dates, with their agency and unit.',
  columns: COLUMNS,
  example: [
    '198609262015051001',
    '12.71-1.02.01',
    'P1271010001',
    'Perawat Ahli Muda',
    'NONMANAJERIAL',
    'FUNGSIONAL',
    '2021-01-01',
  ],
  resolveReferences: employeeHistory.resolveReferences,
  // Where the employee works, and where the new positions are.
  regionsSql: `${employeeHistory.regionsSql}
    union all
    select coalesce(u.region_code, a.region_code) from import_rows r join personnel.agency a on a.code = r.agency_code
      left join personnel.service_unit u on u.code = r.unit_code`,
  checks: [
    ...employeeHistory.checks,
    `select r.line, 'agency_code', r.agency_code, 'no agency has this code'
       from import_rows r left join personnel.agency a on a.code = r.agency_code where a.id is null`,
    `select r.line, 'unit_code', r.unit_code,
            case when u.id is null then 'no service unit has this code' else 'belongs to agency ' || a.code || ', not to ' || r.agency_code end
       from import_rows r left join personnel.service_unit u on u.code = r.unit_code
       left join personnel.agency a on a.id = u.agency_id
      where r.unit_code is not null and (u.id is null or a.code <> r.agency_code)`,
    positionKindMismatchSql(),
    repeatedKeySql(['nip', 'tmt'], 'tmt', "'appears again for this employee'"),
  ],
  async merge({ client, rows }) {
    const counts = await mergeByKey(client, rows, {
      table: 'personnel.position_history',
      key: ['employee_id', 'tmt'],
      values: ['agency_id', 'unit_id', 'title', 'position_kind', 'position_level'],
      incoming: `select r.line, e.id as employee_id, r.tmt, a.id as agency_id, u.id as unit_id, r.title, r.position_kind,
                        r.position_level
                   from import_rows r join employee_key e on e.number = r.nip
                   join personnel.agency a on a.code = r.agency_code
                   left join personnel.service_unit u on u.code = r.unit_code`,
    });
    // The current placement and position mirror the newest history entry.
    await client.query(`
      update personnel.employee e set agency_id = h.agency_id, unit_id = h.unit_id, position_title = h.title,
             position_kind = h.position_kind, position_level = h.position_level
        from (select distinct on (employee_id) * from personnel.position_history
               where employee_id in (select id from employee_key) order by employee_id, tmt desc) h
       where h.employee_id = e.id
         and (e.agency_id, e.unit_id, e.position_title, e.position_kind, e.position_level)
             is distinct from (h.agency_id, h.unit_id, h.title, h.position_kind, h.position_level)`);
    return counts;
  },
};
