import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { createPool, type DatabaseServer } from '../../subgraphs/shared/database.js';
import { startScratchDatabase } from '../../tools/dev/embedded-postgres.js';
import { generateDemoData, SEEDED_TABLES, type SeedOptions, type SeedTruth } from '../../tools/seed/generate.js';

/** Small enough for a fast test, large enough to see the planted effect: 2 regions x 200 staff x 3 years. */
const SMALL: SeedOptions = {
  seed: 424242,
  regions: ['12.71', '93.01'],
  employeesPerRegion: 200,
  years: { from: 2022, to: 2024 },
};

let servers: DatabaseServer[] = [];
let first: pg.Pool;
let second: pg.Pool;
let workDir: string;
let truthPath: string;
let truth: SeedTruth;
/** What the compiled generator (the second database's seed) logged. */
const compiledLines: string[] = [];

async function rows<T extends pg.QueryResultRow>(pool: pg.Pool, sql: string): Promise<T[]> {
  return (await pool.query<T>(sql)).rows;
}

async function one<T extends pg.QueryResultRow>(pool: pg.Pool, sql: string): Promise<T> {
  const [row] = await rows<T>(pool, sql);
  if (!row) throw new Error(`no row from: ${sql}`);
  return row;
}

beforeAll(async () => {
  // Two databases, seeded alike, to show the generator is deterministic: the first from the sources (rows
  // generated in this thread), the second by the compiled generator as `npm run seed` runs it (rows generated
  // in its generator thread; `npm test` builds before the integration tests).
  servers = await Promise.all([startScratchDatabase('seed_test'), startScratchDatabase('seed_test')]);
  const [urlA, urlB] = servers.map((s) => s.url) as [string, string];
  await Promise.all([prepareDatabase(urlA), prepareDatabase(urlB)]);
  workDir = await mkdtemp(join(tmpdir(), 'pembinaan-seed-test-'));
  truthPath = join(workDir, 'nested', 'truth.json');
  first = createPool(urlA, 2);
  second = createPool(urlB, 2);
  const lines: string[] = [];
  truth = await generateDemoData(first, { ...SMALL, truthPath, log: (line) => lines.push(line) });
  expect(lines.some((line) => line.startsWith('12.71 Kota Medan: 200 employees'))).toBe(true);
  const compiled = (await import(pathToFileURL(join(process.cwd(), 'dist/tools/seed/generate.js')).href)) as {
    generateDemoData: typeof generateDemoData; // the compiled tools/seed/generate.ts
  };
  await compiled.generateDemoData(second, { ...SMALL, log: (line) => compiledLines.push(line) });
}, 120_000);

