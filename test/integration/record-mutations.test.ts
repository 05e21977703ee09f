import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgencyBudgetByCodeDocument,
  type BudgetLineInput,
  EmployeeRecordFiguresDocument,
  RecordEnrolmentDocument,
  RecordSkpAppraisalDocument,
  SubmitIkmSurveyDocument,
  UnitIkmByCodeDocument,
  UpsertBudgetLineDocument,
  UpsertEmployeeDocument,
} from '../generated/graphql.js';
import { as, type GraphqlResponse, NATIONAL_ADMIN, usePlatform } from '../support/platform.js';

/**
 * Single-record writes through the gateway (issue 9 item 4), on the shared seeded database: every record
 * here is new (a fiscal year the seed has no data for, sub-activity codes unique to this run), so what
 * other tests read stays as it is.
 */
const api = usePlatform();
const YEAR = 2031;
// Four digits, with room for the +1 and +2 codes below (a sub-activity code ends in exactly four digits).
const RUN = String(randomInt(1000, 9998));

const MEDAN_ADMIN = as('regional-admin', ['12.71']);
const MERAUKE_ADMIN = as('regional-admin', ['93.01']);
const PLANNER = as('planner', ['12.71']);

function errorOf<Data>(response: GraphqlResponse<Data>) {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  const [error] = response.errors ?? [];
  return { message: error?.message, code: error?.extensions?.code, field: error?.extensions?.field };
}

interface AuditRow extends Record<string, unknown> {
  action: string;
  subject: string | null;
  region_code: string | null;
  before: unknown;
  after: unknown;
}

async function auditOf(key: string): Promise<AuditRow[]> {
  const { rows } = await api.db.query<AuditRow>(
    'select action, subject, region_code, before, after from access.audit_event where entity_key = $1 order by id',
    [key],
  );
  return rows;
}

describe('upsertBudgetLine', () => {
  let medanAgency = '';
  let meraukeAgency = '';
  beforeAll(async () => {
    const pick = async (region: string) => {
      const { rows } = await api.db.query<{ code: string }>(
        "select code from personnel.agency where region_code = $1 and kind = 'BKPSDM' order by id limit 1",
        [region],
      );
      return rows[0]?.code ?? '';
    };
    medanAgency = await pick('12.71');
    meraukeAgency = await pick('93.01');
    expect(medanAgency).toMatch(/^12\.71-/);
    expect(meraukeAgency).toMatch(/^93\.01-/);
  });

  const line = (subActivity: string, overrides: Partial<BudgetLineInput> = {}): BudgetLineInput => ({
    agencyCode: medanAgency,
    year: YEAR,
    subActivityCode: `5.04.01.2.05.${subActivity}`,
    description: 'Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi',
    ceiling: '1250000000',
    realised: '1087500000',
    ...overrides,
  });

  const summary = async (code: string) =>
    (await api.query(AgencyBudgetByCodeDocument, { code, year: YEAR })).data?.agency?.trainingBudgetSummary;

  it('adds a line, corrects it, changes nothing the second time; the budget summary follows; audited before and after', async () => {
    const input = line(RUN);
    const created = await api.query(UpsertBudgetLineDocument, { input }, MEDAN_ADMIN);
    expect(created.errors).toBeUndefined();
    expect(created.data?.upsertBudgetLine).toMatchObject({
      outcome: 'CREATED',
      line: { year: YEAR, subActivityCode: input.subActivityCode, ceiling: '1250000000', realised: '1087500000' },
    });
    expect(await summary(medanAgency)).toEqual({
      ceiling: '1250000000',
      realised: '1087500000',
      realisationRate: 0.87,
    });

    // Amounts beyond 2^53 stay exact: the Rupiah scalar is a string of digits, bigint in PostgreSQL.
    const corrected = await api.query(
      UpsertBudgetLineDocument,
      { input: { ...input, ceiling: '9007199254740993', realised: '9007199254740991' } },
      MEDAN_ADMIN,
    );
    expect(corrected.data?.upsertBudgetLine.outcome).toBe('UPDATED');
    expect(corrected.data?.upsertBudgetLine.line.ceiling).toBe('9007199254740993');
    expect((await summary(medanAgency))?.realised).toBe('9007199254740991');

    const again = await api.query(
      UpsertBudgetLineDocument,
      { input: { ...input, ceiling: '9007199254740993', realised: '9007199254740991' } },
      NATIONAL_ADMIN,
    );
    expect(again.data?.upsertBudgetLine.outcome).toBe('UNCHANGED');

    const audit = await auditOf(`${medanAgency}/${YEAR}/${input.subActivityCode}`);
    expect(audit).toEqual([
      {
        action: 'CREATE',
        subject: 'test-regional-admin',
        region_code: '12.71',
        before: null,
        after: { description: input.description, ceiling: '1250000000', realised: '1087500000' },
      },
      {
        action: 'UPDATE',
        subject: 'test-regional-admin',
        region_code: '12.71',
        before: { description: input.description, ceiling: '1250000000', realised: '1087500000' },
        after: { description: input.description, ceiling: '9007199254740993', realised: '9007199254740991' },
      },
    ]);
  });

  it('refuses a regional administrator outside its region, planners and anonymous callers, writing nothing', async () => {
    const input = line(String(Number(RUN) + 1).padStart(4, '0'), { agencyCode: meraukeAgency });
    expect(errorOf(await api.query(UpsertBudgetLineDocument, { input }, MEDAN_ADMIN))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Region 93.01 is outside your scope (12.71).',
    });
    expect(errorOf(await api.query(UpsertBudgetLineDocument, { input }, PLANNER)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.query(UpsertBudgetLineDocument, { input }, 'anonymous')).code).toBe('UNAUTHENTICATED');
    expect(await summary(meraukeAgency)).toEqual({ ceiling: '0', realised: '0', realisationRate: null });
    expect(await auditOf(`${meraukeAgency}/${YEAR}/${input.subActivityCode}`)).toEqual([]);

    const allowed = await api.query(UpsertBudgetLineDocument, { input }, MERAUKE_ADMIN);
    expect(allowed.data?.upsertBudgetLine.outcome).toBe('CREATED');
  });

  it('validates as the import does, naming the input field, and writes nothing', async () => {
    const cases: [Partial<BudgetLineInput>, string, string][] = [
      [
        { realised: '1250000001' },
        'input.realised',
        'input.realised: "1250000001" is more than the ceiling (1250000000).',
      ],
      [
        { subActivityCode: '5.04.01.2.05' },
        'input.subActivityCode',
        'input.subActivityCode: "5.04.01.2.05" is not a SIPD sub-activity code (like 1.02.01.2.05.0009).',
      ],
      [{ year: 1999 }, 'input.year', 'input.year: "1999" is not between 2000 and 2100.'],
      [{ description: ' ' }, 'input.description', 'input.description: (empty) is required.'],
      [
        { agencyCode: '99.99-9.99.99' },
        'input.agencyCode',
        'input.agencyCode: "99.99-9.99.99" personnel has no agency with this code.',
      ],
      [
        { ceiling: '-5' },
        'input.ceiling',
        'input.ceiling: "-5" is not whole Rupiah (1234567 or 1.234.567, no decimals).',
      ],
    ];
    const before = await summary(medanAgency);
    for (const [overrides, field, message] of cases) {
      const input = line(String(Number(RUN) + 2).padStart(4, '0'), overrides);
      expect(errorOf(await api.query(UpsertBudgetLineDocument, { input }, NATIONAL_ADMIN))).toEqual({
        code: 'BAD_USER_INPUT',
        field,
        message,
      });
    }
    // A Rupiah with decimals never reaches the resolver: the scalar refuses it.
    const decimals = await api.query(
      UpsertBudgetLineDocument,
      { input: line(RUN, { ceiling: '1000.50' }) },
      NATIONAL_ADMIN,
    );
    expect(errorOf(decimals).code).toBe('BAD_USER_INPUT');
    expect(await summary(medanAgency)).toEqual(before);
    expect(await auditOf(`${medanAgency}/${YEAR}/5.04.01.2.05.${String(Number(RUN) + 2).padStart(4, '0')}`)).toEqual(
      [],
    );
  });
});

