import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { validateRegionCode } from './regions.js';

/**
 * The Viewer: who is asking, as the gateway established it (JWT, API key or nobody) and as every subgraph
 * receives it (the internal token). One validated shape everywhere: a token whose claims do not fit it is
 * rejected, never half-trusted. See access.ts for what each role may do.
 */

export const ROLES = ['anonymous', 'partner-university', 'planner', 'regional-admin', 'national-admin'] as const;
export type Role = (typeof ROLES)[number];

/** The region scope "all of Indonesia" (a national planner; a national administrator always has it). */
export const NATIONAL = '*';

export interface Viewer {
  role: Role;
  /** Kemendagri codes the viewer may see (nesting by prefix), or [NATIONAL]; empty for anonymous and universities. */
  regionCodes: readonly string[];
  /** The partner university's code (partner-university only). */
  universityCode: string | null;
  /** The token's `sub` or the API key's id; null for anonymous. */
  subject: string | null;
  via: 'jwt' | 'api-key' | 'anonymous';
}

export const ANONYMOUS: Viewer = Object.freeze({
  role: 'anonymous',
  regionCodes: Object.freeze([]),
  universityCode: null,
  subject: null,
  via: 'anonymous',
});

function isRegionCode(code: string): boolean {
  try {
    validateRegionCode(code);
    return true;
  } catch {
    return false;
  }
}

const regionCode = z
  .string()
  .refine(isRegionCode, 'must be a Kemendagri region code (12, 12.71, 12.71.01, 12.71.01.1001)');
/** A university code: short, upper-case letters, digits, dots and dashes (e.g. "UNIMED", "UI-01"). */
export const universityCodeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9.-]{0,31}$/, 'must be a university code (A-Z, 0-9, . or -)');

/** The Viewer as data (internal token claims, API key rows): each role with exactly the scope it needs. */
export const viewerSchema = z
  .object({
    role: z.enum(ROLES),
    regionCodes: z.array(z.union([z.literal(NATIONAL), regionCode])).max(600),
    universityCode: universityCodeSchema.nullable(),
    subject: z.string().min(1).max(200).nullable(),
    via: z.enum(['jwt', 'api-key', 'anonymous']),
  })
  .superRefine((viewer, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    const national = viewer.regionCodes.includes(NATIONAL);
    if (national && viewer.regionCodes.length > 1) issue('regionCodes', `"${NATIONAL}" (national) stands alone`);
    if (new Set(viewer.regionCodes).size !== viewer.regionCodes.length) issue('regionCodes', 'has duplicates');
    switch (viewer.role) {
      case 'anonymous':
        if (viewer.via !== 'anonymous') issue('role', 'anonymous is not a role a credential can carry');
        if (viewer.regionCodes.length > 0 || viewer.universityCode !== null) issue('role', 'anonymous has no scope');
        break;
      case 'partner-university':
        if (viewer.universityCode === null) issue('universityCode', 'is required for partner-university');
        if (viewer.regionCodes.length > 0)
          issue('regionCodes', 'must be empty for partner-university (scoped by university)');
        break;
      case 'planner':
      case 'regional-admin':
        if (viewer.regionCodes.length === 0) issue('regionCodes', `is required for ${viewer.role}`);
        if (viewer.role === 'regional-admin' && national) issue('regionCodes', 'a national scope is national-admin');
        if (viewer.universityCode !== null) issue('universityCode', `must be absent for ${viewer.role}`);
        break;
      case 'national-admin':
        if (viewer.regionCodes.length > 0 && !national) issue('regionCodes', 'must be empty or "*" for national-admin');
        if (viewer.universityCode !== null) issue('universityCode', 'must be absent for national-admin');
        break;
    }
    if (viewer.via !== 'anonymous' && viewer.subject === null) issue('subject', 'is required');
  })
  .transform((viewer): Viewer => (viewer.role === 'national-admin' ? { ...viewer, regionCodes: [NATIONAL] } : viewer));

/** A national administrator acting as `subject`: what a service, the importer or a development tool signs in as. */
export function nationalAdmin(subject: string, via: Viewer['via']): Viewer {
  return parseViewer({ role: 'national-admin', regionCodes: [NATIONAL], universityCode: null, subject, via });
}

/** Validates a Viewer; throws a ViewerShapeError listing what is wrong (claim names, not values). */
export function parseViewer(data: unknown): Viewer {
  const parsed = viewerSchema.safeParse(data);
  if (!parsed.success) {
    throw new ViewerShapeError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'viewer'} ${issue.message}`),
    );
  }
  return parsed.data;
}

export class ViewerShapeError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('; '));
    this.name = 'ViewerShapeError';
  }
}

/** Why a credential was refused; the `reason` extension of an UNAUTHENTICATED error. */
export type AuthFailure =
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'WRONG_ISSUER'
  | 'WRONG_AUDIENCE'
  | 'ALGORITHM_NOT_ALLOWED'
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_KEY'
  | 'MALFORMED'
  | 'MALFORMED_CLAIMS'
  | 'UNKNOWN_OR_REVOKED_API_KEY'
  | 'UNSUPPORTED_SCHEME'
  | 'NOT_CONFIGURED'
  | 'MISSING'
  | 'SIGN_IN_REQUIRED';

const MESSAGES: Record<AuthFailure, string> = {
  EXPIRED: 'The token has expired.',
  NOT_YET_VALID: 'The token is not valid yet.',
  WRONG_ISSUER: 'The token was issued by an issuer this service does not accept.',
  WRONG_AUDIENCE: 'The token is not meant for this service (audience).',
  ALGORITHM_NOT_ALLOWED: 'The token is signed with an algorithm this service does not accept.',
  BAD_SIGNATURE: 'The token signature is invalid.',
  UNKNOWN_KEY: 'The token is signed with an unknown key.',
  MALFORMED: 'The credential is malformed.',
  MALFORMED_CLAIMS: 'The token claims are malformed.',
  UNKNOWN_OR_REVOKED_API_KEY: 'The API key is unknown or revoked.',
  UNSUPPORTED_SCHEME: 'The Authorization header must be "Bearer <token>" or "ApiKey <id>.<secret>".',
  NOT_CONFIGURED: 'This kind of credential is not accepted here.',
  MISSING: 'This service needs a credential from the gateway.',
  SIGN_IN_REQUIRED: 'This needs a signed-in user or an API key.',
};

/** A typed UNAUTHENTICATED error: a fixed message per reason (plus, for claims, which claim), no internals. */
export class AuthenticationError extends GraphQLError {
  constructor(
    readonly reason: AuthFailure,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[reason].replace(/\.$/, '')}: ${detail}.` : MESSAGES[reason], {
      extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } },
    });
    this.name = 'AuthenticationError';
  }
}
