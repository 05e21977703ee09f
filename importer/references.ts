import type pg from 'pg';
import type { Column } from './columns.js';
import type { KindContext, MergeCounts } from './kind.js';
import { type PersonnelDirectory, REFERENCE_BATCH } from './personnel-directory.js';

/** Calls to the owner's API in flight at once. */
const CALLS_IN_FLIGHT = 4;

/** A column of a temporary table filled from another subgraph's answers. */
export interface ReferenceColumn<Row> {
  name: string;
  type: 'text' | 'int';
  value(row: Row): string | number | null;
}

/**
 * Asks another subgraph about the distinct keys of a file, `REFERENCE_BATCH` keys a call, a few calls at
 * a time (never one call per row, never by reading its tables), and keeps the answers in a temporary table the checks and the
 * merge join. The keys come from a server-side cursor, so memory stays bounded however large the file.
 */
export async function lookUpInBatches<Row>(
  client: pg.ClientBase,
  keysSql: string,
  lookUp: (keys: string[]) => Promise<Row[]>,
  table: string,
  columns: readonly ReferenceColumn<Row>[],
): Promise<void> {
  await client.query(
    `create temp table ${table} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')}) on commit drop`,
  );
  // Keys of values that were not valid are null (a form's row is kept whole): nothing to ask.
  await client.query(`declare import_keys no scroll cursor for select key from (${keysSql}) k where key is not null`);
  const insert = `insert into ${table} select * from unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`;
  for (;;) {
    const { rows } = await client.query<{ key: string }>(`fetch ${REFERENCE_BATCH * CALLS_IN_FLIGHT} from import_keys`);
    if (rows.length === 0) break;
    // A few calls at a time: the owner answers one while the next is on its way (memory stays bounded).
    const batches: string[][] = [];
    for (let at = 0; at < rows.length; at += REFERENCE_BATCH)
      batches.push(rows.slice(at, at + REFERENCE_BATCH).map((row) => row.key));
    const found = (await Promise.all(batches.map(lookUp))).flat();
    if (found.length > 0)
      await client.query(
        insert,
        columns.map((c) => found.map((row) => c.value(row))),
      );
  }
  await client.query('close import_keys');
  await client.query(`create index on ${table} (${columns[0]?.name})`);
  await client.query(`analyze ${table}`);
}

/**
 * The counts of a merge of the file's `rows`, from the merge statement's `returning (xmax = 0) as inserted`
 * rows (see kinds): a row the statement neither inserted nor updated was unchanged.
 */
export async function countMerged(
  client: pg.ClientBase,
  rows: number,
  mergeSql: string,
  params: unknown[] = [],
): Promise<MergeCounts> {
  const merged = await client.query<{ inserted: number; updated: number }>(
    `with merged as (${mergeSql})
     select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
       from merged`,
    params,
  );
  const inserted = merged.rows[0]?.inserted ?? 0;
  const updated = merged.rows[0]?.updated ?? 0;
  return { inserted, updated, unchanged: rows - inserted - updated };
}

/**
 * Merges the file's `rows` into a kind's table keyed by its natural key, and counts them: rows already as
 * stated are left alone (an ON CONFLICT that found them would still lock and rewrite them), new rows
 * inserted in the file's order (an export imported elsewhere keeps its order), differing rows updated.
 * `incoming` selects the file's `line` and the columns by the table's names; `kept` columns are written only
 * when a row is new (e.g. where the employee worked when appraised).
 */
export function mergeByKey(
  client: pg.ClientBase,
  rows: number,
  merge: {
    table: string;
    key: readonly string[];
    values: readonly string[];
    kept?: readonly string[];
    incoming: string;
  },
): Promise<MergeCounts> {
  const { table, key, values } = merge;
  const written = [...key, ...(merge.kept ?? []), ...values];
  const list = (alias: string, columns: readonly string[]) => columns.map((c) => `${alias}.${c}`).join(', ');
  const mergeSql = `insert into ${table} as t (${written.join(', ')})
     select ${list('i', written)}
       from (${merge.incoming}) i
       left join ${table} x on ${key.map((c) => `x.${c} = i.${c}`).join(' and ')}
      where x.${key[0]} is null or (${list('x', values)}) is distinct from (${list('i', values)})
      order by i.line
     on conflict (${key.join(', ')}) do update set ${values.map((c) => `${c} = excluded.${c}`).join(', ')}
     where (${list('t', values)}) is distinct from (${list('excluded', values)})
     returning (t.xmax = 0) as inserted`;
  return countMerged(client, rows, mergeSql);
}

/** `<table> (code, id, region_code)`: the owner's answers for the codes `keysSql` selects (agencies, units). */
export function codeReferences<Row extends { code: string; id: number; regionCode: string }>(
  client: pg.ClientBase,
  keysSql: string,
  lookUp: (codes: string[]) => Promise<Row[]>,
  table: string,
): Promise<void> {
  return lookUpInBatches(client, keysSql, lookUp, table, [
    { name: 'code', type: 'text', value: (row) => row.code },
    { name: 'id', type: 'int', value: (row) => row.id },
    { name: 'region_code', type: 'text', value: (row) => row.regionCode },
  ]);
}

/**
 * A column naming a record of personnel by its code (an agency, a service unit), as the kinds of other
 * subgraphs check it: the column itself (`meaning` says what the record is to the file), the look-up into
 * `<table> (code, id, region_code)`, the regions the file names, and the check that personnel knows every code.
 */
function personnelCodeColumn<Row extends { code: string; id: number; regionCode: string }>(
  column: string,
  meaning: string,
  table: string,
  what: string,
  lookUp: (personnel: PersonnelDirectory, codes: string[]) => Promise<Row[]>,
) {
  return {
    column: {
      name: column,
      type: 'text',
      required: true,
      meaning: `${meaning} (personnel checks it)`,
    } satisfies Column,
    resolveReferences: ({ client, personnel }: KindContext) =>
      codeReferences(
        client,
        `select distinct ${column} as key from import_rows`,
        (codes) => lookUp(personnel, codes),
        table,
      ),
    regionsSql: `select region_code from ${table}`,
    unknownSql: `select r.line, '${column}', r.${column}, 'personnel has no ${what} with this code'
       from import_rows r left join ${table} t on t.code = r.${column} where t.id is null`,
  };
}

/** `agency_code`, an agency asked of personnel into `agency_ref`. */
export const agencyCodeColumn = (meaning: string) =>
  personnelCodeColumn('agency_code', meaning, 'agency_ref', 'agency', (personnel, codes) =>
    personnel.agenciesByCode(codes),
  );

/** `unit_code`, a service unit asked of personnel into `unit_ref`. */
export const unitCodeColumn = (meaning: string) =>
  personnelCodeColumn('unit_code', meaning, 'unit_ref', 'service unit', (personnel, codes) =>
    personnel.unitsByCode(codes),
  );

/** `employee_ref (number, id, agency_id, unit_id, region_code)`: personnel's answers for the file's `nip` column. */
export function employeeReferences(client: pg.ClientBase, personnel: PersonnelDirectory): Promise<void> {
  return lookUpInBatches(
    client,
    'select distinct nip as key from import_rows',
    (numbers) => personnel.employeesByNumber(numbers),
    'employee_ref',
    [
      { name: 'number', type: 'text', value: (e) => e.number },
      { name: 'id', type: 'int', value: (e) => e.id },
      { name: 'agency_id', type: 'int', value: (e) => e.agencyId },
      { name: 'unit_id', type: 'int', value: (e) => e.unitId },
      { name: 'region_code', type: 'text', value: (e) => e.regionCode },
    ],
  );
}
