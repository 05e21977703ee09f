import { AccessInitial } from './0001-initial.js';

/** Every migration of the access schema, oldest first. */
export const migrations = [AccessInitial];