/** A PNS of the region (by where they work), for records of a year the seed has none of. */
async function employeeOf(region: string): Promise<string> {
  const { rows } = await api.db.query<{ nip: string }>(
    `select e.nip from personnel.employee e left join personnel.service_unit u on u.id = e.unit_id
       join personnel.agency a on a.id = e.agency_id
      where e.nip is not null and coalesce(u.region_code, a.region_code) like $1 || '%' order by e.id limit 1`,
    [region],
  );
  const nip = rows[0]?.nip ?? '';
  expect(nip).toMatch(/^\d{18}$/);
  return nip;
}

describe('recordSkpAppraisal', () => {
  it('records an appraisal whose predicate follows from the matrix on the next query; corrects it; audited', async () => {
    const nip = await employeeOf('12.71');
    const input = { nip, year: YEAR, hasilKerja: 'DI_ATAS' as const, perilakuKerja: 'DI_ATAS' as const };
    const created = await api.query(RecordSkpAppraisalDocument, { input }, MEDAN_ADMIN);
    expect(created.errors).toBeUndefined();
    expect(created.data?.recordSkpAppraisal).toEqual({ outcome: 'CREATED', predicate: 'SANGAT_BAIK' });
    const figures = await api.query(EmployeeRecordFiguresDocument, { nip, year: YEAR }, MEDAN_ADMIN);
    expect(figures.data?.employeeByNip?.skp).toEqual({
      hasilKerja: 'DI_ATAS',
      perilakuKerja: 'DI_ATAS',
      predicate: 'SANGAT_BAIK',
    });

    const corrected = await api.query(
      RecordSkpAppraisalDocument,
      { input: { ...input, hasilKerja: 'DI_BAWAH' as const } },
      MEDAN_ADMIN,
    );
    expect(corrected.data?.recordSkpAppraisal.outcome).toBe('UPDATED');
    const next = await api.query(EmployeeRecordFiguresDocument, { nip, year: YEAR }, MEDAN_ADMIN);
    expect(next.data?.employeeByNip?.skp?.predicate).toBe(corrected.data?.recordSkpAppraisal.predicate);
    expect(next.data?.employeeByNip?.skp?.hasilKerja).toBe('DI_BAWAH');

    const audit = await auditOf(`${nip}/${YEAR}`);
    expect(audit.map((a) => [a.action, a.region_code?.slice(0, 5), a.before, a.after])).toEqual([
      ['CREATE', '12.71', null, { hasilKerja: 'DI_ATAS', perilakuKerja: 'DI_ATAS', predicate: 'SANGAT_BAIK' }],
      [
        'UPDATE',
        '12.71',
        { hasilKerja: 'DI_ATAS', perilakuKerja: 'DI_ATAS', predicate: 'SANGAT_BAIK' },
        {
          hasilKerja: 'DI_BAWAH',
          perilakuKerja: 'DI_ATAS',
          predicate: corrected.data?.recordSkpAppraisal.predicate,
        },
      ],
    ]);
  });

  it('refuses outside the region, planners and anonymous; validates the NIP as the import does', async () => {
    const nip = await employeeOf('93.01');
    const input = { nip, year: YEAR, hasilKerja: 'SESUAI' as const, perilakuKerja: 'SESUAI' as const };
    const refused = errorOf(await api.query(RecordSkpAppraisalDocument, { input }, MEDAN_ADMIN));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/^Region 93\.01[.\d]* is outside your scope \(12\.71\)\.$/);
    expect(errorOf(await api.query(RecordSkpAppraisalDocument, { input }, PLANNER)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.query(RecordSkpAppraisalDocument, { input }, 'anonymous')).code).toBe('UNAUTHENTICATED');
    expect(await auditOf(`${nip}/${YEAR}`)).toEqual([]);
    const figures = await api.query(EmployeeRecordFiguresDocument, { nip, year: YEAR }, MERAUKE_ADMIN);
    expect(figures.data?.employeeByNip?.skp).toBeNull();

    expect(
      errorOf(await api.query(RecordSkpAppraisalDocument, { input: { ...input, nip: '19860926' } }, NATIONAL_ADMIN)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.nip',
      message: 'input.nip: "19860926" must have 18 digits (a NIP or an NI PPPK).',
    });
    expect(
      errorOf(
        await api.query(RecordSkpAppraisalDocument, { input: { ...input, nip: '199901012020011999' } }, NATIONAL_ADMIN),
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.nip',
      message: 'input.nip: "199901012020011999" personnel has no employee with this NIP or NI PPPK.',
    });
  });
});

