/**
 * The columns of an import file and how each value is read. Files are staged as text (`import_raw`) and
 * read in SQL, all rows at once: the syntax of a date, an amount, a number or a code, and its range. The
 * same SQL reads a file and a form's values (single-record writes), so both give the same reasons. A valid
 * value becomes its canonical, typed form in `import_rows` (ISO date, plain digits, decimal point), and
 * the kinds' checks keep what needs the whole file or the database: duplicates, consistency across rows,
 * references.
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
  /**
   * The shape a `text` must have (e.g. 18 digits), and the reason given when it has not. The regular
   * expression is read by PostgreSQL: write it in the syntax JavaScript and PostgreSQL share.
   */
  pattern?: { regex: RegExp; reason: string };
}

/**
 * The NIP or NI PPPK column of files that name employees (personnel checks that the employee exists); a kind
 * names it and says whose number it is with `{ ...EMPLOYEE_NUMBER_COLUMN, meaning }`.
 */
export const EMPLOYEE_NUMBER_COLUMN: Column = {
  name: 'nip',
  type: 'text',
  required: true,
  pattern: { regex: /^\d{18}$/, reason: 'must have 18 digits (a NIP or an NI PPPK)' },
  meaning: 'NIP or NI PPPK of the employee',
};

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

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Whole Rupiah, plain (`1234567`) or with thousands dots (`1.234.567`): at most 18 digits. */
const MONEY = '^([0-9]{1,18}|[0-9]{1,3}([.][0-9]{3}){1,5})$';
const INTEGER = '^-?[0-9]{1,9}$';
const DECIMAL = '^-?[0-9]{1,9}([.,][0-9]{1,6})?$';
const DATE = '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}/[0-9]{2}/[0-9]{4})$';

/** A date value `v` (YYYY-MM-DD or DD/MM/YYYY) as YYYY-MM-DD text. */
const isoDate = (v: string) =>
  `(case when substr(${v}, 3, 1) = '/' then substr(${v}, 7, 4) || '-' || substr(${v}, 4, 2) || '-' || substr(${v}, 1, 2) else ${v} end)`;

function rangeSql(column: Column, number: string): string {
  const [min, max] = [column.min ?? -2147483648, column.max ?? 2147483647];
  return `when ${number} not between ${min} and ${max} then 'is not between ${min} and ${max}'`;
}

/**
 * SQL giving why the value `v` of a column is wrong, or null when it is fine. `v` is the value as staged
 * (trimmed), null when empty. The branches run in order: a cast only sees text its pattern accepted.
 */
export function reasonSql(column: Column, v: string): string {
  const empty = `when ${v} is null then ${column.required ? "'is required'" : 'null'}`;
  const rules = ((): string => {
    switch (column.type) {
      case 'text': {
        const limit = column.maxLength ?? DEFAULT_MAX_LENGTH;
        const pattern = column.pattern
          ? `when ${v} !~ ${literal(column.pattern.regex.source)} then ${literal(column.pattern.reason)}`
          : '';
        return `when length(${v}) > ${limit} then 'is longer than ${limit} characters' ${pattern}`;
      }
      case 'choice': {
        const choices = column.choices ?? [];
        return `when ${v} not in (${choices.map(literal).join(', ')}) then ${literal(`is not one of ${choices.join(', ')}`)}`;
      }
      case 'date':
        return `when ${v} !~ '${DATE}' then 'is not a date (YYYY-MM-DD or DD/MM/YYYY)'
          when ${isoDate(v)} < '1900' or not pg_input_is_valid(${isoDate(v)}, 'date') then 'is not a real date'`;
      case 'money':
        return `when ${v} !~ '${MONEY}' then 'is not whole Rupiah (1234567 or 1.234.567, no decimals)'`;
      case 'integer':
        return `when ${v} !~ '${INTEGER}' then 'is not a whole number' ${rangeSql(column, `${v}::integer`)}`;
      case 'decimal':
        return `when ${v} !~ '${DECIMAL}' then 'is not a number (a decimal point or comma is fine)'
          ${rangeSql(column, `replace(${v}, ',', '.')::numeric`)}`;
    }
  })();
  return `case ${empty} ${rules} end`;
}

/** SQL giving the canonical, typed value of a valid value `v` (see `reasonSql`). */
export function valueSql(column: Column, v: string): string {
  switch (column.type) {
    case 'text':
    case 'choice':
      return v;
    case 'date':
      return `${isoDate(v)}::date`;
    case 'money':
      return `replace(${v}, '.', '')::bigint`;
    case 'integer':
      return `${v}::integer`;
    case 'decimal':
      return `replace(${v}, ',', '.')::numeric`;
  }
}