afterAll(async () => {
  await first?.end();
  await second?.end();
  await Promise.all(servers.map((s) => s.stop()));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('demo data generator', () => {
  it('refuses to seed a database that already has employees, and changes nothing', async () => {
    const before = await one<{ n: string }>(first, 'select count(*) as n from learning.enrolment');
    await expect(generateDemoData(first, SMALL)).rejects.toThrow(/already has rows/);
    const after = await one<{ n: string }>(first, 'select count(*) as n from learning.enrolment');
    expect(after.n).toBe(before.n);
  });

  it('writes the true model as JSON', async () => {
    const written = JSON.parse(await readFile(truthPath, 'utf8')) as SeedTruth;
    expect(written).toEqual(truth);
    expect(written.seed).toBe(SMALL.seed);
    expect(written.years).toEqual(SMALL.years);
    expect(Object.keys(written.regions)).toEqual(['12.71', '93.01']);
    expect(written.regions['12.71']).toMatchObject({ name: 'Kota Medan', effectPer10Jp: 2, employees: 200 });
    expect(written.regions['93.01']).toMatchObject({ name: 'Kabupaten Merauke', effectPer10Jp: 0, employees: 200 });
    const units = await rows<{ region_code: string; units: number; employees: number }>(
      first,
      `select a.region_code, count(distinct u.id)::int as units, (select count(*)::int from personnel.employee e
          join personnel.agency b on b.id = e.agency_id where b.region_code = a.region_code) as employees
         from personnel.service_unit u join personnel.agency a on a.id = u.agency_id group by a.region_code`,
    );
    for (const row of units) {
      expect(written.regions[row.region_code]?.units).toBe(row.units);
      expect(written.regions[row.region_code]?.employees).toBe(row.employees);
      expect(written.regions[row.region_code]?.noiseSd).toBeGreaterThan(0);
    }
  });

  it('gives identical data for the same seed, generated in this thread or in the generator thread', async () => {
    expect(compiledLines).toContain('generating in a worker thread');
    const digest = async (pool: pg.Pool) =>
      one<Record<string, string>>(
        pool,
        `select ${SEEDED_TABLES.map((table) => `(select md5(string_agg(t::text, '|' order by t::text)) from ${table} t) as "${table}"`).join(', ')}`,
      );
    const [fromSources, fromThread] = await Promise.all([digest(first), digest(second)]);
    expect(Object.keys(fromSources)).toHaveLength(SEEDED_TABLES.length);
    expect(Object.values(fromSources).every((md5) => /^[0-9a-f]{32}$/.test(md5))).toBe(true);
    expect(fromThread).toEqual(fromSources);
  });

  it('leaves every key and foreign key of the seeded tables in place and checked', async () => {
    // The load sets them aside and each owner rebuilds its own after the load, beside the other owners'
    // rollup rebuilds: none may be missing or stay unchecked.
    const constraints = await rows<{ kind: string; validated: boolean; n: number }>(
      first,
      `select contype::text as kind, convalidated as validated, count(*)::int as n from pg_constraint
        where conrelid = any(array[${SEEDED_TABLES.map((t) => `'${t}'`).join(', ')}]::regclass[])
          and contype in ('f', 'p', 'u') group by 1, 2 order by 1, 2`,
    );
    expect(constraints.map(({ kind, validated }) => `${kind}:${validated}`)).toEqual(['f:true', 'p:true', 'u:true']);
    expect(constraints.find((c) => c.kind === 'f')?.n).toBeGreaterThan(15);
  });

  it("fails as a whole when one owner's foreign key check fails: no rows stay in any schema, every key is checked", async () => {
    const server = await startScratchDatabase('seed_test');
    const pool = createPool(server.url, 4);
    try {
      await prepareDatabase(server.url);
      // A rank the generator gives PNS staff, gone from the reference table: personnel's check of rank_history
      // and employee fails after the load, while the other owners may have finished; none of them may commit.
      await pool.query(`delete from personnel.rank where code = 'III/a'`);
      await expect(generateDemoData(pool, { ...SMALL, regions: ['12.71'] })).rejects.toThrow(/rank_code_fkey/);
      const left = await one<{ rows: number; unchecked: number }>(
        pool,
        `select (${SEEDED_TABLES.map((t) => `(select count(*)::int from ${t})`).join(' + ')}) as rows,
                (select count(*)::int from pg_constraint where not convalidated and connamespace::regnamespace::text
                   in ('personnel', 'learning', 'budgeting', 'evaluation')) as unchecked`,
      );
      expect(left).toEqual({ rows: 0, unchecked: 0 });
    } finally {
      await pool.end();
      await server.stop();
    }
  });

  it('keeps the random (default) scenario byte for byte what the generator gave before scenarios existed', async () => {
    // Digests of the generator at the commit before scenarios (48eabb2) for these options. Units and offerings
    // are digested without the natural-key codes added since (migrations 0003 and 0002: not random draws).
    const digest = await one<Record<string, string>>(
      first,
      `select (select md5(string_agg(t::text, '|' order by id)) from personnel.employee t) as employees,
              (select md5(string_agg((t.id, t.agency_id, t.region_code, t.name, t.kind, t.population_served)::text, '|'
                 order by id)) from personnel.service_unit t) as units,
              (select md5(string_agg((t.id, t.course_id, t.region_code, t.year, t.starts_on, t.ends_on, t.capacity, t.venue,
                 t.status)::text, '|' order by id)) from learning.course_offering t) as offerings,
              (select md5(string_agg(t::text, '|' order by id)) from learning.enrolment t) as enrolments,
              (select md5(string_agg(t::text, '|' order by id)) from budgeting.budget_line t) as budget,
              (select md5(string_agg(t::text, '|' order by id)) from evaluation.ikm_survey t) as surveys,
              (select md5(string_agg(t::text, '|' order by id)) from evaluation.skp_appraisal t) as skp,
              (select md5(string_agg(t::text, '|' order by survey_id, element_no, score)) from evaluation.ikm_answer_count t) as answers`,
    );
    expect(digest).toEqual({
      employees: 'd91d2771eb172ad8b6a7da7f0f48b0b6',
      units: '197e848d12d347a9eb19ed774ecf29e6',
      offerings: '86279eb472f729e8b643d33849610d84',
      enrolments: '1396fc9c8b9e7f9ead2e0eea72d7536c',
      budget: 'a03a279d195c513ac780cf52a0313cdb',
      surveys: '27b2d2b2ad240f7173adc0ce1bf103e3',
      skp: 'a8538723854bdccc644bdbdff91d2d02',
      answers: '9231e1113023923139284214ce366f76',
    });
    expect(truth.scenario).toBe('random');
  });

  it('names agencies after the region and places units in its real districts and villages', async () => {
    const agencies = await rows<{ name: string; kind: string }>(
      first,
      `select name, kind from personnel.agency where region_code = '12.71' order by id`,
    );
    expect(agencies.map((a) => a.kind).sort()).toEqual([
      'BKPSDM',
      'CIVIL_REGISTRY',
      'DISTRICT_ADMINISTRATION',
      'EDUCATION',
      'HEALTH',
      'PUBLIC_WORKS',
    ]);
    expect(agencies.map((a) => a.name)).toContain('Dinas Kesehatan Kota Medan');
    const misplaced = await one<{ n: number }>(
      first,
      `select count(*)::int as n from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
         join personnel.region r on r.code = u.region_code
        where r.level not in ('DISTRICT', 'VILLAGE') or u.region_code not like a.region_code || '.%'`,
    );
    expect(misplaced.n).toBe(0);
    const salor = await rows<{ name: string }>(
      first,
      `select name from personnel.service_unit where region_code = '93.01.11.2009'`,
    );
    expect(salor.length).toBeGreaterThan(0);
  });

  it('gives every PNS a valid NIP that matches the employee record', async () => {
    const invalid = await rows<{ id: number; nip: string }>(
      first,
      `select id, nip from personnel.employee
        where asn_type = 'PNS' and not (
              nip ~ '^[0-9]{18}$'
          and substr(nip, 1, 8) = to_char(birth_date, 'YYYYMMDD')
          and substr(nip, 9, 6) = to_char(appointed_on, 'YYYYMM')
          and substr(nip, 9, 4)::int * 12 + substr(nip, 13, 2)::int
              > (extract(year from birth_date)::int + 18) * 12 + extract(month from birth_date)::int
          and make_date(substr(nip, 9, 4)::int, substr(nip, 13, 2)::int, 1) <= current_date
          and substr(nip, 15, 1) = case gender when 'M' then '1' else '2' end
          and substr(nip, 16, 3)::int >= 1)`,
    );
    expect(invalid).toEqual([]);
    // Digits 1-8 are a real calendar date (not only one PostgreSQL accepts).
    const nips = await rows<{ nip: string; birth: string }>(
      first,
      `select nip, birth_date::text as birth from personnel.employee where asn_type = 'PNS'`,
    );
    for (const { nip, birth } of nips) {
      const date = new Date(`${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}T00:00:00Z`);
      expect(date.toISOString().slice(0, 10)).toBe(birth);
    }
    // Sequence 001 unless the first 15 digits collide, then 001..n.
    const badSequences = await rows(
      first,
      `select substr(nip, 1, 15) from personnel.employee where nip is not null
        group by 1 having min(substr(nip, 16, 3)::int) <> 1 or max(substr(nip, 16, 3)::int) <> count(*)`,
    );
    expect(badSequences).toEqual([]);
    const shares = await one<{ pns: number; pppk_ok: number; pppk: number; ages_ok: boolean }>(
      first,
      `select avg((asn_type = 'PNS')::int)::float8 as pns,
              count(*) filter (where asn_type = 'PPPK' and ni_pppk ~ '^[0-9]{18}$' and substr(ni_pppk, 1, 8) = to_char(birth_date, 'YYYYMMDD'))::int as pppk_ok,
              count(*) filter (where asn_type = 'PPPK')::int as pppk,
              bool_and(age(make_date(${SMALL.years.to}, 12, 31), birth_date) between interval '22 years' and interval '59 years') as ages_ok
         from personnel.employee`,
    );
    expect(shares.pns).toBeGreaterThan(0.7);
    expect(shares.pns).toBeLessThan(0.9);
    expect(shares.pppk_ok).toBe(shares.pppk);
    expect(shares.ages_ok).toBe(true);
  });

  it('keeps current rank and position equal to the newest history rows, one unit per employee', async () => {
    const mismatches = await one<{ rank: number; position: number; unit: number; left: number; heads: number }>(
      first,
      `with last_rank as (select distinct on (employee_id) employee_id, rank_code from personnel.rank_history order by employee_id, tmt desc),
            last_position as (select distinct on (employee_id) * from personnel.position_history order by employee_id, tmt desc)
       select (select count(*)::int from personnel.employee e left join last_rank r on r.employee_id = e.id
                where r.rank_code is distinct from e.rank_code) as rank,
              (select count(*)::int from personnel.employee e left join last_position p on p.employee_id = e.id
                where (p.title, p.position_kind, p.position_level) is distinct from (e.position_title, e.position_kind, e.position_level)) as position,
              (select count(*)::int from personnel.position_history p join personnel.employee e on e.id = p.employee_id
                where p.unit_id is distinct from e.unit_id or p.agency_id <> e.agency_id or p.tmt < e.appointed_on) as unit,
              (select count(*)::int from personnel.employee where left_on is not null) as left,
              (select count(*)::int from personnel.agency a where 1 <> (select count(*) from personnel.employee e
                where e.agency_id = a.id and e.unit_id is null and e.position_level in ('JPT_PRATAMA', 'JPT_MADYA'))) as heads`,
    );
    expect(mismatches).toEqual({ rank: 0, position: 0, unit: 0, left: 0, heads: 0 });
    const mentoring = await one<{ pairs: number; bad: number; by_heads: number }>(
      first,
      `select count(*)::int as pairs,
              count(*) filter (where o.agency_id <> j.agency_id or o.appointed_on >= j.appointed_on
                or p.started_on <= j.appointed_on or p.ended_on < p.started_on)::int as bad,
              count(*) filter (where o.unit_id is null)::int as by_heads
         from personnel.mentoring_pair p
         join personnel.employee o on o.id = p.mentor_id
         join personnel.employee j on j.id = p.mentee_id`,
    );
    expect(mentoring.pairs).toBeGreaterThan(10);
    expect(mentoring.bad).toBe(0);
    expect(mentoring.by_heads).toBeGreaterThan(0);
  });

  it('records enrolments at the unit, agency and region of the employee, with JP only when completed', async () => {
    const bad = await one<{ placement: number; jp: number; cancelled: number; total: number }>(
      first,
      `select count(*) filter (where n.unit_id is distinct from e.unit_id or n.agency_id <> e.agency_id
                or n.region_code <> coalesce(u.region_code, a.region_code))::int as placement,
              count(*) filter (where n.jp_earned <> case n.status when 'COMPLETED' then c.jp else 0 end)::int as jp,
              count(*) filter (where o.status = 'CANCELLED')::int as cancelled,
              count(*)::int as total
         from learning.enrolment n
         join personnel.employee e on e.id = n.employee_id
         join personnel.agency a on a.id = e.agency_id
         left join personnel.service_unit u on u.id = e.unit_id
         join learning.course_offering o on o.id = n.offering_id
         join learning.course c on c.id = o.course_id`,
    );
    expect(bad).toMatchObject({ placement: 0, jp: 0, cancelled: 0 });
    expect(bad.total).toBeGreaterThan(200);
    const reached = await one<{ share: number }>(
      first,
      `select avg((coalesce(jp, 0) >= 20)::int)::float8 as share
         from evaluation.skp_appraisal s
         left join (select employee_id, year, sum(jp_earned) as jp from learning.enrolment group by 1, 2) j using (employee_id, year)`,
    );
    expect(reached.share).toBeGreaterThan(0.05);
    expect(reached.share).toBeLessThan(0.6);
  });

  it('keeps realised spending within the ceiling, with the BKPSDM line equal to the offerings it paid for', async () => {
    const lines = await one<{ over: number; low: number; lines: number }>(
      first,
      `select count(*) filter (where realised > ceiling)::int as over,
              count(*) filter (where realised < 0.8 * ceiling)::int as low,
              count(*)::int as lines
         from budgeting.budget_line where description = 'Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi'`,
    );
    expect(lines.lines).toBe(2 * 6 * 3);
    expect(lines.over).toBe(0);
    expect(lines.low).toBeGreaterThan(0);
    const mismatched = await rows(
      first,
      `select b.region_code, b.year from budgeting.budget_line b join personnel.agency a on a.id = b.agency_id and a.kind = 'BKPSDM'
        where b.sub_activity_code <> '5.04.01.2.05.0009'
           or b.realised <> (select coalesce(sum(c.realised), 0) from budgeting.offering_cost c where c.region_code = b.region_code and c.year = b.year)`,
    );
    expect(mismatched).toEqual([]);
    const costs = await one<{ missing: number; cancelled_spent: number }>(
      first,
      `select count(*) filter (where c.offering_id is null)::int as missing,
              count(*) filter (where o.status = 'CANCELLED' and c.realised <> 0)::int as cancelled_spent
         from learning.course_offering o left join budgeting.offering_cost c on c.offering_id = o.id`,
    );
    expect(costs).toEqual({ missing: 0, cancelled_spent: 0 });
  });

  it('stores IKM surveys whose answer counts add up to the respondents for each of the nine elements', async () => {
    const surveys = await one<{ surveys: number; bad: number; under: number; late: number }>(
      first,
      `with per_element as (select survey_id, element_no, sum(answers) as answers from evaluation.ikm_answer_count group by 1, 2),
            per_survey as (select s.id, s.respondents, count(p.element_no) as elements,
                                  bool_and(p.answers = s.respondents) as sums_ok
                             from evaluation.ikm_survey s left join per_element p on p.survey_id = s.id group by s.id)
       select (select count(*)::int from evaluation.ikm_survey) as surveys,
              (select count(*)::int from per_survey where elements <> 9 or not sums_ok) as bad,
              (select count(*)::int from evaluation.ikm_survey s where s.respondents <
                 (select minimum_sample from evaluation.krejcie_morgan k where k.population >= s.population_served order by population limit 1)) as under,
              (select count(*)::int from evaluation.ikm_survey where extract(year from conducted_on) <> year) as late`,
    );
    const units = await one<{ n: number }>(first, 'select count(*)::int as n from personnel.service_unit');
    expect(surveys.surveys).toBe(units.n * 3);
    expect(surveys.bad).toBe(0);
    expect(surveys.late).toBe(0);
    expect(surveys.under).toBeGreaterThan(0);
    expect(surveys.under).toBeLessThan(surveys.surveys * 0.3);
  });

  it('plants a training effect on IKM that differs by region as the truth says', async () => {
    // Change in IKM between consecutive years regressed on the year's exposure (JP earned per staff member).
    const fits = await rows<{ region_code: string; effect: number; n: number }>(
      first,
      `with ikm as (select s.unit_id, s.year, 25.0 * sum(c.score * c.answers) / (9.0 * s.respondents) as ikm
                      from evaluation.ikm_survey s join evaluation.ikm_answer_count c on c.survey_id = s.id group by s.id),
            staff as (select u.id as unit_id, y.year, count(e.id) as n
                        from personnel.service_unit u cross join generate_series(${SMALL.years.from}, ${SMALL.years.to}) as y(year)
                        join personnel.employee e on e.unit_id = u.id and e.appointed_on <= make_date(y.year, 12, 31) group by 1, 2),
            jp as (select unit_id, year, sum(jp_earned) as jp from learning.enrolment where unit_id is not null group by 1, 2),
            d as (select a.unit_id, a.ikm - b.ikm as change, coalesce(jp.jp, 0)::float8 / staff.n as exposure
                    from ikm a join ikm b on b.unit_id = a.unit_id and b.year = a.year - 1
                    join staff on staff.unit_id = a.unit_id and staff.year = a.year
                    left join jp on jp.unit_id = a.unit_id and jp.year = a.year)
       select ag.region_code, (10 * regr_slope(change, exposure))::float8 as effect, count(*)::int as n
         from d join personnel.service_unit u on u.id = d.unit_id join personnel.agency ag on ag.id = u.agency_id
        group by ag.region_code order by 1`,
    );
    const medan = fits.find((f) => f.region_code === '12.71');
    const merauke = fits.find((f) => f.region_code === '93.01');
    expect(medan?.n).toBeGreaterThan(20);
    expect(medan?.effect).toBeGreaterThan(1.0);
    expect(medan?.effect).toBeLessThan(3.0);
    expect(Math.abs(merauke?.effect ?? 99)).toBeLessThan(0.8);
  });
});
