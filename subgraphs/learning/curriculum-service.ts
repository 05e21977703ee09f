import type { EntityManager } from '@mikro-orm/postgresql';
import { type Queryable, recordAuditEvent } from '../access/store.js';
import { assertRegionScope, assertUniversityScope, forbidden, grantOf } from '../shared/access.js';
import { type ListSql, pagedById } from '../shared/connection.js';
import { badUserInput } from '../shared/errors.js';
import { query } from '../shared/orm.js';
import { inTransaction } from '../shared/transaction.js';
import type { Viewer } from '../shared/viewer.js';
import type { Course, CourseModule, LearningOutcome } from './entities.js';
import { Delivery, type LearningMode, type Programme } from './enums.js';

/**
 * Curricula as published versions, and the partner-university writes: create and update a course,
 * publish a curriculum version. A course's modules and learning outcomes belong to a version; versions
 * are never changed once published (a trigger refuses it), the latest is the course's current curriculum,
 * and each offering points to the version it ran.
 *
 * Every write is one PostgreSQL transaction on the subgraph's pool: who may (`assertMayWriteCourse`),
 * validation (`BAD_USER_INPUT` naming the input field), the rows, and the audit events in
 * `access.audit_event` (who, when, before and after) commit together or not at all.
 */

// ---------------------------------------------------------------------------------------------------
// Reads

/** The current (latest) version of each course: `course_id, id` of `learning.curriculum_version`. */
const CURRENT_VERSIONS = `select distinct on (v.course_id) v.course_id, v.id
   from learning.curriculum_version v
  where v.course_id = any(?::int[])
  order by v.course_id, v.version desc`;

const MODULE_COLUMNS = `m.id, m.course_id as "courseId", m.curriculum_version_id as "curriculumVersionId", m.seq, m.title, m.jp`;
const OUTCOME_COLUMNS = `l.id, l.course_id as "courseId", l.curriculum_version_id as "curriculumVersionId",
  l.module_id as "moduleId", l.statement, l.competency_id as "competencyId", l.target_level as "targetLevel"`;

/** Modules of each course's current curriculum version, in order: one statement. */
export function currentModulesByCourse(em: EntityManager, courseIds: readonly number[]): Promise<CourseModule[]> {
  return query<CourseModule>(
    em,
    `select ${MODULE_COLUMNS} from (${CURRENT_VERSIONS}) cv
       join learning.course_module m on m.curriculum_version_id = cv.id
      order by m.course_id, m.seq`,
    [courseIds],
  );
}

/** Learning outcomes of each course's current curriculum version, by id: one statement. */
export function currentOutcomesByCourse(em: EntityManager, courseIds: readonly number[]): Promise<LearningOutcome[]> {
  return query<LearningOutcome>(
    em,
    `select ${OUTCOME_COLUMNS} from (${CURRENT_VERSIONS}) cv
       join learning.learning_outcome l on l.curriculum_version_id = cv.id
      order by l.id`,
    [courseIds],
  );
}

/** Modules of each curriculum version, in order. */
export function modulesByCurriculumVersion(em: EntityManager, versionIds: readonly number[]): Promise<CourseModule[]> {
  return query<CourseModule>(
    em,
    `select ${MODULE_COLUMNS} from learning.course_module m where m.curriculum_version_id = any(?::int[])
      order by m.curriculum_version_id, m.seq`,
    [versionIds],
  );
}

/** Learning outcomes of each curriculum version, by id. */
export function outcomesByCurriculumVersion(
  em: EntityManager,
  versionIds: readonly number[],
): Promise<LearningOutcome[]> {
  return query<LearningOutcome>(
    em,
    `select ${OUTCOME_COLUMNS} from learning.learning_outcome l where l.curriculum_version_id = any(?::int[])
      order by l.id`,
    [versionIds],
  );
}

/** A curriculum version as the GraphQL type reads it, with its course's provider (the access target). */
export interface CurriculumVersionRow {
  id: number;
  courseId: number;
  version: number;
  /** RFC 3339, UTC. */
  publishedAt: string;
  publishedBy: string | null;
  note: string;
  /** Sum of the module JP of the version (the course JP while it was current). */
  jp: number;
  /** True for the latest version of its course. */
  current: boolean;
  /** Code and region of the course's partner university (null without one): who may write it. */
  universityCode: string | null;
  regionCode: string | null;
}

