import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type pg from 'pg';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { DEV_JWT_KEY_FILE } from '../../subgraphs/shared/auth-config.js';
import { config } from '../../subgraphs/shared/config.js';
import { createPool } from '../../subgraphs/shared/database.js';
import { generateEd25519Pem } from '../../subgraphs/shared/key-files.js';
import { DEV_NATIONAL_ADMIN, mintDevToken } from '../dev/dev-token.js';
import { startDatabase } from '../dev/embedded-postgres.js';
import { startPlatform } from '../dev/platform.js';
import { clearDemoData, generateDemoData } from '../seed/generate.js';
import { SEED_PHASE_NAMES, SEED_PHASES, type SeedPhase } from '../seed/options.js';
import { startStack } from './gateway.js';
import { post, processTreeMemory } from './harness.js';

/**
 * `npm run bench -- --scale national`: every regency (514) x 1,000 employees, 2024-2025, seeded once into
 * `<DATA_DIR>/bench-national` and reused by later runs (delete the folder to seed again). Then the median
 * through the gateway of `trainingImpact` for 3 regencies, the 38 provinces and all 514 regencies, and of
 * the best hand-written SQL over the same stored rows (evaluation's read model and IKM surveys): per unit
 * JP per staff member and IKM change, and the regression slope per region. Printed as a table with the
 * figures of issue 11 (before the read model), the goals and the ratios; also written to
 * `<DATA_DIR>/bench-national/result.md`.
 *
 * `--compare DIST [--rounds N] [--stacks a,b]`: instead of that table, builds side by side on the same seeded
 * data, each stack (gateway and four subgraphs) in its own processes as in production: this build and the one in
 * DIST (e.g. main's dist/), each in development and in production mode (NODE_ENV=production, with keys this run
 * generates and real signed tokens: development tokens are refused there). Rounds alternate the stacks request
 * case by request case; printed with the load averages and written to `<DATA_DIR>/bench-national/compare.md`.
 * `--profile DIR`: V8 CPU profiles of every process of every stack.
 */

const SEED = { seed: 7, employeesPerRegion: 1000, years: { from: 2024, to: 2025 } } as const;
const YEAR = 2025;

/** Issue 11's figures on the same kind of machine, before the read model (median, ms). */
const BEFORE: Record<string, number> = { '3 regencies': 1083, '38 provinces': 8542, '514 regencies': 56051 };
const GOAL: Record<string, number> = { '3 regencies': 20, '514 regencies': 50 };

const IMPACT = `query ($codes: [String!]!, $year: Int!) { trainingImpact(regionCodes: $codes, year: $year) {
  regions { regionCode verdict exposure { staff jp jpPerStaff } serviceQuality { meanIkm meanChange }
            effect { perTenJp { estimate lower upper } units clusters } cost { realisedSpending costPerJp }
            kirkpatrick { l1Satisfaction { value } l3SkpChange { estimate } } } } }`;

/** The same, with each region's rank (its rank intervals draw over all compared regions). */
const RANKED = IMPACT.replace('regions { regionCode verdict', 'regions { regionCode verdict rank');

/**
 * The hand-written comparison over the same stored rows (read model, IKM scores kept on write): per-unit
 * exposure and IKM change, and the regression slope per region.
 */
const HAND_SQL = `
  with scopes as (select code from unnest($1::text[]) as s(code)),
  unit as (
    select s.code as scope, u.unit_id, coalesce(st.staff, 0) as staff, coalesce(t.jp, 0) as jp
      from scopes s
      join evaluation.rm_unit u on u.region_code = s.code or (u.region_code ~>=~ (s.code || '.') and u.region_code ~<~ (s.code || '/'))
      left join evaluation.rm_unit_staffing st on st.unit_id = u.unit_id and st.year = $2
      left join lateral (
        select sum(t.jp) as jp from evaluation.rm_unit_training t where t.year = $2 and t.unit_id = u.unit_id
      ) t on true
  ), score as (
    select f.unit_id, f.year, f.score as ikm from evaluation.ikm_survey_score f
     where f.year between $2 - 1 and $2 and f.unit_id in (select unit_id from unit)
  )
  select u.scope, count(*) as units, regr_slope((cur.ikm - prev.ikm)::float8, u.jp::float8 / u.staff / 10) as slope
    from unit u
    join score cur on cur.unit_id = u.unit_id and cur.year = $2
    join score prev on prev.unit_id = u.unit_id and prev.year = $2 - 1
   where u.staff > 0
   group by u.scope`;

