import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse/sync';

/**
 * Reading import files: the start of a file (byte order mark, separator, header), and a pass-through that
 * hashes and counts the bytes and line breaks as they stream (SHA-256 for the import log, bytes for the
 * progress indicator, line breaks to tell whether COPY's rows are the file's lines), so the file is read once.
 */

export type Separator = ',' | ';';

export interface FileHead {
  /** Bytes of a UTF-8 byte order mark at the start (0 or 3). */
  bomBytes: number;
  /** The separator: comma, or the semicolon of Indonesian spreadsheet exports. */
  separator: Separator;
  /** The names of the first line, trimmed and in lower case (empty for an empty first line). */
  header: string[];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The byte order mark, separator and header of a file, from its first line: the header names only letters,
 * digits and `_`, so the one separator it contains is the file's. Reads at most the first 64 KiB.
 */
export async function readHead(path: string): Promise<FileHead> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const bomBytes = buffer.subarray(0, 3).equals(BOM) && bytesRead >= 3 ? 3 : 0;
    const text = buffer.subarray(bomBytes, bytesRead).toString('utf8');
    const line = text.split(/\r?\n|\r/, 1)[0] ?? '';
    const semicolons = line.split(';').length - 1;
    const commas = line.split(',').length - 1;
    const separator: Separator = semicolons > commas ? ';' : ',';
    const records: string[][] = line.trim() === '' ? [] : parse(line, { delimiter: separator, trim: true });
    return { bomBytes, separator, header: (records[0] ?? []).map((name) => name.toLowerCase()) };
  } finally {
    await handle.close();
  }
}

const NEWLINE = 0x0a;

/** Passes bytes through unchanged while hashing them and counting bytes and line feeds. */
export class HashingCounter extends Transform {
  private readonly hash = createHash('sha256');
  private hex: string | undefined;
  bytes = 0;
  newlines = 0;
  private lastByte = -1;

  constructor(private readonly onChunk?: (chunk: Buffer) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.update(chunk);
    this.onChunk?.(chunk);
    callback(null, chunk);
  }

  /** Adds bytes that did not pass through (a byte order mark, the rest of a file whose reading stopped early). */
  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) this.newlines++;
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1] ?? -1;
  }

  /** Lines of the bytes seen: line feeds, plus a last line without one. */
  get lines(): number {
    return this.newlines + (this.lastByte !== -1 && this.lastByte !== NEWLINE ? 1 : 0);
  }

  /** The hex SHA-256 of everything seen (computed once, when the file has been read). */
  digest(): string {
    this.hex ??= this.hash.digest('hex');
    return this.hex;
  }
}

const SPACE = 0x20;
const TAB = 0x09;

/**
 * Whether a file has a value with a space or tab at its start or end (csv-parse's `trim` removes them,
 * PostgreSQL's CSV reading keeps them): a space beside a separator or a line break, or any tab. Bytes are
 * searched as they stream (the comparisons of `Buffer.indexOf`), across chunk boundaries.
 */
export class EdgeSpaces {
  found = false;
  private readonly pairs: Buffer[];
  private previous = 0x0a;

  constructor(separator: Separator) {
    const sep = separator.charCodeAt(0);
    this.pairs = [
      [sep, SPACE],
      [SPACE, sep],
      [0x0a, SPACE],
      [SPACE, 0x0a],
      [SPACE, 0x0d],
    ].map((pair) => Buffer.from(pair));
  }

  update(chunk: Buffer): void {
    if (this.found || chunk.length === 0) return;
    const first = chunk[0] ?? 0;
    const joined = Buffer.from([this.previous, first]);
    this.found = chunk.includes(TAB) || this.pairs.some((pair) => pair.equals(joined) || chunk.includes(pair));
    this.previous = chunk[chunk.length - 1] ?? 0x0a;
  }

  /** Also true when the file's last byte is a space (a last line without a line break). */
  get atEnd(): boolean {
    return this.found || this.previous === SPACE;
  }
}

/** One value in PostgreSQL's COPY text format: backslash, tab, newline and carriage return escaped. */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}
