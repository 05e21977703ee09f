import { employeeHistory, repeatedKeySql } from '../checks.js';
import { type Column, EMPLOYEE_NUMBER_COLUMN } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { countMerged } from '../references.js';

const COLUMNS: readonly Column[] = [
  EMPLOYEE_NUMBER_COLUMN,
  {
    name: 'rank_code',
    type: 'text',
    required: true,
    meaning: "rank of the employee's ASN type: III/a ... IV/e, PPPK-I ... PPPK-XVII",
  },
  {
    name: 'tmt',
    type: 'date',
    required: true,
    meaning: 'TMT: the date the rank took effect, not before the appointment',
  },
];

/**
 * Rank history (kenaikan pangkat), keyed by employee and TMT. The employee's current rank is the newest
 * entry's: updated with the history, in the same transaction.
 */
export const rankHistory: ImportKind = {
  name: 'rank-history',
  owner: 'personnel',
  unit: 'rank history entries',
  description: 'Ranks held by employees from their TMT dates.',
  columns: COLUMNS,
  example: ['198609262015051001', 'III/b', '2019-04-01'],
  resolveReferences: employeeHistory.resolveReferences,
  regionsSql: employeeHistory.regionsSql,
  checks: [
    ...employeeHistory.checks,
    `select r.line, 'rank_code', r.rank_code,
            case when k.code is null then 'is not a rank (III/a, PPPK-IX, ...)' else 'is a ' || k.asn_type || ' rank, the employee is ' || e.asn_type end
       from import_rows r join employee_key e on e.number = r.nip left join personnel.rank k on k.code = r.rank_code
      where k.code is null or k.asn_type <> e.asn_type`,
    repeatedKeySql(['nip', 'tmt'], 'tmt', "'appears again for this employee'"),
  ],
  async merge({ client, rows }) {
    const counts = await countMerged(
      client,
      rows,
      `insert into personnel.rank_history as h (employee_id, rank_code, tmt)
       select e.id, r.rank_code, r.tmt from import_rows r join employee_key e on e.number = r.nip
         left join personnel.rank_history x on x.employee_id = e.id and x.tmt = r.tmt
        where x.id is null or x.rank_code <> r.rank_code
       on conflict (employee_id, tmt) do update set rank_code = excluded.rank_code
       where h.rank_code <> excluded.rank_code
       returning (h.xmax = 0) as inserted`,
    );
    // The current rank mirrors the newest history entry (personnel's list filters read the mirror).
    await client.query(`
      update personnel.employee e set rank_code = h.rank_code
        from (select distinct on (employee_id) employee_id, rank_code from personnel.rank_history
               where employee_id in (select id from employee_key) order by employee_id, tmt desc) h
       where h.employee_id = e.id and e.rank_code <> h.rank_code`);
    return counts;
  },
};
