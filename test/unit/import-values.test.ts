import { describe, expect, it } from 'vitest';
import { type Column, readValue } from '../../importer/columns.js';

const column = (type: Column['type'], extra: Partial<Column> = {}): Column => ({
  name: 'x',
  type,
  required: true,
  meaning: '',
  ...extra,
});

describe('values of import files', () => {
  it('reads dates as YYYY-MM-DD or DD/MM/YYYY, real dates only', () => {
    const date = column('date');
    expect(readValue(date, '2025-11-03')).toEqual({ ok: true, value: '2025-11-03' });
    expect(readValue(date, '03/11/2025')).toEqual({ ok: true, value: '2025-11-03' });
    expect(readValue(date, '29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(readValue(date, '29/02/2025')).toEqual({ ok: false, reason: 'is not a real date' });
    expect(readValue(date, '1986-02-30')).toEqual({ ok: false, reason: 'is not a real date' });
    expect(readValue(date, '3/11/2025')).toEqual({ ok: false, reason: 'is not a date (YYYY-MM-DD or DD/MM/YYYY)' });
    expect(readValue(date, '2025-11-03T00:00')).toMatchObject({ ok: false });
  });

  it('reads money as whole Rupiah, with or without thousands dots, and refuses decimals', () => {
    const money = column('money');
    expect(readValue(money, '1234567')).toEqual({ ok: true, value: '1234567' });
    expect(readValue(money, '1.234.567')).toEqual({ ok: true, value: '1234567' });
    expect(readValue(money, '0')).toEqual({ ok: true, value: '0' });
    for (const bad of ['1234567,50', '1.234.567,00', '1.2345', '12.34', '-5', 'Rp 1.000', '1234567.5']) {
      expect(readValue(money, bad), bad).toEqual({
        ok: false,
        reason: 'is not whole Rupiah (1234567 or 1.234.567, no decimals)',
      });
    }
  });

  it('reads numbers within their range, decimals with a point or a comma', () => {
    expect(readValue(column('integer', { min: 1, max: 4 }), '4')).toEqual({ ok: true, value: '4' });
    expect(readValue(column('integer', { min: 1, max: 4 }), '5')).toEqual({
      ok: false,
      reason: 'is not between 1 and 4',
    });
    expect(readValue(column('integer'), '3.0')).toEqual({ ok: false, reason: 'is not a whole number' });
    expect(readValue(column('decimal', { min: 0, max: 100 }), '55,5')).toEqual({ ok: true, value: '55.5' });
    expect(readValue(column('decimal', { min: 1, max: 5 }), '5.01')).toEqual({
      ok: false,
      reason: 'is not between 1 and 5',
    });
  });

  it('reads empty values as null when optional and refuses them when required', () => {
    expect(readValue(column('text', { required: false }), '')).toEqual({ ok: true, value: null });
    expect(readValue(column('text'), '')).toEqual({ ok: false, reason: 'is required' });
    expect(readValue(column('choice', { choices: ['M', 'F'] }), 'L')).toEqual({
      ok: false,
      reason: 'is not one of M, F',
    });
    const digits = column('text', { pattern: { regex: /^\d{18}$/, reason: 'must have 18 digits' } });
    expect(readValue(digits, '12345')).toEqual({ ok: false, reason: 'must have 18 digits' });
  });
});
