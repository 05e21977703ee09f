import { PersonnelInitial } from './0001-initial.js';
import { PersonnelEnumChecks } from './0002-enum-checks.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [PersonnelInitial, PersonnelEnumChecks];
