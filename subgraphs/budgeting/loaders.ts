import type { EntityManager } from '@mikro-orm/postgresql';
import { batchedByGroup, byYear, oneByKey } from '../shared/loaders.js';
import * as service from './service.js';

/** One set per request: every reference and nested list of the budgeting subgraph loads through these. */
export function createBudgetingLoaders(em: EntityManager) {
  return {
    linesOfAgency: batchedByGroup(byYear<service.AgencyYearKey>, (keys) => service.linesOfAgencies(em, keys)),
    summaryOfAgency: batchedByGroup(byYear<service.AgencyYearKey>, (keys) => service.summariesOfAgencies(em, keys)),
    offeringCost: oneByKey((ids: readonly number[]) => service.costsOfOfferings(em, ids), (c) => c.offeringId),
  };
}

export type BudgetingLoaders = ReturnType<typeof createBudgetingLoaders>;
