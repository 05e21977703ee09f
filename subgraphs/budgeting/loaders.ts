import type { EntityManager } from '@mikro-orm/postgresql';
import { pageLoader } from '../shared/connection.js';
import { oneByIdAndYear, oneByKey } from '../shared/loaders.js';
import * as service from './service.js';

/**
 * One set per request: every reference and nested list of the budgeting subgraph loads through these.
 * Each loader is named for what one `load` returns and by what key, after the service function it calls.
 */
export function createBudgetingLoaders(em: EntityManager) {
  return {
    linePageByAgency: pageLoader(em, service.linesOfAgency),
    summaryByAgency: oneByIdAndYear(em, service.summariesByAgency, (s) => s.agencyId),
    costByOffering: oneByKey(em, service.costsByOffering, (c) => c.offeringId),
  };
}

export type BudgetingLoaders = ReturnType<typeof createBudgetingLoaders>;
