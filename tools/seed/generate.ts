import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type pg from 'pg';
import { COMPETENCIES, COURSES, TRAINING_SUB_ACTIVITY, UNIVERSITIES, URUSAN_PREFIX, type AgencyKind, type CourseDef, type Delivery } from './catalog.js';
import { cultureMix, personalName } from './names.js';
import { hashSeed, Rng } from './random.js';
import {
  PNS_START_ORDINAL,
  PPPK_ORDINAL,
  ROLES,
  UNIT_KINDS,
  positionTitle,
  rankCap,
  rankCode,
  type Education,
  type RoleDef,
  type RoleKey,
  type UnitKind,
} from './roles.js';
import { TableBuffer } from './writer.js';

/**
 * Deterministic demo data for all four schemas: agencies, service units and staff of the requested
 * regions, training with its costs, SKP appraisals and IKM surveys whose scores depend on the training a
 * unit received, with a true effect that differs by region (written out as the "truth" to test analytics
 * against). One PRNG stream per region (sfc32 seeded from the seed and the region code); no clock reads.
 */

export interface SeedOptions {
  seed: number;
  /** Regency/city codes ('12.71') or province codes ('12'). */
  regions: string[];
  employeesPerRegion: number;
  years: { from: number; to: number };
  truthPath?: string;
  log?: (line: string) => void;
}

export interface SeedTruth {
  seed: number;
  years: { from: number; to: number };
  regions: Record<
    string,
    { name: string; effectPer10Jp: number; trendPerYear: number; noiseSd: number; units: number; employees: number }
  >;
}

export const DEMO_DEFAULTS: { seed: number; regions: string[]; employeesPerRegion: number; years: { from: number; to: number } } = {
  seed: 20261122,
  regions: ['12.71', '12.75', '93.01'],
  employeesPerRegion: 1000,
  years: { from: 2021, to: 2025 },
};

/**
 * The true model of each demo region: IKM effect per 10 JP per staff member, yearly trend, and the mean
 * latent quality in the middle of the seeded years (the first year's base is set back from it by half the
 * expected drift, so that quality stays well inside 25-100 however many years are seeded).
 */
const KNOWN_REGIONS: Record<string, { effectPer10Jp: number; trendPerYear: number; midLevel: number }> = {
  '12.71': { effectPer10Jp: 2.0, trendPerYear: 0.5, midLevel: 72.5 },
  '12.75': { effectPer10Jp: 0.8, trendPerYear: 0.3, midLevel: 75 },
  '93.01': { effectPer10Jp: 0.0, trendPerYear: -0.2, midLevel: 75.5 },
};
/** Mean yearly exposure (JP per staff member) the demand model produces; used only to centre the base. */
const EXPECTED_EXPOSURE = 9;
const NOISE_SD = 1.0;
const START_SD = 4;
/** Fixed per-element offsets (sum zero) of the mean IKM score, so the nine elements differ. */
const ELEMENT_OFFSETS = [0.08, -0.05, -0.1, 0.15, 0, 0.05, 0.07, -0.12, -0.08];
/** Villages that must host a unit (the seeds' Salor: Salor Indah, district Kurik, Merauke). */
const REQUIRED_VILLAGES: Record<string, readonly string[]> = { '93.01': ['93.01.11.2009'] };
const MENTORING_FOCUS: Record<AgencyKind | 'ALL', readonly string[]> = {
  ALL: [
    'Orientasi tugas dan budaya kerja BerAKHLAK',
    'Penyusunan SKP dan rencana hasil kerja',
    'Etika dan integritas ASN',
    'Penanganan pengaduan masyarakat',
    'Pengelolaan keuangan dan pelaporan kegiatan',
    'Persiapan uji kompetensi jabatan fungsional',
  ],
  EDUCATION: ['Pembelajaran berdiferensiasi di kelas', 'Asesmen diagnostik dan modul ajar', 'Pengelolaan kelas dan disiplin positif'],
  HEALTH: ['Pelayanan kesehatan ibu dan anak di Puskesmas', 'Surveilans penyakit dan pelaporan', 'Kunjungan rumah dan pencegahan stunting'],
  CIVIL_REGISTRY: ['Pelayanan KTP-el dan Identitas Kependudukan Digital', 'Pencatatan sipil dan akta kelahiran', 'Pemutakhiran data SIAK'],
  BKPSDM: ['Analisis kebutuhan pelatihan', 'Pengelolaan data kepegawaian', 'Penyelenggaraan pelatihan dan evaluasi Kirkpatrick'],
  PUBLIC_WORKS: ['Pengawasan mutu pekerjaan jalan', 'Penyusunan rencana pemeliharaan jalan dan jembatan', 'Pengelolaan aset infrastruktur'],
  DISTRICT_ADMINISTRATION: ['Pelayanan administrasi terpadu kecamatan', 'Pembinaan pemerintahan desa dan kelurahan', 'Koordinasi ketenteraman dan ketertiban umum'],
};
const AGENCIES: readonly { kind: AgencyKind; name: string; head: string; previous: string }[] = [
  { kind: 'EDUCATION', name: 'Dinas Pendidikan', head: 'Kepala Dinas Pendidikan', previous: 'Sekretaris' },
  { kind: 'HEALTH', name: 'Dinas Kesehatan', head: 'Kepala Dinas Kesehatan', previous: 'Kepala Bidang Pelayanan Kesehatan' },
  { kind: 'CIVIL_REGISTRY', name: 'Dinas Kependudukan dan Pencatatan Sipil', head: 'Kepala Dinas Kependudukan dan Pencatatan Sipil', previous: 'Kepala Bidang Pelayanan Pendaftaran Penduduk' },
  { kind: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', head: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', previous: 'Kepala Bidang Pengembangan Kompetensi' },
  { kind: 'PUBLIC_WORKS', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', head: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang', previous: 'Kepala Bidang Bina Marga' },
  { kind: 'DISTRICT_ADMINISTRATION', name: 'Sekretariat Daerah', head: 'Sekretaris Daerah', previous: 'Kepala Bagian Organisasi' },
];
/** Rupiah per participant and JP, by delivery (2021 prices; +3% a year). */
const COST_PER_PARTICIPANT_JP: Record<Delivery, number> = {
  CLASSROOM: 150_000,
  BLENDED: 130_000,
  E_LEARNING: 20_000,
  DISTANCE_LEARNING: 35_000,
  COACHING: 60_000,
  MENTORING: 40_000,
  BENCHMARKING: 250_000,
  MAGANG: 90_000,
  SELF_LEARNING: 15_000,
  DETASERING: 100_000,
};

// ---------------------------------------------------------------------------------------------------
// Dates as whole days since 1970-01-01 (UTC) and months as year * 12 + (month - 1).

