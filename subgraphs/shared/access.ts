import { GraphQLError } from 'graphql';
import type { AuthCheckerFn } from 'type-graphql';
import { sqlWithinRegion, validateRegionCode } from './regions.js';
import { AuthenticationError, NATIONAL, type Role, type Viewer } from './viewer.js';

/**
 * # Who may see what: the access model
 *
 * 1. **Identity** is established once, at the gateway (`gateway/identity.ts`): a JWT from the identity
 *    provider (asymmetric algorithms only, fixed issuer and audience), an API key (stored hashed in the
 *    `access` schema, revocable, bound to a role and scope), or nothing (anonymous). The result is a
 *    validated `Viewer` (`viewer.ts`).
 * 2. **Subgraphs trust only the gateway**: the gateway signs a 60-second internal token carrying the
 *    Viewer (`internal-token.ts`, EdDSA, the gateway's own key pair); a subgraph refuses every request
 *    without a valid one, `_entities` included, so nobody reaches a subgraph around the gateway.
 * 3. **Decisions are data plus pure functions** (this module): the role table below maps each role to
 *    capabilities and the scope each is granted in (all, the viewer's regions, the viewer's
 *    university). `@Authorized('PERSON_LEVEL')` (type-graphql, through `authChecker`) is the one
 *    mechanism on fields; `assertRegionScope` guards region arguments; `sqlScope` puts the same region
 *    rule into SQL so lists are filtered by PostgreSQL, not after the fact; `suppression.ts` hides small
 *    cells from viewers who may not see people.
 * 4. **Regions nest by prefix** (Kemendagri: 12 ⊃ 12.71 ⊃ 12.71.01 ⊃ 12.71.01.1001), the rule of
 *    `regions.ts` `sqlWithinRegion`. A request about a region wider than the viewer's scope (a planner of
 *    12.71 asking about 12) is refused like one outside it: an aggregate over 12 would include regions
 *    the viewer may not see.
 * 5. Everything fails closed: an unknown capability is a programming error, a missing Viewer is
 *    UNAUTHENTICATED, an empty scope sees nothing.
 */

