import type { EntityManager } from '@mikro-orm/postgresql';
import { pageLoader } from '../shared/connection.js';
import { manyByKey, oneByIdAndYear, oneByKey } from '../shared/loaders.js';
import * as service from './service.js';

/**
 * One set per request: every reference and nested list of the learning subgraph loads through these.
 * Each loader is named for what one `load` returns and by what key, after the service function it calls.
 * A `<thing>PageBy<Key>` loader gives one page per key: its rows statement (`<things>By<Key>`) runs once
 * per distinct argument set, its count statement (`<thing>CountsBy<Key>`) only when `totalCount` is asked.
 */
export function createLearningLoaders(em: EntityManager) {
  return {
    competencyById: oneByKey(
      (ids: readonly number[]) => service.competenciesById(em, ids),
      (c) => c.id,
    ),
    universityById: oneByKey(
      (ids: readonly number[]) => service.universitiesById(em, ids),
      (u) => u.id,
    ),
    universityPage: pageLoader({
      rows: (_whole: string[], window) => service.listUniversities(em, window),
      counts: () => service.countUniversities(em),
      keyOf: (u) => u.id,
      keyType: 'int',
    }),
    courseById: oneByKey(
      (ids: readonly number[]) => service.coursesById(em, ids),
      (c) => c.id,
    ),
    coursePage: pageLoader({
      rows: (_whole: string[], window, filter: service.CourseFilter) => service.listCourses(em, window, filter),
      counts: (_whole, filter) => service.countCourses(em, filter),
      keyOf: (c) => c.id,
      keyType: 'int',
    }),
    coursePageByUniversity: pageLoader({
      rows: (ids: number[], window) => service.coursesByUniversity(em, ids, window),
      counts: (ids) => service.courseCountsByUniversity(em, ids),
      keyOf: (c) => c.id,
      keyType: 'int',
    }),
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
    offeringPageByCourse: pageLoader({
      rows: (ids: number[], window, year: number | null) => service.offeringsByCourse(em, ids, window, year),
      counts: (ids, year) => service.offeringCountsByCourse(em, ids, year),
      keyOf: (o) => o.id,
      keyType: 'int',
    }),
    offeringPageByRegion: pageLoader({
      rows: (codes: string[], window, args: service.CatalogueArgs) =>
        service.offeringsByRegion(em, codes, window, args),
      counts: (codes, args) => service.offeringCountsByRegion(em, codes, args),
      keyOf: (o) => o.id,
      keyType: 'int',
    }),
    offeringStatsById: oneByKey(
      (ids: readonly number[]) => service.offeringStatsById(em, ids),
      (s) => s.offeringId,
    ),
    enrolmentPageByOffering: pageLoader({
      rows: (ids: number[], window) => service.enrolmentsByOffering(em, ids, window),
      counts: (ids) => service.enrolmentCountsByOffering(em, ids),
      keyOf: (e) => e.id,
      keyType: 'int',
    }),
    enrolmentPageByEmployee: pageLoader({
      rows: (ids: number[], window, year: number | null) => service.enrolmentsByEmployee(em, ids, window, year),
      counts: (ids, year) => service.enrolmentCountsByEmployee(em, ids, year),
      keyOf: (e) => e.id,
      keyType: 'int',
    }),
    jpByEmployee: oneByIdAndYear(
      (ids, year) => service.jpByEmployee(em, ids, year),
      (row) => row.employeeId,
    ),
  };
}

export type LearningLoaders = ReturnType<typeof createLearningLoaders>;
