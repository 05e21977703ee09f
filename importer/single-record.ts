import type pg from 'pg';
import { badUserInput } from '../subgraphs/shared/errors.js';
import { readValue, sqlType } from './columns.js';
import type { ImportKind, MergeCounts } from './kind.js';
import type { PersonnelDirectory } from './personnel-directory.js';

/**
 * One record of an import kind, written from a form (a GraphQL mutation) instead of a file: the same
 * column reading (`columns.ts`), row checks, reference look-ups, SQL checks and merge as `npm run import`,
 * on a staging table of one row, inside the caller's transaction. Errors are BAD_USER_INPUT naming the
 * input field the column came from (`input.ceiling`), so a form can show them beside the field.
 */
export interface SingleRecord {
  kind: ImportKind;
  /** The value of each of the kind's columns as a file would hold it ('' for empty). */
  values: Readonly<Record<string, string>>;
  /** The input field each column came from, e.g. `{ agency_code: 'input.agencyCode' }`. */
  fields: Readonly<Record<string, string>>;
  client: pg.ClientBase;
  personnel: PersonnelDirectory;
  /**
   * Called once references are resolved and before the checks: e.g. the caller's region scope, read from
   * the reference tables (`agency_ref`, `employee_ref`, ...). A throw rolls everything back.
   */
  beforeChecks?(client: pg.ClientBase): Promise<void>;
}

/** Writes one record as the importer would; throws BAD_USER_INPUT for the first problem. */
export async function writeSingleRecord(record: SingleRecord): Promise<MergeCounts> {
  const { kind, values, fields, client } = record;
  const fieldOf = (column: string) => fields[column] ?? `input.${column}`;
  const row: string[] = [];
  for (const column of kind.columns) {
    const raw = (values[column.name] ?? '').trim();
    const read = readValue(column, raw);
    if (!read.ok) throw badUserInput(`${fieldOf(column.name)}: ${shown(raw)} ${read.reason}.`, fieldOf(column.name));
    row.push(read.value ?? '');
  }
  const [problem] = kind.checkRow?.(row, 1) ?? [];
  if (problem) {
    throw badUserInput(
      `${fieldOf(problem.column)}: ${shown(problem.value)} ${problem.reason}.`,
      fieldOf(problem.column),
    );
  }
  await client.query(
    `create temp table import_rows (line integer not null, ${kind.columns.map((c) => `${c.name} ${sqlType(c)}`).join(', ')}) on commit drop`,
  );
  await client.query(
    `insert into import_rows (line, ${kind.columns.map((c) => c.name).join(', ')})
     values (1, ${kind.columns.map((c, i) => `nullif($${i + 1}, '')::${sqlType(c)}`).join(', ')})`,
    row,
  );
  const context = { client, personnel: record.personnel, rows: 1 };
  await kind.resolveReferences?.(context);
  await record.beforeChecks?.(client);
  for (const check of kind.checks) {
    const { rows } = await client.query<{ column: string; value: string | null; reason: string }>(
      `select c.column_name as column, c.value, c.reason
         from (${check}) as c(line, column_name, value, reason) limit 1`,
    );
    const found = rows[0];
    if (found) {
      throw badUserInput(
        `${fieldOf(found.column)}: ${shown(found.value ?? '')} ${found.reason}.`,
        fieldOf(found.column),
      );
    }
  }
  return kind.merge(context);
}

/** A value quoted for a message, cut short (messages echo what the caller sent, never more). */
function shown(value: string): string {
  return value === '' ? '(empty)' : `"${value.slice(0, 60)}"`;
}
