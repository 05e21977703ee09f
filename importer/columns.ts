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

/** Longest text of a column that names none. */
export const DEFAULT_MAX_LENGTH = 200;

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
 * SQL true for a value `v` that is certainly valid, in PostgreSQL's own input functions (fast: no regular
 * expression), or null when there is none: most values of a file pass it, and only the rest are read by
 * the column's exact rules (`reasonSql`). A value of the canonical form the exact rules also accept.
 */
function fastValidSql(column: Column, v: string): string | null {
  const range = `between ${column.min ?? -2147483648} and ${column.max ?? 2147483647}`;
  switch (column.type) {
    case 'text':
      return column.pattern ? null : `length(${v}) <= ${column.maxLength ?? DEFAULT_MAX_LENGTH}`;
    case 'choice':
      return `${v} in (${(column.choices ?? []).map(literal).join(', ')})`;
    case 'integer':
      // Canonical: the integer's own text (no sign, space, underscore, base prefix or leading zero).
      return `pg_input_is_valid(${v}, 'integer') and ${v}::integer::text = ${v} and ${v}::integer ${range}`;
    case 'decimal':
      return `pg_input_is_valid(${v}, 'numeric') and ${v}::numeric::text = ${v} and scale(${v}::numeric) <= 6
        and ${v}::numeric ${range}`;
    case 'date':
    case 'money':
      return null;
  }
}

/**
 * SQL giving why the value `v` of a column is wrong, or null when it is fine. `v` is the value as staged
 * (trimmed), null when empty. The branches run in order: a cast only sees text its pattern accepted.
 */
export function reasonSql(column: Column, v: string, withPattern = true): string {
  const fast = fastValidSql(column, v);
  const exact = exactReasonSql(column, v, withPattern);
  return fast === null || (column.pattern && !withPattern) ? exact : `case when ${fast} then null else ${exact} end`;
}

/** SQL giving why a value `v` (not empty, not too long) does not have its column's pattern, or null. */
export function patternReasonSql(column: Column, v: string): string {
  return column.pattern
    ? `case when ${v} !~ ${literal(column.pattern.regex.source)} then ${literal(column.pattern.reason)} end`
    : 'null';
}

function exactReasonSql(column: Column, v: string, withPattern: boolean): string {
  const empty = `when ${v} is null then ${column.required ? "'is required'" : 'null'}`;
  const rules = ((): string => {
    switch (column.type) {
      case 'text': {
        const limit = column.maxLength ?? DEFAULT_MAX_LENGTH;
        const pattern =
          column.pattern && withPattern
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
