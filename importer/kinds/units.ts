import { ServiceUnitKind } from '../../subgraphs/personnel/enums.js';
import { repeatedKeySql } from '../checks.js';
import type { Column } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { countMerged } from '../references.js';
import { CODE_COLUMN_PATTERN } from './agencies.js';

const COLUMNS: readonly Column[] = [
  {
    name: 'code',
    type: 'text',
    required: true,
    pattern: CODE_COLUMN_PATTERN,
    meaning: 'NPSN, Puskesmas code or unit code',
  },
  { name: 'agency_code', type: 'text', required: true, meaning: 'code of the agency that runs the unit' },
  {
    name: 'region_code',
    type: 'text',
    required: true,
    meaning: "Kemendagri code of the district or village served, inside the agency's region",
  },
  { name: 'name', type: 'text', required: true, meaning: 'name, e.g. Puskesmas Kurik' },
  { name: 'kind', type: 'choice', required: true, choices: Object.values(ServiceUnitKind), meaning: 'kind of unit' },
  {
    name: 'population_served',
    type: 'integer',
    required: true,
    min: 1,
    max: 2147483647,
    meaning: 'people the unit serves',
  },
];

/** Service units (unit layanan), keyed by code. */
export const units: ImportKind = {
  name: 'units',
  owner: 'personnel',
  unit: 'service units',
  description: 'Public-service units: schools, Puskesmas, Dukcapil and kecamatan offices.',
  columns: COLUMNS,
  example: ['P9301110001', '93.01-1.02.01', '93.01.11.2009', 'Puskesmas Kurik', 'PUSKESMAS', '12500'],
  regionsSql: 'select region_code from import_rows',
  checks: [
    `select r.line, 'agency_code', r.agency_code, 'no agency has this code'
       from import_rows r left join personnel.agency a on a.code = r.agency_code where a.id is null`,
    `select r.line, 'region_code', r.region_code, 'is not a region code'
       from import_rows r left join personnel.region g on g.code = r.region_code where g.code is null`,
    `select r.line, 'region_code', r.region_code, 'is outside the agency''s region ' || a.region_code
       from import_rows r join personnel.agency a on a.code = r.agency_code
      where r.region_code <> a.region_code and left(r.region_code, length(a.region_code) + 1) <> a.region_code || '.'`,
    repeatedKeySql(['code'], 'code', "'appears again'"),
  ],
  async merge({ client, rows }) {
    return countMerged(
      client,
      rows,
      `insert into personnel.service_unit as u (code, agency_id, region_code, name, kind, population_served)
       select r.code, a.id, r.region_code, r.name, r.kind, r.population_served
         from import_rows r join personnel.agency a on a.code = r.agency_code
         left join personnel.service_unit x on x.code = r.code
        where x.id is null
           or (x.agency_id, x.region_code, x.name, x.kind, x.population_served)
              is distinct from (a.id, r.region_code, r.name, r.kind, r.population_served)
        -- New records take ids in the file's order: an export imported elsewhere keeps its order.
        order by r.line
       on conflict (code) do update set agency_id = excluded.agency_id, region_code = excluded.region_code,
         name = excluded.name, kind = excluded.kind, population_served = excluded.population_served
       where (u.agency_id, u.region_code, u.name, u.kind, u.population_served)
         is distinct from (excluded.agency_id, excluded.region_code, excluded.name, excluded.kind, excluded.population_served)
       returning (u.xmax = 0) as inserted`,
    );
  },
};
