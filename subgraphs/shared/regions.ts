import { badUserInput } from './errors.js';

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** Checks the shape of a Kemendagri region code: 12, 12.71, 12.71.01, 12.71.01.1001. */
export function validateRegionCode(code: string, field = 'regionCode'): string {
  if (!REGION_CODE.test(code)) {
    throw badUserInput(`"${code}" is not a Kemendagri region code (e.g. 12, 12.71, 12.71.01, 12.71.01.1001)`, field);
  }
  return code;
}

/**
 * SQL condition "the region code in `column` lies in the region `scope` at any level". Kemendagri codes
 * nest by prefix, so a province (12) contains 12.71, 12.71.01 and 12.71.01.1001.
 * "Starts with `scope.`" is written as the byte range [scope || '.', scope || '/') ('/' follows '.'), with
 * the pattern operators of the `text_pattern_ops` indexes on every region_code column: unlike
 * `like scope || '.%'`, whose pattern is only known per joined row, PostgreSQL can scan the index for it.
 * Both arguments are SQL expressions (columns), never user input.
 */
export function sqlWithinRegion(column: string, scope: string): string {
  return `(${column} = ${scope} or (${column} ~>=~ (${scope} || '.') and ${column} ~<~ (${scope} || '/')))`;
}
