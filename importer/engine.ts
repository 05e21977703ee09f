import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ImportOutcome } from '../subgraphs/shared/import-log.js';
import { copyText, EdgeSpaces, type FileHead, HashingCounter, readHead } from './csv.js';
import type { ImportKind, KindContext, MergeCounts, RowProblem } from './kind.js';
import type { PersonnelDirectory } from './personnel-directory.js';
import { recordRun, regionsOf } from './run-log.js';
import { createStaging, readStagedValues } from './staging.js';

/**
 * The import engine, the same for every kind: the file goes by COPY into a temporary staging table of
 * text (`import_raw`, rows numbered by their line) — straight from the file when PostgreSQL's CSV reading
 * gives the file's lines, else through csv-parse (which says where a row is malformed). Every value is read
 * and checked in SQL (columns.ts, staging.ts) into typed rows (`import_rows`), references are resolved
 * (personnel's API for other subgraphs' files), the kind's checks run in SQL, and only a file without a
 * single error is merged: in one transaction, so a file changes everything it says or nothing. Memory
 * stays constant: rows are never held in the importer, errors are capped.
 */

export interface ImportOptions {
  kind: ImportKind;
  file: string;
  /** Check and count, then roll back. */
  dryRun?: boolean;
  /** The owner connection (the subgraphs' own roles only read). */
  databaseUrl: string;
  personnel: PersonnelDirectory;
  /** Who runs the import, for the log. */
  importedBy: string;
  /** Errors reported at most (all are counted). */
  maxErrors?: number;
  onProgress?(progress: ImportProgress): void;
}

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
  phase: 'reading' | 'checking' | 'merging';
}

export interface ImportError {
  line: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportReport extends MergeCounts {
  kind: string;
  unit: string;
  fileName: string;
  sha256: string;
  outcome: ImportOutcome;
  rowsRead: number;
  errorCount: number;
  /** The first errors, in line order (at most `maxErrors`). */
  errors: ImportError[];
  /** What the kind reports after a merge (e.g. each survey's score). */
  summary: string[];
  /** Id of the run in the owner's import log. */
  importId: number;
  /** Seconds each phase took, in order (the bench shows where an import's time goes). */
  timings: Record<string, number>;
}

export const DEFAULT_MAX_ERRORS = 100;
/** Local buffers of the import's session, for its temporary tables (allocated only as they fill). */
const TEMP_BUFFERS = '1GB';
/** Memory of each sort or hash of the import's statements. */
const WORK_MEM = '256MB';
/** Errors kept with the run in the import log. */
const LOGGED_ERRORS = 20;

export function formatError(error: ImportError): string {
  return `line ${error.line}, ${error.column}: ${error.value === '' ? '(empty)' : error.value}: ${error.reason}`;
}

/** Seconds per phase of one import. */
class PhaseTimer {
  private readonly laps: Record<string, number> = {};
  private readonly started = performance.now();
  private last = this.started;

  lap(phase: string): void {
    const now = performance.now();
    this.laps[phase] = (now - this.last) / 1000;
    this.last = now;
  }