const VERSION_FROM = `learning.curriculum_version v
  join learning.course c on c.id = v.course_id
  left join learning.university u on u.id = c.university_id`;
// publishedAt as RFC 3339 text in UTC (what the DateTimeISO scalar serializes): the raw driver gives PostgreSQL's text.
const VERSION_COLUMNS = `v.id, v.course_id as "courseId", v.version,
  to_char(v.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "publishedAt",
  v.published_by as "publishedBy", v.note,
  (select coalesce(sum(m.jp), 0)::int from learning.course_module m where m.curriculum_version_id = v.id) as jp,
  not exists (select 1 from learning.curriculum_version w where w.course_id = v.course_id and w.version > v.version) as current,
  u.code as "universityCode", u.region_code as "regionCode"`;

/** Curriculum versions of each course, oldest first (ids grow with versions), paged by id. */
export const CURRICULUM_VERSIONS_OF_COURSE: ListSql<CurriculumVersionRow> = {
  parentType: 'int',
  from: VERSION_FROM,
  columns: VERSION_COLUMNS,
  parent: 'v.course_id = s.key',
  count: { sql: 'select v.id as key from learning.curriculum_version v where v.course_id = s.key', params: [] },
  ...pagedById('v'),
};

export function curriculumVersionsById(em: EntityManager, ids: readonly number[]): Promise<CurriculumVersionRow[]> {
  return query<CurriculumVersionRow>(em, `select ${VERSION_COLUMNS} from ${VERSION_FROM} where v.id = any(?::int[])`, [
    ids,
  ]);
}

// ---------------------------------------------------------------------------------------------------
// Input and its validation

export interface OutcomeInput {
  statement: string;
  competencyCode: string;
  targetLevel: number;
}

export interface ModuleInput {
  seq: number;
  title: string;
  jp: number;
  outcomes?: readonly OutcomeInput[] | null;
}

export interface CurriculumInput {
  note: string;
  modules: readonly ModuleInput[];
  /** Outcomes of the whole course, taught by no single module. */
  outcomes?: readonly OutcomeInput[] | null;
}

export interface NewCourse {
  code: string;
  title: string;
  programme: Programme;
  mode: LearningMode;
  delivery: string;
  jp: number;
  universityCode?: string | null;
  description: string;
  curriculum: CurriculumInput;
}

export interface CourseChanges {
  title?: string | null;
  description?: string | null;
  programme?: Programme | null;
  mode?: LearningMode | null;
  delivery?: string | null;
}

export interface NewCurriculumVersion extends CurriculumInput {
  /** The course JP from this version on; default: unchanged. The modules' JP must add up to it. */
  jp?: number | null;
}

/** Bounds of the written values (the JP bound is generous: Latsar CPNS runs to a few hundred JP). */
export const CURRICULUM_LIMITS = {
  codeLength: 40,
  titleLength: 200,
  descriptionLength: 2000,
  noteLength: 1000,
  statementLength: 500,
  courseJp: 1000,
  modules: 50,
  outcomes: 100,
  targetLevel: { min: 1, max: 5 },
} as const;

const COURSE_CODE = /^[A-Z0-9][A-Z0-9._-]*$/;

/**
 * Deliveries that are klasikal or nonklasikal by nature (PerLAN 10/2018, docs/domain.md); BLENDED may be
 * either.
 */
const DELIVERY_MODE: Partial<Record<Delivery, LearningMode>> = {
  CLASSROOM: 'KLASIKAL',
  E_LEARNING: 'NONKLASIKAL',
  COACHING: 'NONKLASIKAL',
  MENTORING: 'NONKLASIKAL',
  MAGANG: 'NONKLASIKAL',
  BENCHMARKING: 'NONKLASIKAL',
  DISTANCE_LEARNING: 'NONKLASIKAL',
  SELF_LEARNING: 'NONKLASIKAL',
  DETASERING: 'NONKLASIKAL',
};

/** A trimmed, non-empty text of at most `max` characters, or BAD_USER_INPUT naming `field`. */
function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badUserInput(`${field} must not be empty.`, field);
  if (trimmed.length > max)
    throw badUserInput(`${field} is ${trimmed.length} characters long; at most ${max} are allowed.`, field);
  return trimmed;
}