describe('recordEnrolment', () => {
  let offeringCode = '';
  let courseJp = 0;
  beforeAll(async () => {
    // A new course and offering of a year the seed has none of (as the courses and offerings imports would).
    const course = `RM-${RUN}`;
    const { rows } = await api.db.query<{ id: number; jp: number }>(
      `insert into learning.course (code, title, programme, mode, delivery, jp, description)
       values ($1, 'Pelayanan Prima', 'TEKNIS', 'KLASIKAL', 'CLASSROOM', 24, 'Standar pelayanan') returning id, jp`,
      [course],
    );
    const [row] = rows;
    courseJp = row?.jp ?? 0;
    const version = await api.db.query<{ id: number }>(
      "insert into learning.curriculum_version (course_id, version, note) values ($1, 1, 'Versi pertama') returning id",
      [row?.id],
    );
    offeringCode = `${course}-12.71-${YEAR}-01`;
    await api.db.query(
      `insert into learning.course_offering (code, course_id, curriculum_version_id, region_code, year, starts_on, ends_on,
         capacity, venue, status)
       values ($1, $2, $3, '12.71', $4, $5, $6, 30, 'BPSDM Kota Medan', 'HELD')`,
      [offeringCode, row?.id, version.rows[0]?.id, YEAR, `${YEAR}-03-10`, `${YEAR}-03-14`],
    );
  });

  it('records an enrolment, then its completion: JP per year follows on the next query; audited', async () => {
    const nip = await employeeOf('12.71');
    const jpOf = async () =>
      (await api.query(EmployeeRecordFiguresDocument, { nip, year: YEAR }, MEDAN_ADMIN)).data?.employeeByNip?.jp;
    expect(await jpOf()).toMatchObject({ jp: 0, completedCourses: 0 });

    const enrolled = await api.query(
      RecordEnrolmentDocument,
      { input: { nip, offeringCode, status: 'ENROLLED' as const } },
      MEDAN_ADMIN,
    );
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data?.recordEnrolment).toEqual({ outcome: 'CREATED', status: 'ENROLLED', jpEarned: 0 });
    expect(await jpOf()).toMatchObject({ jp: 0, completedCourses: 0 });

    const input = {
      nip,
      offeringCode,
      status: 'COMPLETED' as const,
      jpEarned: courseJp,
      preTest: 55.5,
      postTest: 71,
      satisfaction: 4.25,
    };
    const completed = await api.query(RecordEnrolmentDocument, { input }, MEDAN_ADMIN);
    expect(completed.data?.recordEnrolment).toEqual({ outcome: 'UPDATED', status: 'COMPLETED', jpEarned: courseJp });
    expect(await jpOf()).toEqual({ jp: courseJp, completedCourses: 1, reachedMinimum: true });
    const again = await api.query(RecordEnrolmentDocument, { input }, NATIONAL_ADMIN);
    expect(again.data?.recordEnrolment.outcome).toBe('UNCHANGED');

    const audit = await auditOf(`${nip}/${offeringCode}`);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['CREATE', null, { status: 'ENROLLED', jpEarned: 0, preTest: null, postTest: null, satisfaction: null }],
      [
        'UPDATE',
        { status: 'ENROLLED', jpEarned: 0, preTest: null, postTest: null, satisfaction: null },
        { status: 'COMPLETED', jpEarned: courseJp, preTest: '55.50', postTest: '71.00', satisfaction: '4.25' },
      ],
    ]);
  });

  it('validates as the import does, naming the field; refuses outside the region; writes nothing', async () => {
    const nip = await employeeOf('12.71');
    const base = { nip, offeringCode, status: 'COMPLETED' as const, jpEarned: 10 };
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { jpEarned: courseJp + 1 },
        'input.jpEarned',
        `input.jpEarned: "${courseJp + 1}" is more than the course's ${courseJp} JP.`,
      ],
      [{ status: 'DROPPED' }, 'input.jpEarned', 'input.jpEarned: "10" must be 0 for a dropped enrolment.'],
      [
        { offeringCode: 'NO-SUCH-OFFERING' },
        'input.offeringCode',
        'input.offeringCode: "NO-SUCH-OFFERING" no course offering has this code.',
      ],
      [{ postTest: 100.5 }, 'input.postTest', 'input.postTest: "100.5" is not between 0 and 100.'],
      [{ satisfaction: 0 }, 'input.satisfaction', 'input.satisfaction: "0" is not between 1 and 5.'],
    ];
    const other = await employeeOf('12.75');
    for (const [overrides, field, message] of cases) {
      const input = { ...base, nip: other, ...overrides };
      expect(
        errorOf(await api.query(RecordEnrolmentDocument, { input: input as typeof base }, NATIONAL_ADMIN)), // overrides of the same fields, typed loosely for the table
      ).toEqual({
        code: 'BAD_USER_INPUT',
        field,
        message,
      });
    }
    const merauke = await employeeOf('93.01');
    const refused = errorOf(
      await api.query(RecordEnrolmentDocument, { input: { ...base, nip: merauke } }, MEDAN_ADMIN),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/^Region 93\.01[.\d]* is outside your scope \(12\.71\)\.$/);
    expect(errorOf(await api.query(RecordEnrolmentDocument, { input: base }, PLANNER)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.query(RecordEnrolmentDocument, { input: base }, 'anonymous')).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await auditOf(`${other}/${offeringCode}`)).toEqual([]);
    expect(await auditOf(`${merauke}/${offeringCode}`)).toEqual([]);
  });
});

