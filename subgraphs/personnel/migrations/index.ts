import { PersonnelInitial } from './0001-initial.js';
import { PersonnelEnumChecks } from './0002-enum-checks.js';
import { PersonnelNaturalKeys } from './0003-natural-keys.js';
import { PersonnelImportLog } from './0004-import-log.js';
import { PersonnelMentoringKey } from './0005-mentoring-key.js';
import { PersonnelRollups } from './0006-rollups.js';
import { PersonnelImportLogSource } from './0007-import-log-source.js';
import { PersonnelMentoringRollups } from './0008-mentoring-rollups.js';
import { PersonnelSetBasedRebuild } from './0009-set-based-rebuild.js';
import { PersonnelInlineFeedStamps } from './0010-inline-feed-stamps.js';
import { PersonnelFeedRetention } from './0011-feed-retention.js';
import { PersonnelPlacedOnce } from './0012-placed-once.js';
import { PersonnelRedundantIndexes } from './0014-redundant-indexes.js';
import { PersonnelStaffDeltas } from './0015-staff-deltas.js';
import { PersonnelEmployeeFiguresOnce } from './0016-employee-figures-once.js';
import { PersonnelKeysYearSecond } from './0017-keys-year-second.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [
  PersonnelInitial,
  PersonnelEnumChecks,
  PersonnelNaturalKeys,
  PersonnelImportLog,
  PersonnelMentoringKey,
  PersonnelRollups,
  PersonnelImportLogSource,
  PersonnelMentoringRollups,
  PersonnelSetBasedRebuild,
  PersonnelInlineFeedStamps,
  PersonnelFeedRetention,
  PersonnelPlacedOnce,
  PersonnelRedundantIndexes,
  PersonnelStaffDeltas,
  PersonnelEmployeeFiguresOnce,
  PersonnelKeysYearSecond,
];
