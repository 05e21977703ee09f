import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Value = string | number | null;

/** Bytes of COPY text a table buffers before the generator hands them to PostgreSQL. */
const CHUNK_BYTES = 1 << 20;

/**
 * Buffers the rows of one table as PostgreSQL COPY text (tab-separated, `\N` for null) and writes them
 * with `COPY ... FROM STDIN` (pg-copy-streams): no SQL to parse per row, no array literals, and the
 * server parses the text format at its fastest. The generator keeps computing while a COPY runs.
 */
export class TableBuffer {
  private chunks: string[] = [];
  private current = '';
  private rows = 0;
  /** Rows handed to PostgreSQL so far. */
  written = 0;

  constructor(
    readonly table: string,
    readonly columnNames: readonly string[],
    readonly columnTypes: readonly string[],
    /** True when the generator assigns the id column: its sequence must be moved past the ids afterwards. */
    readonly hasIdentity: boolean,
  ) {
    if (columnNames.length !== columnTypes.length) throw new Error(`${table}: column names and types differ in length`);
  }

  get pending(): number {
    return this.rows;
  }

  add(...values: Value[]): void {
    if (values.length !== this.columnNames.length) {
      throw new Error(`${this.table}: expected ${this.columnNames.length} values, got ${values.length}`);
    }
    let line = '';
    for (let i = 0; i < values.length; i++) {
      if (i > 0) line += '\t';
      line += copyText(values[i] as Value);
    }
    this.current += `${line}\n`;
    this.rows += 1;
    if (this.current.length >= CHUNK_BYTES) {
      this.chunks.push(this.current);
      this.current = '';
    }
  }

  /** The buffered COPY text (empty when none); the buffer is empty afterwards. */
  drain(): string[] {
    if (this.current) this.chunks.push(this.current);
    const chunks = this.chunks;
    this.written += this.rows;
    this.chunks = [];
    this.current = '';
    this.rows = 0;
    return chunks;
  }

  /** Writes drained COPY text with one COPY on `client` (nothing when none). */
  async copy(client: pg.PoolClient, chunks: string[]): Promise<void> {
    if (chunks.length === 0) return;
    const stream = client.query(copyFrom(`copy ${this.table} (${this.columnNames.join(', ')}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      stream.once('finish', resolve);
      stream.once('error', reject);
    });
    for (const chunk of chunks) if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
    stream.end();
    await done;
  }
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
export function copyText(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot store ${value}`);
    return String(value);
  }
  return NEEDS_ESCAPE.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}