describe('submitIkmSurvey', () => {
  const unitOf = async (region: string) => {
    const { rows } = await api.db.query<{ code: string }>(
      `select code from personnel.service_unit where region_code like $1 || '.%' order by id limit 1`,
      [region],
    );
    return rows[0]?.code ?? '';
  };
  // The README's survey: 29 respondents, element totals 87, 87, 88, 87, 86, 88, 86, 87, 88: 25 x 784 / (9 x 29) = 75.10, C.
  const readmeSurvey = () => [[3, 3, 4, 3, 2, 4, 2, 3, 4], ...Array.from({ length: 28 }, () => Array(9).fill(3))];

  it('stores a new survey; score and grade come from the IKM statement and follow on the next query; replaced; audited', async () => {
    const unitCode = await unitOf('12.71');
    const input = {
      unitCode,
      year: YEAR,
      conductedOn: `${YEAR}-11-03`,
      populationServed: 12500,
      responses: readmeSurvey(),
    };
    const ikmOf = async () =>
      (await api.query(UnitIkmByCodeDocument, { code: unitCode, year: YEAR }, MEDAN_ADMIN)).data?.serviceUnit?.ikm;
    expect(await ikmOf()).toBeNull();

    const created = await api.query(SubmitIkmSurveyDocument, { input }, MEDAN_ADMIN);
    expect(created.errors).toBeUndefined();
    expect(created.data?.submitIkmSurvey).toEqual({ outcome: 'CREATED', respondents: 29, score: 75.1, grade: 'C' });
    expect(await ikmOf()).toMatchObject({ conductedOn: `${YEAR}-11-03`, respondents: 29, grade: 'C' });
    expect((await ikmOf())?.score).toBeCloseTo((25 * 784) / (9 * 29), 10);

    expect((await api.query(SubmitIkmSurveyDocument, { input }, NATIONAL_ADMIN)).data?.submitIkmSurvey.outcome).toBe(
      'UNCHANGED',
    );
    // One more respondent, all 4: totals 820 over 30 respondents: 25 x 820 / 270 = 75.93.
    const replaced = await api.query(
      SubmitIkmSurveyDocument,
      { input: { ...input, responses: [...input.responses, Array(9).fill(4)] } },
      MEDAN_ADMIN,
    );
    expect(replaced.data?.submitIkmSurvey).toEqual({ outcome: 'UPDATED', respondents: 30, score: 75.93, grade: 'C' });
    expect(await ikmOf()).toMatchObject({ respondents: 30 });

    const audit = await auditOf(`${unitCode}/${YEAR}`);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      [
        'CREATE',
        null,
        { conductedOn: `${YEAR}-11-03`, populationServed: 12500, respondents: 29, score: 75.1, grade: 'C' },
      ],
      [
        'UPDATE',
        { conductedOn: `${YEAR}-11-03`, populationServed: 12500, respondents: 29, score: 75.1, grade: 'C' },
        { conductedOn: `${YEAR}-11-03`, populationServed: 12500, respondents: 30, score: 75.93, grade: 'C' },
      ],
    ]);
  });

  it('validates as the import does, naming the respondent and element; refuses outside the region; writes nothing', async () => {
    const unitCode = (await unitOf('12.75')) || (await unitOf('12.71'));
    const base = {
      unitCode,
      year: YEAR,
      conductedOn: `${YEAR}-10-01`,
      populationServed: 500,
      responses: [Array(9).fill(3), Array(9).fill(4)],
    };
    const cases: [Partial<typeof base>, string, string][] = [
      [
        { responses: [Array(9).fill(3), [3, 3, 3, 5, 3, 3, 3, 3, 3]] },
        'input.responses[1][3]',
        'input.responses[1][3]: "5" is not between 1 and 4.',
      ],
      [
        { responses: [Array(8).fill(3)] },
        'input.responses[0]',
        'input.responses[0]: 8 answers, not one to each of the 9 elements.',
      ],
      [{ responses: [] }, 'input.responses', 'input.responses: a survey needs respondents.'],
      [
        { conductedOn: `${YEAR - 1}-12-31` },
        'input.year',
        `input.year: "${YEAR}" is not the year of conducted_on (${YEAR - 1}-12-31).`,
      ],
      [
        { unitCode: 'P0000000000' },
        'input.unitCode',
        'input.unitCode: "P0000000000" personnel has no service unit with this code.',
      ],
      [
        { populationServed: 0 },
        'input.populationServed',
        'input.populationServed: "0" is not between 1 and 2147483647.',
      ],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await api.query(SubmitIkmSurveyDocument, { input: { ...base, ...overrides } }, NATIONAL_ADMIN);
      expect(errorOf(response)).toEqual({ code: 'BAD_USER_INPUT', field, message });
    }
    expect(await auditOf(`${unitCode}/${YEAR}`)).toEqual([]);

    const meraukeUnit = await unitOf('93.01');
    const input = { ...base, unitCode: meraukeUnit };
    const refused = errorOf(await api.query(SubmitIkmSurveyDocument, { input }, MEDAN_ADMIN));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/^Region 93\.01[.\d]* is outside your scope \(12\.71\)\.$/);
    expect(errorOf(await api.query(SubmitIkmSurveyDocument, { input }, PLANNER)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.query(SubmitIkmSurveyDocument, { input }, 'anonymous')).code).toBe('UNAUTHENTICATED');
    const stored = await api.query(UnitIkmByCodeDocument, { code: meraukeUnit, year: YEAR }, NATIONAL_ADMIN);
    expect(stored.data?.serviceUnit?.ikm).toBeNull();
    expect(await auditOf(`${meraukeUnit}/${YEAR}`)).toEqual([]);
  });
});

