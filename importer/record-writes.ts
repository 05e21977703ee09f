import type pg from 'pg';
import { assertRegionScope } from '../subgraphs/shared/access.js';
import type { Viewer } from '../subgraphs/shared/viewer.js';
import { type PersonnelDirectory, personnelDirectory } from './personnel-directory.js';

/** Personnel's API as the single-record writes ask it: signed for the caller, so its own scope applies. */
export function directoryFor(personnelUrl: string | undefined, viewer: Viewer): PersonnelDirectory {
  if (!personnelUrl) throw new Error('personnelUrl is not configured for this subgraph');
  return personnelDirectory(personnelUrl, viewer);
}

/**
 * The caller's ADMIN_WRITE scope over the region(s) a reference table names (e.g. `agency_ref`): FORBIDDEN
 * naming the region when it lies outside. Runs after references are resolved, before any write.
 */
export async function assertWriteScope(
  client: pg.ClientBase,
  viewer: Viewer,
  regionSql: string,
): Promise<string | null> {
  const { rows } = await client.query<{ region_code: string }>(regionSql);
  const codes = rows.map((row) => row.region_code);
  assertRegionScope(viewer, codes, 'ADMIN_WRITE');
  return codes[0] ?? null;
}
