import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../shared/orm.js';
import { sqlWithinRegion } from '../shared/regions.js';
import {
  Competency,
  Course,
  CourseModule,
  CourseOffering,
  Enrolment,
  LearningOutcome,
  University,
} from './entities.js';
import type { CompetencyKind, OfferingStatus } from './enums.js';

/** Reads of the learning schema; batch functions take many keys, loaders call them. */

export function listCompetencies(em: EntityManager, kind?: CompetencyKind | null): Promise<Competency[]> {
  return em.find(Competency, kind ? { kind } : {}, { orderBy: { id: 'asc' } });
}

export function competenciesById(em: EntityManager, ids: readonly number[]): Promise<Competency[]> {
  return em.find(Competency, { id: { $in: [...ids] } });
}

export function listUniversities(em: EntityManager): Promise<University[]> {
  return em.find(University, {}, { orderBy: { id: 'asc' } });
}

export function universitiesById(em: EntityManager, ids: readonly number[]): Promise<University[]> {
  return em.find(University, { id: { $in: [...ids] } });
}

export function listCourses(
  em: EntityManager,
  filter: { programme?: string | null; mode?: string | null; universityId?: number | null },
): Promise<Course[]> {
  const where: Record<string, unknown> = {};
  if (filter.programme) where.programme = filter.programme;
  if (filter.mode) where.mode = filter.mode;
  if (filter.universityId != null) where.universityId = filter.universityId;
  return em.find(Course, where, { orderBy: { id: 'asc' } });
}

export function coursesById(em: EntityManager, ids: readonly number[]): Promise<Course[]> {
  return em.find(Course, { id: { $in: [...ids] } });
}

