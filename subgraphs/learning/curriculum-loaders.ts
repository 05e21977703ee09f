import type { EntityManager } from '@mikro-orm/postgresql';
import { pageLoader } from '../shared/connection.js';
import { manyByKey, oneByKey } from '../shared/loaders.js';
import * as curriculum from './curriculum-service.js';

/** Per-request loaders of curriculum versions (part of the learning loaders, see loaders.ts). */
export function createCurriculumLoaders(em: EntityManager) {
  return {
    curriculumVersionById: oneByKey(
      (ids: readonly number[]) => curriculum.curriculumVersionsById(em, ids),
      (v) => v.id,
    ),
    curriculumVersionPageByCourse: pageLoader(em, curriculum.CURRICULUM_VERSIONS_OF_COURSE),
    modulesByCurriculumVersion: manyByKey(
      (ids: readonly number[]) => curriculum.modulesByCurriculumVersion(em, ids),
      (m) => m.curriculumVersionId,
    ),
    outcomesByCurriculumVersion: manyByKey(
      (ids: readonly number[]) => curriculum.outcomesByCurriculumVersion(em, ids),
      (o) => o.curriculumVersionId,
    ),
  };
}
