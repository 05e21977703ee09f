/**
 * The columns of an import file and how each value is read. Every value is checked as the file streams
 * (before COPY): the syntax of a date, an amount, a number or a code, and its range. V8 does this at the
 * speed the file is parsed, where PostgreSQL's regular expressions took 12 s per million rows in one SQL
 * pass (measured on 2 cores). A valid value is staged in its canonical form (ISO date, plain digits,
 * decimal point) in a typed column, so SQL receives typed rows and keeps what needs the whole file or
 * the database: duplicates, consistency across rows, references.
 */

export type ColumnType = 'text' | 'date' | 'money' | 'integer' | 'decimal' | 'choice';

export interface Column {
  /** The header name, also the staging column. */
  name: string;
  type: ColumnType;
  required: boolean;
  /** What the column holds, for the README and `--template`. */
  meaning: string;
  /** Allowed values of a `choice`. */
  choices?: readonly string[];
  /** Inclusive range of an `integer` or `decimal`. */
  min?: number;
  max?: number;
  /** Longest text (default 200 characters). */
  maxLength?: number;
  /** The shape a `text` must have (e.g. 18 digits), and the reason given when it has not. */
  pattern?: { regex: RegExp; reason: string };
}

const DEFAULT_MAX_LENGTH = 200;

/** The PostgreSQL type of a column's staged (canonical) values. */
export function sqlType(column: Column): string {
  switch (column.type) {
    case 'text':
    case 'choice':
      return 'text';
    case 'date':
      return 'date';
    case 'money':
      return 'bigint';
    case 'integer':
      return 'integer';
    case 'decimal':
      return 'numeric';
  }
}

/** A value read: its canonical text (null: empty), or why it is wrong. */
export type ReadValue = { ok: true; value: string | null } | { ok: false; reason: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
/** Whole Rupiah, plain (`1234567`) or with thousands dots (`1.234.567`): at most 18 digits. */
const MONEY = /^(?:\d{1,18}|\d{1,3}(?:\.\d{3}){1,5})$/;
const INTEGER = /^-?\d{1,9}$/;
const DECIMAL = /^-?\d{1,9}(?:[.,]\d{1,6})?$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const wrong = (reason: string): ReadValue => ({ ok: false, reason });
const value = (text: string | null): ReadValue => ({ ok: true, value: text });

function inRange(column: Column, n: number, text: string): ReadValue {
  const [min, max] = [column.min ?? -2147483648, column.max ?? 2147483647];
  return n < min || n > max ? wrong(`is not between ${min} and ${max}`) : value(text);
}

/** Reads one value of a column (already trimmed by the parser). */
export function readValue(column: Column, raw: string): ReadValue {
  if (raw === '') return column.required ? wrong('is required') : value(null);
  switch (column.type) {
    case 'text': {
      const limit = column.maxLength ?? DEFAULT_MAX_LENGTH;
      if (raw.length > limit) return wrong(`is longer than ${limit} characters`);
      if (column.pattern && !column.pattern.regex.test(raw)) return wrong(column.pattern.reason);
      return value(raw);
    }
    case 'choice':
      return column.choices?.includes(raw) ? value(raw) : wrong(`is not one of ${(column.choices ?? []).join(', ')}`);
    case 'date': {
      const iso = ISO_DATE.exec(raw);
      const dmy = iso ? null : DMY_DATE.exec(raw);
      const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
      if (year === undefined || month === undefined || day === undefined) {
        return wrong('is not a date (YYYY-MM-DD or DD/MM/YYYY)');
      }
      if (!isRealDate(Number(year), Number(month), Number(day))) return wrong('is not a real date');
      return value(`${year}-${month}-${day}`);
    }
    case 'money':
      return MONEY.test(raw)
        ? value(raw.replaceAll('.', ''))
        : wrong('is not whole Rupiah (1234567 or 1.234.567, no decimals)');
    case 'integer':
      return INTEGER.test(raw) ? inRange(column, Number(raw), raw) : wrong('is not a whole number');
    case 'decimal': {
      if (!DECIMAL.test(raw)) return wrong('is not a number (a decimal point or comma is fine)');
      const canonical = raw.replace(',', '.');
      return inRange(column, Number(canonical), canonical);
    }
  }
}
