import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Column } from '../../importer/columns.js';
import type { ImportKind } from '../../importer/kind.js';
import { createStaging, readStagedValues } from '../../importer/staging.js';

/** Values of import files as PostgreSQL reads them (staging.ts): canonical value or reason, one column at a time. */

const column = (type: Column['type'], extra: Partial<Column> = {}): Column => ({
  name: 'x',
  type,
  required: true,
  meaning: '',
  ...extra,
});

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
});
afterAll(() => client.end());

type Read = { ok: true; value: string | null } | { ok: false; reason: string };

/** Stages `raw` as the one value of a file of one column, reads it, and rolls back. */
async function read(col: Column, raw: string): Promise<Read> {
  const kind: ImportKind = {
    name: 'test',
    owner: 'personnel',
    unit: 'rows',
    description: '',
    columns: [col],
    example: [],
    checks: [],
    merge: async () => ({ inserted: 0, updated: 0, unchanged: 0 }),
  };
  await client.query('begin');
  try {
    await createStaging(client, kind);
    await client.query('insert into import_raw (x) values ($1)', [raw]);
    const problems = await readStagedValues(client, kind);
    if (problems > 0) {
      const { rows } = await client.query<{ reason: string }>('select reason from import_error');
      return { ok: false, reason: rows[0]?.reason ?? '' };
    }
    const { rows } = await client.query<{ x: string | null }>('select x::text from import_rows');
    return { ok: true, value: rows[0]?.x ?? null };
  } finally {
    await client.query('rollback');
  }
}

describe('values of import files', () => {
  it('reads dates as YYYY-MM-DD or DD/MM/YYYY, real dates only', async () => {
    const date = column('date');
    expect(await read(date, '2025-11-03')).toEqual({ ok: true, value: '2025-11-03' });
    expect(await read(date, '03/11/2025')).toEqual({ ok: true, value: '2025-11-03' });
    expect(await read(date, '29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(await read(date, '29/02/2025')).toEqual({ ok: false, reason: 'is not a real date' });
    expect(await read(date, '1986-02-30')).toEqual({ ok: false, reason: 'is not a real date' });
    expect(await read(date, '1899-12-31')).toEqual({ ok: false, reason: 'is not a real date' });
    expect(await read(date, '3/11/2025')).toEqual({ ok: false, reason: 'is not a date (YYYY-MM-DD or DD/MM/YYYY)' });
    expect(await read(date, '2025-11-03T00:00')).toMatchObject({ ok: false });
  });

  it('reads money as whole Rupiah, with or without thousands dots, and refuses decimals', async () => {
    const money = column('money');
    expect(await read(money, '1234567')).toEqual({ ok: true, value: '1234567' });
    expect(await read(money, '1.234.567')).toEqual({ ok: true, value: '1234567' });
    expect(await read(money, '0')).toEqual({ ok: true, value: '0' });
    for (const bad of ['1234567,50', '1.234.567,00', '1.2345', '12.34', '-5', 'Rp 1.000', '1234567.5']) {
      expect(await read(money, bad), bad).toEqual({
        ok: false,
        reason: 'is not whole Rupiah (1234567 or 1.234.567, no decimals)',
      });
    }
  });

  it('reads numbers within their range, decimals with a point or a comma', async () => {
    expect(await read(column('integer', { min: 1, max: 4 }), '4')).toEqual({ ok: true, value: '4' });
    expect(await read(column('integer', { min: 1, max: 4 }), '5')).toEqual({
      ok: false,
      reason: 'is not between 1 and 4',
    });
    expect(await read(column('integer'), '3.0')).toEqual({ ok: false, reason: 'is not a whole number' });
    expect(await read(column('integer'), '1_000')).toEqual({ ok: false, reason: 'is not a whole number' });
    expect(await read(column('decimal', { min: 0, max: 100 }), '55,5')).toEqual({ ok: true, value: '55.5' });
    expect(await read(column('decimal', { min: 1, max: 5 }), '5.01')).toEqual({
      ok: false,
      reason: 'is not between 1 and 5',
    });
  });

  it('reads empty values as null when optional and refuses them when required', async () => {
    expect(await read(column('text', { required: false }), '')).toEqual({ ok: true, value: null });
    expect(await read(column('text'), '')).toEqual({ ok: false, reason: 'is required' });
    expect(await read(column('choice', { choices: ['M', 'F'] }), 'L')).toEqual({
      ok: false,
      reason: 'is not one of M, F',
    });
    expect(await read(column('text', { maxLength: 3 }), 'abcd')).toEqual({
      ok: false,
      reason: 'is longer than 3 characters',
    });
    const digits = column('text', { pattern: { regex: /^\d{18}$/, reason: 'must have 18 digits' } });
    expect(await read(digits, '12345')).toEqual({ ok: false, reason: 'must have 18 digits' });
    expect(await read(digits, '198609262015051001')).toEqual({ ok: true, value: '198609262015051001' });
  });
});
