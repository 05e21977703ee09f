import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_ISSUER } from '../../../subgraphs/shared/auth-config.js';
import { ConfigError, loadConfig, projectRoot } from '../../../subgraphs/shared/config.js';
import { loadInternalKeys, signViewerToken, verifyViewerToken } from '../../../subgraphs/shared/internal-token.js';
import { parseViewer } from '../../../subgraphs/shared/viewer.js';

const pems = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    private: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    public: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};
const es256Public = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

function issues(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('auth configuration', () => {
  it('uses the generated development keys outside production only', () => {
    const development = loadConfig({});
    expect(development.auth.jwt).toMatchObject({
      key: { kind: 'dev', file: join(projectRoot(), '.data', 'dev-jwt-key.json') },
      issuer: DEV_ISSUER,
    });
    expect(development.auth.internal.devKeyFile).toBe(join(projectRoot(), '.data', 'dev-internal-key.json'));
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(production.auth.jwt).toBeUndefined();
    expect(production.auth.internal.devKeyFile).toBeUndefined();
  });

  it('refuses the development issuer in production', () => {
    expect(
      issues({
        NODE_ENV: 'production',
        AUTH_PUBLIC_KEY: es256Public,
        AUTH_ISSUER: DEV_ISSUER,
        AUTH_AUDIENCE: 'pembinaan',
      }),
    ).toContain('AUTH_ISSUER: the development issuer');
  });

  it('reads a production setup: keys, issuer, audience, algorithms', () => {
    const internal = pems();
    const settings = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://sso.bkn.go.id/realms/asn/protocol/openid-connect/certs',
      AUTH_ISSUER: 'https://sso.bkn.go.id/realms/asn',
      AUTH_AUDIENCE: 'pembinaan',
      AUTH_ALGORITHMS: 'RS256, ES256',
      INTERNAL_SIGNING_KEY: internal.private.replaceAll('\n', '\\n'),
      INTERNAL_PUBLIC_KEY: internal.public,
    });
    expect(settings.auth.jwt).toEqual({
      key: { kind: 'jwks', url: 'https://sso.bkn.go.id/realms/asn/protocol/openid-connect/certs' },
      issuer: 'https://sso.bkn.go.id/realms/asn',
      audience: 'pembinaan',
      algorithms: ['RS256', 'ES256'],
      clockToleranceSeconds: 30,
    });
    expect(settings.auth.internal.signingKey).toBe(internal.private);
  });

  it('names every bad auth variable', () => {
    const internal = pems();
    const message = issues({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'http://sso.example/certs',
      AUTH_ALGORITHMS: 'RS256,HS256',
      AUTH_CLOCK_TOLERANCE_SECONDS: '3600',
      INTERNAL_SIGNING_KEY: internal.private,
      INTERNAL_PUBLIC_KEY: pems().public,
    });
    expect(message).toContain('AUTH_ALGORITHMS=');
    expect(message).toContain('AUTH_CLOCK_TOLERANCE_SECONDS=');
    const cross = issues({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'http://sso.example/certs',
      INTERNAL_SIGNING_KEY: internal.private,
      INTERNAL_PUBLIC_KEY: pems().public,
    });
    for (const text of [
      'AUTH_JWKS_URL: must be https',
      'AUTH_ISSUER: is required',
      'AUTH_AUDIENCE: is required',
      'INTERNAL_PUBLIC_KEY: does not match',
    ])
      expect(cross).toContain(text);
    expect(issues({ AUTH_PUBLIC_KEY: internal.private, AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' })).toContain(
      'AUTH_PUBLIC_KEY: must be a PEM public key',
    );
    expect(issues({ AUTH_PUBLIC_KEY: '{"kty":"oct","k":"c2VjcmV0"}', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' })).toContain(
      'no private or symmetric key material',
    );
    expect(issues({ AUTH_ISSUER: 'i' })).toContain('need AUTH_JWKS_URL or AUTH_PUBLIC_KEY');
    expect(issues({ INTERNAL_PUBLIC_KEY: es256Public })).toContain(
      'INTERNAL_PUBLIC_KEY: must be an Ed25519 public key',
    );
    // The messages never echo key material.
    expect(message + cross).not.toContain('PRIVATE KEY');
  });

  it('generates the development internal pair once, shared by the gateway and the subgraphs', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pembinaan-internal-'));
    try {
      const { internal } = loadConfig({ DATA_DIR: dataDir }).auth;
      const [gateway, subgraph] = await Promise.all([
        loadInternalKeys(internal, 'sign'),
        loadInternalKeys(internal, 'verify'),
      ]);
      const viewer = parseViewer({
        role: 'planner',
        regionCodes: ['12.71'],
        universityCode: null,
        subject: 'p',
        via: 'jwt',
      });
      expect(await verifyViewerToken(await signViewerToken(viewer, gateway.signingKey), subgraph.publicKey)).toEqual(
        viewer,
      );
      expect(subgraph.signingKey).toBeUndefined();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start the gateway or a subgraph in production without their internal key', async () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    await expect(loadInternalKeys(production.auth.internal, 'sign')).rejects.toThrow(
      /INTERNAL_SIGNING_KEY is required/,
    );
    await expect(loadInternalKeys(production.auth.internal, 'verify')).rejects.toThrow(
      /INTERNAL_PUBLIC_KEY is required/,
    );
    const internal = pems();
    const keys = await loadInternalKeys(
      loadConfig({ NODE_ENV: 'production', INTERNAL_PUBLIC_KEY: internal.public }).auth.internal,
      'verify',
    );
    expect(keys.signingKey).toBeUndefined();
    expect(keys.publicKey.asymmetricKeyType).toBe('ed25519');
  });
});
