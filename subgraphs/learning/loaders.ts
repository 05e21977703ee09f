import type { EntityManager } from '@mikro-orm/postgresql';
import { batchedByGroup, manyByIdAndYear, manyByKey, oneByIdAndYear, oneByKey } from '../shared/loaders.js';
import * as service from './service.js';

/**
 * One set per request: every reference and nested list of the learning subgraph loads through these.
 * Each loader is named for what one `load` returns and by what key, after the service function it calls.
 */
export function createLearningLoaders(em: EntityManager) {
  return {
    competencyById: oneByKey((ids: readonly number[]) => service.competenciesById(em, ids), (c) => c.id),
    universityById: oneByKey((ids: readonly number[]) => service.universitiesById(em, ids), (u) => u.id),
    courseById: oneByKey((ids: readonly number[]) => service.coursesById(em, ids), (c) => c.id),
    coursesByUniversity: manyByKey(
      (ids: readonly number[]) => service.coursesByUniversity(em, ids),
      (c) => c.universityId ?? 0,
    ),
    modulesByCourse: manyByKey((ids: readonly number[]) => service.modulesByCourse(em, ids), (m) => m.courseId),
    outcomesByCourse: manyByKey((ids: readonly number[]) => service.outcomesByCourse(em, ids), (o) => o.courseId),
    offeringById: oneByKey((ids: readonly number[]) => service.offeringsById(em, ids), (o) => o.id),
    offeringsByCourse: manyByIdAndYear((ids, year) => service.offeringsByCourse(em, ids, year), (o) => o.courseId),
    offeringsByRegion: batchedByGroup(service.catalogueGroup, (keys) => service.offeringsByRegion(em, keys)),
    offeringStatsById: oneByKey((ids: readonly number[]) => service.offeringStatsById(em, ids), (s) => s.offeringId),
    enrolmentsByOffering: manyByKey(
      (ids: readonly number[]) => service.enrolmentsByOffering(em, ids),
      (e) => e.offeringId,
    ),
    enrolmentsByEmployee: manyByIdAndYear(
      (ids, year) => service.enrolmentsByEmployee(em, ids, year),
      (e) => e.employeeId,
    ),
    jpByEmployee: oneByIdAndYear((ids, year) => service.jpByEmployee(em, ids, year), (row) => row.employeeId),
  };
}

export type LearningLoaders = ReturnType<typeof createLearningLoaders>;
