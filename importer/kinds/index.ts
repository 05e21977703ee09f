import type { ImportKind } from '../kind.js';
import { employees } from './employees.js';
import { enrolments } from './enrolments.js';
import { ikmResponses } from './ikm-responses.js';

/** Every kind `npm run import` knows, by its command-line name. */
export const IMPORT_KINDS: Readonly<Record<string, ImportKind>> = Object.fromEntries(
  [employees, ikmResponses, enrolments].map((kind) => [kind.name, kind]),
);
