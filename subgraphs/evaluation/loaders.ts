import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ImpactKey } from '../shared/impact-key.js';
import { batchedByGroup, byYear, manyByKey, type YearKey } from '../shared/loaders.js';
import { compareRegions, type ComparisonInputs, type ComparisonResult, type ViewerPolicy } from './impact-service.js';
import * as service from './service.js';

export interface ComparisonRequest {
  key: ImpactKey;
  inputs: ComparisonInputs;
  policy: ViewerPolicy;
}

/** One set per request: every reference and nested list of the evaluation subgraph loads through these. */
export function createEvaluationLoaders(em: EntityManager) {
  return {
    skpOfEmployee: batchedByGroup(byYear<YearKey>, (keys) => service.skpOfEmployees(em, keys)),
    surveysOfUnit: batchedByGroup(byYear<YearKey>, (keys) => service.surveysOfUnits(em, keys)),
    elementsOfSurvey: manyByKey((ids: readonly number[]) => service.elementsOfSurveys(em, ids), (e) => e.surveyId),
    // Computed once per comparison and request, however many of its fields the query asks for.
    comparison: new DataLoader<ComparisonRequest, ComparisonResult, string>(
      (requests) => Promise.all(requests.map((r) => compareRegions(em, r.key, r.inputs, r.policy))),
      { cacheKeyFn: (request) => `${request.key.year}:${request.key.regionCodes.join(',')}` },
    ),
  };
}

export type EvaluationLoaders = ReturnType<typeof createEvaluationLoaders>;
