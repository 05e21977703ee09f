import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { SubgraphName } from '../subgraphs/names.js';
import { config } from '../subgraphs/shared/config.js';
import { validateRegionCode } from '../subgraphs/shared/regions.js';
import { ImportSetupError, importSettings, importTargets } from './connection.js';
import { IMPORT_KINDS } from './kinds/index.js';
import { subgraphCaller } from './personnel-directory.js';
import { lookUpInBatches } from './references.js';

/**
 * `npm run export -- <kind> [--region CODE] [--out file.csv]`: a kind's data in the import format (same
 * header, same columns), so that exporting and importing again changes nothing. Each kind is read from its
 * owner's tables; natural keys owned elsewhere (an enrolment's NIP, a survey's unit code, a budget line's
 * agency code) are asked of their owner through `_entities`, in batches. Rows stream out with COPY TO.
 */

/** A natural key owned by another subgraph, looked up by the ids a kind's table stores. */
interface KeyLookup {
  /** Temporary table `(id int, key text)` the export query joins. */
  table: string;
  owner: SubgraphName;
  type: string;
  /** The ids to look up (one column `key`). */
  idsSql: string;
  /** The selection of the entity and the natural key taken from it. */
  selection: string;
  keyOf(entity: Record<string, unknown>): string;
}

interface KindExport {
  lookups?: readonly KeyLookup[];
  /** The export query; `$1` is the region code prefix ('' for all). */
  sql: string;
}

/** Rows of a region (and the regions inside it) when `$1` is a region code; all rows when it is ''. */
const inRegion = (column: string) => `($1 = '' or ${column} = $1 or ${column} like $1 || '.%')`;
const NUMBER = 'coalesce(e.nip, e.ni_pppk)';

const employeeNumbers = (idsSql: string): KeyLookup => ({
  table: 'employee_number',
  owner: 'personnel',
  type: 'Employee',
  idsSql,
  selection: 'id nip niPppk',
  keyOf: (e) => String(e.nip ?? e.niPppk),
});

const EXPORTS: Record<string, KindExport> = {
  agencies: {
    sql: `select a.code, a.region_code, a.name, a.kind from personnel.agency a where ${inRegion('a.region_code')} order by a.id`,
  },
  units: {
    sql: `select u.code, a.code, u.region_code, u.name, u.kind, u.population_served
            from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
           where ${inRegion('u.region_code')} order by u.id`,
  },
  employees: {
    sql: `select e.nip, e.ni_pppk, e.asn_type, e.full_name, e.birth_date, e.gender, e.appointed_on, a.code, u.code,
                 e.rank_code, e.position_title, e.position_kind, e.position_level
            from personnel.employee e join personnel.agency a on a.id = e.agency_id
            left join personnel.service_unit u on u.id = e.unit_id
           where ${inRegion('a.region_code')} order by e.id`,
  },
  'rank-history': {
    sql: `select ${NUMBER}, h.rank_code, h.tmt from personnel.rank_history h
            join personnel.employee e on e.id = h.employee_id join personnel.agency a on a.id = e.agency_id
           where ${inRegion('a.region_code')} order by h.id`,
  },
  'position-history': {
    sql: `select ${NUMBER}, a.code, u.code, h.title, h.position_kind, h.position_level, h.tmt
            from personnel.position_history h join personnel.employee e on e.id = h.employee_id
            join personnel.agency a on a.id = h.agency_id left join personnel.service_unit u on u.id = h.unit_id
           where ${inRegion('a.region_code')} order by h.id`,
  },
  mentoring: {
    sql: `select coalesce(m1.nip, m1.ni_pppk), coalesce(m2.nip, m2.ni_pppk), p.started_on, p.ended_on, p.focus
            from personnel.mentoring_pair p join personnel.employee m1 on m1.id = p.mentor_id
            join personnel.employee m2 on m2.id = p.mentee_id join personnel.agency a on a.id = m2.agency_id
           where ${inRegion('a.region_code')} order by p.id`,
  },
  courses: {
    sql: `select c.code, c.title, c.programme, c.mode, c.delivery, c.jp, u.code, c.description
            from learning.course c left join learning.university u on u.id = c.university_id
           where $1 = $1 order by c.id`,
  },
  offerings: {
    sql: `select o.code, c.code, o.region_code, o.year, o.starts_on, o.ends_on, o.capacity, o.venue, o.status
            from learning.course_offering o join learning.course c on c.id = o.course_id
           where ${inRegion('o.region_code')} order by o.id`,
  },
  enrolments: {
    lookups: [employeeNumbers('select distinct employee_id as key from learning.enrolment')],
    sql: `select k.key, o.code, n.status, n.jp_earned, n.pre_test, n.post_test, n.satisfaction
            from learning.enrolment n join learning.course_offering o on o.id = n.offering_id
            join employee_number k on k.id = n.employee_id
           where ${inRegion('n.region_code')} order by n.id`,
  },
  skp: {
    lookups: [employeeNumbers('select distinct employee_id as key from evaluation.skp_appraisal')],
    sql: `select k.key, s.year, s.hasil_kerja, s.perilaku_kerja
            from evaluation.skp_appraisal s join employee_number k on k.id = s.employee_id
           where ${inRegion('s.region_code')} order by s.id`,
  },
  'ikm-responses': {
    lookups: [
      {
        table: 'unit_code',
        owner: 'personnel',
        type: 'ServiceUnit',
        idsSql: 'select distinct unit_id as key from evaluation.ikm_survey',
        selection: 'id code',
        keyOf: (u) => String(u.code),
      },
    ],
    // Answer counts back to respondent rows: the n-th respondent of a survey gets the n-th smallest score of
    // each element. Another assignment would do as well: the survey's counts, and so its score, are the same.
    sql: `with answer as (
            select c.survey_id, c.element_no, c.score,
                   row_number() over (partition by c.survey_id, c.element_no order by c.score) as respondent
              from evaluation.ikm_answer_count c cross join generate_series(1, c.answers)
          )
          select k.key, s.year, s.conducted_on, s.population_served,
                 ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((e) => `max(a.score) filter (where a.element_no = ${e})`).join(', ')}
            from evaluation.ikm_survey s join answer a on a.survey_id = s.id join unit_code k on k.id = s.unit_id
           where ${inRegion('s.region_code')}
           group by s.id, k.key, s.year, s.conducted_on, s.population_served, a.respondent
           order by s.id, a.respondent`,
  },
  'budget-lines': {
    lookups: [
      {
        table: 'agency_code',
        owner: 'personnel',
        type: 'Agency',
        idsSql: 'select distinct agency_id as key from budgeting.budget_line',
        selection: 'id code',
        keyOf: (a) => String(a.code),
      },
    ],
    sql: `select k.key, b.year, b.sub_activity_code, b.description, b.ceiling, b.realised
            from budgeting.budget_line b join agency_code k on k.id = b.agency_id
           where ${inRegion('b.region_code')} order by b.id`,
  },
};

