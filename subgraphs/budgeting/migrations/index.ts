import { BudgetingInitial } from './0001-initial.js';
import { BudgetingImportLog } from './0002-import-log.js';
import { BudgetingRollups } from './0003-rollups.js';
import { BudgetingImportLogSource } from './0004-import-log-source.js';
import { BudgetingFeedRetention } from './0006-feed-retention.js';
import { BudgetingRedundantIndexes } from './0007-redundant-indexes.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [
  BudgetingInitial,
  BudgetingImportLog,
  BudgetingRollups,
  BudgetingImportLogSource,
  BudgetingFeedRetention,
  BudgetingRedundantIndexes,
];
