import type { EntityManager } from '@mikro-orm/postgresql';
import { batchedByGroup, byYear, manyByKey, oneByKey, type YearKey } from '../shared/loaders.js';
import * as service from './service.js';

/** One set per request: every reference and nested list of the learning subgraph loads through these. */
export function createLearningLoaders(em: EntityManager) {
  return {
    competency: oneByKey((ids: readonly number[]) => service.competenciesById(em, ids), (c) => c.id),
    university: oneByKey((ids: readonly number[]) => service.universitiesById(em, ids), (u) => u.id),
    course: oneByKey((ids: readonly number[]) => service.coursesById(em, ids), (c) => c.id),
    coursesOfUniversity: manyByKey((ids: readonly number[]) => service.coursesByUniversity(em, ids), (c) => c.universityId ?? 0),
    modules: manyByKey((ids: readonly number[]) => service.modulesByCourse(em, ids), (m) => m.courseId),
    outcomes: manyByKey((ids: readonly number[]) => service.outcomesByCourse(em, ids), (o) => o.courseId),
    offering: oneByKey((ids: readonly number[]) => service.offeringsById(em, ids), (o) => o.id),
    offeringsOfCourse: batchedByGroup(byYear<YearKey>, (keys) => service.offeringsOfCourses(em, keys)),
    offeringStats: oneByKey((ids: readonly number[]) => service.statsOfOfferings(em, ids), (s) => s.offeringId),
    enrolmentsOfOffering: manyByKey((ids: readonly number[]) => service.enrolmentsOfOfferings(em, ids), (e) => e.offeringId),
    enrolmentsOfEmployee: batchedByGroup(byYear<YearKey>, (keys) => service.enrolmentsOfEmployees(em, keys)),
    jp: batchedByGroup(byYear<YearKey>, (keys) => service.jpOfEmployees(em, keys)),
  };
}

export type LearningLoaders = ReturnType<typeof createLearningLoaders>;