/** Writes a kind's rows (of a region, or all) in the import format to `out`; returns nothing until written. */
export async function exportKind(
  kindName: string,
  options: { databaseUrl: string; subgraphUrls: Record<SubgraphName, string>; regionCode?: string; out: Writable },
): Promise<void> {
  const kind = IMPORT_KINDS[kindName];
  const spec = EXPORTS[kindName];
  if (!kind || !spec) throw new ImportSetupError(`unknown kind "${kindName}"`);
  const region = options.regionCode ? validateRegionCode(options.regionCode, 'region') : '';
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    // One snapshot for the lookups and the rows (temporary tables rule out a read-only transaction).
    await client.query('begin isolation level repeatable read');
    for (const lookup of spec.lookups ?? []) {
      const caller = subgraphCaller(lookup.owner, options.subgraphUrls[lookup.owner]);
      await lookUpInBatches(
        client,
        lookup.idsSql,
        async (ids) => {
          const representations = ids.map((id) => ({ __typename: lookup.type, id: Number(id) }));
          const data = await caller.ask<{ _entities: (Record<string, unknown> | null)[] }>(
            `query ExportKeys($representations: [_Any!]!) {
              _entities(representations: $representations) { ... on ${lookup.type} { ${lookup.selection} } }
            }`,
            { representations },
          );
          return data._entities.flatMap((entity) =>
            entity ? [{ id: Number(entity.id), key: lookup.keyOf(entity) }] : [],
          );
        },
        lookup.table,
        [
          { name: 'id', type: 'int', value: (row) => row.id },
          { name: 'key', type: 'text', value: (row) => row.key },
        ],
      );
    }
    options.out.write(`${kind.columns.map((c) => c.name).join(',')}\n`);
    // COPY TO takes no parameters: the region code is checked above and quoted here.
    const query = spec.sql.replaceAll('$1', pg.escapeLiteral(region));
    await pipeline(client.query(copyTo(`copy (${query}) to stdout with (format csv)`)), options.out, { end: false });
    await client.query('rollback'); // nothing to keep: the temporary tables go with it
  } finally {
    await client.end();
  }
}

export async function main(args: readonly string[]): Promise<number> {
  const [kindName, ...rest] = args;
  let region: string | undefined;
  let outFile: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--region') region = rest[++i];
    else if (rest[i] === '--out') outFile = rest[++i];
    else {
      console.error(`unknown argument ${rest[i]}`);
      return 2;
    }
  }
  if (!kindName || !EXPORTS[kindName]) {
    console.error(
      `usage: npm run export -- <kind> [--region CODE] [--out file.csv]\nkinds: ${Object.keys(EXPORTS).join(', ')}`,
    );
    return 2;
  }
  try {
    const settings = config();
    const { databaseUrl, personnelUrl } = await importTargets(importSettings(settings));
    const out = outFile ? createWriteStream(outFile) : process.stdout;
    await exportKind(kindName, {
      databaseUrl,
      subgraphUrls: { ...settings.subgraphUrls, personnel: personnelUrl },
      regionCode: region,
      out,
    });
    if (outFile)
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    return 0;
  } catch (error) {
    console.error(error instanceof ImportSetupError ? error.message : `export failed: ${String(error)}`);
    return error instanceof ImportSetupError ? 2 : 3;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
