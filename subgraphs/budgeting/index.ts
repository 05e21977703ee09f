import { importLogResolver } from '../shared/import-log.js';
import type { SubgraphDefinition } from '../shared/subgraph.js';
import { budgetingEntities } from './entities.js';
import { BudgetingFeedResolver } from './feed.js';
import { type BudgetingLoaders, createBudgetingLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { BudgetRecordResolver } from './record-mutations.js';
import { AgencyBudgetResolver, BudgetResolver, OfferingCostResolver } from './resolvers.js';
import { Agency, CourseOffering } from './types.js';

/** Budgeting: training budget lines per agency and year, and course offering costs. */
export const budgeting: SubgraphDefinition<BudgetingLoaders> = {
  name: 'budgeting',
  entities: budgetingEntities,
  migrations,
  resolvers: [
    BudgetResolver,
    BudgetingFeedResolver,
    AgencyBudgetResolver,
    OfferingCostResolver,
    BudgetRecordResolver,
    importLogResolver('budgeting', 'budgetingImports'),
  ],
  orphanedTypes: [Agency, CourseOffering],
  references: {
    Agency: (ref) => ({ id: Number(ref.id) }),
    // The gateway sends the @requires fields with the key; keep them for the cost resolver.
    CourseOffering: (ref) => ({
      id: Number(ref.id),
      participantCount: ref.participantCount,
      jpDelivered: ref.jpDelivered,
    }),
  },
  createLoaders: createBudgetingLoaders,
};
