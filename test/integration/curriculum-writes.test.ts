import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessGrantStatements } from '../../subgraphs/access/migrate.js';
import {
  createCourse,
  currentModulesByCourse,
  currentOutcomesByCourse,
  publishCurriculumVersion,
} from '../../subgraphs/learning/curriculum-service.js';
import { learning } from '../../subgraphs/learning/index.js';
import { ensureRoles, grantStatements } from '../../subgraphs/migrate.js';
import { migrate, openOrm } from '../../subgraphs/shared/orm.js';
import {
  CourseCurriculumDocument,
  CreateCourseDocument,
  type CreateCourseInput,
  CurriculumPublishersDocument,
  PublishCurriculumVersionDocument,
  type PublishCurriculumVersionInput,
  UpdateCourseDocument,
} from '../generated/graphql.js';
import { as, type Caller, type GraphqlResponse, NATIONAL_ADMIN, usePlatform } from '../support/platform.js';

/**
 * Partner-university writes through the gateway, on the shared seeded database: create and update a
 * course, publish curriculum versions; who may; validation naming the field with nothing written; the
 * audit trail in the same transaction. Every course here is new (codes unique to this run), so the seeded
 * courses other tests read stay as they are.
 */
const api = usePlatform();
const RUN = randomBytes(3).toString('hex').toUpperCase();
const code = (name: string) => `CW-${RUN}-${name}`;

const UNIMED = as('partner-university', 'UNIMED');
const USU = as('partner-university', 'USU');
const PLANNER = as('planner', ['12.71']);
const MEDAN_ADMIN = as('regional-admin', ['12.71']);
const MERAUKE_ADMIN = as('regional-admin', ['93.01']);

/** A valid new course of UNIMED: 3 modules of 4 + 4 + 4 JP = 12 JP, outcomes in two modules and course-wide. */
function newCourse(name: string, overrides: Partial<CreateCourseInput> = {}): CreateCourseInput {
  return {
    code: code(name),
    title: 'Analisis Data Layanan Publik',
    programme: 'TEKNIS',
    mode: 'KLASIKAL',
    delivery: 'CLASSROOM',
    jp: 12,
    universityCode: 'UNIMED',
    description: 'Membaca data pengaduan dan survei kepuasan untuk memperbaiki layanan unit kerja.',
    curriculum: {
      note: 'Versi pertama, disusun bersama BKPSDM Kota Medan.',
      modules: [
        {
          seq: 1,
          title: 'Data Layanan dan Sumbernya',
          jp: 4,
          outcomes: [{ statement: 'Peserta memetakan sumber data layanan', competencyCode: 'TKN-01', targetLevel: 2 }],
        },
        { seq: 2, title: 'Analisis Pengaduan', jp: 4 },
        {
          seq: 3,
          title: 'Rencana Perbaikan Layanan',
          jp: 4,
          outcomes: [
            { statement: 'Peserta menyusun rencana perbaikan layanan', competencyCode: 'MNJ-05', targetLevel: 3 },
          ],
        },
      ],
      outcomes: [{ statement: 'Peserta bekerja sama lintas unit', competencyCode: 'MNJ-02', targetLevel: 2 }],
    },
    ...overrides,
  };
}

/** Version 2 of a course: 2 modules of 10 + 6 JP (the course grows from 12 to 16 JP). */
function secondVersion(overrides: Partial<PublishCurriculumVersionInput> = {}): PublishCurriculumVersionInput {
  return {
    note: 'Versi 2: praktik analisis diperpanjang, modul sumber data digabung.',
    jp: 16,
    modules: [
      {
        seq: 2,
        title: 'Rencana Perbaikan Layanan',
        jp: 6,
        outcomes: [
          { statement: 'Peserta menyusun rencana perbaikan layanan', competencyCode: 'MNJ-05', targetLevel: 3 },
        ],
      },
      {
        seq: 1,
        title: 'Analisis Data Pengaduan dan Survei',
        jp: 10,
        outcomes: [{ statement: 'Peserta menganalisis data pengaduan', competencyCode: 'TKN-01', targetLevel: 3 }],
      },
    ],
    ...overrides,
  };
}

async function sql<Row extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
  return (await api.db.query<Row>(text, params)).rows;
}

/** Rows of every table the curriculum writes touch (audit: course and curriculum events only). */
async function counts() {
  const [row] = await sql<Record<string, string>>(
    `select (select count(*) from learning.course) as courses,
            (select count(*) from learning.curriculum_version) as versions,
            (select count(*) from learning.course_module) as modules,
            (select count(*) from learning.learning_outcome) as outcomes,
            (select count(*) from learning.course_offering) as offerings,
            (select count(*) from access.audit_event where entity in ('course', 'curriculum_version')) as audit`,
  );
  return row;
}

