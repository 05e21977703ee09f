import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiKeyVerifier,
  createAuthenticator,
  createJwtVerifier,
  type JwtConfig,
  type TokenVerifier,
} from '../../../gateway/identity.js';
import { ensureKeyPairFile } from '../../../subgraphs/shared/key-files.js';
import { AuthenticationError, type AuthFailure, parseViewer } from '../../../subgraphs/shared/viewer.js';

/** Every way a bearer token can be wrong, with real keys generated here. */
const ISSUER = 'https://sso.bkn.go.id/realms/asn';
const AUDIENCE = 'pembinaan';
const claims = { role: 'planner', region_codes: ['12.71'] };

let es256: { publicKey: CryptoKey; privateKey: CryptoKey };
let other: { publicKey: CryptoKey; privateKey: CryptoKey };
let publicPem: string;
let verify: TokenVerifier;
let jwks: Server;
let jwksVerify: TokenVerifier;

function token(
  payload: JWTPayload = claims,
  options: {
    key?: CryptoKey;
    alg?: string;
    kid?: string;
    iss?: string;
    aud?: string;
    exp?: string | number;
    nbf?: string | number;
    sub?: string | null;
  } = {},
) {
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'ES256', ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuedAt();
  jwt.setIssuer(options.iss ?? ISSUER).setAudience(options.aud ?? AUDIENCE);
  if (options.sub !== null) jwt.setSubject(options.sub ?? '199001012015031001');
  if (options.exp !== undefined) jwt.setExpirationTime(options.exp);
  else jwt.setExpirationTime('5m');
  if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
  return jwt.sign(options.key ?? es256.privateKey);
}

async function refusal(promise: Promise<unknown>): Promise<{ reason: AuthFailure; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthenticationError) {
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      return { reason: error.reason, message: error.message };
    }
    throw error;
  }
  throw new Error('expected an AuthenticationError');
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const config = (key: JwtConfig['key']): JwtConfig => ({
  key,
  issuer: ISSUER,
  audience: AUDIENCE,
  algorithms: ['ES256', 'EdDSA', 'RS256'],
  clockToleranceSeconds: 30,
});

beforeAll(async () => {
  es256 = await generateKeyPair('ES256');
  other = await generateKeyPair('ES256');
  publicPem = await exportSPKI(es256.publicKey);
  verify = await createJwtVerifier(config({ kind: 'public-key', value: publicPem }));
  const jwk = { ...(await exportJWK(es256.publicKey)), kid: 'key-2026', alg: 'ES256', use: 'sig' };
  jwks = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const { port } = jwks.address() as AddressInfo; // a TCP server's address is an AddressInfo
  jwksVerify = await createJwtVerifier(config({ kind: 'jwks', url: `http://127.0.0.1:${port}/.well-known/jwks.json` }));
});

afterAll(async () => {
  await new Promise((resolve) => jwks.close(resolve));
});

