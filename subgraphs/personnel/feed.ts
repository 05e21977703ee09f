import { type FeedStream, feedResolver } from '../shared/feed.js';

/**
 * What personnel publishes for evaluation's read model (see shared/feed.ts): the region list, the service
 * units with their agency, and staffing per unit and year (rollups kept by the triggers of migration
 * 0006-rollups).
 */
export const PERSONNEL_STREAMS: readonly FeedStream[] = [
  { stream: 'regions', table: 'personnel.region_directory', key: ['code'] },
  { stream: 'units', table: 'personnel.unit_directory', key: ['unit_id'] },
  { stream: 'staffing', table: 'personnel.unit_year_staffing', key: ['year', 'unit_id'] },
];

/** Mentoring and promotions per unit and year (migration 0008-mentoring-rollups). */
export const MENTORING_STREAM: FeedStream = {
  stream: 'mentoring',
  table: 'personnel.unit_year_mentoring',
  key: ['year', 'unit_id'],
};

/** The employees promoted per year, ids only (migration 0008-mentoring-rollups). */
export const PROMOTION_STREAM: FeedStream = {
  stream: 'promotions',
  table: 'personnel.employee_promotion',
  key: ['year', 'employee_id'],
};

export const PersonnelFeedResolver = feedResolver('personnel', [
  ...PERSONNEL_STREAMS,
  MENTORING_STREAM,
  PROMOTION_STREAM,
]);
