import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  assertRegionScope,
  authChecker,
  CAPABILITIES,
  type Capability,
  can,
  ROLE_TABLE,
  regionWithin,
  sqlScope,
} from '../../../subgraphs/shared/access.js';
import { ANONYMOUS, NATIONAL, parseViewer, ROLES, type Role, type Viewer } from '../../../subgraphs/shared/viewer.js';

const viewer = (role: Role, scope: { regionCodes?: string[]; universityCode?: string } = {}): Viewer =>
  parseViewer({
    role,
    regionCodes: scope.regionCodes ?? [],
    universityCode: scope.universityCode ?? null,
    subject: 'u1',
    via: 'jwt',
  });

const anonymous = ANONYMOUS;
const university = viewer('partner-university', { universityCode: 'UNIMED' });
const planner = viewer('planner', { regionCodes: ['12.71'] });
const nationalPlanner = viewer('planner', { regionCodes: [NATIONAL] });
const regional = viewer('regional-admin', { regionCodes: ['12.71', '12.75'] });
const national = viewer('national-admin');

function errorOf(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

describe('the role table', () => {
  it('grants each role exactly these capabilities (and nothing about people below regional-admin)', () => {
    const table = Object.fromEntries(
      ROLES.map((role) => [role, CAPABILITIES.map((capability) => ROLE_TABLE[role][capability] ?? '-')]),
    );
    expect(CAPABILITIES).toEqual([
      'PUBLIC_READ',
      'AGGREGATE',
      'PERSON_LEVEL',
      'CURRICULUM_WRITE',
      'ADMIN_WRITE',
      'AUDIT_READ',
      'API_KEY_MANAGE',
    ]);
    expect(table).toEqual({
      anonymous: ['all', '-', '-', '-', '-', '-', '-'],
      'partner-university': ['all', 'university', '-', 'university', '-', '-', '-'],
      planner: ['all', 'regions', '-', '-', '-', '-', '-'],
      'regional-admin': ['all', 'regions', 'regions', 'regions', 'regions', 'regions', '-'],
      'national-admin': ['all', 'all', 'all', 'all', 'all', 'all', 'all'],
    });
  });

  it('answers can() for every role x capability x target', () => {
    const targets = [
      {},
      { regionCode: '12.71.01' },
      { regionCode: '12' },
      { regionCode: '93.01' },
      { universityCode: 'UNIMED' },
      { universityCode: 'UI' },
    ];
    const row = (v: Viewer, capability: Capability) =>
      targets.map((target) => (can(v, capability, target) ? 1 : 0)).join('');
    expect(row(anonymous, 'PUBLIC_READ')).toBe('111111');
    expect(row(anonymous, 'AGGREGATE')).toBe('000000');
    expect(row(university, 'AGGREGATE')).toBe('100010');
    expect(row(university, 'CURRICULUM_WRITE')).toBe('100010');
    expect(row(university, 'PERSON_LEVEL')).toBe('000000');
    expect(row(planner, 'AGGREGATE')).toBe('110000');
    expect(row(planner, 'PERSON_LEVEL')).toBe('000000');
    expect(row(nationalPlanner, 'AGGREGATE')).toBe('111100');
    expect(row(regional, 'PERSON_LEVEL')).toBe('110000');
    expect(row(regional, 'ADMIN_WRITE')).toBe('110000');
    expect(row(regional, 'API_KEY_MANAGE')).toBe('000000');
    expect(row(national, 'PERSON_LEVEL')).toBe('111111');
    expect(() => can(national, 'EVERYTHING' as Capability)).toThrow(/Unknown capability/);
  });
});

describe('region nesting by prefix', () => {
  it('follows the Kemendagri prefix rule, not string prefixes', () => {
    expect(regionWithin('12.71', '12')).toBe(true);
    expect(regionWithin('12.71.01.1001', '12.71')).toBe(true);
    expect(regionWithin('12.71', '12.71')).toBe(true);
    expect(regionWithin('12.71', '12.7')).toBe(false);
    expect(regionWithin('12.710', '12.71')).toBe(false);
    expect(regionWithin('12', '12.71')).toBe(false);
    expect(regionWithin('13.71', '12')).toBe(false);
    expect(regionWithin('120', '12')).toBe(false);
  });

  it('refuses a region outside the scope, and one wider than it, naming it', () => {
    expect(() => assertRegionScope(planner, ['12.71', '12.71.01'])).not.toThrow();
    const outside = errorOf(() => assertRegionScope(planner, ['12.71', '93.01']));
    expect(outside.extensions).toMatchObject({ code: 'FORBIDDEN', regionCode: '93.01' });
    expect(outside.message).toBe('Region 93.01 is outside your scope (12.71).');
    const wider = errorOf(() => assertRegionScope(planner, ['12']));
    expect(wider.extensions).toMatchObject({ code: 'FORBIDDEN', regionCode: '12' });
    expect(wider.message).toBe('Region 12 is wider than your scope (12.71).');
    expect(
      errorOf(() => assertRegionScope(regional, ['12.75.02', '12.72'], 'PERSON_LEVEL')).extensions.regionCode,
    ).toBe('12.72');
  });

  it('treats malformed codes as bad input, and national scope and empty lists as in scope', () => {
    expect(errorOf(() => assertRegionScope(planner, ['12.7'])).extensions.code).toBe('BAD_USER_INPUT');
    expect(() => assertRegionScope(nationalPlanner, ['12', '93.01.11'])).not.toThrow();
    expect(() => assertRegionScope(national, ['12'], 'PERSON_LEVEL')).not.toThrow();
    expect(() => assertRegionScope(planner, [])).not.toThrow();
  });

  it('refuses roles without the capability: anonymous must sign in, others are forbidden', () => {
    expect(errorOf(() => assertRegionScope(anonymous, ['12'])).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
    });
    expect(errorOf(() => assertRegionScope(planner, ['12.71'], 'PERSON_LEVEL')).extensions).toMatchObject({
      code: 'FORBIDDEN',
      capability: 'PERSON_LEVEL',
    });
    const byUniversity = errorOf(() => assertRegionScope(university, ['12.71']));
    expect(byUniversity.extensions).toMatchObject({ code: 'FORBIDDEN', regionCode: '12.71' });
  });
});