describe('bearer tokens', () => {
  it('accepts a valid token and turns its claims into a Viewer', async () => {
    expect(await verify(await token())).toEqual({
      role: 'planner',
      regionCodes: ['12.71'],
      universityCode: null,
      subject: '199001012015031001',
      via: 'jwt',
    });
    expect(await jwksVerify(await token(claims, { kid: 'key-2026' }))).toMatchObject({ role: 'planner' });
    const university = await verify(await token({ role: 'partner-university', university_code: 'UNIMED' }));
    expect(university).toMatchObject({ role: 'partner-university', universityCode: 'UNIMED', regionCodes: [] });
  });

  it('refuses an expired token and one not valid yet (beyond the clock tolerance)', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await refusal(verify(await token(claims, { exp: now - 120 })))).toEqual({
      reason: 'EXPIRED',
      message: 'The token has expired.',
    });
    expect(await verify(await token(claims, { exp: now - 10 }))).toMatchObject({ role: 'planner' });
    expect((await refusal(verify(await token(claims, { nbf: now + 600 })))).reason).toBe('NOT_YET_VALID');
  });

  it('refuses a wrong issuer and a wrong audience', async () => {
    expect((await refusal(verify(await token(claims, { iss: 'https://evil.example' })))).reason).toBe('WRONG_ISSUER');
    expect((await refusal(verify(await token(claims, { aud: 'another-service' })))).reason).toBe('WRONG_AUDIENCE');
  });

  it('refuses alg none and HS256 signed with the public key as secret (algorithm confusion)', async () => {
    const exp = Math.floor(Date.now() / 1000) + 300;
    const body = b64({ ...claims, sub: 'x', iss: ISSUER, aud: AUDIENCE, exp });
    expect((await refusal(verify(`${b64({ alg: 'none' })}.${body}.`))).reason).toBe('ALGORITHM_NOT_ALLOWED');
    const confused = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicPem));
    expect((await refusal(verify(confused))).reason).toBe('ALGORITHM_NOT_ALLOWED');
    expect((await refusal(jwksVerify(confused))).reason).toBe('ALGORITHM_NOT_ALLOWED');
  });

  it('refuses a tampered token and one signed by another key', async () => {
    const [header, , signature] = (await token()).split('.');
    const widened = b64({
      role: 'national-admin',
      sub: 'x',
      iss: ISSUER,
      aud: AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 300,
    });
    expect((await refusal(verify(`${header}.${widened}.${signature}`))).reason).toBe('BAD_SIGNATURE');
    const good = await token();
    const flipped = `${good.slice(0, -4)}${good.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect((await refusal(verify(flipped))).reason).toBe('BAD_SIGNATURE');
    expect((await refusal(verify(await token(claims, { key: other.privateKey })))).reason).toBe('BAD_SIGNATURE');
    expect((await refusal(verify('not.a.jwt'))).reason).toBe('MALFORMED');
  });

  it('refuses an unknown key id from the JWKS', async () => {
    expect(await refusal(jwksVerify(await token(claims, { kid: 'rotated-away', key: other.privateKey })))).toEqual({
      reason: 'UNKNOWN_KEY',
      message: 'The token is signed with an unknown key.',
    });
  });

  it('refuses malformed claims, naming the claim and not the value', async () => {
    const bad = async (payload: JWTPayload, sub?: string | null) => refusal(verify(await token(payload, { sub })));
    expect(await bad({ role: 'root' })).toMatchObject({
      reason: 'MALFORMED_CLAIMS',
      message: expect.stringContaining('role'),
    });
    expect((await bad({ role: 'planner', region_codes: '12.71' })).message).toContain('region_codes');
    expect((await bad({ role: 'planner' })).message).toContain('region_codes is required');
    expect((await bad({ role: 'planner', region_codes: ["12.71' or 1=1"] })).message).not.toContain('1=1');
    expect((await bad({ role: 'partner-university' })).message).toContain('university_code is required');
    expect((await bad({ role: 'regional-admin', region_codes: ['*'] })).reason).toBe('MALFORMED_CLAIMS');
    expect((await bad(claims, null)).message).toContain('"sub" is missing');
  });

  it('works with the development key pair from the data folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pembinaan-keys-'));
    try {
      const file = join(dir, 'dev-jwt-key.json');
      const pair = await ensureKeyPairFile(file);
      const devVerify = await createJwtVerifier({
        ...config({ kind: 'dev', file }),
        issuer: 'urn:pembinaan:dev',
        audience: 'pembinaan',
      });
      const dev = await new SignJWT({ role: 'national-admin' })
        .setProtectedHeader({ alg: 'EdDSA', kid: pair.kid })
        .setSubject('dev')
        .setIssuer('urn:pembinaan:dev')
        .setAudience('pembinaan')
        .setExpirationTime('1h')
        .sign(pair.privateKey);
      expect(await devVerify(dev)).toMatchObject({ role: 'national-admin', regionCodes: ['*'] });
      expect((await ensureKeyPairFile(file)).kid).toBe(pair.kid);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the authenticator', () => {
  const keyViewer = parseViewer({
    role: 'regional-admin',
    regionCodes: ['12.71'],
    universityCode: null,
    subject: 'ak_0123456789abcdef',
    via: 'api-key',
  });
  const apiKey: ApiKeyVerifier = async (id, secret) =>
    id === 'ak_0123456789abcdef' && secret === 's'.repeat(43) ? keyViewer : undefined;
  const authenticator = () => createAuthenticator({ jwt: verify, apiKey });

  it('is anonymous without credentials and reads each header form', async () => {
    expect(await authenticator().authenticate({})).toMatchObject({ role: 'anonymous', via: 'anonymous' });
    expect(await authenticator().authenticate({ authorization: `Bearer ${await token()}` })).toMatchObject({
      via: 'jwt',
    });
    expect(
      await authenticator().authenticate(
        new Headers({ Authorization: `ApiKey ak_0123456789abcdef.${'s'.repeat(43)}` }),
      ),
    ).toBe(keyViewer);
    expect(await authenticator().authenticate({ 'x-api-key': `ak_0123456789abcdef.${'s'.repeat(43)}` })).toBe(
      keyViewer,
    );
  });

  it('refuses unknown keys, unknown schemes, two credentials and unconfigured kinds', async () => {
    const refused = (
      headers: Record<string, string>,
      verifiers: { jwt?: TokenVerifier; apiKey?: ApiKeyVerifier } = { jwt: verify, apiKey },
    ) => refusal(createAuthenticator(verifiers).authenticate(headers));
    expect((await refused({ 'x-api-key': `ak_0123456789abcdef.${'t'.repeat(43)}` })).reason).toBe(
      'UNKNOWN_OR_REVOKED_API_KEY',
    );
    expect((await refused({ 'x-api-key': 'no-dot' })).reason).toBe('MALFORMED');
    expect((await refused({ authorization: 'Basic dXNlcjpwYXNz' })).reason).toBe('UNSUPPORTED_SCHEME');
    expect((await refused({ authorization: 'Bearer' })).reason).toBe('UNSUPPORTED_SCHEME');
    expect((await refused({ authorization: 'Bearer x', 'x-api-key': 'a.b' })).reason).toBe('MALFORMED');
    expect((await refused({ authorization: 'Bearer x.y.z' }, { apiKey })).reason).toBe('NOT_CONFIGURED');
  });
});
