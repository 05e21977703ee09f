import type DataLoader from 'dataloader';
import { badUserInput } from '../shared/errors.js';

/** Codes (or NIPs) one reference-check call may ask for: importers send batches of this size. */
export const MAX_CODES_PER_CALL = 1000;

/** One record by id or by natural key: exactly one of the two must be given. */
export function byIdOrCode<Row>(
  id: number | null | undefined,
  code: string | null | undefined,
  byId: DataLoader<number, Row | null, string>,
  byCode: DataLoader<string, Row | null, string>,
): Promise<Row | null> {
  if (id != null && code == null) return byId.load(id);
  if (code != null && id == null) return byCode.load(code);
  throw badUserInput('give exactly one of `id` and `code`', id == null ? 'id' : 'code');
}

/** A batch of codes for a lookup: at most MAX_CODES_PER_CALL, each a short string. */
export function checkedCodes(codes: readonly string[], field: string): string[] {
  if (codes.length > MAX_CODES_PER_CALL) {
    throw badUserInput(`at most ${MAX_CODES_PER_CALL} values a call, got ${codes.length}`, field);
  }
  if (codes.some((code) => code.length > 64)) throw badUserInput('a value is longer than 64 characters', field);
  return [...new Set(codes)];
}