  done(): Record<string, number> {
    return { ...this.laps, total: (performance.now() - this.started) / 1000 };
  }
}

/** The file is not an import file of the kind at all (its header): no row is read. */
class HeaderMismatch extends Error {}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const { kind } = options;
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const startedAt = new Date();
  const fileName = basename(options.file);
  const totalBytes = (await stat(options.file)).size;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const timings = new PhaseTimer();
  let hasher = new HashingCounter();
  let rowsRead = 0;
  let regionCodes: string[] = [];
  const record = (outcome: ImportOutcome, counts: MergeCounts, errorCount: number, errors: ImportError[]) =>
    recordRun(client, kind, {
      source: 'FILE',
      fileName,
      sha256: hasher.digest(),
      importedBy: options.importedBy,
      startedAt,
      outcome,
      rowsRead,
      counts,
      errorCount,
      errors: errors.slice(0, LOGGED_ERRORS).map(formatError),
      regionCodes,
    });
  const finish = (
    outcome: ImportOutcome,
    counts: MergeCounts,
    errorCount: number,
    errors: ImportError[],
    summary: string[],
    importId: number,
  ): ImportReport => ({
    kind: kind.name,
    unit: kind.unit,
    fileName,
    sha256: hasher.digest(),
    outcome,
    rowsRead,
    ...counts,
    errorCount,
    errors,
    summary,
    importId,
    timings: timings.done(),
  });
  const none: MergeCounts = { inserted: 0, updated: 0, unchanged: 0 };
  try {
    // Temporary tables live in the session's local buffers (8 MB by default): room for the staging table
    // keeps its scans in memory. Only settable before the session's first temporary table.
    await client.query(`set temp_buffers = '${TEMP_BUFFERS}'`);
    await client.query('begin');
    await client.query('set local statement_timeout = 0');
    // Sorts and hashes over a whole file (duplicates, joins with the owner's table) stay in memory.
    await client.query(`set local work_mem = '${WORK_MEM}'`);
    // Who imports is checked before the file is read: an identity personnel refuses learns nothing of it.
    if (kind.owner !== 'personnel') await options.personnel.checkAccess();
    await createStaging(client, kind);
    const head = await readHead(options.file);
    const progress = (rows: number) =>
      options.onProgress?.({ bytes: hasher.bytes, totalBytes, rows, phase: 'reading' });
    // The file goes straight into COPY when it can: its header is the kind's, and no code reads its rows.
    let reader: RowReader | undefined;
    const fast = !kind.checkRow && head.header.join(',') === expectedHeader(kind);
    const edgeSpaces = new EdgeSpaces(head.separator);
    if (fast)
      hasher = new HashingCounter((chunk) => {
        edgeSpaces.update(chunk);
        progress(hasher.newlines);
      });
    let copied = fast ? await copyFile(client, kind, options.file, head, hasher, edgeSpaces) : null;
    if (copied === null) {
      // The careful reader: csv-parse numbers rows by their line, and reports rows it cannot stage.
      hasher = new HashingCounter();
      reader = new RowReader(kind, maxErrors, progress);
      try {
        await pipeline(
          createReadStream(options.file),
          hasher,
          parse({
            bom: true,
            delimiter: head.separator,
            relax_column_count: true,
            skip_empty_lines: true,
            trim: true,
            info: true,
          }),
          reader,
          client.query(copyFrom(`copy import_raw (line, ${kind.columns.map((c) => c.name).join(', ')}) from stdin`)),
        );
      } catch (error) {
        if (!(error instanceof HeaderMismatch)) throw error;
        await client.query('rollback');
        await drain(createReadStream(options.file, { start: hasher.bytes }), hasher);
        rowsRead = reader.dataRows;
        const headerError = { line: 1, column: '(header)', value: reader.header.join(','), reason: error.message };
        const importId = await record('REJECTED', none, 1, [headerError]);
        return finish('REJECTED', none, 1, [headerError], [], importId);
      }
      copied = reader.dataRows;
    }
    rowsRead = copied;
    timings.lap('staging (COPY)');
    options.onProgress?.({ bytes: totalBytes, totalBytes, rows: rowsRead, phase: 'checking' });
    if (reader) await saveProblems(client, reader.problems);
    // The rows with valid values are checked as a whole too, so one run reports every kind of error.
    await readStagedValues(client, kind);
    await client.query('analyze import_rows');
    timings.lap('reading values (SQL)');
    const context: KindContext = { client, personnel: options.personnel, rows: rowsRead };
    await kind.resolveReferences?.(context);
    timings.lap('references');
    for (const check of kind.checks)
      await client.query(`insert into import_error (line, column_name, value, reason) ${check}`);
    regionCodes = await regionsOf(client, kind);
    timings.lap('checks (SQL)');
    const errorCount = (await errorTotal(client)) + (reader?.problemOverflow ?? 0);
    if (errorCount > 0) {
      const errors = await firstErrors(client, maxErrors);
      await client.query('rollback');
      const importId = await record('REJECTED', none, errorCount, errors);
      return finish('REJECTED', none, errorCount, errors, [], importId);
    }
    options.onProgress?.({ bytes: totalBytes, totalBytes, rows: rowsRead, phase: 'merging' });
    const counts = await kind.merge(context);
    const summary = (await kind.summary?.(context)) ?? [];
    timings.lap('merge');
    if (options.dryRun) {
      await client.query('rollback');
      const importId = await record('DRY_RUN', counts, 0, []);
      return finish('DRY_RUN', counts, 0, [], summary, importId);
    }
    // Logged in the same transaction: an applied file and its log row exist together or not at all.
    const importId = await record('APPLIED', counts, 0, []);
    await client.query('commit');
    timings.lap('commit');
    return finish('APPLIED', counts, 0, [], summary, importId);
  } catch (error) {
    await client.query('rollback').catch(() => {});
    await drain(createReadStream(options.file, { start: hasher.bytes }), hasher).catch(() => {});
    await record('FAILED', none, 0, []).catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

const expectedHeader = (kind: ImportKind) => kind.columns.map((c) => c.name).join(',');

/**
 * The file as it is into `import_raw` by `COPY ... (format csv)`, the header skipped, rows numbered in
 * order: the fast path, as fast as PostgreSQL reads CSV. Returns the rows copied, or null (nothing staged)
 * when PostgreSQL refused the file's structure (a row with too many or too few fields, an unclosed quote,
 * bytes that are not UTF-8) or when its rows are not the file's lines (a quoted line break), or when a value
 * has spaces around it to trim: the careful reader then reads it (and says where a row is malformed).
 */
async function copyFile(
  client: pg.ClientBase,
  kind: ImportKind,
  file: string,
  head: FileHead,
  hasher: HashingCounter,
  edgeSpaces: EdgeSpaces,
): Promise<number | null> {
  await client.query('savepoint import_copy');
  try {
    const copy = client.query(
      copyFrom(
        `copy import_raw (${kind.columns.map((c) => c.name).join(', ')}) from stdin
         (format csv, header true, delimiter '${head.separator}', encoding 'UTF8')`,
      ),
    );
    const bom = Buffer.from([0xef, 0xbb, 0xbf]).subarray(0, head.bomBytes);
    hasher.update(bom);
    await pipeline(createReadStream(file, { start: head.bomBytes }), hasher, copy);
    const rows = Number(copy.rowCount);
    if (rows === hasher.lines - 1 && !edgeSpaces.atEnd) {
      await client.query('release savepoint import_copy');
      return rows;
    }
  } catch (error) {
    if (!(error instanceof pg.DatabaseError && error.code?.startsWith('22'))) throw error;
  }
  await client.query('rollback to savepoint import_copy');
  await client.query('release savepoint import_copy');
  return null;
}
/** Reads the rest of a file through the hasher (after an early stop), so the log has the whole file's hash. */
async function drain(rest: NodeJS.ReadableStream, hasher: HashingCounter): Promise<void> {
  for await (const chunk of rest) hasher.update(chunk as Buffer);
}

async function errorTotal(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: number }>('select count(*)::int as n from import_error');
  return rows[0]?.n ?? 0;
}

async function firstErrors(client: pg.ClientBase, limit: number): Promise<ImportError[]> {
  const { rows } = await client.query<ImportError>(
    `select line, column_name as column, value, reason from import_error order by line, column_name, reason limit $1`,
    [limit],
  );
  return rows;
}

async function saveProblems(client: pg.ClientBase, problems: readonly ImportError[]): Promise<void> {
  if (problems.length === 0) return;
  await client.query(
    'insert into import_error (line, column_name, value, reason) select * from unnest($1::int[], $2::text[], $3::text[], $4::text[])',
    [
      problems.map((p) => p.line),
      problems.map((p) => p.column),
      problems.map((p) => p.value),
      problems.map((p) => p.reason),
    ],
  );
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * csv-parse records in, COPY text out (the careful reader): checks the header, numbers the rows by their
 * line in the file, runs the kind's row checks in code (a row with a problem, or the wrong number of
 * fields, is reported, not staged), and batches rows into ~64 KiB chunks.
 */
class RowReader extends Transform {
  header: string[] = [];
  dataRows = 0;
  /** Problems found in code, the first `maxErrors` of them (the rest only counted). */
  readonly problems: ImportError[] = [];
  problemCount = 0;
  private pending = '';
  private readonly expected: string;