const WITHIN = (column: string) => `(${column} = $1 or (${column} ~>=~ ($1 || '.') and ${column} ~<~ ($1 || '/')))`;

/** "Within region X" in each subgraph, as its services write it (shared/regions.ts): must use an index at every level. */
const REGION_FILTERS: [string, string][] = [
  ['personnel: units', `select count(*) from personnel.service_unit u where ${WITHIN('u.region_code')}`],
  ['personnel: agencies', `select count(*) from personnel.agency a where ${WITHIN('a.region_code')}`],
  [
    'learning: enrolments of a year',
    `select count(*) from learning.enrolment e where ${WITHIN('e.region_code')} and e.year = 2025`,
  ],
  [
    'learning: offerings of a year',
    `select count(*) from learning.course_offering o where ${WITHIN('o.region_code')} and o.year = 2025`,
  ],
  [
    'budgeting: budget lines of a year',
    `select count(*) from budgeting.budget_line b where ${WITHIN('b.region_code')} and b.year = 2025`,
  ],
  [
    'evaluation: IKM surveys of a year',
    `select count(*) from evaluation.ikm_survey s where ${WITHIN('s.region_code')} and s.year = 2025`,
  ],
  [
    'evaluation: SKP of a year',
    `select count(*) from evaluation.skp_appraisal a where ${WITHIN('a.region_code')} and a.year = 2025`,
  ],
  ['evaluation: read-model units', `select count(*) from evaluation.rm_unit u where ${WITHIN('u.region_code')}`],
];

