import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseViewer, type Role } from '../../subgraphs/shared/viewer.js';
import { as, NATIONAL_ADMIN, usePlatform } from '../support/platform.js';

/** Person-level reads are logged (who, when, which fields and regions) and administrators can read the log. */
const api = usePlatform();

const someone = (role: Role, regionCodes: string[]) =>
  parseViewer({
    role,
    regionCodes,
    universityCode: null,
    subject: `log-test-${role}-${randomBytes(4).toString('hex')}`,
    via: 'jwt',
  });

const READS = `query ($subject: String) { sensitiveReads(subject: $subject, first: 10) {
  totalCount nodes { subject role via regionCodes operation at } } }`;

interface Reads {
  sensitiveReads: {
    totalCount: number;
    nodes: { subject: string; role: string; via: string; regionCodes: string[]; operation: string; at: string }[];
  };
}

describe('the sensitive-read log', () => {
  it('records who read which person-level fields in which regions, once per request, without the data', async () => {
    const admin = someone('regional-admin', ['12.71']);
    const read = await api.query<{ employees: { nodes: { nip: string | null; regionCode: string }[] } }, never>(
      '{ employees(regionCode: "12.71", first: 3) { nodes { nip regionCode } } }',
      undefined,
      admin,
    );
    expect(read.errors).toBeUndefined();
    const employees = read.data!.employees.nodes;
    expect(employees).toHaveLength(3);

    const log = await api.query<Reads, { subject: string }>(READS, { subject: admin.subject! });
    expect(log.errors).toBeUndefined();
    expect(log.data!.sensitiveReads.totalCount).toBe(1);
    const [entry] = log.data!.sensitiveReads.nodes;
    expect(entry).toMatchObject({ subject: admin.subject, role: 'regional-admin', via: 'jwt' });
    expect(entry!.operation).toBe('Employee.nip, Employee.regionCode, Query.employees');
    expect(entry!.regionCodes).toEqual(
      [...new Set(['12.71', ...employees.map((employee) => employee.regionCode)])].sort(),
    );
    expect(Date.now() - Date.parse(entry!.at)).toBeLessThan(60_000);
    // The log names fields, never values.
    const { rows } = await api.db.query<{ text: string }>(
      'select row_to_json(s)::text as text from access.sensitive_read s where subject = $1',
      [admin.subject],
    );
    for (const employee of employees) if (employee.nip) expect(rows[0]!.text).not.toContain(employee.nip);
  });

  it('records nothing for a request without personal data', async () => {
    const planner = someone('planner', ['12.71']);
    const read = await api.query(
      '{ regionTrainingBudget(regionCode: "12.71", year: 2025) { lines } }',
      undefined,
      planner,
    );
    expect(read.errors).toBeUndefined();
    const { rows } = await api.db.query('select 1 from access.sensitive_read where subject = $1', [planner.subject]);
    expect(rows).toHaveLength(0);
  });

  it('is readable by a national administrator, by a regional one within its regions, and by nobody else', async () => {
    const admin = someone('regional-admin', ['12.71']);
    expect(
      (await api.query('{ employees(regionCode: "12.71", first: 1) { nodes { fullName } } }', undefined, admin)).errors,
    ).toBeUndefined();

    const national = await api.query<Reads, { subject: string }>(READS, { subject: admin.subject! }, NATIONAL_ADMIN);
    expect(national.data!.sensitiveReads.totalCount).toBe(1);
    const sameRegion = await api.query<Reads, { subject: string }>(
      READS,
      { subject: admin.subject! },
      as('regional-admin', ['12.71']),
    );
    expect(sameRegion.data!.sensitiveReads.totalCount).toBe(1);
    const otherRegion = await api.query<Reads, { subject: string }>(
      READS,
      { subject: admin.subject! },
      as('regional-admin', ['93.01']),
    );
    expect(otherRegion.errors).toBeUndefined();
    expect(otherRegion.data!.sensitiveReads.totalCount).toBe(0);

    const planner = await api.query<Reads, { subject: string }>(
      READS,
      { subject: admin.subject! },
      as('planner', ['*']),
    );
    expect(planner.data).toBeNull();
    expect(planner.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', capability: 'AUDIT_READ' });
    const anonymous = await api.query<Reads, { subject: string }>(READS, { subject: admin.subject! }, 'anonymous');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('cannot be rewritten, even by the service that appends to it', async () => {
    await expect(api.db.query("update access.sensitive_read set subject = 'x'")).rejects.toThrow(/append-only/);
  });
});

describe('API keys for service clients', () => {
  const CREATE = `mutation ($input: NewApiKeyInput!) { createApiKey(input: $input) { id key role regionCodes universityCode } }`;
  interface Created {
    createApiKey: { id: string; key: string; role: string; regionCodes: string[]; universityCode: string | null };
  }
  const withKey = (key: string) => ({ headers: { authorization: `ApiKey ${key}` } });
  const BUDGET = (region: string) => `{ regionTrainingBudget(regionCode: "${region}", year: 2025) { lines } }`;

  it('are created by a national administrator, act with their role and scope, and stop at once when revoked', async () => {
    const created = await api.query<Created, { input: Record<string, unknown> }>(CREATE, {
      input: { role: 'PLANNER', regionCodes: ['12.71'], label: 'dashboard BKPSDM Medan (test)' },
    });
    expect(created.errors).toBeUndefined();
    const { id, key, role, regionCodes } = created.data!.createApiKey;
    expect({ role, regionCodes }).toEqual({ role: 'PLANNER', regionCodes: ['12.71'] });
    expect(key.startsWith(`${id}.`)).toBe(true);
    // Stored as a hash, never as the secret.
    const { rows } = await api.db.query<{ hash: Buffer }>(
      'select secret_hash as hash from access.api_key where id = $1',
      [id],
    );
    expect(rows[0]!.hash.toString('utf8')).not.toContain(key.split('.')[1]!);

    const inScope = await api.query<{ regionTrainingBudget: { lines: number } }, never>(
      BUDGET('12.71'),
      undefined,
      withKey(key),
    );
    expect(inScope.errors).toBeUndefined();
    expect(inScope.data!.regionTrainingBudget.lines).toBeGreaterThan(0);
    const outside = await api.query(BUDGET('93.01'), undefined, withKey(key));
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', regionCode: '93.01' });
    const people = await api.query(
      '{ employees(regionCode: "12.71", first: 1) { nodes { nip } } }',
      undefined,
      withKey(key),
    );
    expect(people.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', capability: 'PERSON_LEVEL' });

    const revoked = await api.query<{ revokeApiKey: boolean }, { id: string }>(
      'mutation ($id: String!) { revokeApiKey(id: $id) }',
      { id },
    );
    expect(revoked.data).toEqual({ revokeApiKey: true });
    const after = await api.query(BUDGET('12.71'), undefined, withKey(key));
    expect(after.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'UNKNOWN_OR_REVOKED_API_KEY',
    });
    const { rows: audit } = await api.db.query<{ action: string }>(
      "select action from access.audit_event where entity = 'api_key' and entity_key = $1 order by id",
      [id],
    );
    expect(audit.map((row) => row.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('refuse a bad scope with BAD_USER_INPUT and write nothing; nobody but a national administrator may create one', async () => {
    const before = await api.db.query<{ n: string }>('select count(*) as n from access.api_key');
    const bad = await api.query(CREATE, { input: { role: 'PARTNER_UNIVERSITY', regionCodes: ['12.71'], label: 'x' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/universityCode/);
    const noLabel = await api.query(CREATE, { input: { role: 'PLANNER', regionCodes: ['12.71'], label: '  ' } });
    expect(noLabel.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'label' });
    const byAdmin = await api.query(
      CREATE,
      { input: { role: 'NATIONAL_ADMIN', label: 'escalation' } },
      as('regional-admin', ['12.71']),
    );
    expect(byAdmin.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', capability: 'API_KEY_MANAGE' });
    const after = await api.db.query<{ n: string }>('select count(*) as n from access.api_key');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe('a refused field', () => {
  it('fails alone, with its path and reason; the public fields beside it still arrive (HTTP 200)', async () => {
    const query = '{ serviceUnit(id: 1) { name employees(first: 1) { nodes { id } } } }';
    const response = await fetch(api.platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { serviceUnit: { name: string; employees: unknown } | null };
      errors: { path: unknown[]; extensions: Record<string, unknown> }[];
    };
    expect(body.data.serviceUnit?.name).toBeTruthy();
    expect(body.data.serviceUnit?.employees).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({
      path: ['serviceUnit', 'employees'],
      extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' },
    });

    const planner = await api.query<{ serviceUnit: { name: string; employees: unknown } }, never>(
      query,
      undefined,
      as('planner', ['*']),
    );
    expect(planner.data?.serviceUnit.name).toBe(body.data.serviceUnit?.name);
    expect(planner.errors?.[0]).toMatchObject({
      path: ['serviceUnit', 'employees'],
      extensions: { code: 'FORBIDDEN', capability: 'PERSON_LEVEL' },
    });
  });
});

describe('a partner university', () => {
  it("sees the aggregates of its own courses' offerings, however it reaches them, and no other's", async () => {
    const { rows } = await api.db.query<{ id: number; code: string }>(
      `select distinct on (u.code) o.id, u.code from learning.course_offering o
         join learning.course c on c.id = o.course_id join learning.university u on u.id = c.university_id
        where u.code in ('UNIMED', 'USU') order by u.code, o.id`,
    );
    const own = rows.find((row) => row.code === 'UNIMED');
    const other = rows.find((row) => row.code === 'USU');
    expect(own && other).toBeTruthy();
    const unimed = as('partner-university', 'UNIMED');
    const ask = (id: number) =>
      api.query<{ courseOffering: { participantCount: number | null } | null }, never>(
        `{ courseOffering(id: ${id}) { participantCount } }`,
        undefined,
        unimed,
      );
    const mine = await ask(own!.id);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.courseOffering?.participantCount).not.toBeUndefined();
    const theirs = await ask(other!.id);
    expect(theirs.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', universityCode: 'USU' });
  });
});
