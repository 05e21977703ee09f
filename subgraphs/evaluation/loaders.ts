import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { pageLoader } from '../shared/connection.js';
import { formatImpactKey, type ImpactKey } from '../shared/impact-key.js';
import { manyByIdAndYear, manyByKey } from '../shared/loaders.js';
import { seesPeopleIn } from '../shared/suppression.js';
import type { Viewer } from '../shared/viewer.js';
import type { ViewerPolicy } from './impact-method.js';
import { type ComparisonResult, compareRegions } from './impact-service.js';
import * as service from './service.js';

/** Small cells are withheld in the regions where the viewer may not see people (impact-privacy.ts). */
export function viewerPolicy(viewer: Viewer): ViewerPolicy {
  return { seesPeople: (regionCode) => seesPeopleIn(viewer, regionCode) };
}

/**
 * One set per request: every reference and nested list of the evaluation subgraph loads through these.
 * Each loader is named for what one `load` returns and by what key, after the service function it calls.
 */
export function createEvaluationLoaders(em: EntityManager, viewer: Viewer) {
  const policy = viewerPolicy(viewer);
  return {
    skpByEmployee: manyByIdAndYear(em, service.skpByEmployee, (a) => a.employeeId),
    appraisalPageByEmployee: pageLoader(em, service.APPRAISALS_OF_EMPLOYEE, viewer),
    surveysByUnit: manyByIdAndYear(em, service.surveysByUnit, (s) => s.unitId),
    surveyHistoryPageByUnit: pageLoader(em, service.SURVEYS_OF_UNIT),
    elementScoresBySurvey: manyByKey(em, service.elementScoresBySurvey, (e) => e.surveyId),
    // Computed once per comparison and request, however many of its fields the query asks for.
    comparisonByKey: new DataLoader<ImpactKey, ComparisonResult, string>(
      (keys) => Promise.all(keys.map((key) => compareRegions(em, key, policy))),
      { cacheKeyFn: formatImpactKey },
    ),
  };
}

export type EvaluationLoaders = ReturnType<typeof createEvaluationLoaders>;
