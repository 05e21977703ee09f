/** SQL checks several kinds share, over the staged rows `import_rows`. */

/**
 * Rows whose natural key repeats an earlier row of the file, reported on `column` with
 * `reason || ' (first on line N)'` (`reason` is SQL over the row `r`). Grouped by hash, not sorted: one pass.
 */
export function repeatedKeySql(keys: readonly string[], column: string, reason: string): string {
  const list = keys.join(', ');
  return `select r.line, '${column}', r.${column}::text, ${reason} || ' (first on line ' || g.first_line || ')'
    from (select ${list}, min(line) as first_line from import_rows
           where ${keys.map((k) => `${k} is not null`).join(' and ')}
           group by ${list} having count(*) > 1) g
    join import_rows r on ${keys.map((k) => `r.${k} = g.${k}`).join(' and ')} and r.line > g.first_line`;
}