describe('upsertEmployee', () => {
  const placeIn = async (region: string) => {
    const { rows } = await api.db.query<{ unit: string; agency: string }>(
      `select u.code as unit, a.code as agency from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
        where u.region_code like $1 || '.%' order by u.id limit 1`,
      [region],
    );
    return { unitCode: rows[0]?.unit ?? '', agencyCode: rows[0]?.agency ?? '' };
  };
  /** A NIP no seeded employee has: born 1970-07-07, TMT CPNS 2000-07, female, a sequence of this run. */
  const freshNip = async (offset: number) => {
    for (let seq = (Number(RUN) % 900) + offset; ; seq++) {
      const nip = `19700707200007${2}${String(seq % 1000).padStart(3, '0')}`;
      const { rowCount } = await api.db.query('select 1 from personnel.employee where nip = $1', [nip]);
      if (!rowCount && !nip.endsWith('000')) return nip;
    }
  };
  const employee = (nip: string, place: { unitCode: string; agencyCode: string }) => ({
    nip,
    asnType: 'PNS' as const,
    fullName: 'Rina Sitompul',
    birthDate: '1970-07-07',
    gender: 'F' as const,
    appointedOn: '2000-07-01',
    agencyCode: place.agencyCode,
    unitCode: place.unitCode,
    rankCode: 'III/c',
    positionTitle: 'Bidan Ahli Muda',
    positionKind: 'NONMANAJERIAL' as const,
    positionLevel: 'FUNGSIONAL' as const,
  });

  it('creates an employee by NIP, corrects the rank, changes nothing the second time; audited without internal ids', async () => {
    const nip = await freshNip(1);
    const medan = await placeIn('12.71');
    const input = employee(nip, medan);
    const created = await api.query(UpsertEmployeeDocument, { input }, MEDAN_ADMIN);
    expect(created.errors).toBeUndefined();
    expect(created.data?.upsertEmployee).toEqual({
      outcome: 'CREATED',
      employee: {
        nip,
        niPppk: null,
        fullName: 'Rina Sitompul',
        rank: { code: 'III/c' },
        unit: { code: medan.unitCode },
        agency: { code: medan.agencyCode },
      },
    });
    const figures = await api.query(EmployeeRecordFiguresDocument, { nip, year: YEAR }, MEDAN_ADMIN);
    expect(figures.data?.employeeByNip).toMatchObject({ nip, jp: { jp: 0 }, skp: null });

    const promoted = await api.query(UpsertEmployeeDocument, { input: { ...input, rankCode: 'III/d' } }, MEDAN_ADMIN);
    expect(promoted.data?.upsertEmployee.outcome).toBe('UPDATED');
    expect(promoted.data?.upsertEmployee.employee.rank.code).toBe('III/d');
    const again = await api.query(UpsertEmployeeDocument, { input: { ...input, rankCode: 'III/d' } }, NATIONAL_ADMIN);
    expect(again.data?.upsertEmployee.outcome).toBe('UNCHANGED');

    const audit = await auditOf(nip);
    expect(audit.map((a) => [a.action, a.region_code?.slice(0, 5)])).toEqual([
      ['CREATE', '12.71'],
      ['UPDATE', '12.71'],
    ]);
    expect(audit[1]?.before).toMatchObject({ rankCode: 'III/c', agencyCode: medan.agencyCode });
    expect(audit[1]?.after).toMatchObject({ rankCode: 'III/d', unitCode: medan.unitCode, birthDate: '1970-07-07' });
    expect(JSON.stringify(audit)).not.toMatch(/"id"/);
  });

  it("validates with the import's NIP rules and checks, naming the field; writes nothing", async () => {
    const nip = await freshNip(200);
    const input = employee(nip, await placeIn('12.71'));
    const merauke = await placeIn('93.01');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { birthDate: '1970-07-08' },
        'input.birthDate',
        /^input\.birthDate: "1970-07-08" differs from the birth date in the NIP \(19700707\)\.$/,
      ],
      [{ gender: 'M' }, 'input.gender', /^input\.gender: "M" differs from NIP digit 15 \(2\)\.$/],
      [{ nip: '19700732200007 2 001' }, 'input.nip', /^input\.nip: "19700732200007 2 001" .+/],
      [{ rankCode: 'PPPK-IX' }, 'input.rankCode', /^input\.rankCode: "PPPK-IX" is a PPPK rank, the employee is PNS\.$/],
      [
        { unitCode: merauke.unitCode },
        'input.unitCode',
        /^input\.unitCode: ".+" belongs to agency .+, not to 12\.71.+\.$/,
      ],
      [
        { niPppk: '199502022021091904' },
        'input.niPppk',
        /^input\.niPppk: "199502022021091904" must be empty for a PNS\.$/,
      ],
      [
        { positionKind: 'MANAJERIAL' },
        'input.positionKind',
        /^input\.positionKind: "MANAJERIAL" does not fit position level FUNGSIONAL\.$/,
      ],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await api.query(
        UpsertEmployeeDocument,
        { input: { ...input, ...overrides } as typeof input }, // each case overrides fields of the input with values of their type
        NATIONAL_ADMIN,
      );
      const error = errorOf(response);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toMatch(message);
    }
    const { rowCount } = await api.db.query('select 1 from personnel.employee where nip = $1', [nip]);
    expect(rowCount).toBe(0);
    expect(await auditOf(nip)).toEqual([]);
  });

  it('refuses a regional administrator placing someone outside its regions or taking someone from outside them', async () => {
    const nip = await freshNip(400);
    const medan = await placeIn('12.71');
    const merauke = await placeIn('93.01');
    const outside = errorOf(await api.query(UpsertEmployeeDocument, { input: employee(nip, merauke) }, MEDAN_ADMIN));
    expect(outside.code).toBe('FORBIDDEN');
    expect(outside.message).toMatch(/^Region 93\.01[.\d]* is outside your scope \(12\.71\)\.$/);
    expect(errorOf(await api.query(UpsertEmployeeDocument, { input: employee(nip, medan) }, PLANNER)).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await api.query(UpsertEmployeeDocument, { input: employee(nip, medan) }, 'anonymous')).code).toBe(
      'UNAUTHENTICATED',
    );

    const created = await api.query(UpsertEmployeeDocument, { input: employee(nip, medan) }, MEDAN_ADMIN);
    expect(created.data?.upsertEmployee.outcome).toBe('CREATED');
    // Merauke's administrator may not move Medan's employee to Merauke: the employee's current region is Medan's.
    const taken = errorOf(await api.query(UpsertEmployeeDocument, { input: employee(nip, merauke) }, MERAUKE_ADMIN));
    expect(taken.code).toBe('FORBIDDEN');
    expect(taken.message).toMatch(/^Region 12\.71[.\d]* is outside your scope \(93\.01\)\.$/);
    expect((await auditOf(nip)).map((a) => a.action)).toEqual(['CREATE']);
  });
});