interface AuditRow extends Record<string, unknown> {
  entity: string;
  entity_key: string;
  action: string;
  subject: string | null;
  role: string;
  via: string;
  region_code: string | null;
  before: unknown;
  after: unknown;
  at: Date;
}

function auditOf(key: string): Promise<AuditRow[]> {
  return sql<AuditRow>(
    `select entity, entity_key, action, subject, role, via, region_code, before, after, at
       from access.audit_event where entity_key = $1 or entity_key like $1 || '/%' order by id`,
    [key],
  );
}

function errorOf<Data>(response: GraphqlResponse<Data>) {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  const [error] = response.errors ?? [];
  return { message: error?.message ?? '', ...(error?.extensions ?? {}) };
}

async function create(name: string, caller = UNIMED, overrides: Partial<CreateCourseInput> = {}) {
  const response = await api.query(CreateCourseDocument, { input: newCourse(name, overrides) }, caller);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const course = response.data?.createCourse;
  if (!course) throw new Error('no course created');
  return course;
}

/** A USU course of the seed (TKN-DIGI), and UNMUS's (TKN-INFRA, Merauke): other universities' courses. */
let usuCourse: { id: number; code: string };

beforeAll(async () => {
  const [row] = await sql<{ id: number; code: string }>(
    `select c.id, c.code from learning.course c join learning.university u on u.id = c.university_id
      where u.short_name = 'USU' order by c.id limit 1`,
  );
  if (!row) throw new Error('the seed has no USU course');
  usuCourse = row;
});

