import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAuthenticator } from '../../gateway/identity.js';
import { prepareAccessSchema } from '../../subgraphs/access/migrate.js';
import {
  apiKeyVerifier,
  createApiKey,
  recordAuditEvent,
  recordSensitiveRead,
  revokeApiKey,
  verifyApiKey,
} from '../../subgraphs/access/store.js';
import { ensureRoles } from '../../subgraphs/migrate.js';
import { sqlScope } from '../../subgraphs/shared/access.js';
import { openOrm, query } from '../../subgraphs/shared/orm.js';
import { sqlWithinRegion } from '../../subgraphs/shared/regions.js';
import { AuthenticationError, NATIONAL, parseViewer } from '../../subgraphs/shared/viewer.js';

/** The access schema on the real PostgreSQL: API keys, the logs, least privilege; sqlScope on real regions. */
const adminUrl = inject('databaseUrl');
const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
const serviceRole = `pembinaan_test_access_${suffix}`;
const keyAdminRole = `pembinaan_test_keys_${suffix}`;
const passwords = { service: randomBytes(18).toString('base64url'), keyAdmin: randomBytes(18).toString('base64url') };
let admin: pg.Client;

function urlAs(role: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

async function connectAs(role: string, password: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: urlAs(role, password) });
  await client.connect();
  return client;
}

const regional = parseViewer({
  role: 'regional-admin',
  regionCodes: ['12.71', '12.75'],
  universityCode: null,
  subject: 'nip-199001012015031001',
  via: 'jwt',
});

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await ensureRoles(adminUrl, new URL(adminUrl).pathname.slice(1), [
    { name: serviceRole, password: passwords.service },
    { name: keyAdminRole, password: passwords.keyAdmin },
  ]);
  // Two replicas at once: the advisory lock makes the second find nothing to do.
  await Promise.all([
    prepareAccessSchema(adminUrl, { service: serviceRole }),
    prepareAccessSchema(adminUrl, { keyAdmin: keyAdminRole }),
  ]);
});

afterAll(async () => {
  for (const role of [serviceRole, keyAdminRole]) {
    await admin.query(`drop owned by ${pg.escapeIdentifier(role)}`);
    await admin.query(`drop role ${pg.escapeIdentifier(role)}`);
  }
  await admin.end();
});

describe('API keys', () => {
  it('are stored hashed, verify to their Viewer, and stop working when revoked', async () => {
    const created = await createApiKey(admin, {
      role: 'planner',
      regionCodes: ['12.71'],
      label: 'dashboard BKPSDM Medan',
    });
    expect(created.key).toMatch(/^ak_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    const secret = created.key.split('.')[1] ?? '';
    const { rows } = await admin.query('select * from access.api_key where id = $1', [created.id]);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows[0]).toMatchObject({
      role: 'planner',
      region_codes: ['12.71'],
      label: 'dashboard BKPSDM Medan',
      revoked_at: null,
    });

    const authenticator = createAuthenticator({ apiKey: apiKeyVerifier(admin) });
    expect(await authenticator.authenticate({ 'x-api-key': created.key })).toEqual({
      role: 'planner',
      regionCodes: ['12.71'],
      universityCode: null,
      subject: created.id,
      via: 'api-key',
    });
    expect(await verifyApiKey(admin, created.id, `${secret.slice(0, -1)}x`)).toBeUndefined();
    expect(await verifyApiKey(admin, 'ak_0000000000000000', secret)).toBeUndefined();

    expect(await revokeApiKey(admin, created.id, regional)).toBe(true);
    expect(await revokeApiKey(admin, created.id, regional)).toBe(false);
    const refused = await authenticator
      .authenticate({ authorization: `ApiKey ${created.key}` })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect(refused).toMatchObject({
      reason: 'UNKNOWN_OR_REVOKED_API_KEY',
      message: 'The API key is unknown or revoked.',
      extensions: { code: 'UNAUTHENTICATED' },
    });

    const { rows: audit } = await admin.query(
      'select action, subject, role, after from access.audit_event where entity_key = $1 order by id',
      [created.id],
    );
    expect(audit).toEqual([
      {
        action: 'CREATE',
        subject: null,
        role: 'tooling',
        after: { role: 'planner', regionCodes: ['12.71'], universityCode: null, label: 'dashboard BKPSDM Medan' },
      },
      { action: 'UPDATE', subject: 'nip-199001012015031001', role: 'regional-admin', after: { revoked: true } },
    ]);
  });

  it('bind a role and a valid scope', async () => {
    const national = await createApiKey(admin, { role: 'national-admin', label: 'ops' });
    expect(await verifyApiKey(admin, national.id, national.key.split('.')[1] ?? '')).toMatchObject({
      role: 'national-admin',
      regionCodes: [NATIONAL],
    });
    const university = await createApiKey(admin, {
      role: 'partner-university',
      universityCode: 'UNIMED',
      label: 'LMS UNIMED',
    });
    expect(await verifyApiKey(admin, university.id, university.key.split('.')[1] ?? '')).toMatchObject({
      universityCode: 'UNIMED',
    });
    await expect(createApiKey(admin, { role: 'planner', label: 'no scope' })).rejects.toThrow(
      /regionCodes is required/,
    );
    await expect(createApiKey(admin, { role: 'planner', regionCodes: ['12.7'], label: 'bad' })).rejects.toThrow(
      /Kemendagri/,
    );
  });
});

