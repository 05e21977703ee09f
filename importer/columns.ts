/**
 * The columns of an import file and how each kind of value is checked and converted, in SQL: every file
 * is first copied as text into a staging table, then each column is checked with the statements built
 * here (one row per bad value: line, column, value, reason) and converted only once all are valid.
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
}

const DEFAULT_MAX_LENGTH = 200;

/** A SQL string literal (the values here are written in code, never read from a file). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `YYYY-MM-DD` or `DD/MM/YYYY` as ISO text; null for anything else. */
function isoDate(column: string): string {
  return `case when ${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then ${column}
    when ${column} ~ '^[0-9]{2}/[0-9]{2}/[0-9]{4}$' then substr(${column}, 7, 4) || '-' || substr(${column}, 4, 2) || '-' || substr(${column}, 1, 2) end`;
}

/** Whole Rupiah, plain (`1234567`) or with thousands dots (`1.234.567`): at most 18 digits. */
const MONEY = `'^([0-9]{1,18}|[0-9]{1,3}(\\.[0-9]{3}){1,5})$'`;

/** The failed checks of one column, each `(condition over s.<column>, reason)`, for non-empty values. */
function valueChecks(column: Column): [condition: string, reason: string][] {
  const c = `s.${column.name}`;
  switch (column.type) {
    case 'text':
      return [
        [
          `length(${c}) > ${column.maxLength ?? DEFAULT_MAX_LENGTH}`,
          `is longer than ${column.maxLength ?? DEFAULT_MAX_LENGTH} characters`,
        ],
      ];
    case 'choice':
      return [
        [
          `${c} <> all (array[${(column.choices ?? []).map(literal).join(', ')}])`,
          `is not one of ${(column.choices ?? []).join(', ')}`,
        ],
      ];
    case 'date':
      return [
        [`(${isoDate(c)}) is null`, 'is not a date (YYYY-MM-DD or DD/MM/YYYY)'],
        [`not pg_input_is_valid(${isoDate(c)}, 'date')`, 'is not a real date'],
      ];
    case 'money':
      return [[`${c} !~ ${MONEY}`, 'is not whole Rupiah (1234567 or 1.234.567, no decimals)']];
    case 'integer':
      return [
        [`${c} !~ '^-?[0-9]{1,9}$'`, 'is not a whole number'],
        [
          `${c} ~ '^-?[0-9]{1,9}$' and ${c}::int not between ${column.min ?? -2147483648} and ${column.max ?? 2147483647}`,
          `is not between ${column.min} and ${column.max}`,
        ],
      ];
    case 'decimal':
      return [
        [`${c} !~ '^-?[0-9]{1,9}([.,][0-9]{1,6})?$'`, 'is not a number (a decimal point or comma is fine)'],
        [
          `${c} ~ '^-?[0-9]{1,9}([.,][0-9]{1,6})?$' and replace(${c}, ',', '.')::numeric not between ${column.min ?? -1e9} and ${column.max ?? 1e9}`,
          `is not between ${column.min} and ${column.max}`,
        ],
      ];
  }
}

/**
 * One statement giving every bad value of the staging table: `(line, column, value, reason)`. A value
 * that fails a format check is not checked further (the checks of a column are exclusive in order).
 */
export function columnChecksSql(columns: readonly Column[], staging: string): string {
  const parts: string[] = [];
  for (const column of columns) {
    const c = `s.${column.name}`;
    const name = literal(column.name);
    if (column.required) parts.push(`select s.line, ${name}, ${c}, 'is required' from ${staging} s where ${c} = ''`);
    const checks = valueChecks(column);
    checks.forEach(([condition, reason], i) => {
      const earlier = checks.slice(0, i).map(([previous]) => `not (${previous})`);
      parts.push(
        `select s.line, ${name}, ${c}, ${literal(reason)} from ${staging} s where ${c} <> '' and ${[condition, ...earlier].map((x) => `(${x})`).join(' and ')}`,
      );
    });
  }
  return parts.join('\nunion all\n');
}

/** The typed value of a checked column (empty text is null). */
export function typedSql(column: Column, source: string): string {
  const c = `nullif(${source}.${column.name}, '')`;
  switch (column.type) {
    case 'text':
    case 'choice':
      return c;
    case 'date':
      return `(${isoDate(c)})::date`;
    case 'money':
      return `replace(${c}, '.', '')::bigint`;
    case 'integer':
      return `${c}::int`;
    case 'decimal':
      return `replace(${c}, ',', '.')::numeric`;
  }
}
