import { badUserInput } from './errors.js';

/** Years the platform accepts as arguments: plausible fiscal years, nothing to silently return empty for. */
export function validateYear(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badUserInput(`year ${year} is out of range (2000-2100)`, field);
  return year;
}