export const CAPABILITIES = [
  /** Published courses and curricula, the offering catalogue, regions: nothing about people. */
  'PUBLIC_READ',
  /** Counts, sums and means over people (training impact, budgets, JP per region, course statistics). */
  'AGGREGATE',
  /** Individual employees, enrolments, appraisals: personal data. */
  'PERSON_LEVEL',
  /** Courses, curriculum versions, modules, learning outcomes, competency mapping. */
  'CURRICULUM_WRITE',
  /** Writes to personnel, budget and evaluation data. */
  'ADMIN_WRITE',
  /** The audit trail and the sensitive-read log. */
  'AUDIT_READ',
  /** Creating and revoking API keys. */
  'API_KEY_MANAGE',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Where a capability holds: everywhere, in the viewer's regions, or for the viewer's university. */
export type Grant = 'all' | 'regions' | 'university';

/** The role table. A capability missing from a role's row is not granted at all. */
export const ROLE_TABLE: Readonly<Record<Role, Readonly<Partial<Record<Capability, Grant>>>>> = {
  anonymous: { PUBLIC_READ: 'all' },
  'partner-university': { PUBLIC_READ: 'all', AGGREGATE: 'university', CURRICULUM_WRITE: 'university' },
  planner: { PUBLIC_READ: 'all', AGGREGATE: 'regions' },
  'regional-admin': {
    PUBLIC_READ: 'all',
    AGGREGATE: 'regions',
    PERSON_LEVEL: 'regions',
    CURRICULUM_WRITE: 'regions',
    ADMIN_WRITE: 'regions',
    AUDIT_READ: 'regions',
  },
  'national-admin': {
    PUBLIC_READ: 'all',
    AGGREGATE: 'all',
    PERSON_LEVEL: 'all',
    CURRICULUM_WRITE: 'all',
    ADMIN_WRITE: 'all',
    AUDIT_READ: 'all',
    API_KEY_MANAGE: 'all',
  },
};

export function grantOf(viewer: Viewer, capability: Capability): Grant | undefined {
  if (!(CAPABILITIES as readonly string[]).includes(capability)) throw new Error(`Unknown capability "${capability}"`);
  return ROLE_TABLE[viewer.role][capability];
}

/** True when region `code` lies in region `scope` (equal, or below it): "12.71.01" in "12"; "12.71" not in "12.7". */
export function regionWithin(code: string, scope: string): boolean {
  return scope === NATIONAL || code === scope || code.startsWith(`${scope}.`);
}

/** True when the region lies in one of the viewer's regions. */
export function inRegionScope(viewer: Viewer, regionCode: string): boolean {
  return viewer.regionCodes.some((scope) => regionWithin(regionCode, scope));
}

export interface AccessTarget {
  regionCode?: string;
  universityCode?: string;
}

/**
 * May the viewer use the capability on the target? Without a target: does the role hold the capability
 * anywhere (the caller must then scope the data: `assertRegionScope`, `sqlScope`). A region-scoped grant
 * never covers a target named only by university, and a university-scoped grant never one named only by
 * region.
 */
export function can(viewer: Viewer, capability: Capability, target: AccessTarget = {}): boolean {
  const grant = grantOf(viewer, capability);
  switch (grant) {
    case undefined:
      return false;
    case 'all':
      return true;
    case 'regions':
      if (target.regionCode !== undefined) return inRegionScope(viewer, target.regionCode);
      return target.universityCode === undefined;
    case 'university':
      if (target.universityCode !== undefined)
        return viewer.universityCode !== null && target.universityCode === viewer.universityCode;
      return target.regionCode === undefined;
  }
}

export function forbidden(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', ...details } });
}

const DESCRIPTIONS: Record<Capability, string> = {
  PUBLIC_READ: 'read public data',
  AGGREGATE: 'see aggregates',
  PERSON_LEVEL: 'see data about individual people',
  CURRICULUM_WRITE: 'edit curricula',
  ADMIN_WRITE: 'change administrative data',
  AUDIT_READ: 'read the audit trail',
  API_KEY_MANAGE: 'manage API keys',
};

/**
 * A field an anonymous caller may not read: UNAUTHENTICATED, but of that field only. Unlike a refused
 * credential it sets no HTTP status: a subgraph answering 401 would fail the gateway's whole fetch, and
 * the public fields asked beside it must still arrive.
 */
function signInRequired(): GraphQLError {
  return new GraphQLError('This needs a signed-in user or an API key.', {
    extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' },
  });
}

/** Refusal when the role lacks a capability: UNAUTHENTICATED for anonymous (signing in may help), else FORBIDDEN. */
function notGranted(viewer: Viewer, capability: Capability): GraphQLError {
  if (viewer.role === 'anonymous') return signInRequired();
  return forbidden(`The ${viewer.role} role may not ${DESCRIPTIONS[capability]}.`, { capability });
}

/**
 * Throws FORBIDDEN naming the first region outside the viewer's scope for the capability (default
 * AGGREGATE), including a region wider than the scope (a planner of 12.71 asking about 12). Malformed
 * codes are BAD_USER_INPUT. An empty list passes: there is nothing to check (an unfiltered list must be
 * scoped with `sqlScope`).
 */
export function assertRegionScope(
  viewer: Viewer,
  regionCodes: readonly string[],
  capability: Capability = 'AGGREGATE',
): void {
  for (const code of regionCodes) validateRegionCode(code, 'regionCodes');
  const grant = grantOf(viewer, capability);
  if (grant === 'all' || regionCodes.length === 0) return;
  if (grant === undefined) throw notGranted(viewer, capability);
  for (const code of regionCodes) {
    if (grant === 'regions' && inRegionScope(viewer, code)) continue;
    const wider = viewer.regionCodes.some((scope) => regionWithin(scope, code));
    const scope = viewer.regionCodes.join(', ');
    throw forbidden(
      grant === 'university'
        ? `Region ${code} is outside your scope: the ${viewer.role} role is scoped to its university.`
        : wider
          ? `Region ${code} is wider than your scope (${scope}).`
          : `Region ${code} is outside your scope (${scope}).`,
      { regionCode: code, capability },
    );
  }
}

/** `assertRegionScope` over rows that each carry their region (a page, a lookup): each region is checked once. */
export function assertRowsInScope(
  viewer: Viewer,
  rows: readonly { regionCode: string }[],
  capability: Capability,
): void {
  assertRegionScope(viewer, [...new Set(rows.map((row) => row.regionCode))], capability);
}

/** Throws FORBIDDEN unless the viewer may use the capability for this university. */
export function assertUniversityScope(viewer: Viewer, universityCode: string, capability: Capability): void {
  const grant = grantOf(viewer, capability);
  if (grant === undefined) throw notGranted(viewer, capability);
  if (!can(viewer, capability, { universityCode })) {
    throw forbidden(`University ${universityCode} is outside your scope.`, { universityCode, capability });
  }
}

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

const SQL_COLUMN = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/i;

/**
 * A SQL predicate restricting rows to those whose region code (`column`, a column name, never user
 * input) lies in the viewer's scope for the capability, with the rule of `sqlWithinRegion` (equal, or
 * below: the byte range [code || '.', code || '/')): `true` for a national scope, `false` when the role
 * lacks the capability or has it only per university, otherwise one equality-or-range per scope code,
 * which a `text_pattern_ops` index on the column serves (a `like any(...)` form could not use it). The
 * codes are written into the SQL as literals: each is validated (digits and dots), so nothing in them is
 * special to SQL, and the fragment needs no parameters wherever it is placed (a select list, a subquery).
 */
export function sqlScope(viewer: Viewer, capability: Capability, column: string): SqlFragment {
  if (!SQL_COLUMN.test(column)) throw new Error(`sqlScope: "${column}" is not a column name`);
  const grant = grantOf(viewer, capability);
  if (grant === 'all' || (grant === 'regions' && viewer.regionCodes.includes(NATIONAL)))
    return { sql: 'true', params: [] };
  if (grant !== 'regions' || viewer.regionCodes.length === 0) return { sql: 'false', params: [] };
  const ranges = viewer.regionCodes.map((code) =>
    sqlWithinRegion(column, `'${validateRegionCode(code, 'regionCodes')}'`),
  );
  return { sql: `(${ranges.join(' or ')})`, params: [] };
}

/** What a resolver context must hold for `authChecker`: the request's Viewer, and where person-level reads are noted. */
export interface AccessContext {
  viewer?: Viewer;
  /** Person-level reads of this request (`Type.field` and regions), for the sensitive-read log. */
  sensitiveReads?: SensitiveReads;
}

/** The person-level fields a request read and the regions they lay in; logged once per request. */
export class SensitiveReads {
  readonly fields = new Set<string>();
  readonly regionCodes = new Set<string>();

  note(field: string, regionCodes: readonly string[]): void {
    this.fields.add(field);
    // Bounded: a log row names at most 50 regions (a list of 1000 employees spans a few).
    for (const code of regionCodes) if (this.regionCodes.size < 50) this.regionCodes.add(code);
  }

  get empty(): boolean {
    return this.fields.size === 0;
  }
}

function stringArgs(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * The region a parent object lies in: its `regionCode` (an employee, an enrolment, an appraisal, a budget
 * line, a survey), except a region, which is its own `code`.
 */
function regionOfParent(typeName: string, root: unknown): string | undefined {
  return rootString(root, typeName === 'Region' ? 'code' : 'regionCode');
}

/** A string property of the parent object (`regionCode`, `universityCode`, a region's `code`), when it has one. */
function rootString(root: unknown, key: 'regionCode' | 'universityCode' | 'code'): string | undefined {
  if (typeof root !== 'object' || root === null || !(key in root)) return undefined;
  const value: unknown = Reflect.get(root, key);
  return typeof value === 'string' ? value : undefined;
}

/**
 * The type-graphql auth checker: `buildSchema({ authChecker, authMode: 'error' })`, then
 * `@Authorized('PERSON_LEVEL')` on a field or on a whole type (every field of it). Every listed
 * capability is required (`@Authorized()` alone: any signed-in viewer). The target is, in this order,
 * the field's `regionCode`/`regionCodes` and `universityCode` arguments, else the parent object's own
 * region (`regionCode`; a region's own `code`) and `universityCode` (an employee's region, an offering's region): it must lie in the
 * viewer's scope for each capability. Without either, the resolver scopes its SQL (`sqlScope`).
 * Refusals throw typed errors (UNAUTHENTICATED, FORBIDDEN naming the region) rather than type-graphql's
 * generic one. Person-level reads that pass are noted for the sensitive-read log.
 */
export const authChecker: AuthCheckerFn<AccessContext, string> = ({ context, args, root, info }, capabilities) => {
  const viewer = context.viewer;
  if (!viewer) throw new AuthenticationError('MISSING');
  const required = capabilities.map((name) => {
    if (!(CAPABILITIES as readonly string[]).includes(name))
      throw new Error(`@Authorized: unknown capability "${name}"`);
    return name as Capability; // checked against CAPABILITIES on the line above
  });
  if (required.length === 0 && viewer.role === 'anonymous') throw signInRequired();
  const argumentRegions = [...stringArgs(args.regionCode), ...stringArgs(args.regionCodes)];
  // The parent's region only matters when the arguments name none and there is a parent (not a root field).
  const rootRegion =
    argumentRegions.length > 0 || typeof root !== 'object' || root === null
      ? undefined
      : regionOfParent(info.parentType.name, root);
  const regionCodes = argumentRegions.length > 0 ? argumentRegions : rootRegion === undefined ? [] : [rootRegion];
  const argumentUniversities = stringArgs(args.universityCode);
  const rootUniversity = rootString(root, 'universityCode');
  const universityCodes =
    argumentUniversities.length > 0 ? argumentUniversities : rootUniversity === undefined ? [] : [rootUniversity];
  for (const capability of required) {
    const grant = grantOf(viewer, capability);
    if (grant === undefined) throw notGranted(viewer, capability);
    if (grant === 'all') continue;
    // A university-scoped grant holds for targets named by university; a region alone is refused.
    if (grant === 'university' && universityCodes.length > 0)
      for (const code of universityCodes) assertUniversityScope(viewer, code, capability);
    else assertRegionScope(viewer, regionCodes, capability);
  }
  if (required.includes('PERSON_LEVEL'))
    context.sensitiveReads?.note(`${info.parentType.name}.${info.fieldName}`, regionCodes);
  return true;
};

/** Cells counting fewer people than this are hidden from viewers without person-level access. */
export const SMALL_CELL_THRESHOLD = 5;
