import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { exportJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../../gateway/identity.js';
import { createApiKey, revokeApiKey } from '../../subgraphs/access/store.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../subgraphs/shared/auth-config.js';
import { config } from '../../subgraphs/shared/config.js';
import {
  INTERNAL_AUDIENCE,
  INTERNAL_ISSUER,
  INTERNAL_TOKEN_HEADER,
  internalAudience,
  loadInternalKeys,
  signViewerToken,
} from '../../subgraphs/shared/internal-token.js';
import { ensureKeyPairFile, type KeyPair } from '../../subgraphs/shared/key-files.js';
import { type AuthFailure, parseViewer, type Viewer } from '../../subgraphs/shared/viewer.js';
import { mintDevToken } from '../../tools/dev/dev-token.js';
import { as, NATIONAL_ADMIN, usePlatform } from '../support/platform.js';

/**
 * Issue 8, tests bullet two and three: refused credentials through the real gateway (each HTTP 401,
 * UNAUTHENTICATED with its reason), internal tokens a subgraph must refuse (what abuse-catalogue.ts
 * category 'access' does not cover: a different key, expired, another audience), and the sensitive-read log.
 */
const api = usePlatform();

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

async function post(url: string, headers: Record<string, string>, body: object): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const AGGREGATE_QUERY = { query: '{ regionTrainingBudget(year: 2025, regionCode: "12.71") { lines } }' };
const gateway = (headers: Record<string, string>, body: object = AGGREGATE_QUERY) =>
  post(api.platform.gateway.url, headers, body);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function expectRefused(answer: Answer, reason: AuthFailure): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(401);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
  expect(answer.body.errors?.[0]?.message).toMatch(/\S/);
}

