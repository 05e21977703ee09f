import { badUserInput } from './errors.js';
import { validateRegionCode } from './regions.js';
import { validateYear } from './validation.js';

/**
 * The key of a training-impact comparison, shared by the four subgraphs that each contribute to it:
 * "2025:12.71,12.75,93.01" (year, then the requested region codes in request order).
 */
export interface ImpactKey {
  year: number;
  regionCodes: string[];
}

export const MAX_COMPARED_REGIONS = 600;

export function validateImpactRequest(regionCodes: readonly string[], year: number): ImpactKey {
  validateYear(year);
  if (regionCodes.length === 0) throw badUserInput('Give at least one region code', 'regionCodes');
  if (regionCodes.length > MAX_COMPARED_REGIONS) {
    throw badUserInput(`At most ${MAX_COMPARED_REGIONS} regions can be compared at once`, 'regionCodes');
  }
  const codes = regionCodes.map((code) => validateRegionCode(code, 'regionCodes'));
  if (new Set(codes).size !== codes.length) throw badUserInput('Region codes must not repeat', 'regionCodes');
  return { year, regionCodes: codes };
}

export function formatImpactKey(key: ImpactKey): string {
  return `${key.year}:${key.regionCodes.join(',')}`;
}

export function parseImpactKey(id: string): ImpactKey {
  const [year, codes] = id.split(':');
  return validateImpactRequest((codes ?? '').split(','), Number(year));
}

/** One subgraph's contribution to a comparison: `compute` for the region codes and year its id names. */
export function contributionTo<Row>(
  comparison: { id: string },
  compute: (regionCodes: string[], year: number) => Promise<Row[]>,
): Promise<Row[]> {
  const key = parseImpactKey(comparison.id);
  return compute(key.regionCodes, key.year);
}
