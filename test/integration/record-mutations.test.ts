import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AgencyBudgetByCodeDocument, type BudgetLineInput, UpsertBudgetLineDocument } from '../generated/graphql.js';
import { as, type GraphqlResponse, NATIONAL_ADMIN, usePlatform } from '../support/platform.js';

/**
 * Single-record writes through the gateway (issue 9 item 4), on the shared seeded database: every record
 * here is new (a fiscal year the seed has no data for, sub-activity codes unique to this run), so what
 * other tests read stays as it is.
 */
const api = usePlatform();
const YEAR = 2031;
const RUN = String(randomInt(1000, 10000));

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
