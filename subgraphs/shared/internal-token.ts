import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { decodeJwt, errors, jwtVerify, SignJWT } from 'jose';
import type { AuthConfig } from './auth-config.js';
import { ensureKeyPairFile } from './key-files.js';
import { AuthenticationError, parseViewer, type Viewer, ViewerShapeError } from './viewer.js';

/**
 * The gateway -> subgraph credential. The gateway verifies the caller (gateway/identity.ts), then signs
 * a short-lived token carrying the Viewer with its own Ed25519 key; each subgraph verifies it with the
 * public key and serves nobody without one. A subgraph port reached directly (an `_entities` call, a
 * forged `@requires` input) therefore gets UNAUTHENTICATED, and a viewer cannot widen its own scope.
 */

/** The HTTP request header carrying the internal token from the gateway to a subgraph. */
export const INTERNAL_TOKEN_HEADER = 'x-pembinaan-viewer';
export const INTERNAL_ISSUER = 'pembinaan-gateway';
/** The audience every subgraph accepts; `internalAudience(name)` narrows a token to one subgraph. */
export const INTERNAL_AUDIENCE = 'pembinaan-subgraphs';
export const INTERNAL_TOKEN_TTL_SECONDS = 60;
const ALGORITHM = 'EdDSA';
/** The JOSE `typ` of internal tokens: an end-user JWT is never mistaken for one, nor the reverse. */
const TOKEN_TYPE = 'pembinaan-viewer+jwt';
/** Seconds of clock difference tolerated between the gateway and a subgraph host. */
const CLOCK_TOLERANCE_SECONDS = 5;

export function internalAudience(subgraph: string): string {
  return `${INTERNAL_AUDIENCE}:${subgraph}`;
}

/**
 * The audience of service-to-service calls (evaluation pulling an owner's change feed). The gateway never
 * signs it for an end user, so a field that requires it (`<owner>Feed`) is out of any end user's reach.
 */
export const SERVICE_AUDIENCE = internalAudience('service');

export interface SignOptions {
  /** Default INTERNAL_AUDIENCE; `internalAudience(name)` for a token only that subgraph accepts. */
  audience?: string;
  ttlSeconds?: number;
}

