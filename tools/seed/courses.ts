import { type AgencyKind, COMPETENCIES, COURSES, type CourseDef, type Delivery, UNIVERSITIES } from './catalog.js';
import type { Rng } from './random.js';
import type { RoleDef, UnitKind } from './roles.js';
import { nextId, type Run } from './run.js';
import type { CoursePool } from './types.js';

/** Rupiah per participant and JP, by delivery (2021 prices; +3% a year). */
export const COST_PER_PARTICIPANT_JP: Record<Delivery, number> = {
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

/** Writes the learning catalogue: competencies, universities, courses with their modules and outcomes. */
export function writeCatalog(run: Run): void {
  const competencyIds = new Map<string, number>();
  for (const c of COMPETENCIES) {
    const id = nextId(run, 'competency');
    competencyIds.set(c.code, id);
    run.tables.competency.add(id, c.code, c.name, c.kind, c.description);
  }
  const universityIds = new Map<string, number>();
  for (const u of UNIVERSITIES) {
    const id = nextId(run, 'university');
    universityIds.set(u.name, id);
    run.tables.university.add(id, u.shortName.toUpperCase(), u.name, u.shortName, u.regionCode);
  }
  for (const course of COURSES) writeCourse(run, course, competencyIds, universityIds);
}

function writeCourse(
  run: Run,
  course: CourseDef,
  competencyIds: Map<string, number>,
  universityIds: Map<string, number>,
): void {
  const { tables } = run;
  const id = nextId(run, 'course');
  run.courseIds.push(id);
  const universityId = course.university ? universityIds.get(course.university) : null;
  if (universityId === undefined) throw new Error(`course ${course.code}: unknown university ${course.university}`);
  const { code, title, programme, mode, delivery, jp, description } = course;
  tables.course.add(id, code, title, programme, mode, delivery, jp, universityId, description);
  // One curriculum version, published on 1 January of the first seeded year; every offering runs it.
  const versionId = nextId(run, 'curriculumVersion');
  run.curriculumVersionIds.push(versionId);
  tables.curriculumVersion.add(versionId, id, 1, `${run.from}-01-01T00:00:00Z`, 'Demo curriculum, version 1.');
  // Module JP: an even split of the course JP, the remainder on the first modules; sums to the course JP.
  const n = course.modules.length;
  const moduleIds: number[] = [];
  course.modules.forEach((title, i) => {
    const moduleId = nextId(run, 'module');
    moduleIds.push(moduleId);
    const jp = Math.floor(course.jp / n) + (i < course.jp % n ? 1 : 0);
    tables.module.add(moduleId, id, versionId, i + 1, title, jp);
  });
  for (const [moduleIndex, statement, competency, level] of course.outcomes) {
    const competencyId = competencyIds.get(competency);
    if (competencyId === undefined) throw new Error(`course ${course.code}: unknown competency ${competency}`);
    const moduleId = moduleIndex === null ? null : (moduleIds[moduleIndex] ?? null);
    tables.outcome.add(nextId(run, 'outcome'), id, versionId, moduleId, statement, competencyId, level);
  }
}

/** The courses someone may choose in a year, with weights (their own field's courses count more). */
export function coursePool(
  run: Run,
  agency: AgencyKind,
  role: RoleDef,
  unitKind: UnitKind | null,
  manager: boolean,
): CoursePool {
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

/** Seats of a class, by delivery: classroom 25-40, e-learning 150-400, coaching 10-20, ... */
export function typicalCapacity(course: CourseDef, rng: Rng): number {
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

/** Calendar days from the first to the last day of a class. */
export function durationDays(course: CourseDef): number {
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

const BENCHMARK_HOSTS = [
  'Kota Surabaya',
  'Kabupaten Banyuwangi',
  'Kota Semarang',
  'Kabupaten Sumedang',
  'Kota Makassar',
];

/** Where a class of a region (`label`: 'Kota Medan', 'Provinsi Sumatera Utara') takes place. */
export function venue(course: CourseDef, label: string, rng: Rng): string {
  const bkpsdm = `BKPSDM ${label}`;
  switch (course.delivery) {
    case 'E_LEARNING':
      return `LMS ${bkpsdm} (daring)`;
    case 'DISTANCE_LEARNING':
      return `Kelas daring ${bkpsdm}`;
    case 'COACHING':
    case 'MENTORING':
      return 'Unit kerja peserta';
    case 'BENCHMARKING':
      return `Kunjungan lapangan: ${rng.pick(BENCHMARK_HOSTS)}`;
    case 'MAGANG':
      return `Dinas Kependudukan dan Pencatatan Sipil ${label}`;
    default: {
      const university = course.university ? UNIVERSITIES.find((u) => u.name === course.university) : undefined;
      if (university && rng.chance(0.6)) return `Kampus ${university.shortName}, ${university.city}`;
      return rng.pick([`Aula ${bkpsdm}`, `Gedung Diklat ${bkpsdm}`, `Ruang Pelatihan ${bkpsdm}`]);
    }
  }
}