function integerIn(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badUserInput(`${field} must be a whole number from ${min} to ${max}; got ${value}.`, field);
  return value;
}

const DELIVERIES: readonly Delivery[] = Object.values(Delivery);

function validDelivery(value: string, field: string): Delivery {
  const delivery = DELIVERIES.find((candidate) => candidate === value);
  if (delivery === undefined)
    throw badUserInput(`${field} must be one of ${DELIVERIES.join(', ')}; got "${value.slice(0, 40)}".`, field);
  return delivery;
}

function assertModeFits(mode: LearningMode, delivery: Delivery, field: string): void {
  const required = DELIVERY_MODE[delivery];
  if (required !== undefined && required !== mode)
    throw badUserInput(`Delivery ${delivery} is ${required.toLowerCase()}: the mode must be ${required}.`, field);
}

/** A validated outcome: trimmed statement, the competency still named by code. */
interface CheckedOutcome {
  statement: string;
  competencyCode: string;
  targetLevel: number;
  /** Where it came from in the input, for errors found later (an unknown competency). */
  field: string;
}

interface CheckedModule {
  seq: number;
  title: string;
  jp: number;
  outcomes: CheckedOutcome[];
}

/** A validated curriculum: modules sorted by seq (1..n), outcomes per module and course-wide. */
export interface CheckedCurriculum {
  note: string;
  jp: number;
  modules: CheckedModule[];
  outcomes: CheckedOutcome[];
}

function checkOutcomes(outcomes: readonly OutcomeInput[], field: string): CheckedOutcome[] {
  return outcomes.map((outcome, i) => {
    const at = `${field}[${i}]`;
    const { min, max } = CURRICULUM_LIMITS.targetLevel;
    return {
      statement: text(outcome.statement, `${at}.statement`, CURRICULUM_LIMITS.statementLength),
      competencyCode: text(outcome.competencyCode, `${at}.competencyCode`, 40),
      targetLevel: integerIn(outcome.targetLevel, `${at}.targetLevel`, min, max),
      field: `${at}.competencyCode`,
    };
  });
}

/**
 * Checks a curriculum against the course JP it must add up to. `field` is where the curriculum sits in
 * the input (`input` or `input.curriculum`); `jpField` names the JP it is checked against.
 */
export function checkCurriculum(input: CurriculumInput, jp: number, field: string, jpField: string): CheckedCurriculum {
  const note = text(input.note, `${field}.note`, CURRICULUM_LIMITS.noteLength);
  const modulesField = `${field}.modules`;
  const count = input.modules.length;
  if (count === 0) throw badUserInput(`${modulesField} must hold at least one module.`, modulesField);
  if (count > CURRICULUM_LIMITS.modules)
    throw badUserInput(`${modulesField} holds ${count} modules; at most ${CURRICULUM_LIMITS.modules}.`, modulesField);
  const bySeq = new Map<number, number>();
  const modules = input.modules.map((module, i): CheckedModule => {
    const at = `${modulesField}[${i}]`;
    if (!Number.isInteger(module.seq) || module.seq < 1 || module.seq > count)
      throw badUserInput(
        `${at}.seq is ${module.seq}: the ${count} modules are numbered 1 to ${count}, each once.`,
        `${at}.seq`,
      );
    const earlier = bySeq.get(module.seq);
    if (earlier !== undefined)
      throw badUserInput(
        `${at}.seq is ${module.seq}, like ${modulesField}[${earlier}]: each module has its own position.`,
        `${at}.seq`,
      );
    bySeq.set(module.seq, i);
    return {
      seq: module.seq,
      title: text(module.title, `${at}.title`, CURRICULUM_LIMITS.titleLength),
      jp: integerIn(module.jp, `${at}.jp`, 1, CURRICULUM_LIMITS.courseJp),
      outcomes: checkOutcomes(module.outcomes ?? [], `${at}.outcomes`),
    };
  });
  const outcomes = checkOutcomes(input.outcomes ?? [], `${field}.outcomes`);
  const outcomeCount = outcomes.length + modules.reduce((n, m) => n + m.outcomes.length, 0);
  if (outcomeCount === 0)
    throw badUserInput(
      `A curriculum needs at least one learning outcome mapped to a competency (in ${modulesField}[].outcomes or ${field}.outcomes).`,
      `${modulesField}`,
    );
  if (outcomeCount > CURRICULUM_LIMITS.outcomes)
    throw badUserInput(
      `A curriculum has at most ${CURRICULUM_LIMITS.outcomes} learning outcomes; got ${outcomeCount}.`,
      `${modulesField}`,
    );
  const sum = modules.reduce((n, m) => n + m.jp, 0);
  if (sum !== jp)
    throw badUserInput(
      `The module JP add up to ${sum}, but the course has ${jp} JP (${jpField}): they must be equal.`,
      modulesField,
    );
  modules.sort((a, b) => a.seq - b.seq);
  return { note, jp, modules, outcomes };
}

