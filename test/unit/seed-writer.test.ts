import { describe, expect, it } from 'vitest';
import { TableBuffer } from '../../tools/seed/writer.js';

const text = (chunks: Uint8Array[]): string => new TextDecoder().decode(Buffer.concat(chunks));

describe("the seed's COPY text writer", () => {
  it('writes rows as PostgreSQL COPY text in UTF-8: tabs, \\N, escapes, numbers as String() gives them', () => {
    const buffer = new TableBuffer('t', ['a', 'b', 'c', 'd'], ['int', 'text', 'numeric', 'text'], false);
    buffer.add(0, 'Kota Medan', 4.25, null);
    buffer.add(-42, 'a\\b\tc\nd\re', 25_000_000_000, 'Ñoño\tü 𝔸');
    buffer.add(2_147_483_647, '', -0.5, 'x');
    expect(buffer.pending).toBe(3);
    const chunks = buffer.drain();
    expect(text(chunks)).toBe(
      '0\tKota Medan\t4.25\t\\N\n' + '-42\ta\\\\b\\tc\\nd\\re\t25000000000\tÑoño\\tü 𝔸\n' + '2147483647\t\t-0.5\tx\n',
    );
    expect(buffer.written).toBe(3);
    expect(buffer.drain()).toEqual([]);
  });

  it('seals a chunk every 64 KiB, each with a buffer of its own (moved to the loading thread)', () => {
    const buffer = new TableBuffer('t', ['a', 'b'], ['int', 'text'], true);
    const long = 'x'.repeat(1000);
    for (let i = 0; i < 200; i++) buffer.add(i, long);
    expect(buffer.pendingBytes).toBeGreaterThan(200 * 1000);
    const chunks = buffer.drain();
    expect(chunks.length).toBeGreaterThan(2);
    expect(new Set(chunks.map((chunk) => chunk.buffer)).size).toBe(chunks.length);
    const lines = text(chunks).split('\n');
    expect(lines).toHaveLength(201);
    expect(lines[199]).toBe(`199\t${long}`);
    expect(() => buffer.add(1)).toThrow(/expected 2 values/);
    expect(() => buffer.add(1, Number.NaN)).toThrow(/cannot store NaN/);
  });
});