export function coursesByUniversity(em: EntityManager, ids: readonly number[]): Promise<Course[]> {
  return em.find(Course, { universityId: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
}

export function modulesByCourse(em: EntityManager, courseIds: readonly number[]): Promise<CourseModule[]> {
  return em.find(CourseModule, { courseId: { $in: [...courseIds] } }, { orderBy: { seq: 'asc' } });
}

export function outcomesByCourse(em: EntityManager, courseIds: readonly number[]): Promise<LearningOutcome[]> {
  return em.find(LearningOutcome, { courseId: { $in: [...courseIds] } }, { orderBy: { id: 'asc' } });
}

export function offeringsById(em: EntityManager, ids: readonly number[]): Promise<CourseOffering[]> {
  return em.find(CourseOffering, { id: { $in: [...ids] } });
}

export interface CatalogueKey {
  code: string;
  year: number;
  statuses: readonly OfferingStatus[] | null;
}

/** The loader's grouping: regions asked for the same year and statuses share one statement. */
export function catalogueGroup(key: CatalogueKey): string {
  return JSON.stringify([key.year, key.statuses]);
}

/**
 * The offering catalogue of each region for a year: offerings organised in the region or inside it,
 * and those of the regions enclosing it (a province's offerings are open to its cities). Staff must be
 * able to find them: Medan's own account of its career management names poor access to such
 * information as an obstacle. One statement for all regions of a group.
 */
export async function offeringsByRegion(em: EntityManager, keys: readonly CatalogueKey[]): Promise<CourseOffering[][]> {
  const [first] = keys;
  if (!first) return [];
  const codes = keys.map((key) => key.code);
  const rows = await query<CourseOffering & { scope: string }>(
    em,
    `select s.code as scope, ${OFFERING_COLUMNS}
       from unnest(?::text[]) as s(code)
       join learning.course_offering o
         on ${sqlWithinRegion('o.region_code', 's.code')} or ${sqlWithinRegion('s.code', 'o.region_code')}
      where o.year = ? and (?::text[] is null or o.status = any(?::text[]))
      order by o.starts_on, o.id`,
    [codes, first.year, first.statuses, first.statuses],
  );
  const grouped = Map.groupBy(rows, (row) => row.scope);
  return codes.map((code) => grouped.get(code) ?? []);
}

const OFFERING_COLUMNS = `o.id, o.course_id as "courseId", o.region_code as "regionCode", o.year,
  o.starts_on::text as "startsOn", o.ends_on::text as "endsOn", o.capacity, o.venue, o.status`;

/** Offerings of each course, optionally in one year. */
export function offeringsByCourse(em: EntityManager, ids: readonly number[], year: number | null): Promise<CourseOffering[]> {
  return em.find(
    CourseOffering,
    { courseId: { $in: [...ids] }, ...(year != null ? { year } : {}) },
    { orderBy: { startsOn: 'asc', id: 'asc' } },
  );
}

/** Enrolments of each employee, optionally in one year. */
export function enrolmentsByEmployee(em: EntityManager, ids: readonly number[], year: number | null): Promise<Enrolment[]> {
  return em.find(
    Enrolment,
    { employeeId: { $in: [...ids] }, ...(year != null ? { year } : {}) },
    { orderBy: { year: 'asc', id: 'asc' } },
  );
}

export function enrolmentsByOffering(em: EntityManager, offeringIds: readonly number[]): Promise<Enrolment[]> {
  return em.find(Enrolment, { offeringId: { $in: [...offeringIds] } }, { orderBy: { id: 'asc' } });
}

export interface JpRow {
  employeeId: number;
  year: number;
  jp: number;
  minimumJp: number;
  completedCourses: number;
}

/** JP per employee for one year, with the minimum the right guarantees that year: one statement. */
export async function jpByEmployee(em: EntityManager, ids: readonly number[], year: number): Promise<JpRow[]> {
  const rows = await query<{ employeeId: number; jp: string; completed: string; minimumJp: number | null }>(
    em,
    `select k.id as "employeeId", coalesce(sum(e.jp_earned), 0) as jp,
            count(e.id) filter (where e.status = 'COMPLETED') as completed,
            (select minimum_jp from learning.jp_right where valid_from_year <= ?
              order by valid_from_year desc limit 1) as "minimumJp"
       from unnest(?::int[]) as k(id)
       left join learning.enrolment e on e.employee_id = k.id and e.year = ?
      group by k.id`,
    [year, ids, year],
  );
  return rows.map((row) => ({
    employeeId: row.employeeId,
    year,
    jp: Number(row.jp),
    minimumJp: row.minimumJp ?? 0,
    completedCourses: Number(row.completed),
  }));
}

export interface OfferingStats {
  offeringId: number;
  participantCount: number;
  completedCount: number;
  jpDelivered: number;
}

/** Participants and JP delivered per offering, aggregated in SQL. */
export async function offeringStatsById(em: EntityManager, offeringIds: readonly number[]): Promise<OfferingStats[]> {
  const rows = await query<{ offeringId: number; participants: string; completed: string; jp: string }>(
    em,
    `select k.id as "offeringId", count(e.id) as participants,
            count(e.id) filter (where e.status = 'COMPLETED') as completed, coalesce(sum(e.jp_earned), 0) as jp
       from unnest(?::int[]) as k(id)
       left join learning.enrolment e on e.offering_id = k.id
      group by k.id`,
    [offeringIds],
  );
  return rows.map((row) => ({
    offeringId: row.offeringId,
    participantCount: Number(row.participants),
    completedCount: Number(row.completed),
    jpDelivered: Number(row.jp),
  }));
}

/**
 * Per unit of each region: JP, participants and staff reaching the annual minimum, from the unit
 * recorded on each enrolment. One statement for any number of regions.
 */
export async function unitTrainingByRegion(em: EntityManager, codes: readonly string[], year: number) {
  return query<{ scope: string; unitId: number; jp: number; participants: number; reachedMinimum: number }>(
    em,
    `with per_employee as (
       select s.code as scope, e.unit_id, e.employee_id, sum(e.jp_earned) as jp
         from unnest(?::text[]) as s(code)
         join learning.enrolment e on ${sqlWithinRegion('e.region_code', 's.code')} and e.year = ?
        where e.unit_id is not null
        group by s.code, e.unit_id, e.employee_id
     ), minimum as (
       select minimum_jp from learning.jp_right where valid_from_year <= ? order by valid_from_year desc limit 1
     )
     select scope, unit_id as "unitId", sum(jp)::int as jp, count(*)::int as participants,
            count(*) filter (where jp >= (select minimum_jp from minimum))::int as "reachedMinimum"
       from per_employee
      group by scope, unit_id
      order by scope, unit_id`,
    [codes, year, year],
  );
}

/**
 * Per unit of each region and per day: JP of completed enrolments by the end date of their offering, in the
 * compared year and the year after. Learning does not know when each unit's IKM survey
 * was held; evaluation does, and counts the JP completed before it (see docs/method.md).
 */
export async function trainingDatesByRegion(em: EntityManager, codes: readonly string[], year: number) {
  return query<{ scope: string; unitId: number; completedOn: string; jp: number; enrolments: number }>(
    em,
    `select s.code as scope, e.unit_id as "unitId", o.ends_on::text as "completedOn",
            sum(e.jp_earned)::int as jp, count(*)::int as enrolments
       from unnest(?::text[]) as s(code)
       join learning.enrolment e on ${sqlWithinRegion('e.region_code', 's.code')} and e.year between ?::int and ?::int + 1
       join learning.course_offering o on o.id = e.offering_id
      where e.unit_id is not null and e.status = 'COMPLETED' and e.jp_earned > 0
      group by s.code, e.unit_id, o.ends_on
      order by s.code, e.unit_id, o.ends_on`,
    [codes, year, year],
  );
}

/** Per region: enrolments, participants, JP, mean satisfaction (L1), mean test gain (L2), trained staff. */
export async function learningByRegion(em: EntityManager, codes: readonly string[], year: number) {
  const rows = await query<{
    scope: string;
    enrolments: number;
    participants: number;
    jp: number;
    meanSatisfaction: number | null;
    satisfactionResponses: number;
    meanTestGain: number | null;
    testedEnrolments: number;
    trainedEmployeeIds: number[] | null;
  }>(
    em,
    `select s.code as scope, count(e.id)::int as enrolments, count(distinct e.employee_id)::int as participants,
            coalesce(sum(e.jp_earned), 0)::int as jp,
            avg(e.satisfaction)::float8 as "meanSatisfaction", count(e.satisfaction)::int as "satisfactionResponses",
            avg(e.post_test - e.pre_test)::float8 as "meanTestGain",
            count(e.post_test - e.pre_test)::int as "testedEnrolments",
            array_agg(distinct e.employee_id) filter (where e.jp_earned > 0) as "trainedEmployeeIds"
       from unnest(?::text[]) as s(code)
       left join learning.enrolment e on ${sqlWithinRegion('e.region_code', 's.code')} and e.year = ?
      group by s.code`,
    [codes, year],
  );
  return rows.map((row) => ({ ...row, trainedEmployeeIds: row.trainedEmployeeIds ?? [] }));
}