const MS_PER_DAY = 86_400_000;
const dayOf = (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
const isoDate = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const monthOf = (day: number): number => {
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};
const monthStart = (month: number): number => dayOf(Math.floor(month / 12), (month % 12) + 1, 1);
const yearOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();
const round2 = (v: number): number => Math.round(v * 100) / 100;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

// ---------------------------------------------------------------------------------------------------

interface RegionRow {
  code: string;
  name: string;
  level: 'PROVINCE' | 'REGENCY';
  districts: { code: string; name: string; villages: { code: string; name: string }[] }[];
}

interface Agency {
  id: number;
  kind: AgencyKind;
  name: string;
  head: number;
}

interface Unit {
  id: number;
  index: number;
  kind: UnitKind;
  agency: Agency;
  name: string;
  regionCode: string;
  districtName: string;
  population: number;
  /** Number of staff members (decided with the units, filled in afterwards). */
  size: number;
  /** Indexes into the region's employee list. */
  staff: number[];
  intensity: number;
  quality: number;
}

interface Employee {
  id: number;
  asn: 'PNS' | 'PPPK';
  agency: Agency;
  unit: Unit | null;
  /** Region recorded on enrolments and appraisals: the unit's village/district, else the agency's region. */
  regionCode: string;
  appointed: number;
  role: RoleDef;
  rankOrdinal: number;
  /** Managerial level held, and the year it started. */
  leadership: 'PENGAWAS' | 'ADMINISTRATOR' | 'JPT' | null;
  leaderSince: number;
  leadershipTrained: boolean;
  /** Latent work performance (SKP). */
  ability: number;
  coursePool: CoursePool;
}

interface CoursePool {
  courses: number[];
  weights: number[];
}

interface PositionRow {
  title: string;
  kind: 'MANAJERIAL' | 'NONMANAJERIAL';
  level: string;
  tmt: number;
}

/** Everything shared by the regions of one run. */
interface Run {
  client: pg.PoolClient;
  options: SeedOptions;
  log: (line: string) => void;
  from: number;
  to: number;
  /** 31 December of the last seeded year: ages and histories are as of this day. */
  ref: number;
  /** Latest appointment month (June of the last seeded year): never in the future of the data. */
  lastAppointmentMonth: number;
  krejcieMorgan: { population: number; minimum: number }[];
  ids: Record<string, number>;
  tables: Tables;
  nipSequence: SequenceCounter;
  pppkSequence: SequenceCounter;
  courseIds: number[];
  poolCache: Map<string, CoursePool>;
  clampedQuality: number;
  /** The insert query still running, if any. */
  inflight: Promise<void>;
}

type Tables = ReturnType<typeof createTables>;

/** Every table the generator fills (schema-qualified), parents before children. */
export const SEEDED_TABLES: readonly string[] = Object.values(createTables()).map((t) => t.table);

/** Empties every table the generator fills (regions and reference tables stay), so a new seed can run. */
export async function clearDemoData(pool: pg.Pool): Promise<void> {
  await pool.query(`truncate ${SEEDED_TABLES.join(', ')} restart identity`);
}

function createTables() {
  const t = (table: string, columns: readonly (readonly [string, string])[], hasIdentity = true) =>
    new TableBuffer(table, columns.map(([name]) => name), columns.map(([, type]) => type), hasIdentity);
  // Insertion order = flush order: parents before children (foreign keys are checked per statement).
  return {
    agency: t('personnel.agency', [['id', 'int'], ['region_code', 'text'], ['name', 'text'], ['kind', 'text']]),
    unit: t('personnel.service_unit', [['id', 'int'], ['agency_id', 'int'], ['region_code', 'text'], ['name', 'text'], ['kind', 'text'], ['population_served', 'int']]),
    employee: t('personnel.employee', [
      ['id', 'int'], ['asn_type', 'text'], ['nip', 'text'], ['ni_pppk', 'text'], ['full_name', 'text'], ['birth_date', 'date'], ['gender', 'text'],
      ['appointed_on', 'date'], ['agency_id', 'int'], ['unit_id', 'int'], ['rank_code', 'text'], ['position_title', 'text'], ['position_kind', 'text'], ['position_level', 'text'],
    ]),
    rankHistory: t('personnel.rank_history', [['id', 'int'], ['employee_id', 'int'], ['rank_code', 'text'], ['tmt', 'date']]),
    positionHistory: t('personnel.position_history', [
      ['id', 'int'], ['employee_id', 'int'], ['agency_id', 'int'], ['unit_id', 'int'], ['title', 'text'], ['position_kind', 'text'], ['position_level', 'text'], ['tmt', 'date'],
    ]),
    mentoring: t('personnel.mentoring_pair', [['id', 'int'], ['mentor_id', 'int'], ['mentee_id', 'int'], ['started_on', 'date'], ['ended_on', 'date'], ['focus', 'text']]),
    competency: t('learning.competency', [['id', 'int'], ['code', 'text'], ['name', 'text'], ['kind', 'text'], ['description', 'text']]),
    university: t('learning.university', [['id', 'int'], ['name', 'text'], ['short_name', 'text'], ['region_code', 'text']]),
    course: t('learning.course', [
      ['id', 'int'], ['code', 'text'], ['title', 'text'], ['programme', 'text'], ['mode', 'text'], ['delivery', 'text'], ['jp', 'smallint'], ['university_id', 'int'], ['description', 'text'],
    ]),
    module: t('learning.course_module', [['id', 'int'], ['course_id', 'int'], ['seq', 'smallint'], ['title', 'text'], ['jp', 'smallint']]),
    outcome: t('learning.learning_outcome', [['id', 'int'], ['course_id', 'int'], ['module_id', 'int'], ['statement', 'text'], ['competency_id', 'int'], ['target_level', 'smallint']]),
    offering: t('learning.course_offering', [
      ['id', 'int'], ['course_id', 'int'], ['region_code', 'text'], ['year', 'smallint'], ['starts_on', 'date'], ['ends_on', 'date'], ['capacity', 'int'], ['venue', 'text'], ['status', 'text'],
    ]),
    enrolment: t('learning.enrolment', [
      ['id', 'int'], ['offering_id', 'int'], ['employee_id', 'int'], ['year', 'smallint'], ['agency_id', 'int'], ['unit_id', 'int'], ['region_code', 'text'], ['status', 'text'],
      ['jp_earned', 'smallint'], ['pre_test', 'numeric'], ['post_test', 'numeric'], ['satisfaction', 'numeric'],
    ]),
    budgetLine: t('budgeting.budget_line', [
      ['id', 'int'], ['agency_id', 'int'], ['region_code', 'text'], ['year', 'smallint'], ['sub_activity_code', 'text'], ['description', 'text'], ['ceiling', 'bigint'], ['realised', 'bigint'],
    ]),
    offeringCost: t('budgeting.offering_cost', [['offering_id', 'int'], ['agency_id', 'int'], ['region_code', 'text'], ['year', 'smallint'], ['planned', 'bigint'], ['realised', 'bigint']], false),
    skp: t('evaluation.skp_appraisal', [['id', 'int'], ['employee_id', 'int'], ['year', 'smallint'], ['unit_id', 'int'], ['region_code', 'text'], ['hasil_kerja', 'text'], ['perilaku_kerja', 'text']]),
    survey: t('evaluation.ikm_survey', [['id', 'int'], ['unit_id', 'int'], ['region_code', 'text'], ['year', 'smallint'], ['conducted_on', 'date'], ['population_served', 'int'], ['respondents', 'int']]),
    answer: t('evaluation.ikm_answer_count', [['survey_id', 'int'], ['element_no', 'smallint'], ['score', 'smallint'], ['answers', 'int']], false),
  };
}

/**
 * Sequence numbers (digits 16-18) of 18-digit identifiers, per value of their first 15 digits. A dense
 * typed array indexed by (birth day, month or year, code, gender): bounded memory even for millions.
 */
class SequenceCounter {
  private readonly counts: Uint16Array;
  constructor(
    private readonly firstDay: number,
    private readonly days: number,
    private readonly firstPeriod: number,
    private readonly periods: number,
    private readonly codes: number,
  ) {
    this.counts = new Uint16Array(days * periods * codes * 2);
  }
  next(birth: number, period: number, code: number, gender: 'M' | 'F'): number {
    const d = birth - this.firstDay;
    const p = period - this.firstPeriod;
    if (d < 0 || d >= this.days || p < 0 || p >= this.periods || code < 0 || code >= this.codes) {
      throw new Error(`identifier outside the generator's range (birth day ${birth}, period ${period})`);
    }
    const index = ((d * this.periods + p) * this.codes + code) * 2 + (gender === 'M' ? 0 : 1);
    const value = (this.counts[index] ?? 0) + 1;
    if (value > 999) throw new Error('more than 999 identifiers share their first 15 digits');
    this.counts[index] = value;
    return value;
  }
}

// ---------------------------------------------------------------------------------------------------

/** Fills all four schemas for the given regions in one transaction and returns (and writes) the truth. */
export async function generateDemoData(pool: pg.Pool, options: SeedOptions): Promise<SeedTruth> {
  validate(options);
  const log = options.log ?? (() => {});
  const started = performance.now();
  const client = await pool.connect();
  const truth: SeedTruth = { seed: options.seed, years: { ...options.years }, regions: {} };
  try {
    await client.query('begin');
    await client.query('set local standard_conforming_strings = on');
    await client.query('lock table personnel.employee in share row exclusive mode');
    const present = await client.query<{ present: boolean }>('select exists (select 1 from personnel.employee) as present');
    if (present.rows[0]?.present) {
      throw new Error('personnel.employee already has rows: the demo generator only seeds an empty database');
    }
    const tables = createTables();
    for (const table of Object.values(tables)) {
      const rows = await client.query<{ present: boolean }>(`select exists (select 1 from ${table.table}) as present`);
      if (rows.rows[0]?.present) throw new Error(`${table.table} already has rows: the demo generator only seeds an empty database`);
    }
    const km = await client.query<{ population: number; minimum_sample: number }>(
      'select population, minimum_sample from evaluation.krejcie_morgan order by population',
    );
    const regions = await loadRegions(client, options.regions);
    const { from, to } = options.years;
    const run: Run = {
      client,
      options,
      log,
      from,
      to,
      ref: dayOf(to, 12, 31),
      lastAppointmentMonth: to * 12 + 5,
      krejcieMorgan: km.rows.map((r) => ({ population: r.population, minimum: r.minimum_sample })),
      ids: {},
      tables,
      // Birth dates of staff aged 20-62 at the end of the last year; TMT CPNS months over 45 years.
      nipSequence: new SequenceCounter(dayOf(to - 62, 1, 1), 43 * 366, (to - 45) * 12, 46 * 12, 1),
      // NI PPPK: contract years over the last 50 years, three formation codes.
      pppkSequence: new SequenceCounter(dayOf(to - 62, 1, 1), 43 * 366, to - 50, 51, 3),
      courseIds: [],
      poolCache: new Map(),
      clampedQuality: 0,
      inflight: Promise.resolve(),
    };
    writeCatalog(run);
    await flushAll(run);
    for (const region of regions) {
      const regionStarted = performance.now();
      const before = totalWritten(run.tables);
      const params = await generateRegion(run, region);
      truth.regions[region.code] = params;
      log(
        `${region.code} ${region.name}: ${params.employees} employees, ${params.units} units, ` +
          `${totalWritten(run.tables) - before} rows, ${seconds(regionStarted)} s`,
      );
    }
    await run.inflight;
    for (const table of Object.values(tables)) {
      if (!table.hasIdentity) continue;
      await client.query(`select setval(pg_get_serial_sequence($1, 'id'), (select max(id) from ${table.table}))`, [table.table]);
    }
    await client.query('commit');
    // Fresh planner statistics: without them PostgreSQL plans the first analytics queries for empty tables.
    await client.query(`analyze ${Object.values(tables).map((table) => table.table).join(', ')}`);
    if (run.clampedQuality > 0) log(`warning: latent IKM quality left [30, 99] and was clamped ${run.clampedQuality} times`);
    log(`generated ${totalWritten(run.tables)} rows in ${seconds(started)} s`);
  } catch (error) {
    await client.query('rollback').catch(() => {}); // the original error matters more
    throw error;
  } finally {
    client.release();
  }
  if (options.truthPath) {
    await mkdir(dirname(options.truthPath), { recursive: true });
    await writeFile(options.truthPath, `${JSON.stringify(truth, null, 2)}\n`);
  }
  return truth;
}

function validate(options: SeedOptions): void {
  const { seed, regions, employeesPerRegion, years } = options;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (regions.length === 0) throw new Error('no regions to seed');
  if (new Set(regions).size !== regions.length) throw new Error('a region is listed twice');
  if (!Number.isInteger(employeesPerRegion) || employeesPerRegion < 30) {
    throw new Error(`employeesPerRegion must be an integer of at least 30, got ${employeesPerRegion}`);
  }
  if (!Number.isInteger(years.from) || !Number.isInteger(years.to) || years.from > years.to || years.from < 2000 || years.to > 2100) {
    throw new Error(`years must be a range like 2021-2025, got ${years.from}-${years.to}`);
  }
}

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(2);
const totalWritten = (tables: Tables): number => Object.values(tables).reduce((n, t) => n + t.written + t.pending, 0);
const nextId = (run: Run, table: string): number => (run.ids[table] = (run.ids[table] ?? 0) + 1);

/**
 * Sends every buffered row as one multi-statement query (parents first) without waiting for it: the
 * database inserts while the generator computes the next batch. At most one such query is in flight.
 */
async function flushAll(run: Run): Promise<void> {
  await run.inflight;
  const statements = Object.values(run.tables).flatMap((table) => table.drainSql());
  if (statements.length === 0) return;
  const sent = run.client.query(statements.join(';\n')).then(() => undefined);
  sent.catch(() => {}); // awaited by the next flush or at the end; never an unhandled rejection
  run.inflight = sent;
}

async function loadRegions(client: pg.PoolClient, codes: readonly string[]): Promise<RegionRow[]> {
  const found = await client.query<{ code: string; name: string; level: string }>(
    'select code, name, level from personnel.region where code = any($1::text[])',
    [codes],
  );
  const regions: RegionRow[] = [];
  for (const code of codes) {
    const row = found.rows.find((r) => r.code === code);
    if (!row) throw new Error(`region ${code} is not in personnel.region (was prepareDatabase run?)`);
    if (row.level !== 'PROVINCE' && row.level !== 'REGENCY') {
      throw new Error(`region ${code} (${row.name}) is a ${row.level.toLowerCase()}: seed a province or a regency/city`);
    }
    const rows = await client.query<{ code: string; name: string; level: string; parent_code: string }>(
      `select code, name, level, parent_code from personnel.region
        where code like $1 and level in ('DISTRICT', 'VILLAGE') order by code`,
      [`${code}.%`],
    );
    const districts = new Map<string, RegionRow['districts'][number]>();
    for (const r of rows.rows) if (r.level === 'DISTRICT') districts.set(r.code, { code: r.code, name: r.name, villages: [] });
    for (const r of rows.rows) if (r.level === 'VILLAGE') districts.get(r.parent_code)?.villages.push({ code: r.code, name: r.name });
    if (districts.size === 0) throw new Error(`region ${code} has no districts in personnel.region`);
    regions.push({ code, name: row.name, level: row.level, districts: [...districts.values()] });
  }
  return regions;
}

function writeCatalog(run: Run): void {
  const { tables } = run;
  const competencyIds = new Map<string, number>();
  for (const c of COMPETENCIES) {
    const id = nextId(run, 'competency');
    competencyIds.set(c.code, id);
    tables.competency.add(id, c.code, c.name, c.kind, c.description);
  }
  const universityIds = new Map<string, number>();
  for (const u of UNIVERSITIES) {
    const id = nextId(run, 'university');
    universityIds.set(u.name, id);
    tables.university.add(id, u.name, u.shortName, u.regionCode);
  }
  for (const course of COURSES) {
    const id = nextId(run, 'course');
    run.courseIds.push(id);
    const universityId = course.university ? universityIds.get(course.university) : null;
    if (universityId === undefined) throw new Error(`course ${course.code}: unknown university ${course.university}`);
    tables.course.add(id, course.code, course.title, course.programme, course.mode, course.delivery, course.jp, universityId, course.description);
    // Module JP: an even split of the course JP, the remainder on the first modules; sums to the course JP.
    const n = course.modules.length;
    const moduleIds: number[] = [];
    course.modules.forEach((title, i) => {
      const moduleId = nextId(run, 'module');
      moduleIds.push(moduleId);
      const jp = Math.floor(course.jp / n) + (i < course.jp % n ? 1 : 0);
      tables.module.add(moduleId, id, i + 1, title, jp);
    });
    for (const [moduleIndex, statement, competency, level] of course.outcomes) {
      const competencyId = competencyIds.get(competency);
      if (competencyId === undefined) throw new Error(`course ${course.code}: unknown competency ${competency}`);
      const moduleId = moduleIndex === null ? null : (moduleIds[moduleIndex] ?? null);
      tables.outcome.add(nextId(run, 'outcome'), id, moduleId, statement, competencyId, level);
    }
  }
}

// ---------------------------------------------------------------------------------------------------

async function generateRegion(run: Run, region: RegionRow): Promise<SeedTruth['regions'][string]> {
  const { options, tables } = run;
  const rng = new Rng(hashSeed(options.seed, region.code));
  const known = KNOWN_REGIONS[region.code];
  const drawn = known ?? {
    effectPer10Jp: round2(rng.uniform(0, 2.5)),
    trendPerYear: round2(rng.uniform(-0.3, 0.6)),
    midLevel: rng.uniform(71, 75),
  };
  const drift = drawn.trendPerYear + (drawn.effectPer10Jp * EXPECTED_EXPOSURE) / 10;
  const model: Model = { ...drawn, base: drawn.midLevel - (drift * (run.to - run.from)) / 2 };
  const isProvince = region.level === 'PROVINCE';
  const label = isProvince ? `Provinsi ${region.name}` : region.name;
  const E = options.employeesPerRegion;

  // Agencies (one head each, counted among the region's employees).
  const agencies = new Map<AgencyKind, Agency>();
  for (const def of AGENCIES) {
    const agency: Agency = { id: nextId(run, 'agency'), kind: def.kind, name: `${def.name} ${label}`, head: -1 };
    agencies.set(def.kind, agency);
    tables.agency.add(agency.id, region.code, agency.name, agency.kind);
  }
  const agencyOf = (kind: AgencyKind): Agency => {
    const agency = agencies.get(kind);
    if (!agency) throw new Error(`no ${kind} agency`);
    return agency;
  };

  const units = createUnits(run, rng, region, isProvince, label, E - AGENCIES.length, agencyOf);
  const employees: Employee[] = [];
  const people = new PeopleFactory(run, rng, region.code);

  for (const def of AGENCIES) {
    const agency = agencyOf(def.kind);
    agency.head = employees.length;
    employees.push(people.agencyHead(agency, def, region.code, isProvince, label));
  }
  for (const unit of units) {
    for (let slot = 0; slot < unit.size; slot++) {
      unit.staff.push(employees.length);
      employees.push(people.unitMember(unit, slot, unit.size));
    }
  }
  createMentoring(run, rng, employees);
  await flushAll(run);

  // Training, appraisals, surveys and budgets, year by year.
  for (let year = run.from; year <= run.to; year++) {
    generateYear(run, rng, region, isProvince, model, year, units, employees, agencies);
    await flushAll(run);
  }
  return {
    name: region.name,
    effectPer10Jp: model.effectPer10Jp,
    trendPerYear: model.trendPerYear,
    noiseSd: NOISE_SD,
    units: units.length,
    employees: employees.length,
  };
}

function createUnits(
  run: Run,
  rng: Rng,
  region: RegionRow,
  isProvince: boolean,
  label: string,
  staffTotal: number,
  agencyOf: (kind: AgencyKind) => Agency,
): Unit[] {
  const n = Math.max(6, Math.min(Math.round(run.options.employeesPerRegion / 12), Math.floor(staffTotal / 3)));
  const offices = Math.max(1, Math.min(region.districts.length, Math.round(n * 0.12)));
  const health = Math.max(1, Math.round(n * 0.18));
  const dukcapil = Math.max(1, Math.round(n * 0.05));
  const works = Math.max(1, Math.round(n * 0.05));
  const schools = n - offices - health - dukcapil - works - 1;
  const kinds: UnitKind[] = [];
  const push = (kind: UnitKind, count: number) => {
    for (let i = 0; i < count; i++) kinds.push(kind);
  };
  push('BKPSDM_UPT', 1);
  push(isProvince ? 'REGIONAL_OFFICE' : 'DISTRICT_OFFICE', offices);
  push(isProvince ? 'HEALTH_UPT' : 'PUSKESMAS', health);
  push('DUKCAPIL_OFFICE', dukcapil);
  push('PUBLIC_WORKS_UPT', works);
  for (let i = 0; i < schools; i++) kinds.push(isProvince ? 'SMA' : rng.chance(0.3) ? 'SMP' : 'SD');

  const required = (REQUIRED_VILLAGES[region.code] ?? [])
    .map((code) => {
      const district = region.districts.find((d) => code.startsWith(`${d.code}.`));
      const village = district?.villages.find((v) => v.code === code);
      return district && village ? { district, village } : null;
    })
    .filter((v) => v !== null);
  // Offices and UPTs go to districts that have none of their kind yet, in random order (cycling only
  // when a kind has more units than the region has districts).
  const districtQueues = new Map<UnitKind, RegionRow['districts']>();
  const nextDistrict = (kind: UnitKind): RegionRow['districts'][number] => {
    let queue = districtQueues.get(kind);
    if (!queue || queue.length === 0) {
      queue = rng.shuffle([...region.districts]);
      districtQueues.set(kind, queue);
    }
    const district = queue.pop();
    if (!district) throw new Error(`region ${region.code} has no districts`);
    return district;
  };
  const usedPlaces = new Set<string>();
  const usedNames = new Set<string>();
  const schoolCounter = new Map<string, number>();
  const unique = (name: string): string => {
    let candidate = name;
    for (let i = 2; usedNames.has(candidate); i++) candidate = `${name} ${i}`;
    usedNames.add(candidate);
    return candidate;
  };
  let requiredHealth = 0;
  let requiredSchool = 0;
  const units: Unit[] = [];
  const weights: number[] = [];
  for (const kind of kinds) {
    const def = UNIT_KINDS[kind];
    let district = rng.pick(region.districts);
    let village = district.villages.length > 0 ? rng.pick(district.villages) : null;
    let name: string;
    let regionCode: string;
    switch (kind) {
      case 'DISTRICT_OFFICE':
      case 'REGIONAL_OFFICE':
        district = nextDistrict(kind);
        name = unique(kind === 'DISTRICT_OFFICE' ? `Kantor Camat ${district.name}` : `UPT Pelayanan Terpadu Wilayah ${district.name}`);
        regionCode = district.code;
        break;
      case 'PUSKESMAS':
      case 'HEALTH_UPT': {
        const forced = required[requiredHealth++];
        if (forced) ({ district, village } = forced);
        // One health centre per village where possible; then auxiliary ones (Puskesmas Pembantu).
        for (let tries = 0; !forced && tries < 10 && usedPlaces.has((village ?? district).code); tries++) {
          district = rng.pick(region.districts);
          village = district.villages.length > 0 ? rng.pick(district.villages) : null;
        }
        const place = village ?? district;
        const auxiliary = usedPlaces.has(place.code);
        usedPlaces.add(place.code);
        const prefix = kind === 'PUSKESMAS' ? (auxiliary ? 'Puskesmas Pembantu' : 'Puskesmas') : 'UPT Pelayanan Kesehatan';
        name = unique(`${prefix} ${place.name}`);
        regionCode = place.code;
        break;
      }
      case 'SD':
      case 'SMP':
      case 'SMA': {
        const forced = required[requiredSchool++];
        if (forced) ({ district, village } = forced);
        const type = kind === 'SMA' ? (rng.chance(0.4) ? 'SMK' : 'SMA') : kind;
        const key = `${type} ${district.code}`;
        const number = (schoolCounter.get(key) ?? 0) + 1;
        schoolCounter.set(key, number);
        name = unique(`${type} Negeri ${number} ${district.name}`);
        regionCode = (village ?? district).code;
        break;
      }
      case 'DUKCAPIL_OFFICE':
        district = nextDistrict(kind);
        name = unique(`Layanan Dukcapil Kecamatan ${district.name}`);
        regionCode = district.code;
        break;
      case 'PUBLIC_WORKS_UPT':
        district = nextDistrict(kind);
        name = unique(`UPT Pemeliharaan Jalan dan Jembatan Wilayah ${district.name}`);
        regionCode = district.code;
        break;
      case 'BKPSDM_UPT':
        name = unique(`UPT Pengembangan Kompetensi ASN ${label}`);
        regionCode = district.code;
        break;
    }
    const population =
      kind === 'BKPSDM_UPT'
        ? clamp(run.options.employeesPerRegion, def.population[0], def.population[1])
        : rng.int(def.population[0], def.population[1]);
    const agency = agencyOf(def.agency);
    const unit: Unit = {
      id: nextId(run, 'unit'),
      index: units.length,
      kind,
      agency,
      name,
      regionCode,
      districtName: district.name,
      population,
      size: 3,
      staff: [],
      // A unit's appetite for training: scales its yearly JP per staff member.
      intensity: rng.uniform(0.75, 1.25),
      quality: 0,
    };
    units.push(unit);
    weights.push(def.staffWeight * Math.exp(rng.normal(0, 0.35)));
    run.tables.unit.add(unit.id, agency.id, regionCode, name, def.dbKind, population);
  }
  // Staff sizes: three each, the rest in proportion to the weights (largest remainder).
  const rest = staffTotal - 3 * units.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (rest * w) / total);
  const sizes = shares.map((s) => 3 + Math.floor(s));
  let left = staffTotal - sizes.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    sizes[i] = (sizes[i] ?? 0) + 1;
    left--;
  }
  units.forEach((unit, i) => {
    unit.size = sizes[i] ?? 3;
  });
  return units;
}

