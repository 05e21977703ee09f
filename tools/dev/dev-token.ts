import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, DEV_JWT_KEY_FILE } from '../../subgraphs/shared/auth-config.js';
import { config } from '../../subgraphs/shared/config.js';
import { ensureKeyPairFile } from '../../subgraphs/shared/key-files.js';
import { NATIONAL, nationalAdmin, parseViewer, ROLES, type Role, type Viewer } from '../../subgraphs/shared/viewer.js';

/** What `npm run token` is asked for. */
export interface DevTokenRequest {
  viewer: Viewer;
  /** Lifetime of a JWT, seconds. */
  ttlSeconds: number;
  /** Mint a stored API key instead of a JWT. */
  apiKey: boolean;
  label: string;
}

export const TOKEN_USAGE = `Prints a credential the local stack accepts (development only).

usage: npm run -s token -- [options]
  --role ROLE          ${ROLES.filter((role) => role !== 'anonymous').join(', ')}
                       (default: partner-university with --university, else national-admin)
  --region A,B         region codes of a planner or regional-admin ("*" or none: national planner)
  --university CODE    the partner university's code (e.g. UNIMED)
  --subject ID         the token's subject (default dev-<role>)
  --ttl SECONDS        lifetime of the JWT (default 28800: 8 hours)
  --api-key            mint a stored API key (in the dev database) instead of a JWT
  --label TEXT         the API key's label (default "dev key")
  -h, --help           this text

Use it as: curl -H "Authorization: Bearer $(npm run -s token -- --role planner --region 12.71)" ...
An API key goes in "Authorization: ApiKey <key>" or "X-Api-Key: <key>".`;

/** Parses the command line; null for --help. Throws with a message on bad options. */
export function parseTokenArgs(argv: string[]): DevTokenRequest | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      region: { type: 'string' },
      university: { type: 'string' },
      subject: { type: 'string' },
      ttl: { type: 'string' },
      'api-key': { type: 'boolean', default: false },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const role = (values.role ?? (values.university !== undefined ? 'partner-university' : 'national-admin')) as Role; // checked by parseViewer below
  const regions = (values.region ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  if (role === 'planner' && regions.length === 0) regions.push(NATIONAL);
  if (values.ttl !== undefined && !/^\d+$/.test(values.ttl))
    throw new Error(`--ttl needs seconds, got "${values.ttl}"`);
  const viewer = parseViewer({
    role,
    regionCodes: regions,
    universityCode: values.university ?? null,
    subject: values.subject ?? `dev-${role}`,
    via: values['api-key'] ? 'api-key' : 'jwt',
  });
  return {
    viewer,
    ttlSeconds: values.ttl === undefined ? 8 * 3600 : Number(values.ttl),
    apiKey: values['api-key'],
    label: values.label ?? 'dev key',
  };
}

/** A JWT for the Viewer, signed with the development key pair in `keyFile` (generated when missing). */
export async function mintDevToken(viewer: Viewer, keyFile: string, ttlSeconds = 8 * 3600): Promise<string> {
  const pair = await ensureKeyPairFile(keyFile);
  const claims: Record<string, unknown> = { role: viewer.role };
  if (viewer.regionCodes.length > 0 && viewer.role !== 'national-admin') claims.region_codes = [...viewer.regionCodes];
  if (viewer.universityCode !== null) claims.university_code = viewer.universityCode;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: pair.algorithm, kid: pair.kid })
    .setSubject(viewer.subject ?? `dev-${viewer.role}`)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(pair.privateKey);
}

/** A national administrator of the development stack: what tests, benchmarks and the soak sign in as. */
export const DEV_NATIONAL_ADMIN: Viewer = nationalAdmin('dev-national-admin', 'jwt');

/**
 * The Authorization header of a development token for `viewer` (default a national administrator),
 * signed with the JWT key of a data folder (default the configured one, as `npm start` uses).
 */
export async function devAuthorization(
  viewer: Viewer = DEV_NATIONAL_ADMIN,
  dataDir: string = config().dev.dataDir,
): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await mintDevToken(viewer, join(dataDir, DEV_JWT_KEY_FILE))}` };
}
