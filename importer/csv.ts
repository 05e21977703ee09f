import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Reading import files: the separator (comma, or the semicolon of Indonesian spreadsheet exports), and a
 * pass-through that hashes and counts the bytes as they stream (SHA-256 for the import log, bytes for the
 * progress indicator), so the file is read once.
 */

export type Separator = ',' | ';';

/**
 * The separator of a file, from its header line: the header names only letters, digits and `_`, so the one
 * separator it contains is the file's. Reads at most the first 64 KiB.
 */
export async function detectSeparator(path: string): Promise<Separator> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const header = text.split(/\r?\n|\r/, 1)[0] ?? '';
    const semicolons = header.split(';').length - 1;
    const commas = header.split(',').length - 1;
    return semicolons > commas ? ';' : ',';
  } finally {
    await handle.close();
  }
}

/** Passes bytes through unchanged while hashing and counting them. */
export class HashingCounter extends Transform {
  private readonly hash = createHash('sha256');
  private hex: string | undefined;
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.update(chunk);
    callback(null, chunk);
  }

  /** Adds bytes that did not pass through (the rest of a file whose reading stopped early). */
  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  /** The hex SHA-256 of everything seen (computed once, when the file has been read). */
  digest(): string {
    this.hex ??= this.hash.digest('hex');
    return this.hex;
  }
}

/** One value in PostgreSQL's COPY text format: backslash, tab, newline and carriage return escaped. */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}
