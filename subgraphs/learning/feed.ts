import { type FeedStream, feedResolver } from '../shared/feed.js';

/**
 * What learning publishes for evaluation's read model (see shared/feed.ts): training per unit and year,
 * per unit and completion day, per region (every level) and year, and the employees trained per year and
 * region (rollups kept by the triggers of migration 0005-rollups; the per-region one refreshed at the
 * feed's read, migration 0008-deferred-region-rollups).
 */
export const LEARNING_STREAMS: readonly FeedStream[] = [
  { stream: 'unitTraining', table: 'learning.unit_year_training', key: ['year', 'unit_id', 'region_code'] },
  {
    stream: 'unitTrainingDays',
    table: 'learning.unit_day_training',
    key: ['year', 'unit_id', 'region_code', 'completed_on'],
  },
  { stream: 'regionLearning', table: 'learning.region_year_learning', key: ['year', 'region_code'] },
  { stream: 'trainedEmployees', table: 'learning.trained_employee', key: ['year', 'employee_id', 'region_code'] },
];

/** Training per region (every level), year and course attribute (migration 0007-course-rollups). */
export const COURSE_LEARNING_STREAM: FeedStream = {
  stream: 'courseLearning',
  table: 'learning.course_year_learning',
  key: ['year', 'region_code', 'kind', 'code'],
};

/**
 * The region rollups' distinct participants are recounted, not added up: writes only queue their keys, and
 * the feed refreshes what is queued before a page is read (migration 0008-deferred-region-rollups).
 */
export const LearningFeedResolver = feedResolver('learning', [...LEARNING_STREAMS, COURSE_LEARNING_STREAM], {
  prepare: 'select learning.refresh_pending_rollups()',
});
