/** Rows per INSERT statement. */
export const BATCH_ROWS = 10_000;

export type Value = string | number | null;

/**
 * Buffers the rows of one table column by column and turns them into
 * `insert into t (cols) select * from unnest('{...}'::type[], ...)` statements of BATCH_ROWS rows each.
 *
 * The arrays are inlined as literals rather than bound as parameters: several statements can then travel
 * as one simple-protocol query, which PostgreSQL executes while the generator computes the next batch
 * (a bound query waits for the event loop before pg sends it). Every value is escaped for the array
 * literal and the SQL string, so names with quotes or backslashes are safe.
 */
export class TableBuffer {
  private columns: Value[][];
  /** Rows handed out as SQL so far. */
  written = 0;

  constructor(
    readonly table: string,
    readonly columnNames: readonly string[],
    readonly columnTypes: readonly string[],
    /** True when the generator assigns the id column: its sequence must be moved past the ids afterwards. */
    readonly hasIdentity: boolean,
  ) {
    if (columnNames.length !== columnTypes.length) throw new Error(`${table}: column names and types differ in length`);
    this.columns = columnNames.map(() => []);
  }

  get pending(): number {
    return this.columns[0]?.length ?? 0;
  }

  add(...values: Value[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: expected ${this.columns.length} values, got ${values.length}`);
    }
    for (let i = 0; i < values.length; i++) (this.columns[i] as Value[]).push(values[i] as Value);
  }

  /** The INSERT statements for every buffered row (empty when none); the buffer is empty afterwards. */
  drainSql(): string[] {
    const total = this.pending;
    if (total === 0) return [];
    const statements: string[] = [];
    const head = `insert into ${this.table} (${this.columnNames.join(', ')}) select * from unnest(`;
    for (let start = 0; start < total; start += BATCH_ROWS) {
      const end = Math.min(total, start + BATCH_ROWS);
      const arrays = this.columns.map(
        (column, i) => `${sqlString(arrayLiteral(column, start, end))}::${this.columnTypes[i] ?? 'text'}[]`,
      );
      statements.push(`${head}${arrays.join(', ')})`);
    }
    this.written += total;
    this.columns = this.columnNames.map(() => []);
    return statements;
  }
}

const NEEDS_ARRAY_ESCAPE = /[\\"]/;

/** A PostgreSQL array literal: strings double-quoted with \ and " escaped, NULL for null. */
export function arrayLiteral(values: readonly Value[], start = 0, end = values.length): string {
  let out = '{';
  for (let i = start; i < end; i++) {
    if (i > start) out += ',';
    const value = values[i] ?? null;
    if (value === null) out += 'NULL';
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`cannot store ${value}`);
      out += String(value);
    } else out += `"${NEEDS_ARRAY_ESCAPE.test(value) ? value.replace(/[\\"]/g, '\\$&') : value}"`;
  }
  return `${out}}`;
}

/** A standard-conforming SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.includes("'") ? text.replaceAll("'", "''") : text}'`;
}
