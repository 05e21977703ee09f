import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { config } from '../../subgraphs/shared/config.js';
import { createPool } from '../../subgraphs/shared/database.js';
import { parseCommandLine } from '../command-line.js';
import { startDatabase } from '../dev/embedded-postgres.js';
import {
  clearDemoData,
  DEMO_DEFAULTS,
  generateDemoData,
  SCENARIOS,
  SEEDED_TABLES,
  type SeedOptions,
  type SeedTruth,
} from './generate.js';
import { SEED_PHASE_NAMES, SEED_PHASES, type SeedPhase } from './options.js';
import { isScenario } from './scenario.js';

/** The data folder of `npm start` (DATA_DIR, default .data at the repository root). */
const DATA_DIR = config().dev.dataDir;
/** Regencies and cities (kabupaten and kota) in the official Kemendagri codes. */
const NATIONAL_REGENCIES = 514;
const NATIONAL_YEARS = { from: 2024, to: 2025 };

const USAGE = `Fills the database with deterministic demo data (personnel, learning, budgeting, evaluation).

usage: node dist/tools/seed/cli.js [options]
  --seed N             PRNG seed (default ${DEMO_DEFAULTS.seed})
  --regions A,B        regency/city or province codes (default ${DEMO_DEFAULTS.regions.join(',')})
  --scale national     every regency and city of Indonesia (${NATIONAL_REGENCIES}), instead of --regions; years
                       default to ${NATIONAL_YEARS.from}-${NATIONAL_YEARS.to}. With the default 1,000 employees each that is about
                       one twelfth of the national ASN headcount; --employees 11700 reaches 6 million
  --employees N        employees per region (default ${DEMO_DEFAULTS.employeesPerRegion})
  --years FROM-TO      seeded years (default ${DEMO_DEFAULTS.years.from}-${DEMO_DEFAULTS.years.to})
  --scenario NAME      what the data plant: ${SCENARIOS.join(', ')} (default random, see tools/seed/scenario.ts)
  --truth PATH         where to write the true model as JSON (default .data/truth.json)
  --reset              empty the seeded tables first (regions and reference tables stay)
  -h, --help           this text

Uses DATABASE_URL when set, else the embedded PostgreSQL in .data/postgres on port 5433.`;

