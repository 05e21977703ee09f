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
