import { Delivery, LearningMode, Programme } from '../../subgraphs/learning/enums.js';
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
    meaning: 'course code (natural key), e.g. MNJ-01',
  },
  { name: 'title', type: 'text', required: true, meaning: 'title' },
  {
    name: 'programme',
    type: 'choice',
    required: true,
    choices: Object.values(Programme),
    meaning: 'LATSAR, PKP, PKA, PKN, TEKNIS or FUNGSIONAL',
  },
  {
    name: 'mode',
    type: 'choice',
    required: true,
    choices: Object.values(LearningMode),
    meaning: 'KLASIKAL or NONKLASIKAL',
  },
  {
    name: 'delivery',
    type: 'choice',
    required: true,
    choices: Object.values(Delivery),
    meaning: 'CLASSROOM, E_LEARNING, BLENDED, COACHING, ...',
  },
  { name: 'jp', type: 'integer', required: true, min: 1, max: 1000, meaning: 'JP (45-minute lessons) of the course' },
  {
    name: 'university_code',
    type: 'text',
    required: false,
    meaning: 'code of the partner university providing it (e.g. USU); empty for none',
  },
  { name: 'description', type: 'text', required: true, maxLength: 2000, meaning: 'what the course teaches' },
];

/** Courses of the catalogue, keyed by code (their modules and learning outcomes are not imported yet). */
export const courses: ImportKind = {
  name: 'courses',
  owner: 'learning',
  unit: 'courses',
  description: 'The course catalogue: title, programme, mode, JP and partner university.',
  columns: COLUMNS,
  example: [
    'TEK-PKM-01',
    'Pelayanan Prima di Puskesmas',
    'TEKNIS',
    'KLASIKAL',
    'CLASSROOM',
    '24',
    'USU',
    'Standar pelayanan dan pengaduan',
  ],
  checks: [
    `select r.line, 'university_code', r.university_code, 'no university has this code'
       from import_rows r left join learning.university u on u.code = r.university_code
      where r.university_code is not null and u.id is null`,
    repeatedKeySql(['code'], 'code', "'appears again'"),
  ],
  async merge({ client, rows }) {
    const counts = await countMerged(
      client,
      rows,
      `insert into learning.course as c (code, title, programme, mode, delivery, jp, university_id, description)
       select r.code, r.title, r.programme, r.mode, r.delivery, r.jp, u.id, r.description
         from import_rows r left join learning.university u on u.code = r.university_code
         left join learning.course x on x.code = r.code
        where x.id is null
           or (x.title, x.programme, x.mode, x.delivery, x.jp, x.university_id, x.description)
              is distinct from (r.title, r.programme, r.mode, r.delivery, r.jp, u.id, r.description)
       on conflict (code) do update set title = excluded.title, programme = excluded.programme, mode = excluded.mode,
         delivery = excluded.delivery, jp = excluded.jp, university_id = excluded.university_id,
         description = excluded.description
       where (c.title, c.programme, c.mode, c.delivery, c.jp, c.university_id, c.description)
         is distinct from (excluded.title, excluded.programme, excluded.mode, excluded.delivery, excluded.jp,
                           excluded.university_id, excluded.description)
       returning (c.xmax = 0) as inserted`,
    );
    // A new course starts with curriculum version 1 (no modules yet): offerings point to the version they run.
    await client.query(
      `insert into learning.curriculum_version (course_id, version, note)
       select c.id, 1, 'Imported from ' || r.code from import_rows r join learning.course c on c.code = r.code
        where not exists (select 1 from learning.curriculum_version v where v.course_id = c.id)`,
    );
    return counts;
  },
};
