import { LearningInitial } from './0001-initial.js';
import { LearningCurriculumVersions } from './0002-curriculum-versions.js';
import { LearningNaturalKeys } from './0003-natural-keys.js';
import { LearningImportLog } from './0004-import-log.js';
import { LearningImportLogSource } from './0005-import-log-source.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [
  LearningInitial,
  LearningCurriculumVersions,
  LearningNaturalKeys,
  LearningImportLog,
  LearningImportLogSource,
];