describe('the logs', () => {
  it('record sensitive reads and audit events, and refuse to change them, even for the owner', async () => {
    await recordSensitiveRead(admin, regional, {
      operation: 'Query.employees',
      regionCodes: ['12.71.01'],
      detail: { rows: 25 },
    });
    await recordAuditEvent(admin, regional, {
      entity: 'budget_line',
      key: '42',
      action: 'UPDATE',
      regionCode: '12.71',
      before: { ceiling: '100' },
      after: { ceiling: '120' },
    });
    const { rows } = await admin.query(
      "select subject, role, via, region_codes, detail from access.sensitive_read where operation = 'Query.employees'",
    );
    expect(rows).toContainEqual({
      subject: 'nip-199001012015031001',
      role: 'regional-admin',
      via: 'jwt',
      region_codes: ['12.71.01'],
      detail: { rows: 25 },
    });
    await expect(admin.query('delete from access.sensitive_read')).rejects.toThrow(/append-only/);
    await expect(admin.query("update access.audit_event set after = '{}'")).rejects.toThrow(/append-only/);
    await expect(admin.query('truncate access.audit_event')).rejects.toThrow(/append-only/);
  });
});

describe('least privilege in the access schema', () => {
  it('the service role reads keys and appends to the logs, nothing more', async () => {
    const service = await connectAs(serviceRole, passwords.service);
    try {
      const created = await createApiKey(admin, { role: 'planner', regionCodes: ['93.01'], label: 'service test' });
      expect(await verifyApiKey(service, created.id, created.key.split('.')[1] ?? '')).toMatchObject({
        role: 'planner',
      });
      await recordSensitiveRead(service, regional, { operation: 'Employee.skp', regionCodes: ['12.75'] });
      await recordAuditEvent(service, regional, {
        entity: 'course',
        key: '7',
        action: 'CREATE',
        after: { title: 'x' },
      });
      await expect(createApiKey(service, { role: 'national-admin', label: 'escalation' })).rejects.toThrow(
        /permission denied/,
      );
      await expect(service.query('update access.api_key set revoked_at = null')).rejects.toThrow(/permission denied/);
      await expect(service.query('select * from access.sensitive_read')).rejects.toThrow(/permission denied/);
      await expect(service.query('select * from personnel.employee limit 1')).rejects.toThrow(/permission denied/);
    } finally {
      await service.end();
    }
  });

  it('the key-admin role creates and revokes keys but cannot un-revoke or change a key’s scope', async () => {
    const keys = await connectAs(keyAdminRole, passwords.keyAdmin);
    try {
      const created = await createApiKey(keys, { role: 'regional-admin', regionCodes: ['12.71'], label: 'admin test' });
      expect(await revokeApiKey(keys, created.id)).toBe(true);
      await expect(keys.query("update access.api_key set role = 'national-admin'")).rejects.toThrow(
        /permission denied/,
      );
      await expect(keys.query('delete from access.api_key')).rejects.toThrow(/permission denied/);
    } finally {
      await keys.end();
    }
  });
});

describe('sqlScope on the official regions', () => {
  const planner = parseViewer({
    role: 'planner',
    regionCodes: ['12.71', '93.01.11'],
    universityCode: null,
    subject: 'p',
    via: 'jwt',
  });

  it('selects exactly the regions within the viewer’s scope, through pg and through the ORM', async () => {
    const scope = sqlScope(planner, 'AGGREGATE', 'r.code');
    const { rows } = await admin.query<{ code: string }>(
      `select r.code from personnel.region r where ${scope.sql} order by r.code`,
      scope.params,
    );
    const codes = rows.map((row) => row.code);
    expect(codes).toContain('12.71');
    expect(codes).toContain('12.71.01');
    expect(codes).toContain('93.01.11');
    expect(
      codes.every(
        (code) => code === '12.71' || code.startsWith('12.71.') || code === '93.01.11' || code.startsWith('93.01.11.'),
      ),
    ).toBe(true);
    expect(codes).not.toContain('12');
    expect(codes).not.toContain('93.01');
    // The same rows as regions.ts sqlWithinRegion, scope by scope.
    const { rows: expected } = await admin.query<{ n: string }>(
      `select count(*) as n from personnel.region where ${sqlWithinRegion('code', "'12.71'")} or ${sqlWithinRegion('code', "'93.01.11'")}`,
    );
    expect(codes.length).toBe(Number(expected[0]?.n));

    const orm = await openOrm({
      schema: 'access',
      entities: [],
      migrations: [],
      url: adminUrl,
      poolSize: 1,
      statementTimeoutMs: 0,
    });
    try {
      const viaOrm = sqlScope(planner, 'AGGREGATE', 'code');
      const counted = await query<{ n: string }>(
        orm.em.fork(),
        `select count(*) as n from personnel.region where ${viaOrm.sql}`,
        viaOrm.params,
      );
      expect(Number(counted[0]?.n)).toBe(codes.length);
    } finally {
      await orm.close();
    }
    const none = sqlScope(planner, 'PERSON_LEVEL', 'code');
    const { rows: nothing } = await admin.query(`select code from personnel.region where ${none.sql}`, none.params);
    expect(nothing).toEqual([]);
  });

  it('is served by the region index of the column (text_pattern_ops), not a scan of the table', async () => {
    const scope = sqlScope(planner, 'AGGREGATE', 'u.region_code');
    try {
      // Seq scans priced out: the plan shows whether the predicate can use an index at all. Index-only scans
      // too: the seed writes its rows frozen and all-visible, and a whole index-only scan of this small table,
      // filtering every entry, then costs less than a scan the predicate bounds.
      await admin.query('begin; set local enable_seqscan = off; set local enable_indexonlyscan = off');
      const { rows } = await admin.query<{ 'QUERY PLAN': string }>(
        `explain (costs off) select count(*) from personnel.service_unit u where ${scope.sql}`,
      );
      const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index Scan using service_unit_region_idx|Bitmap Index Scan on service_unit_region_idx/);
      expect(plan).not.toMatch(/Seq Scan/);
    } finally {
      await admin.query('rollback');
    }
  });
});
