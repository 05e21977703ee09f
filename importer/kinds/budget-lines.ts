import { repeatedKeySql } from '../checks.js';
import type { Column } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { countMerged, lookUpInBatches } from '../references.js';

const COLUMNS: readonly Column[] = [
  {
    name: 'agency_code',
    type: 'text',
    required: true,
    meaning: 'code of the agency whose DPA holds the line (personnel checks it)',
  },
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
  resolveReferences: ({ client, personnel }) =>
    lookUpInBatches(
      client,
      'select distinct agency_code as key from import_rows',
      (codes) => personnel.agenciesByCode(codes),
      'agency_ref',
      [
        { name: 'code', type: 'text', value: (a) => a.code },
        { name: 'id', type: 'int', value: (a) => a.id },
        { name: 'region_code', type: 'text', value: (a) => a.regionCode },
      ],
    ),
  regionsSql: 'select region_code from agency_ref',
  checks: [
    `select r.line, 'agency_code', r.agency_code, 'personnel has no agency with this code'
       from import_rows r left join agency_ref a on a.code = r.agency_code where a.id is null`,
    `select r.line, 'realised', r.realised::text, 'is more than the ceiling (' || r.ceiling || ')'
       from import_rows r where r.realised > r.ceiling`,
    repeatedKeySql(
      ['agency_code', 'year', 'sub_activity_code'],
      'sub_activity_code',
      "'appears again for this agency and year'",
    ),
  ],
  async merge({ client, rows }) {
    const { inserted, updated } = await countMerged(
      client,
      `insert into budgeting.budget_line as b (agency_id, region_code, year, sub_activity_code, description, ceiling, realised)
       select a.id, a.region_code, r.year, r.sub_activity_code, r.description, r.ceiling, r.realised
         from import_rows r join agency_ref a on a.code = r.agency_code
         left join budgeting.budget_line x
           on x.agency_id = a.id and x.year = r.year and x.sub_activity_code = r.sub_activity_code
        where x.id is null
           or (x.region_code, x.description, x.ceiling, x.realised)
              is distinct from (a.region_code, r.description, r.ceiling, r.realised)
       on conflict (agency_id, year, sub_activity_code) do update set region_code = excluded.region_code,
         description = excluded.description, ceiling = excluded.ceiling, realised = excluded.realised
       where (b.region_code, b.description, b.ceiling, b.realised)
         is distinct from (excluded.region_code, excluded.description, excluded.ceiling, excluded.realised)
       returning (b.xmax = 0) as inserted`,
    );
    return { inserted, updated, unchanged: rows - inserted - updated };
  },
};
