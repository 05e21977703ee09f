import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Value = string | number | null;

/**
 * Characters of rows joined into one flat string. A line built with `+=` is a rope of a dozen pieces; kept
 * until a flush (megabytes later), the ropes survived the young generation and the collector took 45% of a
 * national seed's generation time. Joined every few thousand rows, they die young and one flat string stays.
 */
const CHUNK_CHARACTERS = 1 << 16;

/**
 * Buffers the rows of one table as PostgreSQL COPY text (tab-separated, `\N` for null), for copyChunks to
 * write with `COPY ... FROM STDIN`: no SQL to parse per row, no array literals, and the server parses the
 * text format at its fastest.
 */
export class TableBuffer {
  private chunks: string[] = [];
  /** Lines of the chunk being filled, each without its line break (join adds them). */
  private lines: string[] = [];
  private lineCharacters = 0;
  private rows = 0;
  private characters = 0;
  /** Rows handed on so far. */
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

  /** Characters of COPY text buffered and not yet drained. */
  get pendingCharacters(): number {
    return this.characters;
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
    this.lines.push(line);
    this.lineCharacters += line.length + 1;
    this.characters += line.length + 1;
    this.rows += 1;
    if (this.lineCharacters >= CHUNK_CHARACTERS) this.seal();
  }

  /** Joins the lines so far into one chunk (the empty last element ends the chunk with a line break). */
  private seal(): void {
    if (this.lines.length === 0) return;
    this.lines.push('');
    this.chunks.push(this.lines.join('\n'));
    this.lines = [];
    this.lineCharacters = 0;
  }

  /** The buffered COPY text (empty when none); the buffer is empty afterwards. */
  drain(): string[] {
    this.seal();
    const chunks = this.chunks;
    this.written += this.rows;
    this.chunks = [];
    this.rows = 0;
    this.characters = 0;
    return chunks;
  }
}

/**
 * Writes COPY text (strings, or UTF-8 bytes from the generator thread) into `table` with one COPY on
 * `client`; nothing when there are no chunks. `freeze` only where the table was created or emptied in this
 * transaction (PostgreSQL refuses it otherwise).
 */
export async function copyChunks(
  client: pg.ClientBase,
  table: string,
  columnNames: readonly string[],
  chunks: readonly (string | Uint8Array)[],
  { freeze = false }: { freeze?: boolean } = {},
): Promise<void> {
  if (chunks.length === 0) return;
  const options = freeze ? ' with (freeze)' : '';
  const stream = client.query(copyFrom(`copy ${table} (${columnNames.join(', ')}) from stdin${options}`));
  const done = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
  });
  for (const chunk of chunks) if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
  stream.end();
  await done;
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
