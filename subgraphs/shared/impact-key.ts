import { badUserInput } from './errors.js';
import { validateRegionCode } from './regions.js';
import { validateYear } from './validation.js';

/**
 * The key of a training-impact comparison, shared by the four subgraphs that each contribute to it:
 * "2025:12.71,12.75,93.01" (year, then the requested region codes in request order), followed by
 * ":0.8" when the minimum meaningful effect differs from its default.
 */
export interface ImpactKey {
  year: number;
  regionCodes: string[];
  /** Smallest effect worth paying for, in IKM points per +10 JP per staff member (the NO_EFFECT threshold). */
  minimumMeaningfulEffect: number;
}

export const MAX_COMPARED_REGIONS = 600;

/**
 * Default minimum meaningful effect: 0.5 IKM points per +10 JP per staff member, so that the 20 JP a year
 * every civil servant is entitled to would buy about one IKM point a year, the size of a unit's ordinary
 * year-to-year change. See docs/method.md.
 */
export const DEFAULT_MINIMUM_MEANINGFUL_EFFECT = 0.5;

/**
 * The first code (in request order) below each region some requested code lies in: codes nest by prefix
 * ("12.71.01" lies in "12.71" and "12"), so a code's regions are its dotted prefixes. Linear in the codes
 * (times their depth), where comparing every pair cost some 5-10 ms for all 514 regencies.
 */
function firstWithin(codes: readonly string[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const code of codes) {
    for (let dot = code.indexOf('.'); dot !== -1; dot = code.indexOf('.', dot + 1)) {
      const outer = code.slice(0, dot);
      if (!first.has(outer)) first.set(outer, code);
    }
  }
  return first;
}

export function validateImpactRequest(
  regionCodes: readonly string[],
  year: number,
  minimumMeaningfulEffect = DEFAULT_MINIMUM_MEANINGFUL_EFFECT,
): ImpactKey {
  validateYear(year);
  if (regionCodes.length === 0) throw badUserInput('Give at least one region code', 'regionCodes');
  if (regionCodes.length > MAX_COMPARED_REGIONS) {
    throw badUserInput(`At most ${MAX_COMPARED_REGIONS} regions can be compared at once`, 'regionCodes');
  }
  const codes = regionCodes.map((code) => validateRegionCode(code, 'regionCodes'));
  if (new Set(codes).size !== codes.length) throw badUserInput('Region codes must not repeat', 'regionCodes');
  // Nested regions share units: their estimates are not independent, so their comparison would be wrong.
  const inners = firstWithin(codes);
  for (const outer of codes) {
    const inner = inners.get(outer);
    if (inner !== undefined) {
      throw badUserInput(
        `Region ${inner} lies within region ${outer}: compare regions that do not overlap (their units would count twice)`,
        'regionCodes',
      );
    }
  }
  if (!Number.isFinite(minimumMeaningfulEffect) || minimumMeaningfulEffect < 0 || minimumMeaningfulEffect > 100) {
    throw badUserInput(
      'minimumMeaningfulEffect must be a number from 0 to 100 (IKM points per +10 JP per staff member)',
      'minimumMeaningfulEffect',
    );
  }
  return { year, regionCodes: codes, minimumMeaningfulEffect };
}

export function formatImpactKey(key: ImpactKey): string {
  const base = `${key.year}:${key.regionCodes.join(',')}`;
  return key.minimumMeaningfulEffect === DEFAULT_MINIMUM_MEANINGFUL_EFFECT
    ? base
    : `${base}:${key.minimumMeaningfulEffect}`;
}

export function parseImpactKey(id: string): ImpactKey {
  const [year, codes, effect] = id.split(':');
  return validateImpactRequest(
    (codes ?? '').split(','),
    Number(year),
    effect === undefined ? undefined : Number(effect),
  );
}