// ---------------------------------------------------------------------------------------------------

/** Creates employees with their identifiers, names, rank and position histories. */
class PeopleFactory {
  private readonly mix;
  constructor(
    private readonly run: Run,
    private readonly rng: Rng,
    regionCode: string,
  ) {
    this.mix = cultureMix(regionCode);
  }

  agencyHead(agency: Agency, def: (typeof AGENCIES)[number], regionCode: string, isProvince: boolean, label: string): Employee {
    const role = def.kind === 'HEALTH' ? ROLES.DOKTER : def.kind === 'EDUCATION' ? ROLES.GURU : def.kind === 'BKPSDM' ? ROLES.ANALIS_SDM : ROLES.ANALIS_KEBIJAKAN;
    const rng = this.rng;
    const jptMonth = rng.int(this.run.to * 12 - 60, this.run.to * 12 + 9);
    const level = def.kind === 'DISTRICT_ADMINISTRATION' && isProvince ? 'JPT_MADYA' : 'JPT_PRATAMA';
    const title = def.kind === 'DISTRICT_ADMINISTRATION' ? `${def.head} ${label}` : `Kepala ${agency.name}`;
    return this.create({
      agency,
      unit: null,
      regionCode,
      role,
      minAge: 46,
      maxAge: 58,
      forcePns: true,
      master: true,
      cap: 16,
      maxEntryAge: 28,
      leadership: (appointed) => {
        const jpt = Math.min(Math.max(jptMonth, monthOf(appointed) + 14 * 12), this.run.to * 12 + 9);
        const admin = rng.int(Math.min(Math.max(monthOf(appointed) + 8 * 12, jpt - 8 * 12), jpt - 12), jpt - 12);
        return {
          level: 'JPT',
          rows: [
            { title: `${def.previous} ${agency.name}`, kind: 'MANAJERIAL', level: 'ADMINISTRATOR', tmt: monthStart(admin) },
            { title, kind: 'MANAJERIAL', level, tmt: monthStart(jpt) },
          ],
        };
      },
    });
  }

