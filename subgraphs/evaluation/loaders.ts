import type { EntityManager } from '@mikro-orm/postgresql';
import { batchedByGroup, manyByKey } from '../shared/loaders.js';
import * as service from './service.js';

/** One set per request: every reference and nested list of the evaluation subgraph loads through these. */
export function createEvaluationLoaders(em: EntityManager) {
  return {
    skpOfEmployee: batchedByGroup(service.byYear, (keys) => service.skpOfEmployees(em, keys)),
    surveysOfUnit: batchedByGroup(service.byYear, (keys) => service.surveysOfUnits(em, keys)),
    elementsOfSurvey: manyByKey((ids: readonly number[]) => service.elementsOfSurveys(em, ids), (e) => e.surveyId),
  };
}

export type EvaluationLoaders = ReturnType<typeof createEvaluationLoaders>;
