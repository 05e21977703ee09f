import { importLogResolver } from '../shared/import-log.js';
import type { SubgraphDefinition } from '../shared/subgraph.js';
import { AnalyticsResolver } from './analytics/resolvers.js';
import { evaluationEntities } from './entities.js';
import { impactResponseCache, stringifyResult } from './impact-response-cache.js';
import { TrainingImpactComparison } from './impact-types.js';
import { createEvaluationLoaders, type EvaluationLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { EvaluationRecordResolver, IkmSurveyRecordResolver } from './record-mutations.js';
import {
  EmployeeEvaluationResolver,
  IkmSurveyResolver,
  RegionImpactResolver,
  ServiceUnitEvaluationResolver,
  TrainingImpactResolver,
} from './resolvers.js';
import { Employee, ServiceUnit } from './types.js';

/** Evaluation: SKP appraisals, IKM surveys and the training-impact analytics that compare regions. */
export const evaluation: SubgraphDefinition<EvaluationLoaders> = {
  name: 'evaluation',
  entities: evaluationEntities,
  migrations,
  resolvers: [
    EmployeeEvaluationResolver,
    ServiceUnitEvaluationResolver,
    IkmSurveyResolver,
    TrainingImpactResolver,
    RegionImpactResolver,
    EvaluationRecordResolver,
    IkmSurveyRecordResolver,
    importLogResolver('evaluation', 'evaluationImports'),
    AnalyticsResolver,
  ],
  orphanedTypes: [Employee, ServiceUnit, TrainingImpactComparison],
  references: {
    Employee: (ref) => ({ id: Number(ref.id) }),
    ServiceUnit: (ref) => ({ id: Number(ref.id) }),
    // The representation carries the @requires inputs from the other subgraphs: keep them all.
    TrainingImpactComparison: (ref) => ref,
  },
  createLoaders: createEvaluationLoaders,
  // Whole trainingImpact responses, served without execution while nothing they are made of changed.
  plugins: [impactResponseCache()],
  stringifyResult,
};
