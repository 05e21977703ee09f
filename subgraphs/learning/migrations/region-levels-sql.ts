import { REGION_CODE_LENGTH, REGION_LEVELS } from '../../shared/region-level.js';
import { inlineFeedStamps } from '../../shared/rollup-sql.js';

/**
 * learning's published rollups, each with the row trigger `<table>_stamp` (publishTableSql): the feed lock,
 * the inline seq and the refills every rebuild since 0010-inline-feed-stamps writes with.
 */
export const LEARNING_STAMPS = inlineFeedStamps('learning', [
  'unit_year_training',
  'unit_day_training',
  'region_year_learning',
  'trained_employee',
  'course_year_learning',
]);

/** The sums of the region rollups that add up the levels (L1 and L2 as integer hundredths). */
export const REGION_SUMS: readonly string[] = [
  'enrolments',
  'completions',
  'drop_outs',
  'jp',
  'satisfaction_sum',
  'satisfaction_n',
  'test_gain_sum',
  'tested_n',
];

/** Region code lengths from the deepest tier up (13, 8, 5, 2): the tiers the region rollups cascade through. */
export const LEVEL_LENGTHS: readonly number[] = REGION_LEVELS.map((level) => REGION_CODE_LENGTH[level]).reverse();
