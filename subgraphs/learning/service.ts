import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../shared/errors.js';
import type { YearKey } from '../shared/loaders.js';
import { query } from '../shared/orm.js';
import { sqlWithinRegion, validateRegionCode } from '../shared/regions.js';
import {
  Competency,
  Course,
  CourseModule,
  CourseOffering,
  Enrolment,
  LearningOutcome,
  University,
} from './entities.js';
import type { CompetencyKind } from './enums.js';

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

/** Codes of a region and all regions enclosing it: "12.71.01" gives 12, 12.71, 12.71.01. */
function selfAndAncestors(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
}

/**
 * The offerings open to ASN of a region in a year: those organised in the region or inside it, and
 * those of the regions enclosing it (a province's offerings are open to its cities). Medan's own
 * account of its career management names poor access to such information as an obstacle.
 */
export async function offeringCatalogue(
  em: EntityManager,
  regionCode: string,
  year: number,
  statuses: readonly string[] | null,
): Promise<CourseOffering[]> {
  validateRegionCode(regionCode);
  const where: Record<string, unknown> = {
    year,
    $or: [{ regionCode: { $in: selfAndAncestors(regionCode) } }, { regionCode: { $like: `${regionCode}.%` } }],
  };
  if (statuses?.length) where.status = { $in: [...statuses] };
  return em.find(CourseOffering, where, { orderBy: { startsOn: 'asc', id: 'asc' } });
}

/** Offerings of each course, optionally in one year (all keys of one call share the year). */
export async function offeringsOfCourses(em: EntityManager, keys: readonly YearKey[]): Promise<CourseOffering[][]> {
  const year = keys[0]?.year ?? null;
  const rows = await em.find(
    CourseOffering,
    { courseId: { $in: keys.map((k) => k.id) }, ...(year != null ? { year } : {}) },
    { orderBy: { startsOn: 'asc', id: 'asc' } },
  );
  const grouped = Map.groupBy(rows, (row) => row.courseId);
  return keys.map((key) => grouped.get(key.id) ?? []);
}

/** Enrolments of each employee, optionally in one year. */
export async function enrolmentsOfEmployees(em: EntityManager, keys: readonly YearKey[]): Promise<Enrolment[][]> {
  const year = keys[0]?.year ?? null;
  const rows = await em.find(
    Enrolment,
    { employeeId: { $in: keys.map((k) => k.id) }, ...(year != null ? { year } : {}) },
    { orderBy: { year: 'asc', id: 'asc' } },
  );
  const grouped = Map.groupBy(rows, (row) => row.employeeId);
  return keys.map((key) => grouped.get(key.id) ?? []);
}

export function enrolmentsOfOfferings(em: EntityManager, offeringIds: readonly number[]): Promise<Enrolment[]> {
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
export async function jpOfEmployees(em: EntityManager, keys: readonly YearKey[]): Promise<JpRow[]> {
  const year = keys[0]?.year;
  if (year == null) throw badUserInput('`year` is required', 'year');
  const rows = await query<{ employeeId: number; jp: string; completed: string; minimumJp: number | null }>(
    em,
    `select k.id as "employeeId", coalesce(sum(e.jp_earned), 0) as jp,
            count(e.id) filter (where e.status = 'COMPLETED') as completed,
            (select minimum_jp from learning.jp_right where valid_from_year <= ? order by valid_from_year desc limit 1) as "minimumJp"
       from unnest(?::int[]) as k(id)
       left join learning.enrolment e on e.employee_id = k.id and e.year = ?
      group by k.id`,
    [year, keys.map((k) => k.id), year],
  );
  const byId = new Map(rows.map((row) => [row.employeeId, row]));
  return keys.map((key) => {
    const row = byId.get(key.id);
    return {
      employeeId: key.id,
      year,
      jp: Number(row?.jp ?? 0),
      minimumJp: row?.minimumJp ?? 0,
      completedCourses: Number(row?.completed ?? 0),
    };
  });
}

export interface OfferingStats {
  offeringId: number;
  participantCount: number;
  completedCount: number;
  jpDelivered: number;
}

/** Participants and JP delivered per offering, aggregated in SQL. */
export async function statsOfOfferings(em: EntityManager, offeringIds: readonly number[]): Promise<OfferingStats[]> {
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
export async function trainingOfUnits(em: EntityManager, codes: readonly string[], year: number) {
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

/** Per region: enrolments, participants, JP, mean satisfaction (L1), mean test gain (L2), trained staff. */
export async function learningOfRegions(em: EntityManager, codes: readonly string[], year: number) {
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