  unitMember(unit: Unit, slot: number, size: number): Employee {
    const rng = this.rng;
    const def = UNIT_KINDS[unit.kind];
    const school = unit.kind === 'SD' || unit.kind === 'SMP' || unit.kind === 'SMA';
    const office = unit.kind === 'DISTRICT_OFFICE' || unit.kind === 'REGIONAL_OFFICE';
    const base = { agency: unit.agency, unit, regionCode: unit.regionCode };
    const manager = (title: string, level: 'PENGAWAS' | 'ADMINISTRATOR' | 'FUNGSIONAL', role: RoleDef, minAge: number) =>
      this.create({
        ...base,
        role,
        minAge,
        maxAge: 57,
        forcePns: true,
        master: rng.chance(0.4),
        maxEntryAge: minAge - 6,
        leadership: (appointed) => {
          const latest = this.run.to * 12 + 9;
          const month = rng.int(Math.min(Math.max(monthOf(appointed) + 4 * 12, latest - 96), latest), latest);
          const leader = level === 'FUNGSIONAL' ? null : level === 'ADMINISTRATOR' ? ('ADMINISTRATOR' as const) : ('PENGAWAS' as const);
          return {
            level: leader,
            rows: [{ title, kind: level === 'FUNGSIONAL' ? 'NONMANAJERIAL' : 'MANAJERIAL', level, tmt: monthStart(month) }],
          };
        },
      });
    if (slot === 0) {
      if (school) return manager(`Kepala ${unit.name}`, 'FUNGSIONAL', ROLES.GURU, 40);
      if (office) {
        const title = unit.kind === 'DISTRICT_OFFICE' ? `Camat ${unit.districtName}` : `Kepala ${unit.name}`;
        return manager(title, 'ADMINISTRATOR', ROLES.ANALIS_KEBIJAKAN, 40);
      }
      const headRole: Partial<Record<UnitKind, readonly RoleKey[]>> = {
        PUSKESMAS: ['DOKTER', 'PERAWAT_NERS', 'PENYULUH_KESEHATAN', 'EPIDEMIOLOG'],
        HEALTH_UPT: ['DOKTER', 'EPIDEMIOLOG'],
        DUKCAPIL_OFFICE: ['ADB', 'ADMIN_S1'],
        PUBLIC_WORKS_UPT: ['TEKNIK_JALAN_S1'],
        BKPSDM_UPT: ['ANALIS_SDM'],
      };
      return manager(`Kepala ${unit.name}`, 'PENGAWAS', ROLES[rng.pick<RoleKey>(headRole[unit.kind] ?? ['ADMIN_S1'])], 38);
    }
    if (office && slot === 1 && size >= 5) {
      const title = unit.kind === 'DISTRICT_OFFICE' ? `Sekretaris Camat ${unit.districtName}` : `Sekretaris ${unit.name}`;
      return manager(title, 'ADMINISTRATOR', ROLES.ADMIN_S1, 36);
    }
    if (office && slot >= 2 && slot <= 4 && size >= 9) {
      const sections = ['Kepala Seksi Pemerintahan', 'Kepala Seksi Pelayanan Umum', 'Kepala Seksi Ketenteraman dan Ketertiban Umum'];
      return manager(sections[slot - 2] ?? 'Kepala Seksi', 'PENGAWAS', ROLES.ANALIS_KEBIJAKAN, 32);
    }
    if (!school && !office && slot === 1 && size >= 10) {
      return manager(`Kepala Subbagian Tata Usaha ${unit.name}`, 'PENGAWAS', ROLES.ADMIN_S1, 32);
    }
    const role = ROLES[rng.weighted(def.staff)];
    return this.create({ ...base, role, minAge: 22, maxAge: 58, forcePns: false, master: rng.chance(role.master) });
  }