describe('end-user tokens at the gateway', () => {
  let devKey: KeyPair;
  beforeAll(async () => {
    const jwt = config().auth.jwt;
    if (jwt?.key.kind !== 'dev') throw new Error('the test platform signs tokens with the development key');
    devKey = await ensureKeyPairFile(jwt.key.file);
  });

  interface Mint {
    key?: KeyObject;
    kid?: string;
    issuer?: string;
    audience?: string;
    issuedAt?: number;
    notBefore?: number;
    expires?: number;
    claims?: Record<string, unknown>;
  }
  /** A planner of 12.71's token, as the identity provider would sign it, with one thing changed. */
  const mint = (change: Mint = {}): Promise<string> => {
    const builder = new SignJWT({ role: 'planner', region_codes: ['12.71'], ...change.claims })
      .setProtectedHeader({ alg: 'EdDSA', kid: change.kid ?? devKey.kid })
      .setSubject('tokens-test-planner')
      .setIssuer(change.issuer ?? DEV_ISSUER)
      .setAudience(change.audience ?? DEV_AUDIENCE)
      .setIssuedAt(change.issuedAt ?? now())
      .setExpirationTime(change.expires ?? now() + 600);
    if (change.notBefore !== undefined) builder.setNotBefore(change.notBefore);
    return builder.sign(change.key ?? devKey.privateKey);
  };

  it('accepts a valid token (the cases below differ from it in one thing each)', async () => {
    const answer = await gateway(bearer(await mint()));
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ regionTrainingBudget: { lines: expect.any(Number) } });
  });

  it('refuses an expired token (beyond the 30 s tolerance)', async () => {
    expectRefused(await gateway(bearer(await mint({ issuedAt: now() - 7200, expires: now() - 3600 }))), 'EXPIRED');
  });

  it('refuses a token that is not valid yet', async () => {
    expectRefused(await gateway(bearer(await mint({ notBefore: now() + 3600 }))), 'NOT_YET_VALID');
  });

  it('refuses a token of another issuer', async () => {
    expectRefused(await gateway(bearer(await mint({ issuer: 'https://idp.example' }))), 'WRONG_ISSUER');
  });

  it('refuses a token for another audience', async () => {
    expectRefused(await gateway(bearer(await mint({ audience: 'another-service' }))), 'WRONG_AUDIENCE');
  });

  it('refuses alg none and HMAC (signed with the public key as a secret), whatever the claims', async () => {
    const claims = {
      sub: 'x',
      role: 'national-admin',
      iss: DEV_ISSUER,
      aud: DEV_AUDIENCE,
      iat: now(),
      exp: now() + 600,
    };
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expectRefused(await gateway(bearer(unsigned)), 'ALGORITHM_NOT_ALLOWED');
    const secret = new TextEncoder().encode(devKey.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const hmac = await new SignJWT({ role: 'national-admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime(now() + 600)
      .sign(secret);
    expectRefused(await gateway(bearer(hmac)), 'ALGORITHM_NOT_ALLOWED');
  });

  it('refuses a tampered token: a changed signature, or claims widened under the old signature', async () => {
    const token = await mint();
    const [header = '', payload = '', signature = ''] = token.split('.');
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expectRefused(await gateway(bearer(`${header}.${payload}.${flipped}`)), 'BAD_SIGNATURE');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>; // a JWT payload is a JSON object
    const widened = b64({ ...claims, role: 'national-admin', region_codes: undefined });
    expectRefused(await gateway(bearer(`${header}.${widened}.${signature}`)), 'BAD_SIGNATURE');
  });

  it('refuses a token signed by an unknown key (another key pair under another key id)', async () => {
    const other = generateKeyPairSync('ed25519');
    const token = await mint({ key: other.privateKey, kid: 'unknown-key' });
    // The development verifier holds one key and does not read `kid`: the signature fails to verify.
    expectRefused(await gateway(bearer(token)), 'BAD_SIGNATURE');
    // A verifier over a key set (AUTH_JWKS_URL, or AUTH_PUBLIC_KEY as a JWKS) names the unknown key id.
    const jwk = { ...(await exportJWK(devKey.publicKey)), kid: devKey.kid, alg: 'EdDSA', use: 'sig' };
    const verify = await createJwtVerifier({
      key: { kind: 'public-key', value: JSON.stringify({ keys: [jwk] }) },
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      algorithms: ['EdDSA'],
      clockToleranceSeconds: 30,
    });
    await expect(verify(await mint())).resolves.toMatchObject({ role: 'planner', regionCodes: ['12.71'] });
    await expect(verify(token)).rejects.toMatchObject({
      reason: 'UNKNOWN_KEY',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('accepts an API key until it is revoked, then refuses it at once', async () => {
    const created = await createApiKey(api.db, {
      role: 'planner',
      regionCodes: ['12.71'],
      label: `tokens test ${randomBytes(4).toString('hex')}`,
    });
    const both: Record<string, string>[] = [{ authorization: `ApiKey ${created.key}` }, { 'x-api-key': created.key }];
    for (const headers of both) {
      const answer = await gateway(headers);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ regionTrainingBudget: { lines: expect.any(Number) } });
    }
    // The key's own scope holds: a planner of 12.71 is refused 12.75 by name.
    const outside = await gateway(
      { 'x-api-key': created.key },
      { query: '{ regionTrainingBudget(year: 2025, regionCode: "12.75") { lines } }' },
    );
    expect(outside.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', regionCode: '12.75' });

    expect(await revokeApiKey(api.db, created.id, NATIONAL_ADMIN)).toBe(true);
    expectRefused(await gateway({ authorization: `ApiKey ${created.key}` }), 'UNKNOWN_OR_REVOKED_API_KEY');
    expectRefused(await gateway({ 'x-api-key': created.key }), 'UNKNOWN_OR_REVOKED_API_KEY');
  });
});

describe('subgraphs trust only the gateway', () => {
  let signingKey: KeyObject;
  beforeAll(async () => {
    ({ signingKey } = await loadInternalKeys(config().auth.internal, 'sign'));
  });
  const subgraph = (name: 'personnel' | 'evaluation', headers: Record<string, string>, body: object) =>
    post(api.platform.subgraphs[name].url, headers, body);
  const internal = (token: string) => ({ [INTERNAL_TOKEN_HEADER]: token });
  /** `_entities` straight to personnel: NIPs and names of employee 1, as a forged gateway would ask. */
  const forgedEntities = {
    query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { nip fullName } } }',
    variables: { r: [{ __typename: 'Employee', id: 1 }] },
  };
  /** `@requires` inputs made up and sent straight to evaluation (issue 8: a verdict for invented data). */
  const forgedRequires = {
    query:
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on TrainingImpactComparison { regions { verdict } } } }',
    variables: {
      r: [
        {
          __typename: 'TrainingImpactComparison',
          id: '2025:12.71',
          staffing: [],
          unitTraining: [],
          regionLearning: [],
          regionSpending: [],
          unitTrainingDates: [],
          regionPresence: [{ scope: '12.71', known: true }],
        },
      ],
    },
  };
  /** An internal token as the gateway signs it, with one thing changed. */
  const forge = (
    viewer: Viewer,
    change: { key?: KeyObject; audience?: string; issuedAt?: number; expires?: number },
  ): Promise<string> =>
    new SignJWT({ viewer })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'pembinaan-viewer+jwt' })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(change.audience ?? INTERNAL_AUDIENCE)
      .setSubject(viewer.subject ?? 'x')
      .setIssuedAt(change.issuedAt ?? now())
      .setExpirationTime(change.expires ?? now() + 60)
      .sign(change.key ?? signingKey);

  it('serves a forged _entities call only with the gateway’s own, current token', async () => {
    const valid = await subgraph(
      'personnel',
      internal(await signViewerToken(NATIONAL_ADMIN, signingKey)),
      forgedEntities,
    );
    expect(valid.status).toBe(200);
    expect(valid.body.data).toEqual({ _entities: [{ nip: expect.any(String), fullName: expect.any(String) }] });
  });

  it('refuses an internal token signed by another key, expired, or for another audience', async () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const cases: [string, Promise<string>, AuthFailure][] = [
      ['another key', forge(NATIONAL_ADMIN, { key: other }), 'BAD_SIGNATURE'],
      ['expired', forge(NATIONAL_ADMIN, { issuedAt: now() - 600, expires: now() - 300 }), 'EXPIRED'],
      ['the end-user audience', forge(NATIONAL_ADMIN, { audience: DEV_AUDIENCE }), 'WRONG_AUDIENCE'],
      ['another subgraph', forge(NATIONAL_ADMIN, { audience: internalAudience('learning') }), 'WRONG_AUDIENCE'],
    ];
    for (const [name, token, reason] of cases) {
      for (const [target, body] of [
        ['personnel', forgedEntities],
        ['evaluation', forgedRequires],
      ] as const) {
        const answer = await subgraph(target, internal(await token), body);
        expect(answer.body.data ?? null, `${name} at ${target}`).toBeNull();
        expectRefused(answer, reason);
      }
    }
  });

  it('refuses an end-user JWT in place of the internal token', async () => {
    const jwt = config().auth.jwt;
    if (jwt?.key.kind !== 'dev') throw new Error('the test platform signs tokens with the development key');
    const token = await mintDevToken(NATIONAL_ADMIN, jwt.key.file, 60);
    const answer = await subgraph('personnel', internal(token), forgedEntities);
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body)).not.toMatch(/"nip":"\d/);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the sensitive-read log', () => {
  const subject = (role: string) => `tokens-test-${role}-${randomBytes(4).toString('hex')}`;
  const rowsOf = async (who: string) =>
    (
      await api.db.query<{ subject: string; role: string; via: string; region_codes: string[]; operation: string }>(
        'select subject, role, via, region_codes, operation from access.sensitive_read where subject = $1',
        [who],
      )
    ).rows;
  /** The log is written before the answer leaves; a short wait covers the database round trip of a replica. */
  const eventually = async <T>(read: () => Promise<T[]>): Promise<T[]> => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const rows = await read();
      if (rows.length > 0) return rows;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return read();
  };

  it('notes who read an employee’s NIP, as which role, in which region; not an aggregate-only request', async () => {
    const { rows } = await api.db.query<{ id: number; nip: string; region_code: string }>(
      `select e.id, e.nip, u.region_code from personnel.employee e join personnel.service_unit u on u.id = e.unit_id
        where e.asn_type = 'PNS' and u.region_code like '12.71.%' order by e.id limit 1`,
    );
    const [employee] = rows;
    if (!employee) throw new Error('no PNS in Kota Medan');
    const admin = parseViewer({ ...as('regional-admin', ['12.71']), subject: subject('admin') });
    const read = await api.query<{ employee: { nip: string } | null }, Record<string, never>>(
      `{ employee(id: ${employee.id}) { nip } }`,
      undefined,
      admin,
    );
    expect(read.data?.employee?.nip).toBe(employee.nip);
    const logged = await eventually(() => rowsOf(admin.subject ?? ''));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ subject: admin.subject, role: 'regional-admin', via: 'jwt' });
    expect(logged[0]?.operation).toContain('Employee.nip');
    expect(logged[0]?.region_codes).toEqual([employee.region_code]);
    expect(JSON.stringify(logged)).not.toContain(employee.nip);

    const planner = parseViewer({ ...as('planner', ['12.71']), subject: subject('planner') });
    const aggregate = await api.query(AGGREGATE_QUERY.query, undefined, planner);
    expect(aggregate.errors).toBeUndefined();
    // Wait as long as the admin's row took, then some: nothing may appear.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await rowsOf(planner.subject ?? '')).toEqual([]);
  });
});
