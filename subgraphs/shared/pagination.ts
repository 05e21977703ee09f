import 'reflect-metadata';
import { ArgsType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './errors.js';

export const MAX_PAGE_SIZE = 1000;

/** `first` / `after` arguments of every cursor-paginated list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { description: `How many items to return (1-${MAX_PAGE_SIZE}).`, defaultValue: 50 })
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (a previous endCursor).' })
  after?: string | null;
}

/** Every subgraph declares it, and the same value type in several subgraphs must be shareable (Federation 2). */
@ObjectType({ description: 'Where a page ends and whether more follow.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the last item on this page; pass it as `after`.' })
  endCursor!: string | null;

  @Field({ description: 'True when items follow this page.' })
  hasNextPage!: boolean;
}

/** Opaque cursors over integer ids: clients must not build them. */
export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

const CURSOR = /^id:([1-9]\d{0,14})$/;

/** The id a cursor stands for; anything this API did not return is BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor == null) return 0;
  const match = cursor.length <= 64 ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString()) : null;
  const id = match?.[1] ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw badUserInput('`after` is not a cursor this API returned', 'after');
  return id;
}

let pageSizeLimit = MAX_PAGE_SIZE;

/** Sets the largest `first` (RequestLimits.pageSize; startSubgraph calls it). The process-wide cap. */
export function configurePageSize(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`page size limit must be a positive integer, got ${limit}`);
  pageSizeLimit = limit;
}

/**
 * The field-level check of `first`. Requests through the servers never reach it with a bad value: the
 * limits plugin (limits.ts) rejects the whole request first, HTTP 400 with the same message and code.
 * It stays for callers without that plugin (a schema executed directly).
 */
export function validatePageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > pageSizeLimit) {
    throw badUserInput(`\`first\` must be between 1 and ${pageSizeLimit} (page size limit), got ${first}`, 'first');
  }
  return first;
}
