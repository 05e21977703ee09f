import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { apiKeyVerifier } from '../subgraphs/access/store.js';
import type { AuthConfig } from '../subgraphs/shared/auth-config.js';
import { createPool } from '../subgraphs/shared/database.js';
import {
  authenticationErrorOf,
  type HeaderSource,
  headerValue,
  loadInternalKeys,
} from '../subgraphs/shared/internal-token.js';
import { ensureKeyPairFile } from '../subgraphs/shared/key-files.js';
import {
  ANONYMOUS,
  AuthenticationError,
  parseViewer,
  type Viewer,
  ViewerShapeError,
} from '../subgraphs/shared/viewer.js';

/**
 * Identity at the gateway: who is asking, from the request headers, once per request.
 *
 * - `Authorization: Bearer <JWT>`: verified with jose against the configured keys (a JWKS URL, a PEM or
 *   JWK public key, or in development the generated dev key), asymmetric algorithms only (the
 *   AUTH_ALGORITHMS allowlist: `alg: none` and HS256 are refused before any key is used), issuer and
 *   audience required, `exp` required, small clock tolerance. Claims: `sub`, `role`, `region_codes`
 *   (array), `university_code`.
 * - `Authorization: ApiKey <id>.<secret>` or `X-Api-Key: <id>.<secret>`: a stored, hashed, revocable key
 *   bound to a role and scope (subgraphs/access/api-keys.ts).
 * - nothing: the anonymous Viewer.
 * Every refusal is an AuthenticationError (UNAUTHENTICATED, a fixed message and a `reason`); a key
 * server that cannot be reached is a fault (rethrown), not the caller's failure.
 */

export type JwtConfig = NonNullable<AuthConfig['jwt']>;
export type TokenVerifier = (token: string) => Promise<Viewer>;
/** Looks up an API key: its Viewer, or undefined when the id is unknown, the secret wrong or the key revoked. */
export type ApiKeyVerifier = (id: string, secret: string) => Promise<Viewer | undefined>;

/** How the JWT claims are named (an identity provider maps its attributes onto these). */
export const CLAIMS = {
  role: 'role',
  regionCodes: 'region_codes',
  universityCode: 'university_code',
  subject: 'sub',
} as const;

/** The Viewer of a verified JWT payload; MALFORMED_CLAIMS (naming the claim) when it does not fit. */
export function viewerOfClaims(payload: JWTPayload): Viewer {
  const regionCodes = payload[CLAIMS.regionCodes];
  try {
    return parseViewer({
      role: payload[CLAIMS.role],
      regionCodes: regionCodes === undefined ? [] : regionCodes,
      universityCode: payload[CLAIMS.universityCode] ?? null,
      subject: payload.sub ?? null,
      via: 'jwt',
    });
  } catch (error) {
    if (!(error instanceof ViewerShapeError)) throw error;
    const named = error.issues.map((issue) => {
      const [field = '', ...rest] = issue.split(' ');
      const claim = field.split('.')[0] as keyof typeof CLAIMS | 'via'; // a path of viewerSchema: one of these fields
      return [claim === 'via' ? CLAIMS.role : (CLAIMS[claim] ?? field), ...rest].join(' ');
    });
    throw new AuthenticationError('MALFORMED_CLAIMS', named.join('; '));
  }
}

type KeySource = { kind: 'key'; key: KeyObject } | { kind: 'set'; getKey: JWTVerifyGetKey };

async function keySourceOf(jwt: JwtConfig): Promise<KeySource> {
  switch (jwt.key.kind) {
    case 'jwks':
      return {
        kind: 'set',
        getKey: createRemoteJWKSet(new URL(jwt.key.url), {
          timeoutDuration: 5_000,
          cooldownDuration: 30_000,
          cacheMaxAge: 600_000,
        }),
      };
    case 'public-key': {
      const value = jwt.key.value;
      if (!value.startsWith('{')) return { kind: 'key', key: createPublicKey(value) };
      const parsed = JSON.parse(value) as { keys?: JWK[] } & JWK; // checked at start-up by auth-config.ts publicKeyProblem
      return { kind: 'set', getKey: createLocalJWKSet({ keys: parsed.keys ?? [parsed] }) };
    }
    case 'dev':
      return { kind: 'key', key: (await ensureKeyPairFile(jwt.key.file)).publicKey };
  }
}

