import type { EntityManager } from '@mikro-orm/postgresql';
import { inYear, type ListSql, pagedById } from '../shared/connection.js';
import { query } from '../shared/orm.js';
import { sqlWithinRegion } from '../shared/regions.js';
import { isSmallCount, seesPeopleIn, shown, suppressedReason } from '../shared/suppression.js';
import type { Viewer } from '../shared/viewer.js';
import { currentModulesByCourse, currentOutcomesByCourse } from './curriculum-service.js';
import {
  Competency,
  Course,
  CourseModule,
  CourseOffering,
  Enrolment,
  LearningOutcome,
  University,
} from './entities.js';
import type { CompetencyKind, LearningMode, OfferingStatus, Programme } from './enums.js';

/** Reads of the learning schema; batch functions take many keys, loaders call them. */

export function listCompetencies(em: EntityManager, kind?: CompetencyKind | null): Promise<Competency[]> {
  return em.find(Competency, kind ? { kind } : {}, { orderBy: { id: 'asc' } });
}

export function competenciesById(em: EntityManager, ids: readonly number[]): Promise<Competency[]> {
  return em.find(Competency, { id: { $in: [...ids] } });
}

/** All partner universities, paged by id: a list without parent. */
export const UNIVERSITIES: ListSql<University> = {
  parentType: 'text',
  from: 'learning.university u',
  columns: 'u.id, u.code, u.name, u.short_name as "shortName", u.region_code as "regionCode"',
  parent: 'true',
  ...pagedById('u'),
};

export function universitiesById(em: EntityManager, ids: readonly number[]): Promise<University[]> {
  return em.find(University, { id: { $in: [...ids] } });
}

/** Conditions on courses; all given ones must hold. */
export interface CourseFilter {
  programme: Programme | null;
  mode: LearningMode | null;
  universityId: number | null;
}

const COURSE_COLUMNS = `c.id, c.code, c.title, c.programme, c.mode, c.delivery, c.jp, c.university_id as "universityId", c.description`;

/** Courses matching a filter, paged by id: a list without parent. */
export function coursesMatching(filter: CourseFilter): ListSql<Course> {
  return {
    parentType: 'text',
    from: 'learning.course c',
    columns: COURSE_COLUMNS,
    parent: 'true',
    where: {
      sql: `(?::text is null or c.programme = ?) and (?::text is null or c.mode = ?) and (?::int is null or c.university_id = ?)`,
      params: [filter.programme, filter.programme, filter.mode, filter.mode, filter.universityId, filter.universityId],
    },
    ...pagedById('c'),
  };
}

export function coursesById(em: EntityManager, ids: readonly number[]): Promise<Course[]> {
  return em.find(Course, { id: { $in: [...ids] } });
}

/** Courses of each university, paged by id. */
export const COURSES_OF_UNIVERSITY: ListSql<Course> = {
  parentType: 'int',
  from: 'learning.course c',
  columns: COURSE_COLUMNS,
  parent: 'c.university_id = s.key',
  ...pagedById('c'),
};

/** Modules of each course's current (latest) curriculum version, in order (curriculum-service.ts). */
export function modulesByCourse(em: EntityManager, courseIds: readonly number[]): Promise<CourseModule[]> {
  return currentModulesByCourse(em, courseIds);
}

/** Learning outcomes of each course's current (latest) curriculum version, by id (curriculum-service.ts). */
export function outcomesByCourse(em: EntityManager, courseIds: readonly number[]): Promise<LearningOutcome[]> {
  return currentOutcomesByCourse(em, courseIds);
}

/** Offerings by id, with the providing university's code (its aggregates are the university's own). */
export function offeringsById(em: EntityManager, ids: readonly number[]): Promise<CourseOffering[]> {
  return query(em, `select ${OFFERING_COLUMNS} from learning.course_offering o where o.id = any(?::int[])`, [ids]);
}

const OFFERING_COLUMNS = `o.id, o.code, o.course_id as "courseId", o.curriculum_version_id as "curriculumVersionId",
  o.region_code as "regionCode", o.year, o.starts_on::text as "startsOn", o.ends_on::text as "endsOn", o.capacity,
  o.venue, o.status,
  (select u.code from learning.course c join learning.university u on u.id = c.university_id
    where c.id = o.course_id) as "universityCode"`;

/** What the regions of one catalogue statement share: the year and the statuses asked for (null: all). */
export interface CatalogueArgs {
  year: number;
  statuses: readonly OfferingStatus[] | null;
}