// ---------------------------------------------------------------------------------------------------
// Who may write

export interface UniversityRow {
  id: number;
  code: string;
  regionCode: string;
}

/**
 * Who may write a course of this university: a national administrator anywhere; a partner university
 * only its own courses; a regional administrator those of universities in its regions. A course without a
 * partner university belongs to no one's scope but the national administrators'. FORBIDDEN otherwise
 * (UNAUTHENTICATED for anonymous).
 */
export function assertMayWriteCourse(viewer: Viewer, university: UniversityRow | null, course: string): void {
  const grant = grantOf(viewer, 'CURRICULUM_WRITE');
  if (grant === 'all') return;
  // A role without the capability is refused here: FORBIDDEN, or UNAUTHENTICATED for anonymous.
  if (grant === undefined) assertUniversityScope(viewer, university?.code ?? '', 'CURRICULUM_WRITE');
  if (university === null)
    throw forbidden(`${course} has no partner university: only a national administrator may write it.`, {
      capability: 'CURRICULUM_WRITE',
    });
  if (grant === 'regions') assertRegionScope(viewer, [university.regionCode], 'CURRICULUM_WRITE');
  else assertUniversityScope(viewer, university.code, 'CURRICULUM_WRITE');
}

// ---------------------------------------------------------------------------------------------------
// Writes

/** A course row as the GraphQL Course type reads it. */
export type CourseRow = Course;

const COURSE_RETURNING = `id, code, title, programme, mode, delivery, jp, university_id as "universityId", description`;

async function rowsOf<Row extends Record<string, unknown>>(
  db: Queryable,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  return (await db.query<Row>(sql, params)).rows;
}

async function universityByCode(db: Queryable, code: string): Promise<UniversityRow | undefined> {
  const [row] = await rowsOf<UniversityRow & Record<string, unknown>>(
    db,
    'select id, code, region_code as "regionCode" from learning.university where code = $1',
    [code],
  );
  return row;
}

async function universityById(db: Queryable, id: number | null): Promise<UniversityRow | null> {
  if (id === null) return null;
  const [row] = await rowsOf<UniversityRow & Record<string, unknown>>(
    db,
    'select id, code, region_code as "regionCode" from learning.university where id = $1',
    [id],
  );
  return row ?? null;
}

/** The course by code, locked until the transaction ends (writes to one course happen one at a time). */
async function lockCourse(db: Queryable, code: string, field: string): Promise<CourseRow> {
  const [row] = await rowsOf<CourseRow & Record<string, unknown>>(
    db,
    `select ${COURSE_RETURNING} from learning.course where code = $1 for update`,
    [code],
  );
  if (!row) throw badUserInput(`There is no course with code "${code.slice(0, 60)}".`, field);
  return row;
}

/** Competency ids by code; an unknown code is BAD_USER_INPUT naming the first outcome using it. */
async function competencyIds(db: Queryable, curriculum: CheckedCurriculum): Promise<Map<string, number>> {
  const all = [...curriculum.modules.flatMap((m) => m.outcomes), ...curriculum.outcomes];
  const codes = [...new Set(all.map((o) => o.competencyCode))];
  const rows = await rowsOf<{ id: number; code: string }>(
    db,
    'select id, code from learning.competency where code = any($1::text[])',
    [codes],
  );
  const ids = new Map(rows.map((row) => [row.code, row.id]));
  for (const outcome of all) {
    if (!ids.has(outcome.competencyCode))
      throw badUserInput(
        `Unknown competency code "${outcome.competencyCode.slice(0, 40)}" (see the competencies query).`,
        outcome.field,
      );
  }
  return ids;
}

