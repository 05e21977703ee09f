import type { EntityManager } from '@mikro-orm/postgresql';
import { pageLoader } from '../shared/connection.js';
import { manyByKey, oneByIdAndYear, oneByKey } from '../shared/loaders.js';
import type { Viewer } from '../shared/viewer.js';
import { createCurriculumLoaders } from './curriculum-loaders.js';
import * as service from './service.js';

/**
 * One set per request: every reference and nested list of the learning subgraph loads through these.
 * Each loader is named for what one `load` returns and by what key, after the service function it calls.
 * A `<thing>PageBy<Key>` loader gives one page per key from the service's list SQL (`<THINGS>_OF_<KEY>`, or
 * `<things>Of<Key>(args)`): one rows statement per distinct argument set, a count only when `totalCount` is asked.
 */
export function createLearningLoaders(em: EntityManager, viewer?: Viewer) {
  return {
    competencyById: oneByKey(
      (ids: readonly number[]) => service.competenciesById(em, ids),
      (c) => c.id,
    ),
    universityById: oneByKey(
      (ids: readonly number[]) => service.universitiesById(em, ids),
      (u) => u.id,
    ),
    universityPage: pageLoader(em, service.UNIVERSITIES),
    courseById: oneByKey(
      (ids: readonly number[]) => service.coursesById(em, ids),
      (c) => c.id,
    ),
    coursePage: pageLoader(em, service.coursesMatching),
    coursePageByUniversity: pageLoader(em, service.COURSES_OF_UNIVERSITY),
    modulesByCourse: manyByKey(
      (ids: readonly number[]) => service.modulesByCourse(em, ids),
      (m) => m.courseId,
    ),
    outcomesByCourse: manyByKey(
      (ids: readonly number[]) => service.outcomesByCourse(em, ids),
      (o) => o.courseId,
    ),
    offeringById: oneByKey(
      (ids: readonly number[]) => service.offeringsById(em, ids),
      (o) => o.id,
    ),
    offeringPageByCourse: pageLoader(em, service.offeringsOfCourse),
    offeringPageByRegion: pageLoader(em, service.offeringsOfRegion),
    offeringStatsById: oneByKey(
      (ids: readonly number[]) => service.offeringStatsById(em, ids),
      (s) => s.offeringId,
    ),
    enrolmentPageByOffering: pageLoader(em, service.ENROLMENTS_OF_OFFERING, viewer),
    enrolmentPageByEmployee: pageLoader(em, service.enrolmentsOfEmployee, viewer),
    jpByEmployee: oneByIdAndYear(
      (ids, year) => service.jpByEmployee(em, ids, year),
      (row) => row.employeeId,
    ),
    ...createCurriculumLoaders(em),
  };
}

export type LearningLoaders = ReturnType<typeof createLearningLoaders>;
