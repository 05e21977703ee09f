import { CODE_PATTERN } from '../../subgraphs/personnel/codes.js';
import { AgencyKind } from '../../subgraphs/personnel/enums.js';
import { repeatedKeySql } from '../checks.js';
import type { Column } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { countMerged } from '../references.js';

/** An agency or unit code as stored (the CHECK of both columns). */
export const CODE_COLUMN_PATTERN = {
  regex: new RegExp(CODE_PATTERN),
  reason: 'is not a code (letters, digits, . - /; at most 40)',
};

const COLUMNS: readonly Column[] = [
  {
    name: 'code',
    type: 'text',
    required: true,
    pattern: CODE_COLUMN_PATTERN,
    meaning: 'SIPD-style organisation code, e.g. 12.71-1.02.01',
  },
  { name: 'region_code', type: 'text', required: true, meaning: 'Kemendagri code of the province or regency/city' },
  { name: 'name', type: 'text', required: true, meaning: 'name, e.g. Dinas Kesehatan Kota Medan' },
  { name: 'kind', type: 'choice', required: true, choices: Object.values(AgencyKind), meaning: 'area of government' },
];

/** Agencies (perangkat daerah), keyed by code. */
export const agencies: ImportKind = {
  name: 'agencies',
  owner: 'personnel',
  unit: 'agencies',
  description: 'Agencies (perangkat daerah) of a province or regency/city.',
  columns: COLUMNS,
  example: ['12.71-1.02.01', '12.71', 'Dinas Kesehatan Kota Medan', 'HEALTH'],
  regionsSql: 'select region_code from import_rows',
  checks: [
    `select r.line, 'region_code', r.region_code, 'is not the code of a province or regency/city'
       from import_rows r left join personnel.region g on g.code = r.region_code
      where g.code is null or g.level not in ('PROVINCE', 'REGENCY')`,
    repeatedKeySql(['code'], 'code', "'appears again'"),
    `select r.line, 'name', r.name, 'is the name of agency ' || a.code || ' in the same region'
       from import_rows r join personnel.agency a on a.region_code = r.region_code and a.name = r.name and a.code <> r.code`,
    repeatedKeySql(['region_code', 'name'], 'name', "'names another agency of the region again'"),
  ],
  async merge({ client, rows }) {
    return countMerged(
      client,
      rows,
      `insert into personnel.agency as a (code, region_code, name, kind)
       select r.code, r.region_code, r.name, r.kind from import_rows r
         left join personnel.agency x on x.code = r.code
        where x.id is null or (x.region_code, x.name, x.kind) is distinct from (r.region_code, r.name, r.kind)
        -- New records take ids in the file's order: an export imported elsewhere keeps its order.
        order by r.line
       on conflict (code) do update set region_code = excluded.region_code, name = excluded.name, kind = excluded.kind
       where (a.region_code, a.name, a.kind) is distinct from (excluded.region_code, excluded.name, excluded.kind)
       returning (a.xmax = 0) as inserted`,
    );
  },
};