/** What the audit trail keeps of a curriculum version: everything a reader of it sees. */
interface VersionSnapshot {
  course: string;
  version: number;
  note: string;
  jp: number;
  modules: { seq: number; title: string; jp: number; outcomes: OutcomeSnapshot[] }[];
  outcomes: OutcomeSnapshot[];
}

type OutcomeSnapshot = {
  statement: string;
  competencyCode: string;
  targetLevel: number;
};

/** What a version snapshot keeps of an outcome, whatever else the row or input carries. */
function outcomeSnapshot({ statement, competencyCode, targetLevel }: OutcomeSnapshot): OutcomeSnapshot {
  return { statement, competencyCode, targetLevel };
}

function snapshotOf(course: string, version: number, curriculum: CheckedCurriculum): VersionSnapshot {
  return {
    course,
    version,
    note: curriculum.note,
    jp: curriculum.jp,
    modules: curriculum.modules.map((m) => ({
      seq: m.seq,
      title: m.title,
      jp: m.jp,
      outcomes: m.outcomes.map(outcomeSnapshot),
    })),
    outcomes: curriculum.outcomes.map(outcomeSnapshot),
  };
}

/** The stored snapshot of a version (for the `before` of the next one). */
async function storedSnapshot(db: Queryable, course: string, versionId: number): Promise<VersionSnapshot> {
  const [version] = await rowsOf<{ version: number; note: string }>(
    db,
    'select version, note from learning.curriculum_version where id = $1',
    [versionId],
  );
  const modules = await rowsOf<{ id: number; seq: number; title: string; jp: number }>(
    db,
    'select id, seq, title, jp from learning.course_module where curriculum_version_id = $1 order by seq',
    [versionId],
  );
  const outcomes = await rowsOf<{ moduleId: number | null } & OutcomeSnapshot>(
    db,
    `select l.module_id as "moduleId", l.statement, c.code as "competencyCode", l.target_level as "targetLevel"
       from learning.learning_outcome l join learning.competency c on c.id = l.competency_id
      where l.curriculum_version_id = $1 order by l.id`,
    [versionId],
  );
  return {
    course,
    version: version?.version ?? 0,
    note: version?.note ?? '',
    jp: modules.reduce((n, m) => n + m.jp, 0),
    modules: modules.map((m) => ({
      seq: m.seq,
      title: m.title,
      jp: m.jp,
      outcomes: outcomes.filter((o) => o.moduleId === m.id).map(outcomeSnapshot),
    })),
    outcomes: outcomes.filter((o) => o.moduleId === null).map(outcomeSnapshot),
  };
}

/** Inserts a version with its modules and outcomes; returns its id. */
async function insertVersion(
  db: Queryable,
  viewer: Viewer,
  courseId: number,
  version: number,
  curriculum: CheckedCurriculum,
  competencies: Map<string, number>,
): Promise<number> {
  const [row] = await rowsOf<{ id: number }>(
    db,
    `insert into learning.curriculum_version (course_id, version, published_by, note)
     values ($1, $2, $3, $4) returning id`,
    [courseId, version, viewer.subject, curriculum.note],
  );
  if (!row) throw new Error('curriculum_version insert returned no row');
  const moduleIds = await rowsOf<{ id: number; seq: number }>(
    db,
    `insert into learning.course_module (course_id, curriculum_version_id, seq, title, jp)
     select $1, $2, m.seq, m.title, m.jp from unnest($3::int[], $4::text[], $5::int[]) as m(seq, title, jp)
     returning id, seq`,
    [
      courseId,
      row.id,
      curriculum.modules.map((m) => m.seq),
      curriculum.modules.map((m) => m.title),
      curriculum.modules.map((m) => m.jp),
    ],
  );
  const moduleIdBySeq = new Map(moduleIds.map((m) => [m.seq, m.id]));
  const outcomes = [
    ...curriculum.modules.flatMap((m) => m.outcomes.map((o) => ({ ...o, moduleId: moduleIdBySeq.get(m.seq) ?? null }))),
    ...curriculum.outcomes.map((o) => ({ ...o, moduleId: null })),
  ];
  await db.query(
    `insert into learning.learning_outcome (course_id, curriculum_version_id, module_id, statement, competency_id, target_level)
     select $1, $2, o.module_id, o.statement, o.competency_id, o.target_level
       from unnest($3::int[], $4::text[], $5::int[], $6::int[]) with ordinality as o(module_id, statement, competency_id, target_level, n)
      order by o.n`,
    [
      courseId,
      row.id,
      outcomes.map((o) => o.moduleId),
      outcomes.map((o) => o.statement),
      outcomes.map((o) => competencies.get(o.competencyCode) ?? null),
      outcomes.map((o) => o.targetLevel),
    ],
  );
  return row.id;
}

