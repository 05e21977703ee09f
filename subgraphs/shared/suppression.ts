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
 *    region's total), a figure withheld in exactly one cell is also withheld in another visible cell (the
 *    closest in the hierarchy, then the smallest positive value), so that the total minus the visible
 *    cells gives a sum of at least two unknown cells, never one; bottom-up over the districts and regencies
 *    inside the region first, so that answers about nested regions agree (`hierarchicalComplementary`).
 *    When there is no cell to withhold with it (a region of one unit), the total is withheld instead.
 * 4. **Below the district level** (a village) a region's figures over people are those of its one or two
 *    units, and a village's answer could complete a district's: they are withheld.
 *
 * Estimates (regression coefficients, intervals, p-values, verdicts) are not counts or means over people
 * and are not suppressed.
 */

/** The district level: complementary suppression groups units by district, never finer (see docs/access.md). */
const DISTRICT_SEGMENTS = 3;

/** Why a figure is withheld. */
export type Withheld = 'small' | 'complement' | 'derived' | 'area';

const WHY: Record<Withheld, string> = {
  small: `computed over fewer than ${SMALL_CELL_THRESHOLD} people`,
  complement: 'withheld with a small cell so that it cannot be derived from a total (complementary suppression)',
  derived: 'would reveal a withheld figure',
  area: "below the district level a region's figures are those of its one or two units",
};

/** True for a region below the district level (a village): its figures over people are its units'. */
export function belowDistrict(regionCode: string): boolean {
  return regionCode.split('.').length > DISTRICT_SEGMENTS;
}

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

/** A cell placed in the region hierarchy: `location` is the Kemendagri code of where it lies. */
export interface PlacedCell extends Cell {
  location: string;
}

/** Segments shared by two region codes from the left: 12.71.08.1001 and 12.71.08.1002 share 3. */
function sharedSegments(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n += 1;
  return n;
}

/**
 * Complementary suppression over the cells of a region (`scope`) and of every district and regency inside
 * it, bottom-up: a district, then a regency, then the region itself with exactly one withheld cell gets a
 * second one, the visible cell closest to it in the hierarchy (same district before same regency), then
 * the smallest positive value, then the first. Repeated until no group has exactly one. The pattern of a
 * district's cells is a function of that district's cells alone, so an answer about a regency withholds
 * at least the cells an answer about one of its districts withholds: the district's total minus its
 * visible cells cannot be completed with a cell the regency's answer shows. Only a district of one cell
 * needs its complement elsewhere (docs/access.md says what that leaves open).
 */
export function hierarchicalComplementary(cells: readonly PlacedCell[], scope: string): Breakdown {
  const withheld: (Withheld | null)[] = cells.map((cell) => (cell.primary ? 'small' : null));
  const scopeSegments = scope.split('.').length;
  const levels: number[] = [];
  for (let level = DISTRICT_SEGMENTS; level > scopeSegments; level -= 1) levels.push(level);
  const groupOf = (cell: PlacedCell, level: number | null): string =>
    level === null ? scope : cell.location.split('.').slice(0, level).join('.');
  let changed = true;
  while (changed) {
    changed = false;
    for (const level of [...levels, null]) {
      const groups = Map.groupBy(cells.keys(), (i) => groupOf(cells[i] as PlacedCell, level));
      for (const members of groups.values()) {
        const hidden = members.filter((i) => withheld[i] !== null);
        if (hidden.length !== 1 || members.length < 2) continue;
        const lone = cells[hidden[0] as number] as PlacedCell;
        const rank = (i: number): [number, number, number, number] => {
          const cell = cells[i] as PlacedCell;
          return [-sharedSegments(cell.location, lone.location), cell.value > 0 ? 0 : 1, cell.value, i];
        };
        const chosen = members
          .filter((i) => withheld[i] === null)
          .sort((a, b) => {
            const [ra, rb] = [rank(a), rank(b)];
            for (let k = 0; k < ra.length; k += 1) if (ra[k] !== rb[k]) return (ra[k] as number) - (rb[k] as number);
            return 0;
          })[0];
        if (chosen === undefined) continue;
        withheld[chosen] = 'complement';
        changed = true;
      }
    }
  }
  const hiddenInScope = withheld.filter((why) => why !== null).length;
  return { withheld, totalShown: hiddenInScope !== 1 };
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