describe('all or nothing', () => {
  const trigger = `fail_record_${RUN}`;
  let failingKey = '';
  let nip = '';
  beforeAll(async () => {
    // Makes the audit event of one upsertEmployee fail: after the employee and its first rank and position
    // history were inserted in the same transaction.
    nip = await (async () => {
      for (let seq = (Number(RUN) % 900) + 600; ; seq++) {
        const candidate = `197007072000072${String(seq % 1000).padStart(3, '0')}`;
        const { rowCount } = await api.db.query('select 1 from personnel.employee where nip = $1', [candidate]);
        if (!rowCount && !candidate.endsWith('000')) return candidate;
      }
    })();
    failingKey = nip;
    await api.db.query(`create function access.${trigger}() returns trigger language plpgsql as $$
      begin raise exception 'injected failure'; end $$`);
    await api.db.query(
      `create trigger ${trigger} before insert on access.audit_event for each row
         when (new.entity_key = '${failingKey}') execute function access.${trigger}()`,
    );
  });
  afterAll(async () => {
    await api.db.query(`drop trigger if exists ${trigger} on access.audit_event`);
    await api.db.query(`drop function if exists access.${trigger}()`);
  });

  it('a failure after the rows were written leaves none of them, and tells the client nothing internal', async () => {
    const { rows } = await api.db.query<{ unit: string; agency: string }>(
      `select u.code as unit, a.code as agency from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
        where u.region_code like '12.71.%' order by u.id limit 1`,
    );
    const histories = async () =>
      (
        await api.db.query<{ n: number }>(
          `select (select count(*) from personnel.rank_history) + (select count(*) from personnel.position_history) as n`,
        )
      ).rows[0]?.n;
    const before = await histories();
    const response = await api.query(
      UpsertEmployeeDocument,
      {
        input: {
          nip,
          asnType: 'PNS',
          fullName: 'Rina Sitompul',
          birthDate: '1970-07-07',
          gender: 'F',
          appointedOn: '2000-07-01',
          agencyCode: rows[0]?.agency ?? '',
          unitCode: rows[0]?.unit ?? '',
          rankCode: 'III/c',
          positionTitle: 'Bidan Ahli Muda',
          positionKind: 'NONMANAJERIAL',
          positionLevel: 'FUNGSIONAL',
        },
      },
      NATIONAL_ADMIN,
    );
    const error = errorOf(response);
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(response)).not.toMatch(/injected|audit_event|insert|personnel\./);
    const { rowCount } = await api.db.query('select 1 from personnel.employee where nip = $1', [nip]);
    expect(rowCount).toBe(0);
    expect(await histories()).toBe(before);
  });
});