/** The audited fields of a course (everything but its id). */
function courseSnapshot(course: CourseRow, university: UniversityRow | null) {
  return {
    code: course.code,
    title: course.title,
    programme: course.programme,
    mode: course.mode,
    delivery: course.delivery,
    jp: course.jp,
    universityCode: university?.code ?? null,
    description: course.description,
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === '23505' &&
    'constraint' in error &&
    error.constraint === constraint
  );
}

/** Creates a course with its first curriculum version (version 1); audited. */
export async function createCourse(em: EntityManager, viewer: Viewer, input: NewCourse): Promise<CourseRow> {
  return inTransaction(em, async (db) => {
    // Who may comes first: a refused caller learns nothing from validation.
    const universityCode = input.universityCode?.trim() || null;
    let university: UniversityRow | null = null;
    if (universityCode !== null) {
      if (grantOf(viewer, 'CURRICULUM_WRITE') === 'university')
        assertUniversityScope(viewer, universityCode, 'CURRICULUM_WRITE');
      university = (await universityByCode(db, universityCode)) ?? null;
      if (university === null)
        throw badUserInput(
          `There is no partner university with code "${universityCode.slice(0, 40)}".`,
          'input.universityCode',
        );
    }
    assertMayWriteCourse(viewer, university, `Course ${input.code.trim().slice(0, CURRICULUM_LIMITS.codeLength)}`);

    const code = text(input.code, 'input.code', CURRICULUM_LIMITS.codeLength);
    if (!COURSE_CODE.test(code))
      throw badUserInput(
        'input.code must be upper-case letters, digits, ".", "_" or "-", starting with a letter or digit.',
        'input.code',
      );
    const delivery = validDelivery(input.delivery, 'input.delivery');
    assertModeFits(input.mode, delivery, 'input.mode');
    const course = {
      code,
      title: text(input.title, 'input.title', CURRICULUM_LIMITS.titleLength),
      programme: input.programme,
      mode: input.mode,
      delivery,
      jp: integerIn(input.jp, 'input.jp', 1, CURRICULUM_LIMITS.courseJp),
      description: text(input.description, 'input.description', CURRICULUM_LIMITS.descriptionLength),
    };
    const curriculum = checkCurriculum(input.curriculum, course.jp, 'input.curriculum', 'input.jp');
    const competencies = await competencyIds(db, curriculum);
    const taken = await rowsOf(db, 'select 1 from learning.course where code = $1', [code]);
    if (taken.length > 0) throw badUserInput(`A course with code ${code} exists already.`, 'input.code');

    let created: CourseRow | undefined;
    try {
      [created] = await rowsOf<CourseRow & Record<string, unknown>>(
        db,
        `insert into learning.course (code, title, programme, mode, delivery, jp, university_id, description)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COURSE_RETURNING}`,
        [
          course.code,
          course.title,
          course.programme,
          course.mode,
          course.delivery,
          course.jp,
          university?.id ?? null,
          course.description,
        ],
      );
    } catch (error) {
      // Two creations of the same code at once: the second finds the unique constraint.
      if (isUniqueViolation(error, 'course_code_key'))
        throw badUserInput(`A course with code ${code} exists already.`, 'input.code');
      throw error;
    }
    if (!created) throw new Error('course insert returned no row');
    await insertVersion(db, viewer, created.id, 1, curriculum, competencies);
    const regionCode = university?.regionCode ?? null;
    await recordAuditEvent(db, viewer, {
      entity: 'course',
      key: code,
      action: 'CREATE',
      regionCode,
      after: courseSnapshot(created, university),
    });
    await recordAuditEvent(db, viewer, {
      entity: 'curriculum_version',
      key: `${code}/1`,
      action: 'CREATE',
      regionCode,
      after: snapshotOf(code, 1, curriculum),
    });
    return created;
  });
}

