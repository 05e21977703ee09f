import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type pg from 'pg';
import { recordAuditEvent } from '../subgraphs/access/store.js';
import { assertRegionScope } from '../subgraphs/shared/access.js';
import type { ImportOutcome } from '../subgraphs/shared/import-log.js';
import { inTransaction } from '../subgraphs/shared/transaction.js';
import type { Viewer } from '../subgraphs/shared/viewer.js';
import type { ImportKind, MergeCounts } from './kind.js';
import { type PersonnelDirectory, personnelDirectory } from './personnel-directory.js';
import { type RunRecord, recordRun } from './run-log.js';
import { type SingleRecord, writeSingleRecord } from './single-record.js';

/** Personnel's API as the single-record writes ask it: signed for the caller, so its own scope applies. */
export function directoryFor(personnelUrl: string | undefined, viewer: Viewer): PersonnelDirectory {
  if (personnelUrl) return personnelDirectory(personnelUrl, viewer);
  // Personnel's own kinds check references in SQL and never ask; asking without a URL is a setup error.
  const missing = (): never => {
    throw new Error('personnelUrl is not configured for this subgraph');
  };
  return {
    regionsByCode: missing,
    agenciesByCode: missing,
    employeesByNumber: missing,
    unitsByCode: missing,
    checkAccess: missing,
    calls: 0,
  };
}

/**
 * The caller's ADMIN_WRITE scope over the region(s) a reference table names (e.g. `agency_ref`): FORBIDDEN
 * naming the region when it lies outside. Runs after references are resolved, before any write.
 */
export async function assertWriteScope(client: pg.ClientBase, viewer: Viewer, regionSql: string): Promise<string[]> {
  const { rows } = await client.query<{ region_code: string }>(regionSql);
  const codes = [...new Set(rows.map((row) => row.region_code))].sort();
  assertRegionScope(viewer, codes, 'ADMIN_WRITE');
  return codes;
}

/** What a single-record write did: the record is new, was changed, or already stood as stated. */
export type WriteOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

/** Who writes, through which connection: a mutation passes its request context. */
export interface RecordWriter {
  em: EntityManager;
  viewer: Viewer;
  personnelUrl?: string | undefined;
}

export interface RecordWrite<Snapshot> {
  /** The mutation's name, as the import log names the run (its "file"). */
  mutation: string;
  kind: ImportKind;
  values: SingleRecord['values'];
  fields?: SingleRecord['fields'];
  /** The region(s) of the record, from the reference tables (`select region_code from employee_ref`). */
  regionSql: string;
  /** The stored record named by the staged row, as the audit trail keeps it (none: not stored yet). */
  snapshotSql: string;
  /** The audit event's entity and key (natural keys, e.g. `198609262015051001/2025`). */
  entity: string;
  key: string;
  /**
   * Problems of the input's shape found in code (throws BAD_USER_INPUT): told only once the caller's scope
   * is decided, as every problem of the input is.
   */
  checkInput?(): void;
  /** What of the snapshot the audit trail keeps (default: all of it). */
  audited?(snapshot: Snapshot): unknown;
}

/**
 * One record of an import kind from a form, as one transaction: the kind's reading, references and
 * checks (`writeSingleRecord`), the caller's ADMIN_WRITE scope over the record's region (decided before any
 * problem of the input is told), the merge, an audit event with the record before and after (none when
 * nothing changed), and a run in the owner's import log (source MUTATION), as a file's import leaves one.
 * A write refused for its input is logged as REJECTED with the reason, after the rollback.
 */
export async function writeRecord<Snapshot>(
  writer: RecordWriter,
  write: RecordWrite<Snapshot>,
): Promise<{ outcome: WriteOutcome; after: Snapshot }> {
  const startedAt = new Date();
  const rows = Array.isArray(write.values) ? write.values.length : 1;
  const run = (outcome: ImportOutcome, counts: MergeCounts, errors: string[]): RunRecord => ({
    source: 'MUTATION',
    fileName: write.mutation,
    sha256: createHash('sha256').update(JSON.stringify(write.values)).digest('hex'),
    importedBy: writer.viewer.subject ?? writer.viewer.role,
    startedAt,
    outcome,
    rowsRead: rows,
    counts,
    errorCount: errors.length,
    errors,
    regionCodes,
  });
  let regionCodes: string[] = [];
  try {
    return await inTransaction(writer.em, async (client) => {
      // Writes of the same record through these mutations take turns, so `before` is what the write replaced.
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [`${write.entity}/${write.key}`]);
      let before: Snapshot | undefined;
      const counts = await writeSingleRecord({
        kind: write.kind,
        values: write.values,
        fields: write.fields,
        client,
        personnel: directoryFor(writer.personnelUrl, writer.viewer),
        beforeChecks: async (db) => {
          regionCodes = await assertWriteScope(db, writer.viewer, write.regionSql);
          write.checkInput?.();
          before = (await db.query<Snapshot & Record<string, unknown>>(write.snapshotSql)).rows[0];
        },
      });
      const after = (await client.query<Snapshot & Record<string, unknown>>(write.snapshotSql)).rows[0];
      if (!after) throw new Error(`${write.entity}: the merged record is missing`);
      const outcome: WriteOutcome = counts.inserted ? 'CREATED' : counts.updated ? 'UPDATED' : 'UNCHANGED';
      if (outcome !== 'UNCHANGED') {
        await recordAuditEvent(client, writer.viewer, {
          entity: write.entity,
          key: write.key,
          action: before ? 'UPDATE' : 'CREATE',
          regionCode: regionCodes[0] ?? null,
          before: before === undefined ? null : (write.audited?.(before) ?? before),
          after: write.audited?.(after) ?? after,
        });
      }
      await recordRun(client, write.kind, run('APPLIED', counts, []));
      return { outcome, after };
    });
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') {
      const none = { inserted: 0, updated: 0, unchanged: 0 };
      await inTransaction(writer.em, (client) => recordRun(client, write.kind, run('REJECTED', none, [error.message])));
    }
    throw error;
  }
}