describe('refusals first, and the import log', () => {
  const badLine = (agencyCode: string): BudgetLineInput => ({
    agencyCode,
    year: 1999,
    subActivityCode: '5.04',
    description: ' ',
    ceiling: '1000',
    realised: '2000',
  });
  const agencyOf = async (region: string) => {
    const { rows } = await api.db.query<{ code: string }>(
      "select code from personnel.agency where region_code = $1 and kind = 'BKPSDM' order by id limit 1",
      [region],
    );
    return rows[0]?.code ?? '';
  };

  it('tells a refused caller FORBIDDEN or UNAUTHENTICATED, never what is wrong with its input', async () => {
    const merauke = await agencyOf('93.01');
    const medan = await agencyOf('12.71');
    // Every value of these inputs is wrong; the caller learns only that it may not write there.
    expect(errorOf(await api.query(UpsertBudgetLineDocument, { input: badLine(merauke) }, MEDAN_ADMIN))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Region 93.01 is outside your scope (12.71).',
    });
    expect(errorOf(await api.query(UpsertBudgetLineDocument, { input: badLine(medan) }, PLANNER)).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await api.query(UpsertBudgetLineDocument, { input: badLine(medan) }, 'anonymous')).code).toBe(
      'UNAUTHENTICATED',
    );
    const nip = await employeeOf('93.01');
    const skp = { nip, year: 1800, hasilKerja: 'SESUAI' as const, perilakuKerja: 'SESUAI' as const };
    const refusedSkp = errorOf(await api.query(RecordSkpAppraisalDocument, { input: skp }, MEDAN_ADMIN));
    expect(refusedSkp.code).toBe('FORBIDDEN');
    const { rows: units } = await api.db.query<{ code: string }>(
      "select code from personnel.service_unit where region_code like '93.01.%' order by id limit 1",
    );
    const survey = { unitCode: units[0]?.code ?? '', year: 2031, conductedOn: '2030-01-01', populationServed: -1 };
    for (const responses of [[], [[3, 3]], [Array(9).fill(7)]]) {
      const refused = errorOf(
        await api.query(SubmitIkmSurveyDocument, { input: { ...survey, responses } }, MEDAN_ADMIN),
      );
      expect(refused.code, JSON.stringify(responses)).toBe('FORBIDDEN');
    }
    // The same input from a caller who may write there: the first problem, naming its field.
    expect(errorOf(await api.query(UpsertBudgetLineDocument, { input: badLine(merauke) }, MERAUKE_ADMIN))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.year',
      message: 'input.year: "1999" is not between 2000 and 2100.',
    });
    expect(
      errorOf(await api.query(SubmitIkmSurveyDocument, { input: { ...survey, responses: [] } }, MERAUKE_ADMIN)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', message: 'input.responses: a survey needs respondents.' });
  });

  it('logs every single-record write in the owner import log, as a file import is, within the caller region', async () => {
    const medan = await agencyOf('12.71');
    const { rows: last } = await api.db.query<{ id: number }>(
      'select coalesce(max(id), 0)::int as id from budgeting.import_run',
    );
    const since = last[0]?.id ?? 0;
    const input: BudgetLineInput = {
      agencyCode: medan,
      year: YEAR,
      subActivityCode: `5.04.01.2.06.${RUN}`,
      description: 'Bimbingan Teknis',
      ceiling: '5000000',
      realised: '0',
    };
    expect((await api.query(UpsertBudgetLineDocument, { input }, MEDAN_ADMIN)).data?.upsertBudgetLine.outcome).toBe(
      'CREATED',
    );
    expect((await api.query(UpsertBudgetLineDocument, { input }, MEDAN_ADMIN)).data?.upsertBudgetLine.outcome).toBe(
      'UNCHANGED',
    );
    const tooMuch = { ...input, realised: '5000001' };
    expect(errorOf(await api.query(UpsertBudgetLineDocument, { input: tooMuch }, NATIONAL_ADMIN)).code).toBe(
      'BAD_USER_INPUT',
    );
    // Refused callers change nothing and are not an import: the access model answers them.
    expect(errorOf(await api.query(UpsertBudgetLineDocument, { input }, MERAUKE_ADMIN)).code).toBe('FORBIDDEN');

    const { rows } = await api.db.query(
      `select kind, source, file_name, imported_by, outcome, rows_read, inserted, updated, unchanged, error_count,
              first_errors, region_codes, file_sha256 = encode(sha256(convert_to($2, 'UTF8')), 'hex') as same_input
         from budgeting.import_run where id > $1 order by id`,
      [
        since,
        JSON.stringify({
          agency_code: input.agencyCode,
          year: String(input.year),
          sub_activity_code: input.subActivityCode,
          description: input.description,
          ceiling: input.ceiling,
          realised: input.realised,
        }),
      ],
    );
    const run = {
      kind: 'budget-lines',
      source: 'MUTATION',
      file_name: 'upsertBudgetLine',
      rows_read: 1,
      region_codes: ['12.71'],
    };
    expect(rows).toEqual([
      {
        ...run,
        imported_by: 'test-regional-admin',
        outcome: 'APPLIED',
        inserted: 1,
        updated: 0,
        unchanged: 0,
        error_count: 0,
        first_errors: [],
        same_input: true,
      },
      {
        ...run,
        imported_by: 'test-regional-admin',
        outcome: 'APPLIED',
        inserted: 0,
        updated: 0,
        unchanged: 1,
        error_count: 0,
        first_errors: [],
        same_input: true,
      },
      {
        ...run,
        imported_by: 'test-national-admin',
        outcome: 'REJECTED',
        inserted: 0,
        updated: 0,
        unchanged: 0,
        error_count: 1,
        first_errors: ['input.realised: "5000001" is more than the ceiling (5000000).'],
        same_input: false,
      },
    ]);
    // Listed through GraphQL to Medan's administrator, not to Merauke's.
    const listed = async (viewer: typeof MEDAN_ADMIN) =>
      (
        await api.query<
          { budgetingImports: { nodes: { id: number; source: string; fileName: string }[] } },
          Record<string, never>
        >('{ budgetingImports(first: 100, kind: "budget-lines") { nodes { id source fileName } } }', {}, viewer)
      ).data?.budgetingImports.nodes.filter((n) => n.id > since) ?? [];
    expect((await listed(MEDAN_ADMIN)).map((n) => [n.source, n.fileName])).toEqual([
      ['MUTATION', 'upsertBudgetLine'],
      ['MUTATION', 'upsertBudgetLine'],
      ['MUTATION', 'upsertBudgetLine'],
    ]);
    expect(await listed(MERAUKE_ADMIN)).toEqual([]);
  });
});
