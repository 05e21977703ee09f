import type pg from 'pg';
import { badUserInput } from '../subgraphs/shared/errors.js';
import type { ImportKind, MergeCounts } from './kind.js';
import type { PersonnelDirectory } from './personnel-directory.js';
import { createStaging, readStagedValues } from './staging.js';

/**
 * One record of an import kind, written from a form (a GraphQL mutation) instead of a file: the same
 * column reading (`columns.ts`, in SQL), row checks, reference look-ups, SQL checks and merge as `npm run import`,
 * on a staging table of one row, inside the caller's transaction. Errors are BAD_USER_INPUT naming the
 * input field the column came from (`input.ceiling`), so a form can show them beside the field.
 */
export interface SingleRecord {
  kind: ImportKind;
  /**
   * The value of each of the kind's columns as a file would hold it ('' for empty): one row, or the rows
   * of one record the kind keeps over several rows (an IKM survey's respondents).
   */
  values: Readonly<Record<string, string>> | readonly Readonly<Record<string, string>>[];
  /**
   * The input field each column came from, where it is not `input.<inputFieldOf(column)>` (e.g.
   * `input.agencyCode`), or a function of the column and the row's number (1-based) for several rows.
   */
  fields?: Readonly<Record<string, string>> | ((column: string, line: number) => string);
  client: pg.ClientBase;
  personnel: PersonnelDirectory;
  /**
   * Called once references are resolved and before the checks: e.g. the caller's region scope, read from
   * the reference tables (`agency_ref`, `employee_ref`, ...). A throw rolls everything back.
   */
  beforeChecks?(client: pg.ClientBase): Promise<void>;
}

/** The field of a form's input that a kind's column comes from: its name in camelCase (`agency_code`: `agencyCode`). */
export function inputFieldOf(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * A form's input as a row of the kind, in the kind's column order (the import log hashes it), each value as
 * a file would hold it: from the input field `inputFieldOf` names ('' when null), or from `given` (a value
 * the form does not hold as is, e.g. a NIP without its spaces). A column with neither is left out, as a
 * file's missing cell would be.
 */
export function rowOfInput(
  kind: ImportKind,
  input: object,
  given: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const inputFields = new Map<string, unknown>(Object.entries(input));
  const row: Record<string, string> = {};
  for (const { name } of kind.columns) {
    const field = inputFieldOf(name);
    const givenValue = given[name];
    if (givenValue !== undefined) row[name] = givenValue;
    else if (inputFields.has(field)) row[name] = String(inputFields.get(field) ?? '');
  }
  return row;
}

/** Writes one record as the importer would; throws BAD_USER_INPUT for the first problem. */
export async function writeSingleRecord(record: SingleRecord): Promise<MergeCounts> {
  const { kind, fields, client } = record;
  const fieldOf = (column: string, line: number) =>
    typeof fields === 'function' ? fields(column, line) : (fields?.[column] ?? `input.${inputFieldOf(column)}`);
  const problem = (column: string, line: number, value: string, reason: string) =>
    badUserInput(`${fieldOf(column, line)}: ${shown(value)} ${reason}.`, fieldOf(column, line));
  const records = Array.isArray(record.values) ? record.values : [record.values];
  const rows: string[][] = [];
  const rowProblems: { line: number; column: string; value: string; reason: string }[] = [];
  for (const [index, values] of records.entries()) {
    const row = kind.columns.map((column) => (values[column.name] ?? '').trim());
    const [found] = kind.checkRow?.(row, index + 1) ?? [];
    if (found) rowProblems.push({ line: index + 1, ...found });
    rows.push(row);
  }
  await createStaging(client, kind);
  // One statement: every column as an array of text, read in SQL as a file's values are.
  await client.query(
    `insert into import_raw (line, ${kind.columns.map((c) => c.name).join(', ')})
     select ordinality::int, ${kind.columns.map((c) => `v${c.name}`).join(', ')}
       from unnest(${kind.columns.map((_, i) => `$${i + 1}::text[]`).join(', ')})
       with ordinality as t(${kind.columns.map((c) => `v${c.name}`).join(', ')}, ordinality)`,
    kind.columns.map((_, i) => rows.map((row) => row[i] ?? '')),
  );
  for (const p of rowProblems) {
    await client.query(
      'insert into import_error (line, column_name, value, reason, position) values ($1, $2, $3, $4, $5)',
      [p.line, p.column, p.value, p.reason, kind.columns.findIndex((c) => c.name === p.column) + 1],
    );
  }
  // Bad values become null in a row that stays: references resolve from the valid ones.
  const problems = (await readStagedValues(client, kind, { keepRows: true })) + rowProblems.length;
  const context = { client, personnel: record.personnel, rows: rows.length };
  await kind.resolveReferences?.(context);
  // The caller's scope is decided before any problem of the input is told: a refused caller learns nothing of it.
  await record.beforeChecks?.(client);
  if (problems > 0) {
    const { rows: found } = await client.query<{ line: number; column: string; value: string; reason: string }>(
      'select line, column_name as column, value, reason from import_error order by line, position limit 1',
    );
    const first = found[0];
    if (first) throw problem(first.column, first.line, first.value, first.reason);
  }
  for (const check of kind.checks) {
    const { rows: found } = await client.query<{ line: number; column: string; value: string | null; reason: string }>(
      `select c.line, c.column_name as column, c.value, c.reason
         from (${check}) as c(line, column_name, value, reason) order by c.line limit 1`,
    );
    const first = found[0];
    if (first) throw problem(first.column, first.line, first.value ?? '', first.reason);
  }
  return kind.merge(context);
}

/** A value quoted for a message, cut short (messages echo what the caller sent, never more). */
function shown(value: string): string {
  return value === '' ? '(empty)' : `"${value.slice(0, 60)}"`;
}
