import { LearningInitial } from './0001-initial.js';
import { LearningCurriculumVersions } from './0002-curriculum-versions.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [LearningInitial, LearningCurriculumVersions];
