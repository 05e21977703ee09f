/**
 * The statement-level triggers every rollup kept on write uses: after an insert, update or delete on
 * `table`, `fn` receives the statement's rows as transition tables (`new_rows`, `old_rows`) and
 * recomputes only the keys they touch (one function for the three events, or one per event). Trigger names
 * are `<name>_inserted<suffix>`, `_updated<suffix>`, `_deleted<suffix>`.
 */
export function changeTriggersSql(
  table: string,
  fn: string | { inserted: string; updated: string; deleted: string },
  name: string,
  suffix = '',
): string {
  const { inserted, updated, deleted } = typeof fn === 'string' ? { inserted: fn, updated: fn, deleted: fn } : fn;
  return `create trigger ${name}_inserted${suffix} after insert on ${table}
  referencing new table as new_rows for each statement execute function ${inserted}();
create trigger ${name}_updated${suffix} after update on ${table}
  referencing new table as new_rows old table as old_rows for each statement execute function ${updated}();
create trigger ${name}_deleted${suffix} after delete on ${table}
  referencing old table as old_rows for each statement execute function ${deleted}();`;
}

/**
 * A trigger function for changeTriggersSql that passes the keys a statement touched to `refresh`: the new
 * rows' keys after an insert, both sides' after an update, the old rows' after a delete. `distinct` when the
 * table holds many rows per key (an insert or delete of one survey's answers names it once); `moreArgs`
 * follow the key array in every call.
 */
export function keysChangedFunctionSql(
  name: string,
  refresh: string,
  key: string,
  options: { distinct?: boolean; moreArgs?: string } = {},
): string {
  const side = (rows: string) => `array(select ${options.distinct ? 'distinct ' : ''}${key} from ${rows})`;
  const args = (keys: string) => `${refresh}(${keys}${options.moreArgs ? `, ${options.moreArgs}` : ''})`;
  return `create function ${name}() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform ${args(side('new_rows'))};
  elsif tg_op = 'UPDATE' then
    perform ${args(`array(select ${key} from new_rows union select ${key} from old_rows)`)};
  else
    perform ${args(side('old_rows'))};
  end if;
  return null;
end $$;`;
}

/**
 * The head of a refresh function (`create function <signature> returns void language sql ... as $$`) that
 * turns sequential scans off: it looks up rows by key, and inside a bulk load the planner's statistics
 * still describe empty tables.
 */
export function keyedRefreshSql(signature: string): string {
  return `create function ${signature} returns void language sql
  -- Index lookups by key: inside a bulk load the statistics still describe empty tables.
  set enable_seqscan = off as $$`;
}
