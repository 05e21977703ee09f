import { REGION_CODE_LENGTH, REGION_LEVELS } from './region-level.js';

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

/**
 * `<schema>.region_and_ancestors(code)`: a region code and every region above it (12.71.01.1001 -> 12, 12.71,
 * 12.71.01, 12.71.01.1001), by the code lengths of the tiers (region-level.ts).
 */
export function regionAndAncestorsFunctionSql(schema: string): string {
  const lengths = REGION_LEVELS.map((level) => REGION_CODE_LENGTH[level]).join(', ');
  return `create function ${schema}.region_and_ancestors(code text) returns setof text language sql immutable as $$
  select left(code, n) from unnest(array[${lengths}]) as n where n <= length(code)
$$;`;
}

/**
 * The keys of a refresh by region (arguments `years`, `codes`): each year with the given region and every
 * region above it (distinct people cannot be added up from the levels below), as `k.year, <alias>.code`.
 */
export function regionKeysSql(schema: string, alias = 'a'): string {
  return `    select distinct k.year, ${alias}.code from unnest(years, codes) as k(year, code)
      cross join lateral ${schema}.region_and_ancestors(k.code) as ${alias}(code)`;
}

/**
 * A rollup added by a later migration joins `<schema>.rebuild_rollups()` (the refill after a load that bypassed
 * the triggers): the earlier rebuild keeps its body under the name `earlier`, and the public name runs both.
 */
export function chainRebuildSql(schema: string, earlier: string, added: string): string {
  return `alter function ${schema}.rebuild_rollups() rename to ${earlier};
create function ${schema}.rebuild_rollups() returns void language sql as $$
  select ${schema}.${earlier}();
  select ${schema}.${added}();
$$;`;
}

/**
 * What a rebuild that writes the feed `seq` itself needs (personnel and learning `0010-inline-feed-stamps`):
 * the owner's sequence and the lock its stamps take (feed_stamp in shared/feed.ts: same key, same order), an
 * upsert rewritten to stamp inline, a refill that inserts plainly into an empty rollup, and the statements
 * that turn the published rollups' row triggers `<table>_stamp` (publishTableSql) off and on.
 */
export function inlineFeedStamps(schema: string, published: readonly string[]) {
  const nextSeq = `nextval('${schema}.feed_seq')`;
  return {
    nextSeq,
    feedLock: `pg_advisory_xact_lock(hashtext('${schema}:feed'))`,
    /**
     * An upsert of `fresh` (seq 0 on insert, the stamp trigger giving the seq) that stamps the seq itself: a
     * new seq on insert and on every update it makes (only changed rows, or rows still at seq 0, are updated).
     */
    stampedUpsert(upsert: string): string {
      const once = (text: string, pattern: RegExp, replacement: string): string => {
        const found = text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
        if (found !== 1) throw new Error(`expected one ${pattern.source} in the upsert, found ${found}`);
        return text.replace(pattern, replacement);
      };
      return once(
        once(upsert, /, 0(\s+)from fresh/, `, ${nextSeq}$1from fresh`),
        /do update set/,
        `do update set seq = ${nextSeq},`,
      );
    },
    /**
     * Fills `table` from `ctes` (a `with` ending in the CTE `fresh`). Empty (a seed): a plain insert, every
     * row stamped; an upsert's conflict check per row cost twice the insert itself. Otherwise as 0009: the
     * rows `fresh` no longer gives deleted, the others upserted (`upsert`, without its `;`).
     */
    refill(table: string, keys: readonly string[], columns: string, ctes: string, upsert: string): string {
      return `  if exists (select 1 from ${table}) then
${ctes}, gone as (
    delete from ${table} t where not exists (select 1 from fresh f where ${keys.map((k) => `f.${k} = t.${k}`).join(' and ')})
  )
${upsert};
  else
${ctes}
  insert into ${table} (${columns}, seq) select ${columns}, ${nextSeq} from fresh;
  end if;`;
    },
    /** Turns the published rollups' stamp triggers off or on (transactional: others wait on the table lock). */
    stampTriggers(action: 'disable' | 'enable'): string {
      return published.map((table) => `  alter table ${schema}.${table} ${action} trigger ${table}_stamp;`).join('\n');
    },
  };
}
