import { EvaluationInitial } from './0001-initial.js';
import { EvaluationEnumChecks } from './0002-enum-checks.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [EvaluationInitial, EvaluationEnumChecks];