/** EXPLAIN of every region filter for a province, a regency and a district: index or not, and the time. */
async function explainRegionFilters(pool: pg.Pool): Promise<string[]> {
  const lines = ['| filter | province 12 | regency 12.71 | district 12.71.01 |', '|---|---|---|---|'];
  for (const [name, sql] of REGION_FILTERS) {
    const cells: string[] = [];
    for (const code of ['12', '12.71', '12.71.01']) {
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off) ${sql}`, [code]);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      const indexed = /Index (Only )?Scan|Bitmap Index Scan/.test(plan) && !/Seq Scan/.test(plan);
      const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?';
      cells.push(`${indexed ? 'index' : 'SEQ SCAN'}, ${time} ms`);
    }
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The regions of a comparison's answer that were too large to estimate (impact-method.ts tooLargeFailure). */
function notEstimated(body: unknown): string[] {
  const regions =
    (body as { data?: { trainingImpact?: { regions?: { regionCode: string; verdictReason?: string }[] } } }).data // the IMPACT query's shape
      ?.trainingImpact?.regions ?? [];
  return regions.filter((r) => r.verdictReason?.startsWith('Not estimated')).map((r) => r.regionCode);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * The first request (cold: plans, caches, the estimates not yet kept) and the median of the next ones. A cold
 * request that fails (the gateway's SUBGRAPH_TIMEOUT_MS) is reported as such: the subgraph finishes its work
 * and keeps it, and the next requests are measured.
 */
async function timed(
  samples: number,
  send: () => Promise<unknown>,
): Promise<{ cold: number; coldError: string | null; median: number }> {
  const first = performance.now();
  let coldError: string | null = null;
  try {
    await send();
  } catch (error) {
    coldError = error instanceof Error ? error.message : String(error);
    // Wait until the subgraph has finished the work the timed-out request started (it keeps the result).
    for (let i = 0; i < 60; i++) {
      try {
        await send();
        break;
      } catch {}
    }
  }
  const cold = performance.now() - first;
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await send();
    durations.push(performance.now() - started);
  }
  return { cold, coldError, median: median(durations) };
}

/**
 * RSS and PSS (shared pages divided among the processes sharing them) of this process (the gateway and
 * the four subgraphs, as startPlatform runs them, and the benchmark) and of PostgreSQL's processes, and the
 * PSS total the 1 GB goal is about.
 */
function stackMemory(clusterDir: string): string[] {
  const postmaster = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const postgres = processTreeMemory(postmaster);
  const all = processTreeMemory(process.pid); // PostgreSQL is this process's child
  const mib = (n: number) => n.toFixed(0);
  const table = [
    '| process | RSS MiB | PSS MiB |',
    '|---|---:|---:|',
    `| node: gateway, four subgraphs, benchmark | ${mib(all.rssMiB - postgres.rssMiB)} | ${mib(all.pssMiB - postgres.pssMiB)} |`,
    `| PostgreSQL (${postgres.processes} processes) | ${mib(postgres.rssMiB)} | ${mib(postgres.pssMiB)} |`,
    `| total (goal: PSS < 1024) | ${mib(all.rssMiB)} | ${mib(all.pssMiB)} |`,
  ];
  console.log(table.join('\n'));
  return table;
}

/** NODE_ENV=production for a stack: its JWT and internal keys, generated here, and a token it accepts. */
async function productionMode(): Promise<{ env: Record<string, string>; authorization: Record<string, string> }> {
  const jwtKeys = generateEd25519Pem();
  const internalKeys = generateEd25519Pem();
  const issuer = 'urn:pembinaan:bench';
  const audience = 'pembinaan-bench';
  const token = await new SignJWT({ role: 'national-admin' })
    .setProtectedHeader({ alg: 'EdDSA', kid: jwtKeys.kid })
    .setSubject('bench-national-admin')
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(createPrivateKey(jwtKeys.privateKey));
  return {
    env: {
      NODE_ENV: 'production',
      AUTH_PUBLIC_KEY: jwtKeys.publicKey,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: audience,
      AUTH_ALGORITHMS: 'EdDSA',
      INTERNAL_SIGNING_KEY: internalKeys.privateKey,
      INTERNAL_PUBLIC_KEY: internalKeys.publicKey,
    },
    authorization: { authorization: `Bearer ${token}` },
  };
}

type Case = [name: string, query: string, codes: string[], samples: number];

/** `--compare DIST`: this build against DIST's, development and production mode, alternating (see the header). */
async function compareBuilds(folder: string, databaseUrl: string, cases: Case[], argv: string[]): Promise<void> {
  const option = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const baseline = option('compare');
  if (!baseline) throw new Error('--compare needs the dist/ folder of the build to compare with');
  const rounds = Number(option('rounds') ?? 5);
  const wanted = (option('stacks') ?? 'main-dev,this-dev,main-prod,this-prod').split(',');
  const production = await productionMode();
  const development = {
    env: {},
    authorization: {
      authorization: `Bearer ${await mintDevToken(DEV_NATIONAL_ADMIN, join(folder, DEV_JWT_KEY_FILE))}`,
    },
  };
  const specs: Record<string, { distDir?: string; mode: typeof production | typeof development }> = {
    'main-dev': { distDir: baseline, mode: development },
    'this-dev': { mode: development },
    'main-prod': { distDir: baseline, mode: production },
    'this-prod': { mode: production },
  };
  const env = { READ_MODEL_SYNC_MS: '600000' };
  const stacks: { name: string; url: string; authorization: Record<string, string>; stop(): Promise<void> }[] = [];
  const loads = [
    `start: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  ];
  try {
    for (const name of wanted) {
      const spec = specs[name];
      if (!spec) throw new Error(`--stacks: unknown stack ${name}`);
      const stack = await startStack(
        { url: databaseUrl, dataDir: folder },
        {
          gateways: { apollo: { kind: 'apollo', deduplicate: true, distDir: spec.distDir } },
          distDir: spec.distDir,
          env: { ...env, ...spec.mode.env },
          profileDir: option('profile'),
          profilePrefix: `${name}-`,
        },
      );
      const gateway = stack.gateways.apollo;
      if (!gateway) throw new Error('no gateway started');
      stacks.push({ name, url: gateway.url, authorization: spec.mode.authorization, stop: stack.stop });
      // Cold: each stack estimates every region once (the estimates are kept per process); retried past the
      // time budget and the gateway's timeout, as the subgraph keeps what it estimated.
      for (const [caseName, query, codes] of cases) {
        const started = performance.now();
        for (let attempt = 0; ; attempt++) {
          try {
            await post(gateway.url, query, { codes, year: YEAR }, spec.mode.authorization);
            break;
          } catch (error) {
            if (attempt >= 60) throw error;
          }
        }
        console.log(`${name}: ${caseName} first answered after ${(performance.now() - started).toFixed(0)} ms`);
      }
    }
    const medians = new Map<string, number[]>();
    const warmStarted = performance.now();
    for (let round = 0; round < rounds; round++) {
      for (const [caseName, query, codes, samples] of cases) {
        // Each round starts with another stack: none is always measured right after another's burst.
        for (let i = 0; i < stacks.length; i++) {
          const stack = stacks[(i + round) % stacks.length];
          if (!stack) continue;
          const send = () => post(stack.url, query, { codes, year: YEAR }, stack.authorization);
          await send();
          const durations: number[] = [];
          for (let sample = 0; sample < samples; sample++) {
            const started = performance.now();
            await send();
            durations.push(performance.now() - started);
          }
          const key = `${caseName}|${stack.name}`;
          medians.set(key, [...(medians.get(key) ?? []), median(durations)]);
        }
      }
      loads.push(
        `after round ${round + 1}: ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`,
      );
      console.log(loads.at(-1));
    }
    // A profile's last this-many seconds are the warm requests (--profile).
    console.log(`warm rounds took ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);
    const names = stacks.map((stack) => stack.name);
    const table = [
      `Warm medians (ms): median over ${rounds} rounds of each round's median; stacks alternate within each round. ` +
        `main = ${baseline}, this = this checkout's dist/; dev = NODE_ENV=development, prod = NODE_ENV=production.`,
      '',
      `| request | ${names.join(' | ')} |`,
      `|---|${names.map(() => '---:').join('|')}|`,
      ...cases.map(
        ([caseName]) =>
          `| ${caseName} | ${names.map((name) => median(medians.get(`${caseName}|${name}`) ?? []).toFixed(1)).join(' | ')} |`,
      ),
      '',
      `Per round (ms): ${[...medians].map(([key, values]) => `${key}: ${values.map((v) => v.toFixed(1)).join(', ')}`).join('; ')}`,
      '',
      `Load averages (1, 5, 15 min): ${loads.join('; ')}`,
    ].join('\n');
    console.log(`\n${table}`);
    await writeFile(join(folder, 'compare.md'), `${table}\n`);
  } finally {
    for (const stack of stacks) await stack.stop();
  }
}

