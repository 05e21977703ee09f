import type { ImportKind } from '../kind.js';
import { agencies } from './agencies.js';
import { budgetLines } from './budget-lines.js';
import { courses } from './courses.js';
import { employees } from './employees.js';
import { enrolments } from './enrolments.js';
import { ikmResponses } from './ikm-responses.js';
import { mentoring } from './mentoring.js';
import { offerings } from './offerings.js';
import { positionHistory } from './position-history.js';
import { rankHistory } from './rank-history.js';
import { skp } from './skp.js';
import { units } from './units.js';

/** Every kind `npm run import` knows, by its command-line name. */
export const IMPORT_KINDS: Readonly<Record<string, ImportKind>> = Object.fromEntries(
  [
    agencies,
    units,
    employees,
    rankHistory,
    positionHistory,
    mentoring,
    ikmResponses,
    courses,
    offerings,
    enrolments,
    skp,
    budgetLines,
  ].map((kind) => [kind.name, kind]),
);
