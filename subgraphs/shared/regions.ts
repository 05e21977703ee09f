import { badUserInput } from './errors.js';

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** Checks the shape of a Kemendagri region code: 12, 12.71, 12.71.01, 12.71.01.1001. */
export function validateRegionCode(code: string, field = 'regionCode'): string {
  if (!REGION_CODE.test(code)) {
    throw badUserInput(`"${code}" is not a Kemendagri region code (e.g. 12, 12.71, 12.71.01, 12.71.01.1001)`, field);
  }
  return code;
}