  private create(spec: {
    agency: Agency;
    unit: Unit | null;
    regionCode: string;
    role: RoleDef;
    minAge: number;
    maxAge: number;
    forcePns: boolean;
    master: boolean;
    cap?: number;
    /** Oldest age at TMT CPNS (35 unless given). */
    maxEntryAge?: number;
    leadership?: (appointed: number) => { level: Employee['leadership']; rows: PositionRow[] };
  }): Employee {
    const { run, rng } = this;
    const { role } = spec;
    const id = nextId(run, 'employee');
    const gender: 'M' | 'F' = rng.chance(role.female) ? 'F' : 'M';
    const asn: 'PNS' | 'PPPK' = spec.forcePns || !rng.chance(role.pppk) ? 'PNS' : 'PPPK';
    const education: Education = spec.master && role.education !== 'SMA' && role.education !== 'D3' ? 'S2' : role.education;
    const minEntryAge = { SMA: 20, D3: 21, S1: 22, PROFESI: 25, S2: 24 }[education];

    // Age at the end of the last seeded year, skewed towards older staff like the real ASN workforce.
    let age: number;
    let appointedMonth: number;
    let birth: number;
    if (asn === 'PNS') {
      const lo = Math.max(spec.minAge, minEntryAge + 1);
      age = lo + Math.floor((spec.maxAge - lo + 1) * (0.4 * rng.next() + 0.6 * Math.sqrt(rng.next())));
      birth = dayOf(run.to - age, 1, 1) + rng.int(0, 364);
      const birthMonth = monthOf(birth);
      // Age at TMT CPNS: from the entry age, typically a few years later, at most 35.
      const entry = minEntryAge * 12 + Math.min(Math.floor(rng.exponential(5 * 12)), Math.max(0, (spec.maxEntryAge ?? 35) - minEntryAge) * 12) + rng.int(1, 11);
      appointedMonth = Math.min(birthMonth + entry, run.lastAppointmentMonth - rng.int(0, 5));
    } else {
      const firstPppkYear = 2019;
      const year =
        run.from - 1 >= firstPppkYear && rng.chance(0.7)
          ? rng.int(firstPppkYear, run.from - 1)
          : rng.int(Math.min(Math.max(firstPppkYear, run.from), run.to), run.to);
      const month = year === run.to ? rng.int(0, 5) : rng.int(0, 11);
      appointedMonth = year * 12 + month;
      const lo = Math.max(spec.minAge, run.to - year + minEntryAge + 1);
      age = lo + Math.floor((Math.max(lo, spec.maxAge) - lo + 1) * (0.4 * rng.next() + 0.6 * Math.sqrt(rng.next())));
      birth = dayOf(run.to - age, 1, 1) + rng.int(0, 364);
    }
    // The TMT must fall after the month of the 18th birthday (domain rule; the entry ages guarantee it).
    appointedMonth = Math.max(appointedMonth, monthOf(birth) + 18 * 12 + 1);
    const appointed = monthStart(appointedMonth);

    // Rank history: entry rank, then a regular promotion every 4-6 years on 1 April or 1 October.
    const ranks: { ordinal: number; tmt: number }[] = [];
    if (asn === 'PNS') {
      const cap = spec.cap ?? rankCap(role.track, education);
      let ordinal = PNS_START_ORDINAL[education];
      ranks.push({ ordinal, tmt: appointed });
      let month = appointedMonth;
      for (;;) {
        month += 12 * rng.weighted([[4, 70], [5, 20], [6, 10]] as const);
        // Next promotion period: April (month index 3) or October (9).
        const inYear = month % 12;
        const period = inYear <= 3 ? month - inYear + 3 : inYear <= 9 ? month - inYear + 9 : month - inYear + 15;
        const tmt = monthStart(period);
        if (tmt > run.ref || ordinal >= cap) break;
        ordinal++;
        ranks.push({ ordinal, tmt });
        month = period;
      }
    } else {
      ranks.push({ ordinal: PPPK_ORDINAL[education], tmt: appointed });
    }

    // Position history: a row whenever the functional grade changes with the rank, then a managerial post.
    let positions: PositionRow[] = [];
    const nonManagerialLevel = role.track === 'PELAKSANA' ? 'PELAKSANA' : 'FUNGSIONAL';
    for (const rank of ranks) {
      const title = positionTitle(role, asn, rank.ordinal);
      if (positions.at(-1)?.title !== title) positions.push({ title, kind: 'NONMANAJERIAL', level: nonManagerialLevel, tmt: rank.tmt });
    }
    let leadership: Employee['leadership'] = null;
    let leaderSince = 0;
    if (spec.leadership) {
      const post = spec.leadership(appointed);
      const first = post.rows[0];
      if (first) {
        const from = Math.min(Math.max(first.tmt, monthStart(appointedMonth + 1)), run.ref);
        first.tmt = from;
        positions = positions.filter((p) => p.tmt < from);
        for (const row of post.rows) if (row.tmt > (positions.at(-1)?.tmt ?? -Infinity)) positions.push(row);
        leadership = post.level;
        leaderSince = yearOf(post.rows.at(-1)?.tmt ?? from);
      }
    }
    const current = positions.at(-1);
    const currentRank = ranks.at(-1);
    if (!current || !currentRank) throw new Error('an employee without history');

    // Identifiers.
    const birthDigits = isoDate(birth).replaceAll('-', '');
    const year = Math.floor(appointedMonth / 12);
    let nip: string | null = null;
    let niPppk: string | null = null;
    if (asn === 'PNS') {
      const sequence = run.nipSequence.next(birth, appointedMonth, 0, gender);
      nip = `${birthDigits}${year}${String((appointedMonth % 12) + 1).padStart(2, '0')}${gender === 'M' ? 1 : 2}${String(sequence).padStart(3, '0')}`;
    } else {
      // NI PPPK layout [assumed]: birth date, contract year, 2-digit formation code, gender, sequence.
      const formation = spec.agency.kind === 'EDUCATION' ? 0 : spec.agency.kind === 'HEALTH' ? 1 : 2;
      const sequence = run.pppkSequence.next(birth, year, formation, gender);
      niPppk = `${birthDigits}${year}0${formation + 1}${gender === 'M' ? 1 : 2}${String(sequence).padStart(3, '0')}`;
    }

    // Name with academic degrees, as printed in staff lists.
    const name = personalName(rng, rng.weighted(this.mix), gender);
    const degrees = [...(role.degrees.length > 0 ? [rng.pick(role.degrees)] : [])];
    if (education === 'S2' && role.masters.length > 0) degrees.push(rng.pick(role.masters));
    const fullName = `${role.prefix ? `${role.prefix} ` : ''}${name}${degrees.length > 0 ? `, ${degrees.join(', ')}` : ''}`;

    const { tables } = run;
    const unitId = spec.unit?.id ?? null;
    tables.employee.add(
      id, asn, nip, niPppk, fullName, isoDate(birth), gender, isoDate(appointed), spec.agency.id, unitId,
      rankCode(asn, currentRank.ordinal), current.title, current.kind, current.level,
    );
    for (const rank of ranks) tables.rankHistory.add(nextId(run, 'rankHistory'), id, rankCode(asn, rank.ordinal), isoDate(rank.tmt));
    for (const p of positions) {
      tables.positionHistory.add(nextId(run, 'positionHistory'), id, spec.agency.id, unitId, p.title, p.kind, p.level, isoDate(p.tmt));
    }
    return {
      id,
      asn,
      agency: spec.agency,
      unit: spec.unit,
      regionCode: spec.regionCode,
      appointed,
      role,
      rankOrdinal: currentRank.ordinal,
      leadership,
      leaderSince,
      leadershipTrained: false,
      ability: rng.normal(0, 1),
      coursePool: coursePool(run, spec.agency.kind, role, spec.unit?.kind ?? null, leadership !== null),
    };
  }
}