/** A verifier of end-user JWTs for the configured keys, issuer, audience and algorithms. */
export async function createJwtVerifier(jwt: JwtConfig): Promise<TokenVerifier> {
  const source = await keySourceOf(jwt);
  const options = {
    algorithms: [...jwt.algorithms],
    issuer: jwt.issuer,
    audience: jwt.audience,
    clockTolerance: jwt.clockToleranceSeconds,
    requiredClaims: ['exp', 'sub'],
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } =
        source.kind === 'key'
          ? await jwtVerify(token, source.key, options)
          : await jwtVerify(token, source.getKey, options));
    } catch (error) {
      throw authenticationErrorOf(error);
    }
    return viewerOfClaims(payload);
  };
}

export type Credential =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'api-key'; id: string; secret: string };

const API_KEY = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{16,256})$/;

function apiKeyCredential(value: string): Credential {
  const match = API_KEY.exec(value);
  if (!match?.[1] || !match[2]) throw new AuthenticationError('MALFORMED', 'an API key is "<id>.<secret>"');
  return { kind: 'api-key', id: match[1], secret: match[2] };
}

/** The one credential of a request; two (Authorization and X-Api-Key) or an unknown scheme are refused. */
export function credentialOf(headers: HeaderSource): Credential {
  const authorization = headerValue(headers, 'authorization');
  const apiKey = headerValue(headers, 'x-api-key');
  if (authorization !== undefined && apiKey !== undefined)
    throw new AuthenticationError('MALFORMED', 'send one credential, not two');
  if (apiKey !== undefined) return apiKeyCredential(apiKey);
  if (authorization === undefined) return { kind: 'none' };
  const [scheme = '', value = '', ...extra] = authorization.split(/\s+/);
  if (extra.length > 0 || value === '') throw new AuthenticationError('UNSUPPORTED_SCHEME');
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return { kind: 'bearer', token: value };
    case 'apikey':
      return apiKeyCredential(value);
    default:
      throw new AuthenticationError('UNSUPPORTED_SCHEME');
  }
}

export interface Authenticator {
  /** The request's Viewer; AuthenticationError when a credential is present but not accepted. */
  authenticate(headers: HeaderSource): Promise<Viewer>;
}

export function createAuthenticator(verifiers: { jwt?: TokenVerifier; apiKey?: ApiKeyVerifier }): Authenticator {
  return {
    async authenticate(headers) {
      const credential = credentialOf(headers);
      switch (credential.kind) {
        case 'none':
          return ANONYMOUS;
        case 'bearer':
          if (!verifiers.jwt) throw new AuthenticationError('NOT_CONFIGURED');
          return verifiers.jwt(credential.token);
        case 'api-key': {
          if (!verifiers.apiKey) throw new AuthenticationError('NOT_CONFIGURED');
          const viewer = await verifiers.apiKey(credential.id, credential.secret);
          if (!viewer) throw new AuthenticationError('UNKNOWN_OR_REVOKED_API_KEY');
          return viewer;
        }
      }
    },
  };
}

/** The gateway's authenticator from the configuration and, when the access schema is reachable, its key lookup. */
export async function authenticatorFromConfig(auth: AuthConfig, apiKey?: ApiKeyVerifier): Promise<Authenticator> {
  return createAuthenticator({ jwt: auth.jwt ? await createJwtVerifier(auth.jwt) : undefined, apiKey });
}

export interface GatewayIdentity {
  authenticator: Authenticator;
  internalSigningKey: KeyObject;
  /** Closes the access database pool. */
  close(): Promise<void>;
}

/**
 * Everything the gateway needs to know who is asking and to vouch for it: the JWT verifier, API keys in
 * the access schema (when `accessDatabaseUrl` is set), and the key that signs the internal token.
 */
export async function gatewayIdentity(
  auth: AuthConfig,
  accessDatabaseUrl: string | undefined,
): Promise<GatewayIdentity> {
  const { signingKey } = await loadInternalKeys(auth.internal, 'sign');
  const pool = accessDatabaseUrl === undefined ? undefined : createPool(accessDatabaseUrl, 4);
  return {
    authenticator: await authenticatorFromConfig(auth, pool && apiKeyVerifier(pool)),
    internalSigningKey: signingKey,
    close: async () => {
      await pool?.end();
    },
  };
}
