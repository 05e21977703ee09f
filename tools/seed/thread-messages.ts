import type { Produced, RegionDone } from './produce.js';

/** What the generator thread (region-worker.ts) posts to the main thread of a seed run. */
export type FromGenerator =
  | { type: 'batch'; batch: { table: string; columnNames: readonly string[]; chunks: Uint8Array[] }[] }
  | ({ type: 'region' } & Parameters<RegionDone>[0])
  | ({ type: 'done' } & Produced);

/** What the main thread posts back: a batch was taken up (the generator may hand on the next). */
export type ToGenerator = { type: 'taken' };