/** The courses someone may choose in a year, with weights (their own field's courses count more). */
function coursePool(run: Run, agency: AgencyKind, role: RoleDef, unitKind: UnitKind | null, manager: boolean): CoursePool {
  const key = `${agency}|${role.courseRole}|${unitKind ?? ''}|${manager}`;
  const cached = run.poolCache.get(key);
  if (cached) return cached;
  const roles = new Set([role.courseRole]);
  if (unitKind === 'DISTRICT_OFFICE' || unitKind === 'REGIONAL_OFFICE') roles.add('CAMAT_STAFF');
  if (manager) roles.add('MANAGER');
  const pool: CoursePool = { courses: [], weights: [] };
  COURSES.forEach((course, index) => {
    const a = course.audience;
    let weight = 0;
    if (a.kind === 'ALL' || a.kind === 'JUNIOR') weight = course.weight;
    else if (a.kind === 'AGENCY' && a.agencies.includes(agency)) weight = course.weight * 1.5;
    else if (a.kind === 'ROLE' && a.roles.some((r) => roles.has(r))) weight = course.weight * 2;
    if (weight > 0) {
      pool.courses.push(index);
      pool.weights.push(weight);
    }
  });
  run.poolCache.set(key, pool);
  return pool;
}

function createMentoring(run: Run, rng: Rng, employees: Employee[]): void {
  const juniorSince = dayOf(run.from - 3, 1, 1);
  const latestStart = dayOf(run.to, 10, 31);
  const byAgency = new Map<number, Employee[]>();
  for (const e of employees) {
    const list = byAgency.get(e.agency.id) ?? [];
    list.push(e);
    byAgency.set(e.agency.id, list);
  }
  const target = Math.round(employees.length * 0.08);
  const juniors = rng.shuffle(employees.filter((e) => e.appointed >= juniorSince && e.leadership === null));
  let made = 0;
  for (const mentee of juniors) {
    if (made >= target) break;
    const start0 = Math.max(mentee.appointed + 30, dayOf(run.from, 1, 1));
    if (start0 > latestStart) continue;
    const seniorBefore = mentee.appointed - 8 * 365;
    const colleagues = mentee.unit ? mentee.unit.staff.map((i) => employees[i]).filter((e) => e !== undefined) : [];
    const head = employees[mentee.agency.head];
    let mentor: Employee | undefined;
    if (head && rng.chance(0.12)) mentor = head;
    else {
      const seniors = colleagues.filter((e) => e.appointed <= seniorBefore && e.asn === 'PNS' && e.rankOrdinal >= mentee.rankOrdinal + 1);
      mentor = seniors.length > 0 ? rng.pick(seniors) : undefined;
      if (!mentor) {
        const others = (byAgency.get(mentee.agency.id) ?? []).filter((e) => e.appointed <= seniorBefore && e.asn === 'PNS');
        mentor = others.length > 0 ? rng.pick(others) : head;
      }
    }
    if (!mentor || mentor.id === mentee.id) continue;
    const started = start0 + rng.int(0, latestStart - start0);
    const ended = started + rng.int(120, 365);
    const focusList = rng.chance(0.5) ? MENTORING_FOCUS.ALL : MENTORING_FOCUS[mentee.agency.kind];
    run.tables.mentoring.add(
      nextId(run, 'mentoring'), mentor.id, mentee.id, isoDate(started), ended <= run.ref ? isoDate(ended) : null, rng.pick(focusList),
    );
    made++;
  }
}

