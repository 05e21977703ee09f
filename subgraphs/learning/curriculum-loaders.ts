import type { EntityManager } from '@mikro-orm/postgresql';
import { byId, pageLoader } from '../shared/connection.js';
import { manyByKey, oneByKey } from '../shared/loaders.js';
import * as curriculum from './curriculum-service.js';

/** Per-request loaders of curriculum versions (part of the learning loaders, see loaders.ts). */
export function createCurriculumLoaders(em: EntityManager) {
  return {
    curriculumVersionById: oneByKey(em, curriculum.curriculumVersionsById, byId),
    curriculumVersionPageByCourse: pageLoader(em, curriculum.CURRICULUM_VERSIONS_OF_COURSE),
    modulesByCurriculumVersion: manyByKey(em, curriculum.modulesByCurriculumVersion, (m) => m.curriculumVersionId),
    outcomesByCurriculumVersion: manyByKey(em, curriculum.outcomesByCurriculumVersion, (o) => o.curriculumVersionId),
  };
}