  constructor(
    private readonly kind: ImportKind,
    private readonly maxErrors: number,
    private readonly progress: (rows: number) => void,
  ) {
    super({ writableObjectMode: true });
    this.expected = kind.columns.map((c) => c.name).join(',');
  }

  get problemOverflow(): number {
    return this.problemCount - this.problems.length;
  }

  override _transform(parsed: ParsedRecord, _encoding: BufferEncoding, callback: TransformCallback): void {
    const { record, info } = parsed;
    if (this.header.length === 0) {
      this.header = record;
      const found = record.map((name) => name.toLowerCase()).join(',');
      if (found !== this.expected) {
        callback(new HeaderMismatch(`the header must be exactly ${this.expected}`));
        return;
      }
      callback();
      return;
    }
    this.dataRows++;
    const line = info.lines;
    const problems: RowProblem[] =
      record.length !== this.kind.columns.length
        ? [
            {
              column: '(row)',
              value: record.join(','),
              reason: `has ${record.length} fields, the header has ${this.kind.columns.length}`,
            },
          ]
        : (this.kind.checkRow?.(record, line) ?? []);
    if (problems.length > 0) {
      for (const problem of problems) {
        this.problemCount++;
        if (this.problems.length < this.maxErrors) this.problems.push({ line, ...problem });
      }
    } else {
      // Raw values: SQL reads them (staging.ts), as it reads the rows of a file COPY staged directly.
      this.pending += `${line}\t${record.map(copyText).join('\t')}\n`;
      if (this.pending.length >= 65_536) {
        this.push(this.pending);
        this.pending = '';
      }
    }
    if (this.dataRows % 10_000 === 0) this.progress(this.dataRows);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.header.length === 0) {
      callback(new HeaderMismatch(`the file is empty; the header must be exactly ${this.expected}`));
      return;
    }
    if (this.pending) this.push(this.pending);
    callback();
  }
}
