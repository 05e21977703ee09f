import { EnrolmentStatus } from '../../subgraphs/learning/enums.js';
import { repeatedKeySql } from '../checks.js';
import { type Column, EMPLOYEE_NUMBER_COLUMN } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { employeeReferences } from '../references.js';

const COLUMNS: readonly Column[] = [
  { ...EMPLOYEE_NUMBER_COLUMN, meaning: 'NIP or NI PPPK of the participant (personnel checks it)' },
  {
    name: 'offering_code',
    type: 'text',
    required: true,
    meaning: 'code of the course offering, e.g. MNJ-01-12.71-2025-01',
  },
  {
    name: 'status',
    type: 'choice',
    required: true,
    choices: Object.values(EnrolmentStatus),
    meaning: 'ENROLLED, COMPLETED or DROPPED',
  },
  {
    name: 'jp_earned',
    type: 'integer',
    required: true,
    min: 0,
    max: 1000,
    meaning: "JP earned: at most the course's JP, 0 when dropped",
  },
  {
    name: 'pre_test',
    type: 'decimal',
    required: false,
    min: 0,
    max: 100,
    meaning: 'pre-test score 0-100 (Kirkpatrick L2)',
  },
  {
    name: 'post_test',
    type: 'decimal',
    required: false,
    min: 0,
    max: 100,
    meaning: 'post-test score 0-100 (Kirkpatrick L2)',
  },
  {
    name: 'satisfaction',
    type: 'decimal',
    required: false,
    min: 1,
    max: 5,
    meaning: 'participant satisfaction 1-5 (Kirkpatrick L1)',
  },
];

/**
 * Enrolments in course offerings, keyed by participant and offering: created, or updated when status, JP,
 * tests or satisfaction differ. The participant is checked through personnel's API (batched), which also
 * gives where they work: a new enrolment records that placement (where the employee was when trained); an
 * update keeps the placement recorded first.
 */
export const enrolments: ImportKind = {
  name: 'enrolments',
  owner: 'learning',
  unit: 'enrolments',
  description: 'Participants of course offerings: status, JP earned, pre/post test, satisfaction.',
  columns: COLUMNS,
  example: ['198609262015051001', 'MNJ-01-12.71-2025-01', 'COMPLETED', '20', '55.5', '71', '4.25'],
  resolveReferences: ({ client, personnel }) => employeeReferences(client, personnel),
  regionsSql: 'select region_code from employee_ref',
  checks: [
    `select r.line, 'nip', r.nip, 'personnel has no employee with this NIP or NI PPPK'
       from import_rows r left join employee_ref e on e.number = r.nip where e.id is null`,
    `select r.line, 'offering_code', r.offering_code, 'no course offering has this code'
       from import_rows r left join learning.course_offering o on o.code = r.offering_code where o.id is null`,
    `select r.line, 'offering_code', r.offering_code, 'the offering was cancelled'
       from import_rows r join learning.course_offering o on o.code = r.offering_code where o.status = 'CANCELLED'`,
    `select r.line, 'jp_earned', r.jp_earned::text, 'is more than the course''s ' || c.jp || ' JP'
       from import_rows r join learning.course_offering o on o.code = r.offering_code join learning.course c on c.id = o.course_id
      where r.jp_earned > c.jp`,
    `select r.line, 'jp_earned', r.jp_earned::text, 'must be 0 for a dropped enrolment' from import_rows r
      where r.status = 'DROPPED' and r.jp_earned > 0`,
    repeatedKeySql(['nip', 'offering_code'], 'nip', "'is enrolled in ' || r.offering_code || ' again'"),
  ],
  async merge({ client, rows }) {
    const { rows: counted } = await client.query<{ inserted: number; updated: number }>(`
      with incoming as (
        select o.id as offering_id, e.id as employee_id, o.year, e.agency_id, e.unit_id, e.region_code, r.status,
               r.jp_earned, r.pre_test::numeric(5, 2) as pre_test, r.post_test::numeric(5, 2) as post_test,
               r.satisfaction::numeric(3, 2) as satisfaction
          from import_rows r
          join employee_ref e on e.number = r.nip
          join learning.course_offering o on o.code = r.offering_code
      ), changed as (
        -- Rows already as stated are left alone (an ON CONFLICT that finds them would still lock them).
        select i.* from incoming i
          left join learning.enrolment n on n.offering_id = i.offering_id and n.employee_id = i.employee_id
         where n.id is null
            or (n.status, n.jp_earned, n.pre_test, n.post_test, n.satisfaction)
               is distinct from (i.status, i.jp_earned, i.pre_test, i.post_test, i.satisfaction)
      ), merged as (
        insert into learning.enrolment as n (offering_id, employee_id, year, agency_id, unit_id, region_code, status,
          jp_earned, pre_test, post_test, satisfaction)
        select offering_id, employee_id, year, agency_id, unit_id, region_code, status, jp_earned, pre_test, post_test,
               satisfaction
          from changed order by offering_id, employee_id
        on conflict (offering_id, employee_id) do update set status = excluded.status, jp_earned = excluded.jp_earned,
          pre_test = excluded.pre_test, post_test = excluded.post_test, satisfaction = excluded.satisfaction
        where (n.status, n.jp_earned, n.pre_test, n.post_test, n.satisfaction)
          is distinct from (excluded.status, excluded.jp_earned, excluded.pre_test, excluded.post_test, excluded.satisfaction)
        -- xmax is 0 only in a row version this statement inserted (an update leaves the locker's id).
        returning (n.xmax = 0) as inserted
      )
      select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
        from merged`);
    const inserted = counted[0]?.inserted ?? 0;
    const updated = counted[0]?.updated ?? 0;
    return { inserted, updated, unchanged: rows - inserted - updated };
  },
};