describe('a partner university', () => {
  it('creates a course of its own with version 1 of its curriculum, audited in the same transaction', async () => {
    const before = await counts();
    const course = await create('OWN');
    expect(course).toMatchObject({
      code: code('OWN'),
      title: 'Analisis Data Layanan Publik',
      programme: 'TEKNIS',
      mode: 'KLASIKAL',
      delivery: 'CLASSROOM',
      jp: 12,
      provider: { code: 'UNIMED', shortName: 'UNIMED' },
      modules: [
        { seq: 1, title: 'Data Layanan dan Sumbernya', jp: 4 },
        { seq: 2, title: 'Analisis Pengaduan', jp: 4 },
        { seq: 3, title: 'Rencana Perbaikan Layanan', jp: 4 },
      ],
      curriculumVersions: {
        totalCount: 1,
        nodes: [{ version: 1, current: true, jp: 12, note: 'Versi pertama, disusun bersama BKPSDM Kota Medan.' }],
      },
    });
    expect(course.learningOutcomes.map((o) => [o.competency.code, o.targetLevel, o.moduleId !== null])).toEqual([
      ['TKN-01', 2, true],
      ['MNJ-05', 3, true],
      ['MNJ-02', 2, false],
    ]);
    expect(await counts()).toEqual({
      ...before,
      courses: String(Number(before?.courses) + 1),
      versions: String(Number(before?.versions) + 1),
      modules: String(Number(before?.modules) + 3),
      outcomes: String(Number(before?.outcomes) + 3),
      audit: String(Number(before?.audit) + 2),
    });

    const audit = await auditOf(code('OWN'));
    expect(audit.map(({ at: _at, before: b, after: _after, ...row }) => ({ ...row, before: b }))).toEqual([
      {
        entity: 'course',
        entity_key: code('OWN'),
        action: 'CREATE',
        subject: 'test-partner-university',
        role: 'partner-university',
        via: 'jwt',
        region_code: '12.71',
        before: null,
      },
      {
        entity: 'curriculum_version',
        entity_key: `${code('OWN')}/1`,
        action: 'CREATE',
        subject: 'test-partner-university',
        role: 'partner-university',
        via: 'jwt',
        region_code: '12.71',
        before: null,
      },
    ]);
    expect(audit[0]?.after).toEqual({
      code: code('OWN'),
      title: 'Analisis Data Layanan Publik',
      programme: 'TEKNIS',
      mode: 'KLASIKAL',
      delivery: 'CLASSROOM',
      jp: 12,
      universityCode: 'UNIMED',
      description: 'Membaca data pengaduan dan survei kepuasan untuk memperbaiki layanan unit kerja.',
    });
    expect(audit[1]?.after).toMatchObject({
      course: code('OWN'),
      version: 1,
      jp: 12,
      modules: [
        { seq: 1, jp: 4, outcomes: [{ competencyCode: 'TKN-01', targetLevel: 2 }] },
        { seq: 2, jp: 4, outcomes: [] },
        { seq: 3, jp: 4, outcomes: [{ competencyCode: 'MNJ-05', targetLevel: 3 }] },
      ],
      outcomes: [{ statement: 'Peserta bekerja sama lintas unit', competencyCode: 'MNJ-02', targetLevel: 2 }],
    });
    const [version] = await sql<{ published_by: string | null }>(
      'select published_by from learning.curriculum_version where course_id = $1',
      [course.id],
    );
    expect(version?.published_by).toBe('test-partner-university');
  });

  it('updates its own course, auditing only the fields that changed', async () => {
    const course = await create('UPD');
    const response = await api.query(
      UpdateCourseDocument,
      { code: course.code, input: { title: '  Analisis Data Pengaduan  ', mode: 'KLASIKAL', delivery: 'BLENDED' } },
      UNIMED,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.updateCourse).toMatchObject({
      code: course.code,
      title: 'Analisis Data Pengaduan',
      mode: 'KLASIKAL',
      delivery: 'BLENDED',
      jp: 12,
      modules: course.modules,
    });
    const audit = await auditOf(course.code);
    expect(audit.at(-1)).toMatchObject({
      entity: 'course',
      action: 'UPDATE',
      subject: 'test-partner-university',
      role: 'partner-university',
      region_code: '12.71',
      before: { title: 'Analisis Data Layanan Publik', delivery: 'CLASSROOM' },
      after: { title: 'Analisis Data Pengaduan', delivery: 'BLENDED' },
    });

    // The same values again: nothing written, nothing audited.
    const rows = audit.length;
    const again = await api.query(
      UpdateCourseDocument,
      { code: course.code, input: { title: 'Analisis Data Pengaduan' } },
      UNIMED,
    );
    expect(again.data?.updateCourse.title).toBe('Analisis Data Pengaduan');
    expect(await auditOf(course.code)).toHaveLength(rows);
  });

  it('publishes version 2 while version 1 and the offering that ran it stay as they were', async () => {
    const course = await create('V2');
    const [v1] = await sql<{ id: number }>('select id from learning.curriculum_version where course_id = $1', [
      course.id,
    ]);
    // An offering that ran version 1 (in a year no other test reads).
    const [offering] = await sql<{ id: number }>(
      `insert into learning.course_offering
         (code, course_id, curriculum_version_id, region_code, year, starts_on, ends_on, capacity, venue, status)
       values ($3, $1, $2, '12.71', 2020, '2020-03-02', '2020-03-04', 30, 'Kampus UNIMED', 'HELD') returning id`,
      [course.id, v1?.id, `${code('V2')}-12.71-2020-01`],
    );
    const v1Rows = () =>
      sql(
        `select 'module' as kind, id, seq::text as a, title as b, jp::text as c from learning.course_module where curriculum_version_id = $1
         union all
         select 'outcome', id, module_id::text, statement, competency_id || '/' || target_level from learning.learning_outcome
          where curriculum_version_id = $1
         union all
         select 'version', id, version::text, note, published_at::text from learning.curriculum_version where id = $1
         order by 1, 2`,
        [v1?.id],
      );
    const v1Before = await v1Rows();
    expect(v1Before).toHaveLength(1 + 3 + 3);

    const response = await api.query(
      PublishCurriculumVersionDocument,
      { courseCode: course.code, input: secondVersion() },
      UNIMED,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const published = response.data?.publishCurriculumVersion;
    expect(published).toMatchObject({
      version: 2,
      current: true,
      jp: 16,
      note: 'Versi 2: praktik analisis diperpanjang, modul sumber data digabung.',
      publishedBy: 'test-partner-university',
      modules: [
        { seq: 1, title: 'Analisis Data Pengaduan dan Survei', jp: 10 },
        { seq: 2, title: 'Rencana Perbaikan Layanan', jp: 6 },
      ],
      course: { code: course.code, jp: 16 },
    });
    expect(Date.now() - Date.parse(published?.publishedAt ?? '')).toBeLessThan(60_000);
    // The course's current curriculum is version 2.
    expect(published?.course.modules).toEqual(published?.modules);
    // Outcomes in module order (the input listed module 2 first).
    expect(published?.course.learningOutcomes.map((o) => o.statement)).toEqual([
      'Peserta menganalisis data pengaduan',
      'Peserta menyusun rencana perbaikan layanan',
    ]);

    expect(await v1Rows()).toEqual(v1Before);
    const read = await api.query(CourseCurriculumDocument, { id: course.id }, 'anonymous');
    expect(read.errors).toBeUndefined();
    const versions = read.data?.course?.curriculumVersions;
    expect(versions?.totalCount).toBe(2);
    expect(
      versions?.nodes.map((v) => [v.version, v.current, v.jp, v.modules.length, v.learningOutcomes.length]),
    ).toEqual([
      [1, false, 12, 3, 3],
      [2, true, 16, 2, 2],
    ]);
    expect(versions?.nodes[0]?.modules).toEqual(course.modules);
    expect(read.data?.course?.offerings.nodes).toEqual([
      { id: offering?.id, curriculumVersion: { version: 1, current: false } },
    ]);

    const audit = await auditOf(course.code);
    const jpChange = audit.find((row) => row.entity === 'course' && row.action === 'UPDATE');
    expect(jpChange).toMatchObject({ before: { jp: 12 }, after: { jp: 16 }, role: 'partner-university' });
    const versionEvent = audit.find((row) => row.entity_key === `${course.code}/2`);
    expect(versionEvent).toMatchObject({
      entity: 'curriculum_version',
      action: 'CREATE',
      subject: 'test-partner-university',
      before: { version: 1, jp: 12, modules: [{ seq: 1 }, { seq: 2 }, { seq: 3 }] },
      after: {
        version: 2,
        jp: 16,
        modules: [
          { seq: 1, jp: 10 },
          { seq: 2, jp: 6 },
        ],
      },
    });
  });

  it("cannot touch another university's course: FORBIDDEN naming the university, nothing written", async () => {
    const before = await counts();
    const update = await api.query(
      UpdateCourseDocument,
      { code: usuCourse.code, input: { title: 'Diambil alih' } },
      UNIMED,
    );
    expect(errorOf(update)).toMatchObject({
      code: 'FORBIDDEN',
      message: 'University USU is outside your scope.',
      universityCode: 'USU',
    });
    const publish = await api.query(
      PublishCurriculumVersionDocument,
      { courseCode: usuCourse.code, input: secondVersion() },
      UNIMED,
    );
    expect(errorOf(publish)).toMatchObject({ code: 'FORBIDDEN', universityCode: 'USU' });
    const createForOther = await api.query(
      CreateCourseDocument,
      { input: newCourse('FOR-USU', { universityCode: 'USU' }) },
      UNIMED,
    );
    expect(errorOf(createForOther)).toMatchObject({ code: 'FORBIDDEN', universityCode: 'USU' });
    // A course of its own is not USU's to change either.
    const own = await create('NOT-USU');
    const afterOwn = await counts();
    const byUsu = await api.query(UpdateCourseDocument, { code: own.code, input: { title: 'Milik USU' } }, USU);
    expect(errorOf(byUsu)).toMatchObject({ code: 'FORBIDDEN', universityCode: 'UNIMED' });
    const withoutUniversity = await api.query(
      CreateCourseDocument,
      { input: newCourse('NO-UNI', { universityCode: null }) },
      UNIMED,
    );
    expect(errorOf(withoutUniversity)).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(withoutUniversity).message).toMatch(/only a national administrator/);
    expect(await counts()).toEqual(afterOwn);
    expect(Number(afterOwn?.courses)).toBe(Number(before?.courses) + 1);
    const [title] = await sql<{ title: string }>('select title from learning.course where id = $1', [usuCourse.id]);
    expect(title?.title).not.toBe('Diambil alih');
  });
});