/** How the benchmark's data was seeded (`seed.json` beside it): the issue's seed goal is 200,000 rows/s. */
interface SeedFigure {
  rows: number;
  seconds: number;
  phases: Partial<Record<SeedPhase, number>>;
  /** One-minute load average when the seed started and when it ended. */
  loadAverage: [number, number];
}

const SEED_GOAL_ROWS_PER_SECOND = 200_000;

/** The seed's line of the table: rows, seconds, rows/s against the goal and the phases, when it was measured. */
function seedLine(folder: string): string {
  const file = join(folder, 'seed.json');
  if (!existsSync(file))
    return 'Seed of this data: not measured (seeded before seed.json was kept; delete the folder to seed again)';
  const figure = JSON.parse(readFileSync(file, 'utf8')) as SeedFigure; // written by benchNational below
  const rate = figure.rows / figure.seconds;
  const phases = SEED_PHASES.filter((name) => figure.phases[name] !== undefined)
    .map((name) => `${SEED_PHASE_NAMES[name]} ${figure.phases[name]?.toFixed(1)} s`)
    .join(', ');
  return (
    `Seed of this data (generateDemoData, as \`npm run seed -- --scale national\`; load average ` +
    `${figure.loadAverage.map((l) => l.toFixed(1)).join(' -> ')}): ${figure.rows.toLocaleString('en')} rows in ` +
    `${figure.seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString('en')} rows/s (goal >= ` +
    `${SEED_GOAL_ROWS_PER_SECOND.toLocaleString('en')}: ${rate >= SEED_GOAL_ROWS_PER_SECOND ? 'met' : 'not met'}; ${phases})`
  );
}

