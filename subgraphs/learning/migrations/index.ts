import { LearningInitial } from './0001-initial.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [LearningInitial];