/** Changes a course's title, description, programme, mode or delivery; audited with the fields changed. */
export async function updateCourse(
  em: EntityManager,
  viewer: Viewer,
  code: string,
  changes: CourseChanges,
): Promise<CourseRow> {
  return inTransaction(em, async (db) => {
    const before = await lockCourse(db, code, 'code');
    const university = await universityById(db, before.universityId ?? null);
    assertMayWriteCourse(viewer, university, `Course ${before.code}`);

    const given = Object.entries(changes).filter(([, value]) => value !== undefined && value !== null);
    if (given.length === 0)
      throw badUserInput(
        'Nothing to change: give at least one of title, description, programme, mode, delivery.',
        'input',
      );
    const delivery = changes.delivery == null ? before.delivery : validDelivery(changes.delivery, 'input.delivery');
    const after: CourseRow = {
      ...before,
      title: changes.title == null ? before.title : text(changes.title, 'input.title', CURRICULUM_LIMITS.titleLength),
      description:
        changes.description == null
          ? before.description
          : text(changes.description, 'input.description', CURRICULUM_LIMITS.descriptionLength),
      programme: changes.programme ?? before.programme,
      mode: changes.mode ?? before.mode,
      delivery,
    };
    assertModeFits(after.mode, delivery, changes.mode == null ? 'input.delivery' : 'input.mode');

    const fields = ['title', 'description', 'programme', 'mode', 'delivery'] as const;
    const changed = fields.filter((field) => after[field] !== before[field]);
    if (changed.length === 0) return before; // the same values again: nothing to write or audit
    const [updated] = await rowsOf<CourseRow & Record<string, unknown>>(
      db,
      `update learning.course set title = $2, description = $3, programme = $4, mode = $5, delivery = $6
        where id = $1 returning ${COURSE_RETURNING}`,
      [before.id, after.title, after.description, after.programme, after.mode, after.delivery],
    );
    if (!updated) throw new Error('course update returned no row');
    await recordAuditEvent(db, viewer, {
      entity: 'course',
      key: before.code,
      action: 'UPDATE',
      regionCode: university?.regionCode ?? null,
      before: Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, updated[field]])),
    });
    return updated;
  });
}

/**
 * Publishes the next curriculum version of a course: the earlier versions, and the offerings that ran
 * them, stay as they are. A new course JP (`jp`) takes effect with it. Audited: the version (before: the
 * previous current version), and the course JP when it changes.
 */
export async function publishCurriculumVersion(
  em: EntityManager,
  viewer: Viewer,
  courseCode: string,
  input: NewCurriculumVersion,
): Promise<CurriculumVersionRow> {
  const versionId = await inTransaction(em, async (db) => {
    const course = await lockCourse(db, courseCode, 'courseCode');
    const university = await universityById(db, course.universityId ?? null);
    assertMayWriteCourse(viewer, university, `Course ${course.code}`);

    const jp = input.jp == null ? course.jp : integerIn(input.jp, 'input.jp', 1, CURRICULUM_LIMITS.courseJp);
    const curriculum = checkCurriculum(input, jp, 'input', input.jp == null ? 'the current course JP' : 'input.jp');
    const competencies = await competencyIds(db, curriculum);
    const [latest] = await rowsOf<{ id: number; version: number }>(
      db,
      'select id, version from learning.curriculum_version where course_id = $1 order by version desc limit 1',
      [course.id],
    );
    const version = (latest?.version ?? 0) + 1;
    const id = await insertVersion(db, viewer, course.id, version, curriculum, competencies);
    const regionCode = university?.regionCode ?? null;
    if (jp !== course.jp) {
      await db.query('update learning.course set jp = $2 where id = $1', [course.id, jp]);
      await recordAuditEvent(db, viewer, {
        entity: 'course',
        key: course.code,
        action: 'UPDATE',
        regionCode,
        before: { jp: course.jp },
        after: { jp },
      });
    }
    await recordAuditEvent(db, viewer, {
      entity: 'curriculum_version',
      key: `${course.code}/${version}`,
      action: 'CREATE',
      regionCode,
      before: latest ? await storedSnapshot(db, course.code, latest.id) : undefined,
      after: snapshotOf(course.code, version, curriculum),
    });
    return id;
  });
  const [published] = await curriculumVersionsById(em, [versionId]);
  if (!published) throw new Error('published curriculum version not found after commit');
  return published;
}
