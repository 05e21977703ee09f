import { repeatedKeySql } from '../checks.js';
import type { Column } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { agencyCodeColumn, mergeByKey } from '../references.js';

const AGENCY = agencyCodeColumn('code of the agency whose DPA holds the line');

const COLUMNS: readonly Column[] = [
  AGENCY.column,
  { name: 'year', type: 'integer', required: true, min: 2000, max: 2100, meaning: 'fiscal year' },
  {
    name: 'sub_activity_code',
    type: 'text',
    required: true,
    pattern: {
      regex: /^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$/,
      reason: 'is not a SIPD sub-activity code (like 1.02.01.2.05.0009)',
    },
    meaning: 'SIPD sub-activity code, e.g. 1.02.01.2.05.0009 (training of staff, regency/city)',
  },
  { name: 'description', type: 'text', required: true, meaning: 'what the line pays for' },
  { name: 'ceiling', type: 'money', required: true, meaning: 'pagu: the ceiling, whole Rupiah' },
  {
    name: 'realised',
    type: 'money',
    required: true,
    meaning: 'realisasi: spent so far, whole Rupiah, at most the ceiling',
  },
];

/** Training budget lines of agencies' DPA (SIPD), keyed by agency, year and sub-activity. */
export const budgetLines: ImportKind = {
  name: 'budget-lines',
  owner: 'budgeting',
  unit: 'budget lines',
  description: 'Training budget lines (pagu and realisasi) per agency, year and sub-activity, from SIPD.',
  columns: COLUMNS,
  example: [
    '12.71-1.02.01',
    '2025',
    '1.02.01.2.05.0009',
    'Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi',
    '1.250.000.000',
    '1.087.500.000',
  ],
  resolveReferences: AGENCY.resolveReferences,
  regionsSql: AGENCY.regionsSql,
  checks: [
    AGENCY.unknownSql,
    `select r.line, 'realised', r.realised::text, 'is more than the ceiling (' || r.ceiling || ')'
       from import_rows r where r.realised > r.ceiling`,
    repeatedKeySql(
      ['agency_code', 'year', 'sub_activity_code'],
      'sub_activity_code',
      "'appears again for this agency and year'",
    ),
  ],
  merge: ({ client, rows }) =>
    mergeByKey(client, rows, {
      table: 'budgeting.budget_line',
      key: ['agency_id', 'year', 'sub_activity_code'],
      values: ['region_code', 'description', 'ceiling', 'realised'],
      incoming: `select r.line, a.id as agency_id, r.year, r.sub_activity_code, a.region_code, r.description, r.ceiling,
                        r.realised
                   from import_rows r join agency_ref a on a.code = r.agency_code`,
    }),
};
