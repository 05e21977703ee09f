import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  INTERNAL_AUDIENCE,
  INTERNAL_ISSUER,
  INTERNAL_TOKEN_HEADER,
  internalAudience,
  signViewerToken,
  verifyViewerToken,
  viewerFromInternalHeaders,
} from '../../../subgraphs/shared/internal-token.js';
import { ANONYMOUS, AuthenticationError, type AuthFailure, parseViewer } from '../../../subgraphs/shared/viewer.js';

/** The gateway -> subgraph credential: only the gateway's key makes a Viewer a subgraph believes. */
const gateway = generateKeyPairSync('ed25519');
const intruder = generateKeyPairSync('ed25519');
const regional = parseViewer({
  role: 'regional-admin',
  regionCodes: ['12.71'],
  universityCode: null,
  subject: 'nip-1',
  via: 'jwt',
});

async function reason(promise: Promise<unknown>): Promise<AuthFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthenticationError) return error.reason;
    throw error;
  }
  throw new Error('expected an AuthenticationError');
}

describe('internal viewer token', () => {
  it('carries the Viewer from the gateway to a subgraph', async () => {
    const token = await signViewerToken(regional, gateway.privateKey);
    expect(await verifyViewerToken(token, gateway.publicKey)).toEqual(regional);
    expect(await viewerFromInternalHeaders({ [INTERNAL_TOKEN_HEADER]: token }, gateway.publicKey)).toEqual(regional);
    expect(
      await viewerFromInternalHeaders(
        new Headers({ 'X-Pembinaan-Viewer': await signViewerToken(ANONYMOUS, gateway.privateKey) }),
        gateway.publicKey,
      ),
    ).toEqual(ANONYMOUS);
  });

  it('is refused without a token, from another key, for another subgraph, or expired', async () => {
    expect(await reason(viewerFromInternalHeaders({}, gateway.publicKey))).toBe('MISSING');
    expect(
      await reason(verifyViewerToken(await signViewerToken(regional, intruder.privateKey), gateway.publicKey)),
    ).toBe('BAD_SIGNATURE');
    const forLearning = await signViewerToken(regional, gateway.privateKey, { audience: internalAudience('learning') });
    expect(await verifyViewerToken(forLearning, gateway.publicKey, { audience: internalAudience('learning') })).toEqual(
      regional,
    );
    expect(
      await reason(verifyViewerToken(forLearning, gateway.publicKey, { audience: internalAudience('personnel') })),
    ).toBe('WRONG_AUDIENCE');
    const old = await new SignJWT({ viewer: regional })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'pembinaan-viewer+jwt' })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3540)
      .sign(gateway.privateKey);
    expect(await reason(verifyViewerToken(old, gateway.publicKey))).toBe('EXPIRED');
  });

  it('refuses a widened Viewer (tampered) and a signed but malformed one', async () => {
    const [header, , signature] = (await signViewerToken(regional, gateway.privateKey)).split('.');
    const widened = Buffer.from(
      JSON.stringify({
        viewer: { ...regional, role: 'national-admin', regionCodes: [] },
        iss: INTERNAL_ISSUER,
        aud: INTERNAL_AUDIENCE,
        iat: 1,
        exp: 9_999_999_999,
      }),
    ).toString('base64url');
    expect(await reason(verifyViewerToken(`${header}.${widened}.${signature}`, gateway.publicKey))).toBe(
      'BAD_SIGNATURE',
    );
    const malformed = await new SignJWT({ viewer: { ...regional, regionCodes: ['*'] } })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'pembinaan-viewer+jwt' })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(gateway.privateKey);
    expect(await reason(verifyViewerToken(malformed, gateway.publicKey))).toBe('MALFORMED_CLAIMS');
    const untyped = await new SignJWT({ viewer: regional })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(gateway.privateKey);
    expect(await reason(verifyViewerToken(untyped, gateway.publicKey))).toBe('MALFORMED_CLAIMS');
  });

  it('is short-lived: a long-lived token from the right key is refused by age', async () => {
    const long = await signViewerToken(regional, gateway.privateKey, { ttlSeconds: 86_400 });
    expect(await verifyViewerToken(long, gateway.publicKey)).toEqual(regional);
    const backdated = await new SignJWT({ viewer: regional })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'pembinaan-viewer+jwt' })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .setExpirationTime('1h')
      .sign(gateway.privateKey);
    expect(await reason(verifyViewerToken(backdated, gateway.publicKey))).toBe('EXPIRED');
  });
});