function parseOptions(argv: string[]): { options: SeedOptions; reset: boolean; national: boolean } | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      regions: { type: 'string' },
      scale: { type: 'string' },
      employees: { type: 'string' },
      years: { type: 'string' },
      scenario: { type: 'string' },
      truth: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const integer = (text: string, flag: string): number => {
    if (!/^\d+$/.test(text)) throw new Error(`${flag} needs a whole number, got "${text}"`);
    return Number(text);
  };
  if (values.scale !== undefined && values.scale !== 'national')
    throw new Error(`--scale takes "national", got "${values.scale}"`);
  const national = values.scale === 'national';
  if (national && values.regions !== undefined) throw new Error('--scale national and --regions exclude each other');
  let years = national ? NATIONAL_YEARS : DEMO_DEFAULTS.years;
  if (values.years !== undefined) {
    const match = /^(\d{4})(?:-(\d{4}))?$/.exec(values.years);
    if (!match?.[1]) throw new Error(`--years needs FROM-TO like 2021-2025, got "${values.years}"`);
    years = { from: Number(match[1]), to: Number(match[2] ?? match[1]) };
  }
  const scenario = values.scenario ?? 'random';
  if (!isScenario(scenario)) throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}, got "${scenario}"`);
  return {
    reset: values.reset,
    national,
    options: {
      seed: values.seed !== undefined ? integer(values.seed, '--seed') : DEMO_DEFAULTS.seed,
      regions:
        values.regions !== undefined
          ? values.regions
              .split(',')
              .map((r) => r.trim())
              .filter((r) => r !== '')
          : [...DEMO_DEFAULTS.regions],
      employeesPerRegion:
        values.employees !== undefined ? integer(values.employees, '--employees') : DEMO_DEFAULTS.employeesPerRegion,
      years,
      scenario,
      truthPath: values.truth ?? join(DATA_DIR, 'truth.json'),
      log: (line) => console.log(line),
    },
  };
}

/**
 * A progress bar on stderr: regions done, rows and rows per second. On a terminal it redraws one
 * line; otherwise (a log file) it prints a line at every tenth of the regions.
 */
function progressBar(started: number) {
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  let drawn = false;
  return {
    update: ({ regions, of, rows }: { regions: number; of: number; rows: number }) => {
      const share = regions / of;
      const seconds = (performance.now() - started) / 1000;
      const width = 30;
      const filled = Math.round(share * width);
      const text =
        `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${regions}/${of} regions, ` +
        `${rows.toLocaleString('en-US')} rows, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, ` +
        `${seconds.toFixed(0)} s` +
        (share < 1 ? `, about ${Math.round((seconds / share) * (1 - share))} s to go` : '');
      if (tty) {
        process.stderr.write(`\r${text}\x1b[K`);
        drawn = true;
      } else if (Math.floor(share * 10) > lastTenth) {
        lastTenth = Math.floor(share * 10);
        process.stderr.write(`${text}\n`);
      }
    },
    line: (text: string) => {
      if (drawn) process.stderr.write('\n');
      drawn = false;
      console.log(text);
    },
    done: () => {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}

/** Rows per seeded table and the true effect per region (when few); the total rows. */
async function printSummary(pool: pg.Pool, truth: SeedTruth, perRegion: boolean): Promise<number> {
  const counts = await pool.query<{ table: string; rows: string }>(
    SEEDED_TABLES.map((t) => `select '${t}' as table, count(*) as rows from ${t}`).join(' union all '),
  );
  console.log('\nrows per table:');
  let total = 0;
  for (const table of SEEDED_TABLES) {
    const rows = Number(counts.rows.find((r) => r.table === table)?.rows ?? 0);
    total += rows;
    console.log(`  ${table.padEnd(32)} ${rows.toLocaleString('en-US').padStart(12)}`);
  }
  console.log(`  ${'total'.padEnd(32)} ${total.toLocaleString('en-US').padStart(12)}`);
  console.log(`\nscenario ${truth.scenarioDescription}`);
  if (!perRegion) {
    console.log(`true effects of ${Object.keys(truth.regions).length} regions: see the truth file`);
    return total;
  }
  console.log('\ntrue effect of 10 JP per staff member on IKM, by region:');
  for (const [code, r] of Object.entries(truth.regions)) {
    console.log(
      `  ${code} ${r.name.padEnd(28)} effect ${r.effectPer10Jp.toFixed(2)}, trend ${r.trendPerYear.toFixed(2)}/year, ${r.units} units`,
    );
  }
  return total;
}

async function main(): Promise<number> {
  const commandLine = parseCommandLine(parseOptions, USAGE);
  if (!('args' in commandLine)) return commandLine.exitCode;
  const parsed = commandLine.args;
  const { reset, national } = parsed;
  let options = parsed.options;
  const started = performance.now();
  const elapsed = (): string => ((performance.now() - started) / 1000).toFixed(2);
  const db = await startDatabase({
    dataDir: join(DATA_DIR, 'postgres'),
    port: config().dev.embeddedPgPort ?? 5433,
    log: (line) => console.error(line),
  });
  const stopOnSignal = (): void => {
    void db.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  // One connection per owner: the rollup rebuilds of a large seed run at the same time.
  const pool = createPool(db.url, 4);
  try {
    console.log(
      `database ${db.embedded ? 'embedded (in the data folder)' : 'from DATABASE_URL'} ready after ${elapsed()} s`,
    );
    await prepareDatabase(db.url);
    console.log(`migrations and regions ready after ${elapsed()} s`);
    if (reset) {
      await clearDemoData(pool);
      console.log('seeded tables emptied');
    }
    if (national) {
      const { rows } = await pool.query<{ code: string }>(
        "select code from personnel.region where level = 'REGENCY' order by code",
      );
      options = { ...options, regions: rows.map((row) => row.code) };
    }
    const many = options.regions.length > 12;
    console.log(
      `seeding ${many ? `${options.regions.length} regencies and cities` : options.regions.join(', ')}: ` +
        `${options.employeesPerRegion} employees each, ` +
        `${options.years.from}-${options.years.to}, seed ${options.seed}, scenario ${options.scenario ?? 'random'}`,
    );
    const seedStarted = performance.now();
    const bar = progressBar(seedStarted);
    const phases: Partial<Record<SeedPhase, number>> = {};
    const truth = await generateDemoData(pool, {
      ...options,
      // Many regions: a progress bar instead of a line each, then a line per phase.
      log: many ? (line) => (/^\d{2}[.\d]* /.test(line) ? undefined : bar.line(line)) : options.log,
      progress: bar.update,
      phase: (name, seconds) => {
        phases[name] = seconds;
        if (name === 'load' && many)
          bar.line('keys, indexes, foreign key checks, statistics and rollups (the owners side by side) ...');
      },
    });
    bar.done();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const rows = await printSummary(pool, truth, !many);
    const split = SEED_PHASES.filter((name) => phases[name] !== undefined)
      .map((name) => `${SEED_PHASE_NAMES[name]} ${phases[name]?.toFixed(1)} s`)
      .join(', ');
    console.log(`\ntruth written to ${options.truthPath}; total ${elapsed()} s`);
    console.log(
      `seeded ${rows.toLocaleString('en-US')} rows in ${seedSeconds.toFixed(1)} s: ` +
        `${Math.round(rows / seedSeconds).toLocaleString('en-US')} rows/s (${split})`,
    );
    return 0;
  } catch (error) {
    console.error(`seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await pool.end();
    await db.stop();
  }
}

process.exitCode = await main();
