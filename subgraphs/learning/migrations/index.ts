import { LearningInitial } from './0001-initial.js';
import { LearningCurriculumVersions } from './0002-curriculum-versions.js';
import { LearningNaturalKeys } from './0003-natural-keys.js';
import { LearningImportLog } from './0004-import-log.js';
import { LearningRollups } from './0005-rollups.js';
import { LearningImportLogSource } from './0006-import-log-source.js';
import { LearningCourseRollups } from './0007-course-rollups.js';
import { LearningDeferredRegionRollups } from './0008-deferred-region-rollups.js';
import { LearningSetBasedRebuild } from './0009-set-based-rebuild.js';
import { LearningInlineFeedStamps } from './0010-inline-feed-stamps.js';
import { LearningFeedRetention } from './0011-feed-retention.js';
import { LearningCourseRollupCascade } from './0012-course-rollup-cascade.js';
import { LearningUnitRollupSharedPass } from './0013-unit-rollup-shared-pass.js';
import { LearningEnrolmentYearFollowsOffering } from './0014-enrolment-year-follows-offering.js';
import { LearningCourseRollupTiers } from './0015-course-rollup-tiers.js';
import { LearningKeysYearSecond } from './0016-keys-year-second.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [
  LearningInitial,
  LearningCurriculumVersions,
  LearningNaturalKeys,
  LearningImportLog,
  LearningRollups,
  LearningImportLogSource,
  LearningCourseRollups,
  LearningDeferredRegionRollups,
  LearningSetBasedRebuild,
  LearningInlineFeedStamps,
  LearningFeedRetention,
  LearningCourseRollupCascade,
  LearningUnitRollupSharedPass,
  LearningEnrolmentYearFollowsOffering,
  LearningCourseRollupTiers,
  LearningKeysYearSecond,
];