/**
 * The offering catalogue of each region for a year: offerings organised in the region or inside it,
 * and those of the regions enclosing it (a province's offerings are open to its cities). Staff must be
 * able to find them: Medan's own account of its career management names poor access to such
 * information as an obstacle. Paged by id.
 */
export function offeringsOfRegion({ year, statuses }: CatalogueArgs): ListSql<CourseOffering> {
  return {
    parentType: 'text',
    from: 'learning.course_offering o',
    columns: OFFERING_COLUMNS,
    parent: `(${sqlWithinRegion('o.region_code', 's.key')} or ${sqlWithinRegion('s.key', 'o.region_code')})`,
    where: {
      sql: 'o.year = ? and (?::text[] is null or o.status = any(?::text[]))',
      params: [year, statuses, statuses],
    },
    ...pagedById('o'),
  };
}

/**
 * Offerings of each course, optionally in one year (null: all years), paged by id.
 */
export function offeringsOfCourse(year: number | null): ListSql<CourseOffering> {
  return {
    parentType: 'int',
    from: 'learning.course_offering o',
    columns: OFFERING_COLUMNS,
    parent: 'o.course_id = s.key',
    where: inYear('o.year', year),
    ...pagedById('o'),
  };
}

const ENROLMENT_COLUMNS = `n.id, n.offering_id as "offeringId", n.employee_id as "employeeId", n.year, n.agency_id as "agencyId",
  n.unit_id as "unitId", n.region_code as "regionCode", n.status, n.jp_earned as "jpEarned", n.pre_test::float8 as "preTest",
  n.post_test::float8 as "postTest", n.satisfaction::float8 as satisfaction`;

/** Enrolments of each employee, optionally in one year (null: all years), paged by id. */
export function enrolmentsOfEmployee(year: number | null): ListSql<Enrolment> {
  return {
    parentType: 'int',
    from: 'learning.enrolment n',
    columns: ENROLMENT_COLUMNS,
    parent: 'n.employee_id = s.key',
    where: inYear('n.year', year),
    ...pagedById('n'),
    personRegionColumn: 'n.region_code',
  };
}

/** Enrolments in each offering, paged by id. */
export const ENROLMENTS_OF_OFFERING: ListSql<Enrolment> = {
  parentType: 'int',
  from: 'learning.enrolment n',
  columns: ENROLMENT_COLUMNS,
  parent: 'n.offering_id = s.key',
  ...pagedById('n'),
  personRegionColumn: 'n.region_code',
};

export interface JpRow {
  employeeId: number;
  year: number;
  jp: number;
  minimumJp: number;
  completedCourses: number;
  /** Regions of the year's enrolments: who may see this summary is decided by them. */
  regionCodes: string[];
}

/** JP per employee for one year, with the minimum the right guarantees that year: one statement. */
export async function jpByEmployee(em: EntityManager, ids: readonly number[], year: number): Promise<JpRow[]> {
  const rows = await query<{
    employeeId: number;
    jp: string;
    completed: string;
    minimumJp: number | null;
    regionCodes: string[];
  }>(
    em,
    `select k.id as "employeeId", coalesce(sum(e.jp_earned), 0) as jp,
            count(e.id) filter (where e.status = 'COMPLETED') as completed,
            coalesce(array_agg(distinct e.region_code) filter (where e.region_code is not null), '{}') as "regionCodes",
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
    regionCodes: row.regionCodes,
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

/** An offering's figures over people as a viewer may see them (small-cell suppression). */
export interface VisibleOfferingStats {
  participantCount: number | null;
  jpDelivered: number | null;
  suppressedReason: string | null;
}

/**
 * Participants and JP delivered of an offering for a viewer: withheld when 1 to 4 employees enrolled and the
 * viewer may not see people of the organising region (JP delivered is their sum, so it goes with them).
 */
export function visibleOfferingStats(
  viewer: Viewer,
  offering: Pick<CourseOffering, 'regionCode'>,
  stats: OfferingStats | null | undefined,
): VisibleOfferingStats {
  const participants = stats?.participantCount ?? 0;
  const withheld = isSmallCount(participants) && !seesPeopleIn(viewer, offering.regionCode) ? 'small' : null;
  return {
    participantCount: shown(participants, withheld),
    jpDelivered: shown(stats?.jpDelivered ?? 0, withheld),
    suppressedReason: suppressedReason({ participantCount: withheld, jpDelivered: withheld }),
  };
}
