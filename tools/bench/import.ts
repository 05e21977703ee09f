import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type ImportReport, runImport } from '../../importer/engine.js';
import { enrolments } from '../../importer/kinds/enrolments.js';
import { personnelDirectory } from '../../importer/personnel-directory.js';
import type { Platform } from '../dev/platform.js';

/**
 * Import speed against its floor: an `enrolments` file of `rows` rows (every employee in held offerings,
 * one offering after the other) imported with `runImport`, and the same file loaded by a plain
 * `COPY ... (format csv)` into an unindexed table of text columns, measured in the same run (the plain
 * COPY before and after the import, averaged). Then the same import again: a no-op.
 */
export async function benchImport(databaseUrl: string, platform: Platform, rows: number): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'pembinaan-bench-import-'));
  const file = join(folder, 'enrolments.csv');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const written = await writeEnrolments(client, file, rows);
    const bytes = (await stat(file)).size;
    console.log(`\nimport: ${written.toLocaleString('en')} enrolment rows, ${(bytes / 1e6).toFixed(1)} MB`);
    const copyBefore = await plainCopy(client, file);
    const parseSeconds = await parseOnly(file);
    const personnel = personnelDirectory(platform.subgraphs.personnel.url);
    const run = async (): Promise<{ seconds: number; report: ImportReport; rssGrowth: number }> => {
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }, 50);
      const started = performance.now();
      const report = await runImport({ kind: enrolments, file, databaseUrl, personnel, importedBy: 'bench' }).finally(
        () => clearInterval(sampler),
      );
      if (report.outcome !== 'APPLIED')
        throw new Error(`bench import ${report.outcome}: ${JSON.stringify(report.errors[0])}`);
      return { seconds: (performance.now() - started) / 1000, report, rssGrowth: rssPeak - rssBefore };
    };
    const first = await run();
    const again = await run();
    const writeSeconds = await writeOnly(client, written);
    const copyAfter = await plainCopy(client, file);
    const copySeconds = (copyBefore + copyAfter) / 2;
    const rate = (seconds: number) => written / seconds;
    console.log('| case | seconds | rows/s | rows/s vs plain COPY |');
    console.log('|---|---:|---:|---:|');
    const line = (name: string, seconds: number) =>
      console.log(
        `| ${name} | ${seconds.toFixed(2)} | ${Math.round(rate(seconds)).toLocaleString('en')} | ${(copySeconds / seconds).toFixed(2)}x |`,
      );
    line('plain COPY (csv) into an unindexed table of text columns (mean of before and after)', copySeconds);
    line('csv-parse alone, no database (the ceiling of a csv-parse import)', parseSeconds);
    line(
      `npm run import -- enrolments (${first.report.inserted} inserted, ${first.report.updated} updated, ${first.report.unchanged} unchanged)`,
      first.seconds,
    );
    line(`the same file again (${again.report.unchanged} unchanged)`, again.seconds);
    line(
      "only writing the file's enrolments into a copy of learning.enrolment (its indexes and foreign key), from SQL",
      writeSeconds,
    );
    const phases = (report: ImportReport) =>
      Object.entries(report.timings)
        .map(([phase, seconds]) => `${phase} ${seconds.toFixed(2)} s`)
        .join(', ');
    console.log(`where the time goes, first import: ${phases(first.report)}`);
    console.log(`where the time goes, the same file again: ${phases(again.report)}`);
    const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
    console.log(
      `memory of this process during the imports (file ${mb(bytes)} MB): peak RSS growth ${mb(first.rssGrowth)} MB, then ${mb(again.rssGrowth)} MB`,
    );
  } finally {
    await client.end();
    await rm(folder, { recursive: true, force: true });
  }
}

/** Writes up to `rows` enrolments (distinct employee and offering pairs); returns how many it wrote. */
async function writeEnrolments(client: pg.Client, file: string, rows: number): Promise<number> {
  const { rows: people } = await client.query<{ number: string }>(
    'select coalesce(nip, ni_pppk) as number from personnel.employee order by id',
  );
  const { rows: offerings } = await client.query<{ code: string; jp: number }>(
    `select o.code, c.jp from learning.course_offering o join learning.course c on c.id = o.course_id
      where o.status = 'HELD' order by o.id`,
  );
  const out = createWriteStream(file);
  let written = 0;
  const lines = function* () {
    yield 'nip,offering_code,status,jp_earned,pre_test,post_test,satisfaction\n';
    for (const offering of offerings) {
      let chunk = '';
      for (const person of people) {
        if (written >= rows) break;
        written++;
        chunk += `${person.number},${offering.code},COMPLETED,${offering.jp},55.5,71,4.25\n`;
      }
      if (chunk) yield chunk;
      if (written >= rows) return;
    }
  };
  await pipeline(lines(), out);
  return written;
}

/** Seconds csv-parse takes to read the file into records, with the importer's options. */
async function parseOnly(file: string): Promise<number> {
  const started = performance.now();
  await pipeline(
    createReadStream(file),
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }),
    new Writable({ objectMode: true, write: (_record, _encoding, done) => done() }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * Seconds to insert as many enrolments as the file has (read back from learning.enrolment) into an empty copy of the table
 * with its indexes, checks and foreign key: what the first import's merge cannot go below.
 */
async function writeOnly(client: pg.Client, rows: number): Promise<number> {
  await client.query('create table bench_enrolment (like learning.enrolment including all)');
  try {
    await client.query(
      'alter table bench_enrolment add foreign key (offering_id) references learning.course_offering (id)',
    );
    const started = performance.now();
    await client.query(
      `insert into bench_enrolment (offering_id, employee_id, year, agency_id, unit_id, region_code,
        status, jp_earned, pre_test, post_test, satisfaction)
      select offering_id, employee_id, year, agency_id, unit_id, region_code, status, jp_earned, pre_test, post_test,
             satisfaction
        from learning.enrolment limit $1`,
      [rows],
    );
    return (performance.now() - started) / 1000;
  } finally {
    await client.query('drop table bench_enrolment');
  }
}

/** Seconds to COPY the file as it is into a fresh unindexed table. */
async function plainCopy(client: pg.Client, file: string): Promise<number> {
  await client.query(`create table bench_plain_copy (nip text, offering_code text, status text, jp_earned text,
    pre_test text, post_test text, satisfaction text)`);
  try {
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(copyFrom('copy bench_plain_copy from stdin (format csv, header true)')),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await client.query('drop table bench_plain_copy');
  }
}
