/**
 * The statement-level triggers every rollup kept on write uses: after an insert, update or delete on
 * `table`, `fn` receives the statement's rows as transition tables (`new_rows`, `old_rows`) and
 * recomputes only the keys they touch. Trigger names are `<name>_inserted<suffix>`, `_updated<suffix>`,
 * `_deleted<suffix>`.
 */
export function changeTriggersSql(table: string, fn: string, name: string, suffix = ''): string {
  return `create trigger ${name}_inserted${suffix} after insert on ${table}
  referencing new table as new_rows for each statement execute function ${fn}();
create trigger ${name}_updated${suffix} after update on ${table}
  referencing new table as new_rows old table as old_rows for each statement execute function ${fn}();
create trigger ${name}_deleted${suffix} after delete on ${table}
  referencing old table as old_rows for each statement execute function ${fn}();`;
}
