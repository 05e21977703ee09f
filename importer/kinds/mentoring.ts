import { employeeKeysSql, employeeRegionsSql, repeatedKeySql, unknownEmployeeSql } from '../checks.js';
import { type Column, EMPLOYEE_NUMBER_COLUMN } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { countMerged } from '../references.js';

const COLUMNS: readonly Column[] = [
  { ...EMPLOYEE_NUMBER_COLUMN, name: 'mentor_nip', meaning: 'NIP or NI PPPK of the mentor (the senior)' },
  { ...EMPLOYEE_NUMBER_COLUMN, name: 'mentee_nip', meaning: 'NIP or NI PPPK of the mentee (the junior)' },
  { name: 'started_on', type: 'date', required: true, meaning: 'start of the mentoring' },
  { name: 'ended_on', type: 'date', required: false, meaning: 'end; empty while it goes on' },
  { name: 'focus', type: 'text', required: true, meaning: 'what the mentoring is about' },
];

/** Mentoring pairs, keyed by mentor, mentee and start date. */
export const mentoring: ImportKind = {
  name: 'mentoring',
  owner: 'personnel',
  unit: 'mentoring pairs',
  description: 'Mentoring relationships between a senior and a junior ASN.',
  columns: COLUMNS,
  example: ['197803032005041003', '199001152015031001', '2025-02-01', '', 'Pelayanan publik di Puskesmas'],
  async resolveReferences({ client }) {
    await client.query(employeeKeysSql(['mentor_nip', 'mentee_nip']));
  },
  regionsSql: employeeRegionsSql(),
  checks: [
    unknownEmployeeSql('mentor_nip'),
    unknownEmployeeSql('mentee_nip'),
    `select r.line, 'mentee_nip', r.mentee_nip, 'is the mentor too' from import_rows r where r.mentee_nip = r.mentor_nip`,
    `select r.line, 'ended_on', r.ended_on::text, 'is before started_on (' || r.started_on || ')'
       from import_rows r where r.ended_on < r.started_on`,
    repeatedKeySql(['mentor_nip', 'mentee_nip', 'started_on'], 'started_on', "'appears again for this pair'"),
  ],
  async merge({ client, rows }) {
    return countMerged(
      client,
      rows,
      `insert into personnel.mentoring_pair as m (mentor_id, mentee_id, started_on, ended_on, focus)
       select a.id, b.id, r.started_on, r.ended_on, r.focus
         from import_rows r join employee_key a on a.number = r.mentor_nip join employee_key b on b.number = r.mentee_nip
         left join personnel.mentoring_pair x on x.mentor_id = a.id and x.mentee_id = b.id and x.started_on = r.started_on
        where x.id is null or (x.ended_on, x.focus) is distinct from (r.ended_on, r.focus)
       on conflict (mentor_id, mentee_id, started_on) do update set ended_on = excluded.ended_on, focus = excluded.focus
       where (m.ended_on, m.focus) is distinct from (excluded.ended_on, excluded.focus)
       returning (m.xmax = 0) as inserted`,
    );
  },
};
