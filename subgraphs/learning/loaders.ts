import type { EntityManager } from '@mikro-orm/postgresql';
import { byId, pageLoader } from '../shared/connection.js';
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
    competencyById: oneByKey(em, service.competenciesById, byId),
    universityById: oneByKey(em, service.universitiesById, byId),
    universityPage: pageLoader(em, service.UNIVERSITIES),
    courseById: oneByKey(em, service.coursesById, byId),
    coursePage: pageLoader(em, service.coursesMatching),
    coursePageByUniversity: pageLoader(em, service.COURSES_OF_UNIVERSITY),
    modulesByCourse: manyByKey(em, service.modulesByCourse, (m) => m.courseId),
    outcomesByCourse: manyByKey(em, service.outcomesByCourse, (o) => o.courseId),
    offeringById: oneByKey(em, service.offeringsById, byId),
    offeringPageByCourse: pageLoader(em, service.offeringsOfCourse),
    offeringPageByRegion: pageLoader(em, service.offeringsOfRegion),
    offeringStatsById: oneByKey(em, service.offeringStatsById, (s) => s.offeringId),
    enrolmentPageByOffering: pageLoader(em, service.ENROLMENTS_OF_OFFERING, viewer),
    enrolmentPageByEmployee: pageLoader(em, service.enrolmentsOfEmployee, viewer),
    jpByEmployee: oneByIdAndYear(em, service.jpByEmployee, (row) => row.employeeId),
    ...createCurriculumLoaders(em),
  };
}

export type LearningLoaders = ReturnType<typeof createLearningLoaders>;
