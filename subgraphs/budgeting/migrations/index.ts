import { BudgetingInitial } from './0001-initial.js';
import { BudgetingImportLog } from './0002-import-log.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [BudgetingInitial, BudgetingImportLog];
