import type { SubgraphDefinition } from '../shared/subgraph.js';
import { evaluationEntities } from './entities.js';
import { createEvaluationLoaders, type EvaluationLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { EmployeeEvaluationResolver, IkmSurveyResolver, ServiceUnitEvaluationResolver } from './resolvers.js';
import { Employee, ServiceUnit } from './types.js';

/** Evaluation: SKP appraisals, IKM surveys and the training-impact analytics that compare regions. */
export const evaluation: SubgraphDefinition<EvaluationLoaders> = {
  name: 'evaluation',
  entities: evaluationEntities,
  migrations,
  resolvers: [EmployeeEvaluationResolver, ServiceUnitEvaluationResolver, IkmSurveyResolver],
  orphanedTypes: [Employee, ServiceUnit],
  references: {
    Employee: (ref) => ({ id: Number(ref.id) }),
    ServiceUnit: (ref) => ({ id: Number(ref.id) }),
  },
  createLoaders: createEvaluationLoaders,
};
