import type pg from 'pg';
import type { ImportOutcome, ImportSource } from '../subgraphs/shared/import-log.js';
import type { ImportKind, MergeCounts } from './kind.js';

/**
 * One row of the owner's import log (subgraphs/shared/import-log.ts) per imported file and per single-record
 * write: an auditor finds every way data came in — who, when, what input (its SHA-256), which regions,
 * what became of it — in one list per subgraph.
 */
export interface RunRecord {
  source: ImportSource;
  /** The file's name, or the mutation's. */
  fileName: string;
  sha256: string;
  importedBy: string;
  startedAt: Date;
  outcome: ImportOutcome;
  rowsRead: number;
  counts: MergeCounts;
  errorCount: number;
  /** The first errors, formatted. */
  errors: string[];
  regionCodes: readonly string[];
}

export async function recordRun(client: pg.ClientBase, kind: ImportKind, run: RunRecord): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `insert into ${kind.owner}.import_run (kind, source, file_name, file_sha256, imported_by, started_at, finished_at,
       outcome, rows_read, inserted, updated, unchanged, error_count, first_errors, region_codes)
     values ($1, $2, $3, $4, $5, $6, now(), $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
    [
      kind.name,
      run.source,
      run.fileName,
      run.sha256,
      run.importedBy,
      run.startedAt,
      run.outcome,
      run.rowsRead,
      run.counts.inserted,
      run.counts.updated,
      run.counts.unchanged,
      run.errorCount,
      run.errors,
      run.regionCodes,
    ],
  );
  return rows[0]?.id ?? 0;
}

/** The regions the staged rows name (the kind's `regionsSql`, once references are resolved), sorted. */
export async function regionsOf(client: pg.ClientBase, kind: ImportKind): Promise<string[]> {
  if (!kind.regionsSql) return [];
  const { rows } = await client.query<{ region_code: string }>(
    `select distinct region_code from (${kind.regionsSql}) g where region_code is not null order by 1`,
  );
  return rows.map((row) => row.region_code);
}