export async function benchNational(argv: string[] = process.argv): Promise<void> {
  const folder = join(config().dev.dataDir, 'bench-national');
  await mkdir(folder, { recursive: true });
  const database = await startDatabase({ dataDir: join(folder, 'postgres'), log: () => {} });
  try {
    await prepareDatabase(database.url);
    const pool = createPool(database.url, 2);
    try {
      const marker = join(folder, 'seeded.json');
      const regencies = (
        await pool.query<{ code: string }>("select code from personnel.region where level = 'REGENCY' order by code")
      ).rows.map((r) => r.code);
      // `published`: data seeded before the rollups' feed stamps fired in a bulk load are seeded again.
      const wanted = JSON.stringify({ ...SEED, regions: regencies.length, published: true });
      const seeded = existsSync(marker) && (await readFile(marker, 'utf8')) === wanted;
      // The owners' data and rollups are kept apart from evaluation's: a run that stopped after them resumes there.
      const ownersMarker = join(folder, 'owners.json');
      const ownersReady = existsSync(ownersMarker) && (await readFile(ownersMarker, 'utf8')) === wanted;
      if (!seeded && !ownersReady) {
        await clearDemoData(pool);
        // A bulk load: the rollup triggers off, then the owners rebuild their rollups once, at the same time
        // (generateDemoData). Not under session_replication_role = replica: the rollups' feed stamps must fire.
        const loader = createPool(database.url, 4);
        const started = performance.now();
        const startLoad = loadavg()[0] ?? 0;
        let last = 0;
        let rows = 0;
        const phases: Partial<Record<SeedPhase, number>> = {};
        try {
          await generateDemoData(loader, {
            ...SEED,
            regions: regencies,
            bulkLoad: true,
            progress: (done) => {
              rows = done.rows;
            },
            phase: (name, seconds) => {
              phases[name] = seconds;
            },
            log: (line) => {
              if (!/^\d{2}[.\d]* /.test(line) || performance.now() - last > 10_000) {
                last = performance.now();
                console.log(`  ${line}`);
              }
            },
          });
        } finally {
          await loader.end();
        }
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `seeded ${regencies.length} regencies x ${SEED.employeesPerRegion} employees in ${seconds.toFixed(0)} s`,
        );
        const figure: SeedFigure = { rows, seconds, phases, loadAverage: [startLoad, loadavg()[0] ?? 0] };
        await writeFile(join(folder, 'seed.json'), `${JSON.stringify(figure, null, 2)}\n`);
        await pool.query('vacuum analyze');
        await writeFile(ownersMarker, wanted);
      } else console.log(`reusing the seeded data in ${folder}`);
      const provinceCodes = async () =>
        (
          await pool.query<{ code: string }>("select code from personnel.region where level = 'PROVINCE' order by code")
        ).rows.map((r) => r.code);
      if (seeded && argv.includes('--compare')) {
        await compareBuilds(
          folder,
          database.url,
          [
            ['3 regencies', IMPACT, ['12.71', '12.75', '93.01'], 20],
            ['514 regencies', IMPACT, regencies, 10],
            ['38 provinces', IMPACT, await provinceCodes(), 5],
            ['514 regencies, with rank', RANKED, regencies, 3],
          ],
          argv,
        );
        return;
      }
      const syncStarted = performance.now();
      // Instrumented: evaluation's SQL statements per warm request are reported with the table.
      const platform = await startPlatform({ databaseUrl: database.url, readModelSyncMs: 600_000, instrument: true });
      console.log(`read model caught up in ${((performance.now() - syncStarted) / 1000).toFixed(1)} s`);
      if (!seeded) {
        // Evaluation's own rollups read the read model's trained employees: rebuilt once it has caught up.
        const rebuilt = performance.now();
        await pool.query('set statement_timeout = 0; select evaluation.rebuild_rollups()');
        await pool.query('vacuum analyze');
        console.log(`  evaluation rollups rebuilt in ${((performance.now() - rebuilt) / 1000).toFixed(0)} s`);
        await writeFile(marker, wanted);
      }
      try {
        const provinces = await provinceCodes();
        // The first request of each case is cold (its regions' unit rows and estimates not yet kept, but for
        // the 3 regencies inside the 514), the median of the next ones warm (kept by input version).
        const cases: [string, string[], number][] = [
          ['3 regencies', ['12.71', '12.75', '93.01'], 20],
          ['514 regencies', regencies, 10],
          ['38 provinces', provinces, 5],
        ];
        const rows: string[] = [];
        const refused: string[] = [];
        const statements: string[] = [];
        for (const [name, codes, samples] of cases) {
          const {
            cold,
            coldError,
            median: gateway,
          } = await timed(samples, () => post(platform.gateway.url, IMPACT, { codes, year: YEAR }));
          if (name === '38 provinces') {
            // Which provinces were too large to estimate (asked after the timing: the reasons are long strings).
            const reasons =
              'query ($codes: [String!]!, $year: Int!) { trainingImpact(regionCodes: $codes, year: $year) { regions { regionCode verdictReason } } }';
            refused.push(...notEstimated(await post(platform.gateway.url, reasons, { codes, year: YEAR })));
          }
          // One more warm request, counted: what a request costs the database when nothing changed.
          platform.statements.evaluation?.reset();
          await post(platform.gateway.url, IMPACT, { codes, year: YEAR });
          statements.push(`${name}: ${platform.statements.evaluation?.count ?? '?'}`);
          const hand = (await timed(samples, () => pool.query(HAND_SQL, [codes, YEAR]))).median;
          const goal = GOAL[name];
          const met = goal === undefined ? '' : gateway <= goal && gateway <= 1.3 * hand ? ' (met)' : ' (not met)';
          rows.push(
            `| trainingImpact, ${name} | ${BEFORE[name]?.toLocaleString('en') ?? '-'} | ${coldError ? `failed (${coldError}); answered after ${cold.toFixed(0)}` : cold.toFixed(0)} | ${gateway.toFixed(1)} | ${
              goal === undefined ? '-' : `<= ${goal} and <= 1.3x SQL${met}`
            } | ${hand.toFixed(1)} | ${(gateway / hand).toFixed(2)}x |`,
          );
          console.log(rows.at(-1));
        }
        // The rank intervals draw over all compared regions: measured apart, as a request that asks for them.
        const ranked = await timed(3, () => post(platform.gateway.url, RANKED, { codes: regencies, year: YEAR }));
        const memory = stackMemory(join(folder, 'postgres'));
        const filters = await explainRegionFilters(pool);
        const table = [
          `National scale: ${regencies.length} regencies x ${SEED.employeesPerRegion} employees, year ${YEAR}, NODE_ENV=${config().env} (medians, ms)`,
          '',
          seedLine(folder),
          '',
          '| request | before (issue 11) | now, first request (cold) | now, median (warm) | goal | hand-written SQL on the stored rows | now / SQL |',
          '|---|---:|---:|---:|---|---:|---:|',
          ...rows,
          `| trainingImpact, 514 regencies, with rank (rank intervals: ${4000} draws) | - | ${ranked.coldError ? `failed (${ranked.coldError})` : ranked.cold.toFixed(0)} | ${ranked.median.toFixed(1)} | - | - | - |`,
          '',
          `Evaluation SQL statements of a warm request: ${statements.join('; ')}`,
          '',
          `38 provinces: ${refused.length} of ${provinces.length} not estimated above IMPACT_WORK_LIMIT=${config().impact.workLimit} (one coefficient per agency): ${refused.join(', ') || 'none'}`,
          '',
          'Memory of the stack after the requests (goal: under 1 GB PSS in total):',
          '',
          ...memory,
          '',
          '"Within region X" (EXPLAIN ANALYZE on this data):',
          '',
          ...filters,
        ].join('\n');
        console.log(`\n${table}`);
        await writeFile(join(folder, 'result.md'), `${table}\n`);
      } finally {
        await platform.stop();
      }
    } finally {
      await pool.end();
    }
  } finally {
    await database.stop();
  }
}
