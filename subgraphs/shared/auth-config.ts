import { createPrivateKey, createPublicKey, type JsonWebKey } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The `auth` section of the configuration: its variables (merged into config.ts's schema, which stays the
 * only reader of the environment) and the checks that span several of them. Keys are checked here, at
 * start-up, so a wrong key stops the process with a message naming the variable instead of refusing
 * every request later.
 */

/** Asymmetric JWS algorithms only: an HMAC secret would let anyone holding the "public" key mint tokens. */
export const ASYMMETRIC_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
] as const;
export type JwtAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

/** Issuer and audience of development tokens (`npm run token`); refused when NODE_ENV=production. */
export const DEV_ISSUER = 'urn:pembinaan:dev';
export const DEV_AUDIENCE = 'pembinaan';
/** Files in the git-ignored data folder holding the development key pairs (generated on first use). */
export const DEV_JWT_KEY_FILE = 'dev-jwt-key.json';
export const DEV_INTERNAL_KEY_FILE = 'dev-internal-key.json';

export type JwtKeySource =
  | { kind: 'jwks'; url: string }
  | { kind: 'public-key'; value: string }
  | { kind: 'dev'; file: string };

export interface AuthConfig {
  /** End-user tokens; undefined: no JWT is accepted (production without AUTH_* variables: API keys only). */
  jwt:
    | {
        key: JwtKeySource;
        issuer: string;
        audience: string;
        algorithms: JwtAlgorithm[];
        clockToleranceSeconds: number;
      }
    | undefined;
  /** The gateway -> subgraph key pair (Ed25519, PEM). In development, a generated pair in the data folder. */
  internal: {
    /** PKCS#8 PEM; only the gateway needs it. */
    signingKey: string | undefined;
    /** SPKI PEM; every subgraph needs it. */
    publicKey: string | undefined;
    /** Development only: the generated pair to use when neither key is configured. */
    devKeyFile: string | undefined;
  };
}

/** PEM from an environment variable: literal "\n" sequences (one-line secrets) become newlines. */
const pem = z.string().transform((value) => `${value.replaceAll('\\n', '\n').trim()}\n`);

export const authEnvironment = {
  AUTH_JWKS_URL: z.string().trim().url('must be a URL').optional(),
  AUTH_PUBLIC_KEY: pem.optional(),
  AUTH_ISSUER: z.string().trim().min(1).optional(),
  AUTH_AUDIENCE: z.string().trim().min(1).optional(),
  AUTH_ALGORITHMS: z
    .string()
    .default('ES256,EdDSA,RS256')
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z.enum(ASYMMETRIC_ALGORITHMS, `must list asymmetric algorithms only (${ASYMMETRIC_ALGORITHMS.join(', ')})`),
        )
        .min(1),
    ),
  AUTH_CLOCK_TOLERANCE_SECONDS: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .default('30')
    .transform(Number)
    .pipe(z.number().int().min(0).max(120)),
  INTERNAL_SIGNING_KEY: pem.optional(),
  INTERNAL_PUBLIC_KEY: pem.optional(),
};

const authObject = z.object(authEnvironment);
type AuthEnvironment = z.infer<typeof authObject>;

/** Checks one public key (PEM, JWK or JWKS JSON); returns what is wrong, or undefined. */
export function publicKeyProblem(value: string): string | undefined {
  if (value.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return 'is neither PEM nor JSON (JWK or JWKS)';
    }
    const keys: unknown[] =
      typeof parsed === 'object' && parsed !== null && 'keys' in parsed && Array.isArray(parsed.keys)
        ? parsed.keys
        : [parsed];
    if (keys.length === 0) return 'is an empty JWKS';
    for (const key of keys) {
      if (typeof key !== 'object' || key === null) return 'holds a JWK that is not an object';
      if ('d' in key || 'k' in key) return 'must hold public keys only (no private or symmetric key material)';
      try {
        createPublicKey({ key: key as JsonWebKey, format: 'jwk' }); // shape checked by createPublicKey itself
      } catch {
        return 'holds a JWK that is not a valid public key';
      }
    }
    return undefined;
  }
  if (!/-----BEGIN PUBLIC KEY-----/.test(value))
    return 'must be a PEM public key ("-----BEGIN PUBLIC KEY-----"), a JWK or a JWKS';
  try {
    createPublicKey(value);
    return undefined;
  } catch {
    return 'is not a valid PEM public key';
  }
}