describe('other roles', () => {
  it('a regional administrator writes for universities in its regions only', async () => {
    const course = await create('REGIONAL');
    const published = await api.query(
      PublishCurriculumVersionDocument,
      { courseCode: course.code, input: secondVersion() },
      MEDAN_ADMIN,
    );
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishCurriculumVersion).toMatchObject({ version: 2, publishedBy: 'test-regional-admin' });
    const before = await counts();
    const outside = await api.query(
      UpdateCourseDocument,
      { code: course.code, input: { title: 'Dari Merauke' } },
      MERAUKE_ADMIN,
    );
    expect(errorOf(outside)).toMatchObject({ code: 'FORBIDDEN', regionCode: '12.71', capability: 'CURRICULUM_WRITE' });
    expect(errorOf(outside).message).toBe('Region 12.71 is outside your scope (93.01).');
    expect(await counts()).toEqual(before);
    const [event] = (await auditOf(course.code)).filter((row) => row.entity_key === `${course.code}/2`);
    expect(event).toMatchObject({ subject: 'test-regional-admin', role: 'regional-admin', region_code: '12.71' });
  });

  it('a national administrator writes anywhere, courses without a partner university included', async () => {
    const course = await create('NATIONAL', NATIONAL_ADMIN, { universityCode: null });
    expect(course.provider).toBeNull();
    const [event] = await auditOf(course.code);
    expect(event).toMatchObject({ role: 'national-admin', region_code: null, after: { universityCode: null } });
    const ofUniversity = await create('NATIONAL-UNIMED');
    const updated = await api.query(
      UpdateCourseDocument,
      { code: ofUniversity.code, input: { description: 'Deskripsi ditinjau oleh BKN.' } },
      NATIONAL_ADMIN,
    );
    expect(updated.data?.updateCourse.description).toBe('Deskripsi ditinjau oleh BKN.');
    expect((await auditOf(ofUniversity.code)).at(-1)).toMatchObject({
      role: 'national-admin',
      region_code: '12.71',
      before: { description: 'Membaca data pengaduan dan survei kepuasan untuk memperbaiki layanan unit kerja.' },
      after: { description: 'Deskripsi ditinjau oleh BKN.' },
    });
    // Unknown universities are the input's fault (a partner university naming any other code is FORBIDDEN first).
    const before = await counts();
    const unknown = await api.query(
      CreateCourseDocument,
      { input: newCourse('UNKNOWN-UNI', { universityCode: 'UNKNOWN' }) },
      NATIONAL_ADMIN,
    );
    expect(errorOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.universityCode' });
    expect(await counts()).toEqual(before);
  });

  it('a planner is FORBIDDEN and anonymous UNAUTHENTICATED, for every write, with nothing written', async () => {
    const course = await create('REFUSED');
    const before = await counts();
    const writes: ((caller: Caller) => Promise<GraphqlResponse<unknown>>)[] = [
      (caller: Caller) => api.query(CreateCourseDocument, { input: newCourse('PLANNED') }, caller),
      (caller: Caller) =>
        api.query(UpdateCourseDocument, { code: course.code, input: { title: 'Judul baru' } }, caller),
      (caller: Caller) =>
        api.query(PublishCurriculumVersionDocument, { courseCode: course.code, input: secondVersion() }, caller),
    ];
    for (const write of writes) {
      expect(errorOf(await write(PLANNER))).toMatchObject({
        code: 'FORBIDDEN',
        capability: 'CURRICULUM_WRITE',
        message: 'The planner role may not edit curricula.',
      });
      expect(errorOf(await write('anonymous'))).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'This needs a signed-in user or an API key.',
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('everyone reads published versions; who published them only the roles that write curricula', async () => {
    const course = await create('PUBLISHERS');
    const anonymous = await api.query(CurriculumPublishersDocument, { id: course.id }, 'anonymous');
    // (The published versions themselves are public: the CourseCurriculum read above is anonymous.)
    expect(errorOf(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(anonymous)).not.toContain('test-partner-university');
    const planner = await api.query(CurriculumPublishersDocument, { id: course.id }, PLANNER);
    // Denied at the field, with its path; the rest arrives.
    expect(errorOf(planner)).toMatchObject({ code: 'FORBIDDEN', capability: 'CURRICULUM_WRITE' });
    expect(planner.errors?.[0]?.path).toEqual(['course', 'curriculumVersions', 'nodes', 0, 'publishedBy']);
    expect(planner.data?.course?.curriculumVersions.nodes).toEqual([{ version: 1, publishedBy: null }]);
    const university = await api.query(CurriculumPublishersDocument, { id: course.id }, UNIMED);
    expect(university.errors).toBeUndefined();
    expect(university.data?.course?.curriculumVersions.nodes).toEqual([
      { version: 1, publishedBy: 'test-partner-university' },
    ]);
  });
});

describe('validation', () => {
  const courseCases: [name: string, overrides: Partial<CreateCourseInput>, field: string, message: RegExp][] = [
    ['blank title', { title: '   ' }, 'input.title', /input\.title must not be empty/],
    ['title too long', { title: 'x'.repeat(201) }, 'input.title', /201 characters long; at most 200/],
    ['code in lower case', { code: `cw-${RUN}-lower` }, 'input.code', /upper-case letters/],
    ['code taken', { code: 'PKP' }, 'input.code', /A course with code PKP exists already/],
    ['unknown delivery', { delivery: 'TELEPATHY' }, 'input.delivery', /must be one of CLASSROOM, E_LEARNING/],
    [
      'mode against delivery',
      { mode: 'NONKLASIKAL' },
      'input.mode',
      /CLASSROOM is klasikal: the mode must be KLASIKAL/,
    ],
    ['JP out of range', { jp: 0 }, 'input.jp', /input\.jp must be a whole number from 1 to 1000; got 0/],
    [
      'module JP not adding up to the course JP',
      { jp: 13 },
      'input.curriculum.modules',
      /module JP add up to 12, but the course has 13 JP \(input\.jp\)/,
    ],
  ];
  const curriculum = newCourse('X').curriculum;
  const [m1, m2, m3] = curriculum.modules;
  if (!m1 || !m2 || !m3) throw new Error('three modules expected');
  const curriculumCases: [name: string, modules: typeof curriculum.modules, field: string, message: RegExp][] = [
    ['duplicate seq', [m1, { ...m2, seq: 1 }, m3], 'input.curriculum.modules[1].seq', /seq is 1, like .*modules\[0\]/],
    ['a gap in seq', [m1, { ...m2, seq: 4 }, m3], 'input.curriculum.modules[1].seq', /numbered 1 to 3, each once/],
    ['blank module title', [{ ...m1, title: '' }, m2, m3], 'input.curriculum.modules[0].title', /must not be empty/],
    ['module of 0 JP', [m1, { ...m2, jp: 0 }, m3], 'input.curriculum.modules[1].jp', /from 1 to 1000; got 0/],
    [
      'unknown competency',
      [m1, m2, { ...m3, outcomes: [{ statement: 'Peserta terbang', competencyCode: 'XX-99', targetLevel: 2 }] }],
      'input.curriculum.modules[2].outcomes[0].competencyCode',
      /Unknown competency code "XX-99"/,
    ],
    [
      'target level above 5',
      [m1, m2, { ...m3, outcomes: [{ statement: 'Peserta ahli', competencyCode: 'MNJ-05', targetLevel: 6 }] }],
      'input.curriculum.modules[2].outcomes[0].targetLevel',
      /from 1 to 5; got 6/,
    ],
    [
      'blank outcome statement',
      [m1, m2, { ...m3, outcomes: [{ statement: ' ', competencyCode: 'MNJ-05', targetLevel: 2 }] }],
      'input.curriculum.modules[2].outcomes[0].statement',
      /must not be empty/,
    ],
    ['no modules', [], 'input.curriculum.modules', /at least one module/],
  ];

  async function expectRefused(response: GraphqlResponse<unknown>, field: string, message: RegExp, before: unknown) {
    const error = errorOf(response);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/learning\.|insert|select|constraint/i);
    expect(await counts()).toEqual(before);
  }

  for (const [name, overrides, field, message] of courseCases) {
    it(`createCourse: ${name} names ${field}; nothing written`, async () => {
      const before = await counts();
      const response = await api.query(
        CreateCourseDocument,
        { input: newCourse(`BAD-${name.length}`, overrides) },
        UNIMED,
      );
      await expectRefused(response, field, message, before);
    });
  }

  for (const [name, modules, field, message] of curriculumCases) {
    it(`createCourse: ${name} names ${field}; nothing written`, async () => {
      const before = await counts();
      const input = newCourse('BAD-CURRICULUM', { curriculum: { ...curriculum, modules } });
      await expectRefused(await api.query(CreateCourseDocument, { input }, UNIMED), field, message, before);
    });
  }

  it('createCourse: a curriculum without any learning outcome is refused', async () => {
    const before = await counts();
    const input = newCourse('NO-OUTCOMES', {
      curriculum: {
        note: 'Tanpa capaian',
        modules: curriculum.modules.map((m) => ({ ...m, outcomes: [] })),
        outcomes: [],
      },
    });
    await expectRefused(
      await api.query(CreateCourseDocument, { input }, UNIMED),
      'input.curriculum.modules',
      /at least one learning outcome/,
      before,
    );
  });

  it('publishCurriculumVersion and updateCourse name their fields; the course keeps its current version', async () => {
    const course = await create('PUBLISH-BAD');
    const before = await counts();
    const unknown = await api.query(
      PublishCurriculumVersionDocument,
      { courseCode: code('NO-SUCH'), input: secondVersion() },
      UNIMED,
    );
    await expectRefused(unknown, 'courseCode', /There is no course with code/, before);
    const sumWithoutJp = await api.query(
      PublishCurriculumVersionDocument,
      { courseCode: course.code, input: secondVersion({ jp: null }) },
      UNIMED,
    );
    await expectRefused(
      sumWithoutJp,
      'input.modules',
      /add up to 16, but the course has 12 JP \(the current course JP\)/,
      before,
    );
    const blankNote = await api.query(
      PublishCurriculumVersionDocument,
      { courseCode: course.code, input: secondVersion({ note: '' }) },
      UNIMED,
    );
    await expectRefused(blankNote, 'input.note', /input\.note must not be empty/, before);
    const badLevel = await api.query(
      PublishCurriculumVersionDocument,
      {
        courseCode: course.code,
        input: secondVersion({ outcomes: [{ statement: 'Nol', competencyCode: 'MNJ-01', targetLevel: 0 }] }),
      },
      UNIMED,
    );
    await expectRefused(badLevel, 'input.outcomes[0].targetLevel', /from 1 to 5; got 0/, before);
    const nothing = await api.query(UpdateCourseDocument, { code: course.code, input: {} }, UNIMED);
    await expectRefused(nothing, 'input', /Nothing to change/, before);
    const deliveryAgainstMode = await api.query(
      UpdateCourseDocument,
      { code: course.code, input: { delivery: 'E_LEARNING' } },
      UNIMED,
    );
    await expectRefused(deliveryAgainstMode, 'input.delivery', /E_LEARNING is nonklasikal/, before);

    const read = await api.query(CourseCurriculumDocument, { id: course.id });
    expect(read.data?.course?.jp).toBe(12);
    expect(read.data?.course?.curriculumVersions.totalCount).toBe(1);
  });
});

describe('all or nothing', () => {
  const failingKey = `${code('ROLLBACK')}/1`;
  beforeAll(async () => {
    // Makes the last write of one createCourse fail (its version's audit event), after the course, its
    // version, modules, outcomes and first audit event were inserted in the same transaction.
    await api.db.query(`create function access.fail_for_test_${RUN.toLowerCase()}() returns trigger language plpgsql as $$
      begin raise exception 'injected failure'; end $$`);
    await api.db.query(
      `create trigger fail_for_test_${RUN.toLowerCase()} before insert on access.audit_event for each row
         when (new.entity_key = '${failingKey}') execute function access.fail_for_test_${RUN.toLowerCase()}()`,
    );
  });
  afterAll(async () => {
    await api.db.query(`drop trigger if exists fail_for_test_${RUN.toLowerCase()} on access.audit_event`);
    await api.db.query(`drop function if exists access.fail_for_test_${RUN.toLowerCase()}()`);
  });

  it('a failure after some rows were written leaves none of them, audit included, and tells the client nothing internal', async () => {
    const before = await counts();
    const response = await api.query(CreateCourseDocument, { input: newCourse('ROLLBACK') }, UNIMED);
    const error = errorOf(response);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(error.message).toMatch(/^Internal server error/);
    expect(JSON.stringify(response)).not.toMatch(/injected|audit_event|insert/);
    expect(await counts()).toEqual(before);
    expect(await sql('select id from learning.course where code = $1', [code('ROLLBACK')])).toEqual([]);
    expect(await auditOf(code('ROLLBACK'))).toEqual([]);
  });

  it('published versions are never changed, even by the schema owner', async () => {
    const course = await create('IMMUTABLE');
    await expect(
      api.db.query(`update learning.course_module set title = 'Diubah' where course_id = $1`, [course.id]),
    ).rejects.toThrow(/never changed: publish a new version/);
    await expect(
      api.db.query('delete from learning.learning_outcome where course_id = $1', [course.id]),
    ).rejects.toThrow(/never changed/);
    await expect(
      api.db.query(`update learning.curriculum_version set note = 'x' where course_id = $1`, [course.id]),
    ).rejects.toThrow(/never changed/);
  });

  it('concurrent publications of one course get consecutive versions', async () => {
    const course = await create('CONCURRENT');
    const responses = await Promise.all(
      [1, 2, 3].map((n) =>
        api.query(
          PublishCurriculumVersionDocument,
          { courseCode: course.code, input: secondVersion({ note: `Revisi paralel ${n}` }) },
          UNIMED,
        ),
      ),
    );
    for (const response of responses) expect(response.errors).toBeUndefined();
    expect(responses.map((r) => r.data?.publishCurriculumVersion.version).sort()).toEqual([2, 3, 4]);
    const rows = await sql<{ version: number }>(
      'select version from learning.curriculum_version where course_id = $1 order by version',
      [course.id],
    );
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4]);
  });
});

describe('under least privilege', () => {
  it("the learning subgraph's own role may write curricula and their audit events", async () => {
    const adminUrl = inject('databaseUrl');
    const role = `pembinaan_test_curriculum_${RUN.toLowerCase()}`;
    const password = randomBytes(18).toString('base64url');
    await ensureRoles(adminUrl, new URL(adminUrl).pathname.slice(1), [{ name: role, password }]);
    for (const statement of [...grantStatements('learning', role), ...accessGrantStatements(role, 'subgraph')])
      await api.db.query(statement);
    const url = new URL(adminUrl);
    url.username = role;
    url.password = password;
    const orm = await openOrm({
      schema: 'learning',
      entities: learning.entities,
      migrations: learning.migrations,
      url: url.toString(),
      poolSize: 1,
    });
    try {
      const course = await createCourse(orm.em.fork(), UNIMED, newCourse('ROLE'));
      const version = await publishCurriculumVersion(orm.em.fork(), UNIMED, course.code, secondVersion());
      expect(version).toMatchObject({ version: 2, jp: 16, current: true, universityCode: 'UNIMED' });
      expect((await auditOf(course.code)).map((row) => [row.entity_key, row.action])).toEqual([
        [course.code, 'CREATE'],
        [`${course.code}/1`, 'CREATE'],
        [course.code, 'UPDATE'],
        [`${course.code}/2`, 'CREATE'],
      ]);
    } finally {
      await orm.close();
      await api.db.query(`drop owned by ${pg.escapeIdentifier(role)}`);
      await api.db.query(`drop role ${pg.escapeIdentifier(role)}`);
    }
  });
});

describe('migration 0002 on existing data', () => {
  it('gives every course version 1 with its modules and outcomes, and points every offering at it', async () => {
    const database = `curriculum_backfill_${RUN.toLowerCase()}_${process.pid}`;
    await api.db.query(`create database ${database}`);
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${database}`;
    const open = (migrations: typeof learning.migrations) =>
      openOrm({ schema: 'learning', entities: [], migrations, url: url.toString(), poolSize: 1 });
    const db = new pg.Client({ connectionString: url.toString() });
    try {
      const before = await open(learning.migrations.slice(0, 1));
      try {
        await migrate(before, 'learning');
      } finally {
        await before.close();
      }
      await db.connect();
      await db.query(`
        insert into learning.competency (id, code, name, kind, description) values (1, 'MNJ-01', 'Integritas', 'MANAJERIAL', '-');
        insert into learning.university (id, name, short_name, region_code) values (1, 'Universitas Negeri Medan', 'UNIMED', '12.71');
        insert into learning.course (id, code, title, programme, mode, delivery, jp, university_id, description) values
          (1, 'A', 'Kursus A', 'TEKNIS', 'KLASIKAL', 'CLASSROOM', 8, 1, '-'),
          (2, 'B', 'Kursus B', 'TEKNIS', 'KLASIKAL', 'CLASSROOM', 4, null, '-');
        insert into learning.course_module (id, course_id, seq, title, jp) values
          (1, 1, 1, 'A1', 5), (2, 1, 2, 'A2', 3), (3, 2, 1, 'B1', 4);
        insert into learning.learning_outcome (id, course_id, module_id, statement, competency_id, target_level) values
          (1, 1, 2, 'Capaian A2', 1, 2), (2, 1, null, 'Capaian A', 1, 3), (3, 2, 3, 'Capaian B1', 1, 1);
        insert into learning.course_offering (id, course_id, region_code, year, starts_on, ends_on, capacity, venue, status) values
          (1, 1, '12.71', 2023, '2023-05-02', '2023-05-03', 30, 'Medan', 'HELD'),
          (2, 1, '12.71', 2022, '2022-08-01', '2022-08-02', 30, 'Medan', 'HELD');`);
      const after = await open(learning.migrations);
      try {
        await migrate(after, 'learning');
        const em = after.em.fork();
        expect((await currentModulesByCourse(em, [1, 2])).map((m) => [m.courseId, m.seq, m.title, m.jp])).toEqual([
          [1, 1, 'A1', 5],
          [1, 2, 'A2', 3],
          [2, 1, 'B1', 4],
        ]);
        expect((await currentOutcomesByCourse(em, [1])).map((o) => [o.statement, o.moduleId])).toEqual([
          ['Capaian A2', 2],
          ['Capaian A', null],
        ]);
      } finally {
        await after.close();
      }
      const { rows: versions } = await db.query(
        `select v.course_id, v.version, v.published_at::date::text as published, v.published_by,
                (select array_agg(m.id order by m.id) from learning.course_module m where m.curriculum_version_id = v.id) as modules,
                (select array_agg(l.id order by l.id) from learning.learning_outcome l where l.curriculum_version_id = v.id) as outcomes,
                (select array_agg(o.id order by o.id) from learning.course_offering o where o.curriculum_version_id = v.id) as offerings
           from learning.curriculum_version v order by v.course_id`,
      );
      expect(versions).toEqual([
        // Published at the latest when the course first ran.
        {
          course_id: 1,
          version: 1,
          published: '2022-08-01',
          published_by: null,
          modules: [1, 2],
          outcomes: [1, 2],
          offerings: [1, 2],
        },
        expect.objectContaining({ course_id: 2, version: 1, modules: [3], outcomes: [3], offerings: null }),
      ]);
      const { rows: nullable } = await db.query(
        `select table_name, is_nullable from information_schema.columns
          where table_schema = 'learning' and column_name = 'curriculum_version_id' order by table_name`,
      );
      expect(nullable).toEqual([
        { table_name: 'course_module', is_nullable: 'NO' },
        { table_name: 'course_offering', is_nullable: 'NO' },
        { table_name: 'learning_outcome', is_nullable: 'NO' },
      ]);
    } finally {
      await db.end().catch(() => {});
      await api.db.query(`drop database if exists ${database} with (force)`);
    }
  });
});
