import { type FeedStream, feedResolver } from '../shared/feed.js';

/**
 * What budgeting publishes for evaluation's read model (see shared/feed.ts): training budget and offering
 * costs per agency and year (a rollup kept by the triggers of migration 0003-rollups).
 */
export const BUDGETING_STREAMS: readonly FeedStream[] = [
  { stream: 'agencyBudget', table: 'budgeting.agency_year_budget', key: ['year', 'agency_id', 'region_code'] },
];

export const BudgetingFeedResolver = feedResolver('budgeting', BUDGETING_STREAMS);