function internalKeyProblems(signing: string | undefined, publicKey: string | undefined): string[] {
  const problems: string[] = [];
  let derived: string | undefined;
  if (signing !== undefined) {
    try {
      const key = createPrivateKey(signing);
      if (key.asymmetricKeyType !== 'ed25519')
        problems.push('INTERNAL_SIGNING_KEY: must be an Ed25519 private key (PKCS#8 PEM)');
      else derived = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
    } catch {
      problems.push('INTERNAL_SIGNING_KEY: is not a valid PEM private key');
    }
  }
  if (publicKey !== undefined) {
    try {
      const key = createPublicKey(publicKey);
      if (key.asymmetricKeyType !== 'ed25519' || !publicKey.includes('BEGIN PUBLIC KEY')) {
        problems.push('INTERNAL_PUBLIC_KEY: must be an Ed25519 public key (SPKI PEM)');
      } else if (derived !== undefined && key.export({ type: 'spki', format: 'pem' }).toString() !== derived) {
        problems.push('INTERNAL_PUBLIC_KEY: does not match INTERNAL_SIGNING_KEY');
      }
    } catch {
      problems.push('INTERNAL_PUBLIC_KEY: is not a valid PEM public key');
    }
  }
  return problems;
}

/** The auth section from validated variables; `issues` name each variable at fault. */
export function authSection(
  e: AuthEnvironment,
  context: { production: boolean; dataDir: string },
): { auth: AuthConfig; issues: string[] } {
  const issues: string[] = [];
  const { production, dataDir } = context;
  let jwt: AuthConfig['jwt'];
  const common = { algorithms: e.AUTH_ALGORITHMS, clockToleranceSeconds: e.AUTH_CLOCK_TOLERANCE_SECONDS };
  if (e.AUTH_JWKS_URL !== undefined || e.AUTH_PUBLIC_KEY !== undefined) {
    if (e.AUTH_JWKS_URL !== undefined && e.AUTH_PUBLIC_KEY !== undefined)
      issues.push('AUTH_JWKS_URL, AUTH_PUBLIC_KEY: set one, not both');
    if (e.AUTH_JWKS_URL !== undefined) {
      const protocol = new URL(e.AUTH_JWKS_URL).protocol;
      if (protocol !== 'https:' && (production || protocol !== 'http:'))
        issues.push(`AUTH_JWKS_URL: must be https${production ? ' in production' : ' (or http outside production)'}`);
    }
    const problem = e.AUTH_PUBLIC_KEY === undefined ? undefined : publicKeyProblem(e.AUTH_PUBLIC_KEY);
    if (problem) issues.push(`AUTH_PUBLIC_KEY: ${problem}`);
    if (e.AUTH_ISSUER === undefined) issues.push('AUTH_ISSUER: is required with AUTH_JWKS_URL or AUTH_PUBLIC_KEY');
    if (e.AUTH_AUDIENCE === undefined) issues.push('AUTH_AUDIENCE: is required with AUTH_JWKS_URL or AUTH_PUBLIC_KEY');
    if (production && e.AUTH_ISSUER === DEV_ISSUER)
      issues.push(`AUTH_ISSUER: the development issuer ${DEV_ISSUER} is refused in production`);
    jwt = {
      key:
        e.AUTH_JWKS_URL !== undefined
          ? { kind: 'jwks', url: e.AUTH_JWKS_URL }
          : { kind: 'public-key', value: e.AUTH_PUBLIC_KEY ?? '' },
      issuer: e.AUTH_ISSUER ?? '',
      audience: e.AUTH_AUDIENCE ?? '',
      ...common,
    };
  } else if (e.AUTH_ISSUER !== undefined || e.AUTH_AUDIENCE !== undefined) {
    issues.push('AUTH_ISSUER, AUTH_AUDIENCE: need AUTH_JWKS_URL or AUTH_PUBLIC_KEY (the key that signs the tokens)');
  } else if (!production) {
    // Development and test: tokens from `npm run token`, signed with a key pair generated into the data folder.
    jwt = {
      key: { kind: 'dev', file: join(dataDir, DEV_JWT_KEY_FILE) },
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      ...common,
    };
  }
  // Never the development key in production: jwt stays undefined there unless configured explicitly.

  issues.push(...internalKeyProblems(e.INTERNAL_SIGNING_KEY, e.INTERNAL_PUBLIC_KEY));
  // In production the keys must be configured; the process that needs one (the gateway the signing key,
  // a subgraph the public key) refuses to start without it (internal-token.ts `loadInternalKeys`).
  const internalConfigured = e.INTERNAL_SIGNING_KEY !== undefined || e.INTERNAL_PUBLIC_KEY !== undefined;
  return {
    auth: {
      jwt,
      internal: {
        signingKey: e.INTERNAL_SIGNING_KEY,
        publicKey: e.INTERNAL_PUBLIC_KEY,
        devKeyFile: production || internalConfigured ? undefined : join(dataDir, DEV_INTERNAL_KEY_FILE),
      },
    },
    issues,
  };
}
