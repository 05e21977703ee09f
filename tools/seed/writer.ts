import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Value = string | number | null;

/**
 * Bytes of COPY text per chunk. Rows are written as UTF-8 straight into a chunk's bytes: built as strings
 * (each line a rope of `+=` pieces, joined, then encoded for the socket) the text cost the generator thread a
 * quarter of its time, in building, flattening, encoding and collecting garbage.
 */
const CHUNK_BYTES = 1 << 16;

const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
const UTF8 = new TextEncoder();

/**
 * Buffers the rows of one table as PostgreSQL COPY text (tab-separated, `\N` for null) in UTF-8, for
 * copyChunks to write with `COPY ... FROM STDIN`: no SQL to parse per row, no array literals, and the server
 * parses the text format at its fastest.
 */
export class TableBuffer {
  private chunks: Uint8Array[] = [];
  private bytes = new Uint8Array(CHUNK_BYTES);
  private at = 0;
  private rows = 0;
  private sealedBytes = 0;
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

  /** Bytes of COPY text buffered and not yet drained. */
  get pendingBytes(): number {
    return this.sealedBytes + this.at;
  }

  add(...values: Value[]): void {
    if (values.length !== this.columnNames.length) {
      throw new Error(`${this.table}: expected ${this.columnNames.length} values, got ${values.length}`);
    }
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.byte(TAB);
      const value = values[i] as Value;
      if (value === null) {
        this.byte(BACKSLASH);
        this.byte(78); // N
      } else if (typeof value === 'number') {
        if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) this.integer(value);
        else this.text(copyText(value));
      } else this.text(value);
    }
    this.byte(NEWLINE);
    this.rows += 1;
    if (this.at >= CHUNK_BYTES) this.seal();
  }

  private room(needed: number): void {
    if (this.at + needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + needed));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  private byte(value: number): void {
    if (this.at === this.bytes.length) this.room(1);
    this.bytes[this.at++] = value;
  }

  /** A whole number's decimal digits (as String() writes it). */
  private integer(value: number): void {
    this.room(11);
    let n = value;
    if (n < 0) {
      this.bytes[this.at++] = 45; // -
      n = -n;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    for (let i = this.at + digits - 1; i >= this.at; i--) {
      this.bytes[i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.at += digits;
  }

  /** A string as COPY text: backslash, tab and line breaks escaped; UTF-8. */
  private text(value: string): void {
    this.room(value.length * 3);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 128) {
        // Not ASCII: the rest escaped and encoded as a whole (at most 3 bytes a character, as room() gave).
        this.at = at + UTF8.encodeInto(copyText(value.slice(i)), bytes.subarray(at)).written;
        return;
      }
      if (c === BACKSLASH || c === TAB || c === NEWLINE || c === 13) {
        bytes[at++] = BACKSLASH;
        bytes[at++] = c === BACKSLASH ? BACKSLASH : c === TAB ? 116 : c === NEWLINE ? 110 : 114;
      } else bytes[at++] = c;
    }
    this.at = at;
  }

  /** Joins the lines so far into one chunk. */
  private seal(): void {
    if (this.at === 0) return;
    this.chunks.push(this.bytes.subarray(0, this.at));
    this.sealedBytes += this.at;
    this.bytes = new Uint8Array(CHUNK_BYTES);
    this.at = 0;
  }

  /** The buffered COPY text (empty when none); the buffer is empty afterwards. */
  drain(): Uint8Array[] {
    this.seal();
    const chunks = this.chunks;
    this.written += this.rows;
    this.chunks = [];
    this.rows = 0;
    this.sealedBytes = 0;
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
