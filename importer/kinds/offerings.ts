import { OfferingStatus } from '../../subgraphs/learning/enums.js';
import { repeatedKeySql } from '../checks.js';
import type { Column } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { countMerged, lookUpInBatches } from '../references.js';
import { CODE_COLUMN_PATTERN } from './agencies.js';

const COLUMNS: readonly Column[] = [
  {
    name: 'code',
    type: 'text',
    required: true,
    pattern: CODE_COLUMN_PATTERN,
    meaning: 'offering code (natural key), e.g. MNJ-01-12.71-2025-01',
  },
  { name: 'course_code', type: 'text', required: true, meaning: 'code of the course' },
  {
    name: 'region_code',
    type: 'text',
    required: true,
    meaning: 'Kemendagri code of the organising region (personnel checks it)',
  },
  {
    name: 'year',
    type: 'integer',
    required: true,
    min: 2000,
    max: 2100,
    meaning: 'fiscal year: the year of starts_on',
  },
  { name: 'starts_on', type: 'date', required: true, meaning: 'first day' },
  { name: 'ends_on', type: 'date', required: true, meaning: 'last day, not before the first' },
  { name: 'capacity', type: 'integer', required: true, min: 1, max: 100000, meaning: 'places' },
  { name: 'venue', type: 'text', required: true, meaning: 'where it takes place' },
  {
    name: 'status',
    type: 'choice',
    required: true,
    choices: Object.values(OfferingStatus),
    meaning: 'PLANNED, OPEN, HELD or CANCELLED',
  },
];

/** Offerings (classes) of courses, keyed by code: what enrolment files name. */
export const offerings: ImportKind = {
  name: 'offerings',
  owner: 'learning',
  unit: 'offerings',
  description: 'Offerings (classes) of courses: region, dates, capacity, venue, status.',
  columns: COLUMNS,
  example: [
    'MNJ-01-12.71-2025-01',
    'MNJ-01',
    '12.71',
    '2025',
    '2025-03-10',
    '2025-03-14',
    '30',
    'BPSDM Kota Medan',
    'HELD',
  ],
  resolveReferences: ({ client, personnel }) =>
    lookUpInBatches(
      client,
      'select distinct region_code as key from import_rows',
      (codes) => personnel.regionsByCode(codes),
      'region_ref',
      [{ name: 'code', type: 'text', value: (r) => r.code }],
    ),
  regionsSql: 'select region_code from import_rows',
  checks: [
    `select r.line, 'course_code', r.course_code, 'no course has this code'
       from import_rows r left join learning.course c on c.code = r.course_code where c.id is null`,
    `select r.line, 'region_code', r.region_code, 'personnel has no region with this code'
       from import_rows r left join region_ref g on g.code = r.region_code where g.code is null`,
    `select r.line, 'year', r.year::text, 'is not the year of starts_on (' || r.starts_on || ')'
       from import_rows r where r.year <> extract(year from r.starts_on)`,
    `select r.line, 'ends_on', r.ends_on::text, 'is before starts_on (' || r.starts_on || ')'
       from import_rows r where r.ends_on < r.starts_on`,
    repeatedKeySql(['code'], 'code', "'appears again'"),
  ],
  async merge({ client, rows }) {
    return countMerged(
      client,
      rows,
      // A new offering runs its course's current curriculum version; an updated one keeps the version it ran.
      `insert into learning.course_offering as o (code, course_id, curriculum_version_id, region_code, year, starts_on,
         ends_on, capacity, venue, status)
       select r.code, c.id,
              (select v.id from learning.curriculum_version v where v.course_id = c.id order by v.version desc limit 1),
              r.region_code, r.year, r.starts_on, r.ends_on, r.capacity, r.venue, r.status
         from import_rows r join learning.course c on c.code = r.course_code
         left join learning.course_offering x on x.code = r.code
        where x.id is null
           or (x.course_id, x.region_code, x.year, x.starts_on, x.ends_on, x.capacity, x.venue, x.status)
              is distinct from (c.id, r.region_code, r.year, r.starts_on, r.ends_on, r.capacity, r.venue, r.status)
       on conflict (code) do update set course_id = excluded.course_id, region_code = excluded.region_code,
         year = excluded.year, starts_on = excluded.starts_on, ends_on = excluded.ends_on, capacity = excluded.capacity,
         venue = excluded.venue, status = excluded.status
       where (o.course_id, o.region_code, o.year, o.starts_on, o.ends_on, o.capacity, o.venue, o.status)
         is distinct from (excluded.course_id, excluded.region_code, excluded.year, excluded.starts_on, excluded.ends_on,
                           excluded.capacity, excluded.venue, excluded.status)
       returning (o.xmax = 0) as inserted`,
    );
  },
};