// ---------------------------------------------------------------------------------------------------

interface Model {
  effectPer10Jp: number;
  trendPerYear: number;
  base: number;
}

function generateYear(
  run: Run,
  rng: Rng,
  region: RegionRow,
  isProvince: boolean,
  model: Model,
  year: number,
  units: Unit[],
  employees: Employee[],
  agencies: Map<AgencyKind, Agency>,
): void {
  const { tables } = run;
  const yearStart = dayOf(year, 1, 1);
  const yearEnd = dayOf(year, 12, 31);
  const jpOfEmployee = new Float64Array(employees.length);
  const demand: number[][] = COURSES.map(() => []);
  const latsar = COURSES.findIndex((c) => c.audience.kind === 'LATSAR');
  const leadershipCourse = (level: NonNullable<Employee['leadership']>): number =>
    COURSES.findIndex((c) => c.audience.kind === 'LEADERSHIP' && c.audience.level === level);
  const juniorSince = dayOf(year - 3, 1, 1);

  /** Mandatory courses first (Latsar for new CPNS, leadership training for new managers); returns their JP. */
  const mandatory = (index: number): number => {
    const e = employees[index];
    if (!e) return 0;
    let jp = 0;
    // CPNS appointed from October of last year to September of this year attend this year's Latsar.
    if (e.asn === 'PNS' && e.appointed >= dayOf(year - 1, 10, 1) && e.appointed <= dayOf(year, 9, 30)) {
      demand[latsar]?.push(index);
      jp += COURSES[latsar]?.jp ?? 0;
    }
    if (e.leadership && !e.leadershipTrained && e.leaderSince < year && e.leaderSince >= run.from - 2 && rng.chance(0.5)) {
      const course = leadershipCourse(e.leadership);
      demand[course]?.push(index);
      jp += COURSES[course]?.jp ?? 0;
      e.leadershipTrained = true;
    }
    return jp;
  };
  /** Elective courses until the personal JP target is (about) met. */
  const choose = (index: number, target: number): void => {
    const e = employees[index];
    if (!e) return;
    const chosen: number[] = [];
    let got = 0;
    for (let tries = 0; tries < 8 && target - got >= 4; tries++) {
      const course = e.coursePool.courses[rng.weightedIndex(e.coursePool.weights)] ?? 0;
      const def = COURSES[course] as CourseDef;
      if (chosen.includes(course)) continue;
      if (def.audience.kind === 'JUNIOR' && e.appointed < juniorSince) continue;
      if (def.jp > target - got + 12 && rng.chance(0.7)) continue;
      chosen.push(course);
      got += def.jp;
      demand[course]?.push(index);
    }
  };

  // Demand: each unit's training intensity this year (JP per staff member) shared out among its staff.
  const staffThisYear = new Int32Array(units.length);
  for (const unit of units) {
    const staff = unit.staff.filter((i) => (employees[i]?.appointed ?? Infinity) <= yearEnd);
    staffThisYear[unit.index] = staff.length;
    // Spread wide enough that a fair share of units reach 20 JP per staff member (the contrast of the analytics).
    const intensity = Math.min(50, unit.intensity * rng.gammaInt(2, 7));
    let budget = intensity * staff.length;
    for (const i of staff) budget -= mandatory(i);
    // New staff of this year only attend Latsar: other offerings may start before their TMT.
    const regular = staff.filter((i) => (employees[i]?.appointed ?? Infinity) < yearStart);
    const weights = regular.map(() => rng.exponential(1));
    const total = weights.reduce((a, b) => a + b, 0);
    if (budget > 0 && total > 0) regular.forEach((i, k) => choose(i, (budget * (weights[k] ?? 0)) / total));
  }
  for (const agency of agencies.values()) {
    const head = employees[agency.head];
    if (!head || head.appointed >= yearStart) continue;
    const jp = mandatory(agency.head);
    if (jp === 0) choose(agency.head, rng.gammaInt(2, 6));
  }

  // Offerings: the demand of each course split into classes sized to their nominations. Cancelled
  // classes leave their planned cost unspent: a few in most years, a quarter or more of the plan in a
  // year of low realisation (like the 69% real case).
  const bkpsdm = agencies.get('BKPSDM');
  if (!bkpsdm) throw new Error('no BKPSDM agency');
  const lowYear = rng.chance(year === run.from ? 0.6 : 0.15);
  const costFactor = (region.code.startsWith('9') ? 1.35 : 1) * (1 + 0.03 * (year - 2021));
  let plannedTotal = 0;
  let realisedTotal = 0;
  const jpOfUnit = new Float64Array(units.length);
  const addOffering = (courseIndex: number, size: number, capacity: number, cancelled: boolean): { id: number; planned: number } => {
    const course = COURSES[courseIndex] as CourseDef;
    const rate = COST_PER_PARTICIPANT_JP[course.delivery] * costFactor;
    const id = nextId(run, 'offering');
    const duration = durationDays(course);
    const latest = dayOf(year, 12, 20) - duration;
    const latsarClass = course.audience.kind === 'LATSAR';
    const earliest = latsarClass ? dayOf(year, 10, 1) : dayOf(year, 2, 1);
    const starts = earliest + rng.int(0, Math.max(0, Math.min(latest, latsarClass ? dayOf(year, 10, 31) : latest) - earliest));
    const ends = Math.min(starts + duration - 1, yearEnd);
    tables.offering.add(
      id, run.courseIds[courseIndex] ?? 0, region.code, year, isoDate(starts), isoDate(ends), capacity,
      venue(course, region, isProvince, rng), cancelled ? 'CANCELLED' : 'HELD',
    );
    const planned = Math.round((capacity * course.jp * rate * rng.uniform(0.97, 1.03)) / 1000) * 1000;
    const realised = cancelled ? 0 : Math.min(planned, Math.round((size * course.jp * rate * rng.uniform(0.92, 1)) / 1000) * 1000);
    tables.offeringCost.add(id, bkpsdm.id, region.code, year, String(planned), String(realised));
    plannedTotal += planned;
    realisedTotal += realised;
    return { id, planned };
  };
  COURSES.forEach((course, courseIndex) => {
    const participants = demand[courseIndex] ?? [];
    const held = participants.length;
    if (held === 0) return;
    rng.shuffle(participants);
    const classes = Math.ceil(held / typicalCapacity(course, rng));
    let next = 0;
    for (let k = 0; k < classes; k++) {
      const size = Math.floor(held / classes) + (k < held % classes ? 1 : 0);
      const offeringId = addOffering(courseIndex, size, Math.max(size, Math.ceil(size * rng.uniform(1, 1.12))), false).id;
      for (let j = 0; j < size; j++) {
        const index = participants[next++] ?? -1;
        const e = employees[index];
        if (!e) continue;
        const dropped = rng.chance(course.delivery === 'E_LEARNING' ? 0.12 : 0.06);
        const jp = dropped ? 0 : course.jp;
        const pre = clamp(rng.normal(58, 12), 5, 97);
        const post = dropped ? null : round2(clamp(pre + rng.normal(14, 8), 0, 100));
        const satisfaction = dropped ? null : round2(clamp(rng.normal(4.15, 0.45), 1, 5));
        tables.enrolment.add(
          nextId(run, 'enrolment'), offeringId, e.id, year, e.agency.id, e.unit?.id ?? null, e.regionCode,
          dropped ? 'DROPPED' : 'COMPLETED', jp, round2(pre), post, satisfaction,
        );
        jpOfEmployee[index] = (jpOfEmployee[index] ?? 0) + jp;
        if (e.unit) jpOfUnit[e.unit.index] = (jpOfUnit[e.unit.index] ?? 0) + jp;
      }
    }
  });
  const cancelTarget = plannedTotal * (lowYear ? rng.uniform(0.18, 0.28) : rng.uniform(0, 0.05));
  let cancelledTotal = 0;
  const electives = COURSES.map((c, i) => [i, c.audience.kind === 'LATSAR' ? 0 : 1] as const);
  for (let tries = 0; tries < 60 && cancelledTotal < cancelTarget * 0.85; tries++) {
    const courseIndex = rng.weighted(electives);
    const course = COURSES[courseIndex] as CourseDef;
    const capacity = typicalCapacity(course, rng);
    const estimate = capacity * course.jp * COST_PER_PARTICIPANT_JP[course.delivery] * costFactor;
    if (cancelledTotal + estimate > cancelTarget * 1.15) continue;
    cancelledTotal += addOffering(courseIndex, 0, capacity, true).planned;
  }

  // SKP: ratings driven by ability and, modestly, by this year's training (Kirkpatrick L3).
  employees.forEach((e, index) => {
    if (e.appointed > yearEnd) return;
    const trained = Math.min(jpOfEmployee[index] ?? 0, 60) / 20;
    const result = e.ability + 0.45 * trained + rng.normal(0, 0.55);
    const behaviour = 0.8 * e.ability + 0.3 * trained + rng.normal(0, 0.6);
    const hasil = result > 1.35 ? 'DI_ATAS' : result < -1.9 ? 'DI_BAWAH' : 'SESUAI';
    const perilaku = behaviour > 1.45 ? 'DI_ATAS' : behaviour < -2.0 ? 'DI_BAWAH' : 'SESUAI';
    tables.skp.add(nextId(run, 'skp'), e.id, year, e.unit?.id ?? null, e.regionCode, hasil, perilaku);
  });

  // IKM: latent quality moves with the trend and, by the region's true effect, with this year's exposure.
  for (const unit of units) {
    const staff = staffThisYear[unit.index] ?? 0;
    const exposure = staff > 0 ? (jpOfUnit[unit.index] ?? 0) / staff : 0;
    if (year === run.from) unit.quality = rng.normal(model.base, START_SD);
    else unit.quality += model.trendPerYear + (model.effectPer10Jp * exposure) / 10 + rng.normal(0, NOISE_SD);
    if (unit.quality < 30 || unit.quality > 99) {
      run.clampedQuality++;
      unit.quality = clamp(unit.quality, 30, 99);
    }
    const population = Math.max(1, Math.round(unit.population * rng.uniform(0.96, 1.06)));
    const minimum = krejcieMorgan(run, population);
    const draw = rng.next();
    const respondents =
      draw < 0.1
        ? Math.max(1, Math.floor(minimum * rng.uniform(0.55, 0.95)))
        : draw < 0.8
          ? minimum
          : minimum + rng.int(1, Math.max(1, Math.ceil(minimum * 0.1)));
    const surveyId = nextId(run, 'survey');
    const conducted = dayOf(year, 11, 1) + rng.int(0, 44);
    tables.survey.add(surveyId, unit.id, unit.regionCode, year, isoDate(conducted), population, respondents);
    const mean = unit.quality / 25;
    ELEMENT_OFFSETS.forEach((offset, e) => {
      const m = clamp(mean + offset, 1, 4);
      const lower = Math.min(3, Math.floor(m));
      const upper = m >= 4 ? respondents : rng.binomial(respondents, m - lower);
      // Only scores someone gave are stored; a missing score means no answers.
      if (respondents - upper > 0) tables.answer.add(surveyId, e + 1, lower, respondents - upper);
      if (upper > 0) tables.answer.add(surveyId, e + 1, lower + 1, upper);
    });
  }

  // Budget lines: every agency's training sub-activity; BKPSDM's realised spending is the offerings' cost.
  const staffOfAgency = new Map<number, number>();
  for (const e of employees) if (e.appointed <= yearEnd) staffOfAgency.set(e.agency.id, (staffOfAgency.get(e.agency.id) ?? 0) + 1);
  for (const agency of agencies.values()) {
    const code = `${URUSAN_PREFIX[agency.kind]}.01.${isProvince ? 1 : 2}.05.0009`;
    let ceiling: number;
    let realised: number;
    if (agency.kind === 'BKPSDM') {
      realised = realisedTotal;
      ceiling = Math.max(realised, Math.ceil((plannedTotal * rng.uniform(1.0, 1.05)) / 1_000_000) * 1_000_000);
    } else {
      const staff = staffOfAgency.get(agency.id) ?? 1;
      ceiling = Math.max(25_000_000, Math.round((staff * rng.uniform(0.6, 1.8) * 1_000_000 * costFactor) / 1_000_000) * 1_000_000);
      realised = Math.floor((ceiling * (lowYear ? rng.uniform(0.62, 0.76) : rng.uniform(0.82, 0.98))) / 1000) * 1000;
    }
    tables.budgetLine.add(nextId(run, 'budgetLine'), agency.id, region.code, year, code, TRAINING_SUB_ACTIVITY, String(ceiling), String(realised));
  }
}