describe('sqlScope', () => {
  it('is one index-assisted equality-or-range per scope code, the codes validated and written as literals', () => {
    const scope = sqlScope(regional, 'PERSON_LEVEL', 'u.region_code');
    expect(scope.sql).toBe(
      "((u.region_code = '12.71' or (u.region_code ~>=~ ('12.71' || '.') and u.region_code ~<~ ('12.71' || '/'))) or " +
        "(u.region_code = '12.75' or (u.region_code ~>=~ ('12.75' || '.') and u.region_code ~<~ ('12.75' || '/'))))",
    );
    expect(scope.params).toEqual([]);
  });

  it('is true for national scope and false for no scope or a missing capability', () => {
    expect(sqlScope(national, 'PERSON_LEVEL', 'region_code')).toEqual({ sql: 'true', params: [] });
    expect(sqlScope(nationalPlanner, 'AGGREGATE', 'region_code')).toEqual({ sql: 'true', params: [] });
    expect(sqlScope(planner, 'PERSON_LEVEL', 'region_code')).toEqual({ sql: 'false', params: [] });
    expect(sqlScope(anonymous, 'AGGREGATE', 'region_code')).toEqual({ sql: 'false', params: [] });
    expect(sqlScope(university, 'AGGREGATE', 'region_code')).toEqual({ sql: 'false', params: [] });
  });

  it('takes a column name, never an expression', () => {
    expect(() => sqlScope(planner, 'AGGREGATE', 'region_code or 1=1 --')).toThrow(/not a column name/);
  });
});

describe('authChecker', () => {
  const check = (v: Viewer | undefined, capabilities: string[], args: Record<string, unknown> = {}) =>
    authChecker({ context: { viewer: v }, args, root: undefined, info: undefined as never }, capabilities); // the checker reads only context and args

  it('passes a viewer holding every capability within scope', () => {
    expect(check(regional, ['PERSON_LEVEL'], { regionCode: '12.71.01' })).toBe(true);
    expect(check(national, ['PERSON_LEVEL', 'AUDIT_READ'])).toBe(true);
    expect(check(university, ['CURRICULUM_WRITE'], { universityCode: 'UNIMED' })).toBe(true);
    expect(check(planner, [])).toBe(true);
  });

  it('refuses with typed errors', () => {
    expect(errorOf(() => check(undefined, ['PUBLIC_READ'])).extensions.code).toBe('UNAUTHENTICATED');
    expect(errorOf(() => check(anonymous, [])).extensions.code).toBe('UNAUTHENTICATED');
    expect(errorOf(() => check(anonymous, ['PERSON_LEVEL'])).extensions.code).toBe('UNAUTHENTICATED');
    expect(errorOf(() => check(planner, ['PERSON_LEVEL'])).extensions.code).toBe('FORBIDDEN');
    expect(errorOf(() => check(planner, ['AGGREGATE'], { regionCodes: ['12.71', '12'] })).extensions).toMatchObject({
      code: 'FORBIDDEN',
      regionCode: '12',
    });
    expect(errorOf(() => check(university, ['CURRICULUM_WRITE'], { universityCode: 'UI' })).extensions).toMatchObject({
      code: 'FORBIDDEN',
      universityCode: 'UI',
    });
    expect(() => check(national, ['GOD_MODE'])).toThrow(/unknown capability/);
  });
});

describe('the Viewer shape', () => {
  it('gives each role exactly the scope it needs', () => {
    const bad = (data: Record<string, unknown>) => () =>
      parseViewer({ regionCodes: [], universityCode: null, subject: 's', via: 'jwt', ...data });
    expect(bad({ role: 'planner' })).toThrow(/regionCodes is required/);
    expect(bad({ role: 'partner-university' })).toThrow(/universityCode is required/);
    expect(bad({ role: 'partner-university', universityCode: 'UNIMED', regionCodes: ['12'] })).toThrow(/must be empty/);
    expect(bad({ role: 'regional-admin', regionCodes: [NATIONAL] })).toThrow(/national-admin/);
    expect(bad({ role: 'planner', regionCodes: ['12', NATIONAL] })).toThrow(/stands alone/);
    expect(bad({ role: 'planner', regionCodes: ['12.7'] })).toThrow(/Kemendagri/);
    expect(bad({ role: 'anonymous' })).toThrow(/anonymous/);
    expect(bad({ role: 'root', regionCodes: [] })).toThrow(/role/);
    expect(bad({ role: 'planner', regionCodes: ['12'], subject: null })).toThrow(/subject/);
    expect(viewer('national-admin').regionCodes).toEqual([NATIONAL]);
  });
});
