import { LearningInitial } from './0001-initial.js';
import { LearningNaturalKeys } from './0002-natural-keys.js';
import { LearningImportLog } from './0003-import-log.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [LearningInitial, LearningNaturalKeys, LearningImportLog];