/** Seats of a class, by delivery: classroom 25-40, e-learning 150-400, coaching 10-20, ... */
function typicalCapacity(course: CourseDef, rng: Rng): number {
  switch (course.delivery) {
    case 'E_LEARNING':
      return rng.int(150, 400);
    case 'DISTANCE_LEARNING':
      return rng.int(40, 80);
    case 'COACHING':
    case 'MAGANG':
      return rng.int(10, 20);
    case 'MENTORING':
      return rng.int(10, 25);
    case 'BENCHMARKING':
      return rng.int(15, 30);
    default:
      return rng.int(25, 40);
  }
}

function durationDays(course: CourseDef): number {
  switch (course.delivery) {
    case 'E_LEARNING':
      return 30;
    case 'DISTANCE_LEARNING':
      return Math.ceil(course.jp / 4) * 2;
    case 'COACHING':
      return 60;
    case 'MENTORING':
      return 90;
    case 'BENCHMARKING':
      return 4;
    case 'MAGANG':
      return 10;
    case 'BLENDED':
      return 14 + Math.ceil(course.jp / 8);
    default:
      return Math.ceil(course.jp / 8);
  }
}

function venue(course: CourseDef, region: RegionRow, isProvince: boolean, rng: Rng): string {
  const bkpsdm = `BKPSDM ${isProvince ? `Provinsi ${region.name}` : region.name}`;
  switch (course.delivery) {
    case 'E_LEARNING':
      return `LMS ${bkpsdm} (daring)`;
    case 'DISTANCE_LEARNING':
      return `Kelas daring ${bkpsdm}`;
    case 'COACHING':
    case 'MENTORING':
      return 'Unit kerja peserta';
    case 'BENCHMARKING':
      return `Kunjungan lapangan: ${rng.pick(['Kota Surabaya', 'Kabupaten Banyuwangi', 'Kota Semarang', 'Kabupaten Sumedang', 'Kota Makassar'])}`;
    case 'MAGANG':
      return `Dinas Kependudukan dan Pencatatan Sipil ${isProvince ? `Provinsi ${region.name}` : region.name}`;
    default: {
      const university = course.university ? UNIVERSITIES.find((u) => u.name === course.university) : undefined;
      if (university && rng.chance(0.6)) return `Kampus ${university.shortName}, ${university.city}`;
      return rng.pick([`Aula ${bkpsdm}`, `Gedung Diklat ${bkpsdm}`, `Ruang Pelatihan ${bkpsdm}`]);
    }
  }
}

function krejcieMorgan(run: Run, population: number): number {
  const table = run.krejcieMorgan;
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table[mid]?.population ?? 0) >= population) hi = mid;
    else lo = mid + 1;
  }
  const row = table[lo];
  if (!row) throw new Error('evaluation.krejcie_morgan is empty');
  return Math.min(row.minimum, population);
}
