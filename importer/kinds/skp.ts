import { SkpRating } from '../../subgraphs/evaluation/enums.js';
import { repeatedKeySql } from '../checks.js';
import { type Column, EMPLOYEE_NUMBER_COLUMN } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { employeeReferences, mergeByKey } from '../references.js';

const COLUMNS: readonly Column[] = [
  { ...EMPLOYEE_NUMBER_COLUMN, meaning: 'NIP or NI PPPK of the appraised employee (personnel checks it)' },
  { name: 'year', type: 'integer', required: true, min: 2000, max: 2100, meaning: 'appraisal year' },
  {
    name: 'hasil_kerja',
    type: 'choice',
    required: true,
    choices: Object.values(SkpRating),
    meaning: 'rating of work results: DI_ATAS, SESUAI or DI_BAWAH',
  },
  {
    name: 'perilaku_kerja',
    type: 'choice',
    required: true,
    choices: Object.values(SkpRating),
    meaning: 'rating of work behaviour: DI_ATAS, SESUAI or DI_BAWAH',
  },
];

/**
 * Annual SKP appraisals (PermenPANRB 6/2022), keyed by employee and year; the predicate follows from the
 * two ratings through evaluation's matrix when read. A new appraisal records where the employee works
 * (personnel's answer at import time); an update changes the ratings only.
 */
export const skp: ImportKind = {
  name: 'skp',
  owner: 'evaluation',
  unit: 'appraisals',
  description: 'Annual SKP appraisals: the two ratings of each employee and year.',
  columns: COLUMNS,
  example: ['198609262015051001', '2025', 'SESUAI', 'DI_ATAS'],
  resolveReferences: ({ client, personnel }) => employeeReferences(client, personnel),
  regionsSql: 'select region_code from employee_ref',
  checks: [
    `select r.line, 'nip', r.nip, 'personnel has no employee with this NIP or NI PPPK'
       from import_rows r left join employee_ref e on e.number = r.nip where e.id is null`,
    repeatedKeySql(['nip', 'year'], 'nip', "'is appraised for ' || r.year || ' again'"),
  ],
  merge: ({ client, rows }) =>
    mergeByKey(client, rows, {
      table: 'evaluation.skp_appraisal',
      key: ['employee_id', 'year'],
      // Where the employee worked when appraised: recorded with the appraisal, kept on a correction.
      kept: ['unit_id', 'region_code'],
      values: ['hasil_kerja', 'perilaku_kerja'],
      incoming: `select r.line, e.id as employee_id, r.year, e.unit_id, e.region_code, r.hasil_kerja, r.perilaku_kerja
                   from import_rows r join employee_ref e on e.number = r.nip`,
    }),
};