/** Signs the Viewer for the subgraphs: EdDSA, issuer pembinaan-gateway, 60 s. */
export async function signViewerToken(viewer: Viewer, key: KeyObject, options: SignOptions = {}): Promise<string> {
  const checked = parseViewer(viewer);
  const builder = new SignJWT({ viewer: checked })
    .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(options.audience ?? INTERNAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? INTERNAL_TOKEN_TTL_SECONDS}s`);
  if (checked.subject !== null) builder.setSubject(checked.subject);
  return builder.sign(key);
}

/**
 * For the gateway's `RemoteGraphQLDataSource.willSendRequest`: sets (replacing any) the internal token
 * header on the outgoing subgraph request.
 */
export async function setViewerHeader(
  headers: { set(name: string, value: string): void },
  viewer: Viewer,
  key: KeyObject,
  options: SignOptions = {},
): Promise<void> {
  headers.set(INTERNAL_TOKEN_HEADER, await signViewerToken(viewer, key, options));
}

export interface VerifyOptions {
  /** The audiences this subgraph accepts; default [INTERNAL_AUDIENCE]. */
  audience?: string | string[];
}

/** Verifies an internal token and returns its Viewer; any fault is UNAUTHENTICATED (reason in extensions). */
export async function verifyViewerToken(
  token: string,
  publicKey: KeyObject,
  options: VerifyOptions = {},
): Promise<Viewer> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, publicKey, {
      algorithms: [ALGORITHM],
      typ: TOKEN_TYPE,
      issuer: INTERNAL_ISSUER,
      audience: options.audience ?? INTERNAL_AUDIENCE,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: `${INTERNAL_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS}s`,
      requiredClaims: ['exp', 'iat'],
    }));
  } catch (error) {
    throw authenticationErrorOf(error);
  }
  try {
    return parseViewer(payload.viewer);
  } catch (error) {
    if (error instanceof ViewerShapeError) throw new AuthenticationError('MALFORMED_CLAIMS', error.issues.join('; '));
    throw error;
  }
}

/**
 * For the subgraph context: the Viewer of a request from its headers (a Node IncomingHttpHeaders record
 * or a fetch `Headers`); UNAUTHENTICATED when the internal token is missing or invalid.
 */
export async function viewerFromInternalHeaders(
  headers: HeaderSource,
  publicKey: KeyObject,
  options: VerifyOptions = {},
): Promise<Viewer> {
  const token = headerValue(headers, INTERNAL_TOKEN_HEADER);
  if (token === undefined) throw new AuthenticationError('MISSING');
  return verifyViewerToken(token, publicKey, options);
}

/**
 * The caller of a subgraph request: the Viewer, and whether the token is a service token
 * (SERVICE_AUDIENCE) rather than one the gateway signed for an end user.
 */
export async function callerFromInternalHeaders(
  headers: HeaderSource,
  publicKey: KeyObject,
): Promise<{ viewer: Viewer; service: boolean }> {
  const token = headerValue(headers, INTERNAL_TOKEN_HEADER);
  if (token === undefined) throw new AuthenticationError('MISSING');
  const viewer = await verifyViewerToken(token, publicKey, { audience: [INTERNAL_AUDIENCE, SERVICE_AUDIENCE] });
  const { aud } = decodeJwt(token); // verified above: only the audience is read
  return { viewer, service: aud === SERVICE_AUDIENCE || (Array.isArray(aud) && aud.includes(SERVICE_AUDIENCE)) };
}

export type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** One header's value, case-insensitively; undefined when absent, empty or repeated (ambiguous). */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  let value: string | string[] | null | undefined;
  if (typeof headers.get === 'function')
    value = (headers as { get(name: string): string | null }).get(name); // a fetch Headers
  else {
    const record = headers as Record<string, string | string[] | undefined>; // the other member of HeaderSource
    const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    value = key === undefined ? undefined : record[key];
  }
  if (Array.isArray(value)) return value.length === 1 ? value[0]?.trim() || undefined : undefined;
  return value?.trim() || undefined;
}

/** Maps jose's errors onto typed UNAUTHENTICATED errors; an unexpected error is rethrown as is (a fault, not a refusal). */
export function authenticationErrorOf(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return new AuthenticationError('EXPIRED');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || (error.claim === 'iat' && error.reason === 'check_failed'))
      return new AuthenticationError('NOT_YET_VALID');
    if (error.claim === 'iss') return new AuthenticationError('WRONG_ISSUER');
    if (error.claim === 'aud') return new AuthenticationError('WRONG_AUDIENCE');
    return new AuthenticationError(
      'MALFORMED_CLAIMS',
      `claim "${error.claim}" ${error.reason === 'missing' ? 'is missing' : 'is invalid'}`,
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return new AuthenticationError('ALGORITHM_NOT_ALLOWED');
  if (error instanceof errors.JWSSignatureVerificationFailed) return new AuthenticationError('BAD_SIGNATURE');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
    return new AuthenticationError('UNKNOWN_KEY');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSEError) {
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return error;
    return new AuthenticationError('MALFORMED');
  }
  return error instanceof Error ? error : new Error(String(error));
}

export interface InternalKeys {
  /** The gateway's private key; undefined in a process that only verifies. */
  signingKey: KeyObject | undefined;
  publicKey: KeyObject;
}

/**
 * The gateway <-> subgraph keys from the configuration: the configured PEMs, or (development) the pair
 * generated into the data folder. `need: 'sign'` (the gateway) requires the private key; `'verify'`
 * (a subgraph) the public key (derived from the private one when only that is set).
 */
export async function loadInternalKeys(
  internal: AuthConfig['internal'],
  need: 'sign',
): Promise<InternalKeys & { signingKey: KeyObject }>;
export async function loadInternalKeys(internal: AuthConfig['internal'], need: 'verify'): Promise<InternalKeys>;
export async function loadInternalKeys(
  internal: AuthConfig['internal'],
  need: 'sign' | 'verify',
): Promise<InternalKeys> {
  if (internal.devKeyFile !== undefined) {
    const pair = await ensureKeyPairFile(internal.devKeyFile);
    return { signingKey: need === 'sign' ? pair.privateKey : undefined, publicKey: pair.publicKey };
  }
  const signingKey = internal.signingKey === undefined ? undefined : createPrivateKey(internal.signingKey);
  if (need === 'sign' && signingKey === undefined)
    throw new Error('INTERNAL_SIGNING_KEY is required: the gateway signs the viewer for the subgraphs');
  const publicKey =
    internal.publicKey !== undefined
      ? createPublicKey(internal.publicKey)
      : signingKey !== undefined
        ? createPublicKey(signingKey)
        : undefined;
  if (publicKey === undefined)
    throw new Error('INTERNAL_PUBLIC_KEY is required: each subgraph verifies the gateway with it');
  return { signingKey: need === 'sign' ? signingKey : undefined, publicKey };
}
