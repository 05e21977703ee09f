import { can, SMALL_CELL_THRESHOLD } from './access.js';
import type { Viewer } from './viewer.js';

/**
 * # Small-cell suppression of aggregates over people
 *
 * Rules (docs/access.md, "What suppression protects and what it does not"):
 *
 * 1. **Primary suppression.** For a viewer without PERSON_LEVEL in the region concerned, a count of people
 *    from 1 to 4, a mean or share over 1 to 4 people, and a sum (JP) contributed by 1 to 4 people are
 *    withheld: the field is null and its object's `suppressedReason` (or the `PeopleMeasure`'s) names it.
 *    Zero is shown: it describes nobody.
 * 2. **Derived figures.** A ratio is withheld when either of its terms is (JP per staff member would give
 *    back a withheld JP total from the visible staff count), and so is a unit cost whose divisor is.
 * 3. **Complementary suppression.** In a breakdown whose total is shown (the units of a region and the
 *    region's total), a figure withheld in exactly one cell is also withheld in the visible cell with the
 *    next-smallest value, so that the total minus the visible cells gives a sum of at least two unknown
 *    cells, never one. When there is no cell to withhold with it (a region of one unit), the total is
 *    withheld instead.
 *
 * Estimates (regression coefficients, intervals, p-values, verdicts) are not counts or means over people
 * and are not suppressed.
 */

/** Why a figure is withheld. */
export type Withheld = 'small' | 'complement' | 'derived';

const WHY: Record<Withheld, string> = {
  small: `computed over fewer than ${SMALL_CELL_THRESHOLD} people`,
  complement: 'withheld with a small cell so that it cannot be derived from a total (complementary suppression)',
  derived: 'would reveal a withheld figure',
};

/** True for a count of people that must be withheld: 1 to 4 (zero describes nobody and is shown). */
export function isSmallCount(people: number | null | undefined): boolean {
  return people != null && people > 0 && people < SMALL_CELL_THRESHOLD;
}

/** True when the viewer may see small cells about the people of the region: PERSON_LEVEL there. */
export function seesPeopleIn(viewer: Viewer, regionCode: string): boolean {
  return can(viewer, 'PERSON_LEVEL', { regionCode });
}

/** One cell of a breakdown: its value and whether it is withheld on its own (primary suppression). */
export interface Cell {
  value: number;
  primary: boolean;
}

export interface Breakdown {
  /** Per cell, why it is withheld, or null when shown. */
  withheld: (Withheld | null)[];
  /** False when the total of the breakdown would reveal a withheld cell (one withheld, none to pair it with). */
  totalShown: boolean;
}

/**
 * Complementary suppression over the cells of one breakdown whose total is published. Primary cells are
 * withheld; when exactly one is, the visible cell with the smallest positive value (then the smallest
 * value; ties by position) is withheld with it. With no other cell, the total must be withheld instead.
 */
export function complementary(cells: readonly Cell[]): Breakdown {
  const withheld: (Withheld | null)[] = cells.map((cell) => (cell.primary ? 'small' : null));
  const primaries = cells.filter((cell) => cell.primary).length;
  if (primaries !== 1) return { withheld, totalShown: true };
  let chosen = -1;
  for (const [i, cell] of cells.entries()) {
    if (cell.primary) continue;
    const best = cells[chosen];
    if (!best) {
      chosen = i;
      continue;
    }
    const better =
      cell.value > 0 && best.value <= 0 ? true : cell.value <= 0 && best.value > 0 ? false : cell.value < best.value;
    if (better) chosen = i;
  }
  if (chosen < 0) return { withheld, totalShown: false };
  withheld[chosen] = 'complement';
  return { withheld, totalShown: true };
}

/** The first reason of several (small before complement before derived), or null when none applies. */
export function firstReason(...reasons: (Withheld | null | false | undefined)[]): Withheld | null {
  for (const why of ['small', 'complement', 'derived'] as const) if (reasons.includes(why)) return why;
  return null;
}

/** `value` when shown, null when withheld. */
export function shown<T>(value: T, withheld: Withheld | null): T | null {
  return withheld === null ? value : null;
}

/**
 * The `suppressedReason` of an object: which of its fields are withheld and why, or null when none is.
 * E.g. "Withheld to protect privacy: staff (computed over fewer than 5 people); jpPerStaff (would reveal a
 * withheld figure)."
 */
export function suppressedReason(fields: Readonly<Record<string, Withheld | null>>): string | null {
  const parts = Object.entries(fields)
    .filter((entry): entry is [string, Withheld] => entry[1] !== null)
    .map(([field, why]) => `${field} (${WHY[why]})`);
  return parts.length === 0 ? null : `Withheld to protect privacy: ${parts.join('; ')}.`;
}

/** The reason of a single withheld value (a `PeopleMeasure`), or null when shown. */
export function reasonOf(withheld: Withheld | null): string | null {
  return withheld === null ? null : `Withheld to protect privacy: ${WHY[withheld]}.`;
}
