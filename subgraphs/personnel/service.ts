import type { EntityManager } from '@mikro-orm/postgresql';
import { byCode, byId, type ListSql } from '../shared/connection.js';
import { query } from '../shared/orm.js';
import { sqlWithinRegion } from '../shared/regions.js';
import {
  Agency,
  Employee,
  MentoringPair,
  PositionHistory,
  Rank,
  RankHistory,
  Region,
  ServiceUnit,
} from './entities.js';
import { PositionLevel } from './enums.js';
import type { EmployeeFilter, RegionLevel } from './types.js';

/** Reads of the personnel schema. Every function takes many keys at once: loaders call them. */

export function regionsByCode(em: EntityManager, codes: readonly string[]): Promise<Region[]> {
  return em.find(Region, { code: { $in: [...codes] } });
}

const REGION_COLUMNS = `r.code, r.name, r.level, r.kind, r.parent_code as "parentCode"`;

/** Regions directly inside each parent, optionally of one level only; paged by code. */
export function regionsOfParent(level: RegionLevel | null): ListSql<Region> {
  return {
    parentType: 'text',
    from: 'personnel.region r',
    columns: REGION_COLUMNS,
    parent: 'r.parent_code = s.key',
    where: level ? { sql: 'r.level = ?', params: [level] } : undefined,
    key: 'r.code',
    keyType: 'text',
    keyOf: byCode,
  };
}

/** All regions of each level (tier), paged by code: the level is the parent of the list. */
export const REGIONS_OF_LEVEL: ListSql<Region> = {
  parentType: 'text',
  from: 'personnel.region r',
  columns: REGION_COLUMNS,
  parent: 'r.level = s.key',
  key: 'r.code',
  keyType: 'text',
  keyOf: byCode,
};

export function ranksByCode(em: EntityManager, codes: readonly string[]): Promise<Rank[]> {
  return em.find(Rank, { code: { $in: [...codes] } });
}

export function agenciesById(em: EntityManager, ids: readonly number[]): Promise<Agency[]> {
  return em.find(Agency, { id: { $in: [...ids] } });
}

export function unitsById(em: EntityManager, ids: readonly number[]): Promise<ServiceUnit[]> {
  return em.find(ServiceUnit, { id: { $in: [...ids] } });
}

export function agenciesByCode(em: EntityManager, codes: readonly string[]): Promise<Agency[]> {
  return em.find(Agency, { code: { $in: [...codes] } });
}

export function unitsByCode(em: EntityManager, codes: readonly string[]): Promise<ServiceUnit[]> {
  return em.find(ServiceUnit, { code: { $in: [...codes] } });
}

/**
 * Employees by NIP or NI PPPK (one list of 18-digit numbers: the two never collide in one person). The
 * numbers as char(18), the columns' type, so that their unique indexes serve the look-up (text would not).
 */
export function employeesByNumber(em: EntityManager, numbers: readonly string[]): Promise<EmployeeRow[]> {
  return query(
    em,
    `select ${EMPLOYEE_COLUMNS} from personnel.employee e where e.nip = any(?::bpchar[]) or e.ni_pppk = any(?::bpchar[])`,
    [numbers, numbers],
  );
}

const UNIT_COLUMNS = `u.id, u.code, u.agency_id as "agencyId", u.region_code as "regionCode", u.name, u.kind,
  u.population_served as "populationServed"`;

/** Service units of each agency, paged by id. */
export const UNITS_OF_AGENCY: ListSql<ServiceUnit> = {
  parentType: 'int',
  from: 'personnel.service_unit u',
  columns: UNIT_COLUMNS,
  parent: 'u.agency_id = s.key',
  key: 'u.id',
  keyType: 'int',
  keyOf: byId,
};

/** An employee with the region it works in: what person-level access is decided by (access.ts). */
export type EmployeeRow = Employee & { regionCode: string };

export function employeesById(em: EntityManager, ids: readonly number[]): Promise<EmployeeRow[]> {
  return query(em, `select ${EMPLOYEE_COLUMNS} from personnel.employee e where e.id = any(?::int[])`, [ids]);
}

export async function employeeByNip(em: EntityManager, nip: string): Promise<EmployeeRow | null> {
  const [row] = await query<EmployeeRow>(em, `select ${EMPLOYEE_COLUMNS} from personnel.employee e where e.nip = ?`, [
    nip,
  ]);
  return row ?? null;
}

/** A list of rows per employee, paged by the row id (ids follow the order rows were recorded in). */
function perEmployee<Row extends { id: number }>(from: string, columns: string, employeeColumn: string): ListSql<Row> {
  return {
    parentType: 'int',
    from,
    columns,
    parent: `${employeeColumn} = s.key`,
    key: 'h.id',
    keyType: 'int',
    keyOf: byId,
  };
}

export const RANK_HISTORY_OF_EMPLOYEE = perEmployee<RankHistory>(
  'personnel.rank_history h',
  'h.id, h.employee_id as "employeeId", h.rank_code as "rankCode", h.tmt::text as tmt',
  'h.employee_id',
);

export const POSITION_HISTORY_OF_EMPLOYEE = perEmployee<PositionHistory>(
  'personnel.position_history h',
  `h.id, h.employee_id as "employeeId", h.agency_id as "agencyId", h.unit_id as "unitId", h.title,
   h.position_kind as "positionKind", h.position_level as "positionLevel", h.tmt::text as tmt`,
  'h.employee_id',
);

const MENTORING_COLUMNS = `h.id, h.mentor_id as "mentorId", h.mentee_id as "menteeId", h.started_on::text as "startedOn",
  h.ended_on::text as "endedOn", h.focus`;
export const MENTORING_OF_MENTOR = perEmployee<MentoringPair>(
  'personnel.mentoring_pair h',
  MENTORING_COLUMNS,
  'h.mentor_id',
);
export const MENTORING_OF_MENTEE = perEmployee<MentoringPair>(
  'personnel.mentoring_pair h',
  MENTORING_COLUMNS,
  'h.mentee_id',
);

/** The head of each agency: its JPT pratama without a service unit. */
export function headsByAgency(em: EntityManager, agencyIds: readonly number[]): Promise<EmployeeRow[]> {
  return query(
    em,
    `select ${EMPLOYEE_COLUMNS} from personnel.employee e
      where e.agency_id = any(?::int[]) and e.position_level = ? and e.unit_id is null order by e.id`,
    [agencyIds, PositionLevel.JPT_PRATAMA],
  );
}

/** Agencies lying within each requested region (at any level), paged by id. */
export const AGENCIES_IN_REGION: ListSql<Agency> = {
  parentType: 'text',
  from: 'personnel.agency a',
  columns: 'a.id, a.code, a.region_code as "regionCode", a.name, a.kind',
  parent: sqlWithinRegion('a.region_code', 's.key'),
  key: 'a.id',
  keyType: 'int',
  keyOf: byId,
};

/** Service units located in each requested region (at any level), paged by id. */
export const UNITS_IN_REGION: ListSql<ServiceUnit> = {
  parentType: 'text',
  from: 'personnel.service_unit u',
  columns: UNIT_COLUMNS,
  parent: sqlWithinRegion('u.region_code', 's.key'),
  key: 'u.id',
  keyType: 'int',
  keyOf: byId,
};

export type EmployeeScope = { agencyId: number } | { unitId: number } | { regionCode: string };

const EMPLOYEE_COLUMNS = `e.id, e.asn_type as "asnType", e.nip, e.ni_pppk as "niPppk", e.full_name as "fullName",
  e.birth_date::text as "birthDate", e.gender, e.appointed_on::text as "appointedOn", e.left_on::text as "leftOn",
  e.agency_id as "agencyId", e.unit_id as "unitId", e.rank_code as "rankCode", e.position_title as "positionTitle",
  e.position_kind as "positionKind", e.position_level as "positionLevel",
  coalesce((select su.region_code from personnel.service_unit su where su.id = e.unit_id),
           (select ag.region_code from personnel.agency ag where ag.id = e.agency_id)) as "regionCode"`;

/**
 * Where an employee "is" for a region: the unit's region, or the agency's for staff without a unit.
 * Written as IN-lists of units and agencies so that a page walks the primary key and stops early.
 */
const IN_REGION = `(e.unit_id in (select u.id from personnel.service_unit u where ${sqlWithinRegion('u.region_code', 's.key')})
  or (e.unit_id is null and e.agency_id in (select a.id from personnel.agency a where ${sqlWithinRegion('a.region_code', 's.key')})))`;

function scopeCondition(kind: ScopeKind): string {
  if (kind === 'agency') return 'e.agency_id = s.key::int';
  if (kind === 'unit') return 'e.unit_id = s.key::int';
  return IN_REGION;
}

/** Employees of each scope for counting: joins from the (few) units and agencies of a region. */
function scopeMembers(kind: ScopeKind, filter: string): string {
  if (kind !== 'region')
    return `select e.id as key from personnel.employee e where ${scopeCondition(kind)} and ${filter}`;
  return `select e.id as key from personnel.service_unit u join personnel.employee e on e.unit_id = u.id
            where ${sqlWithinRegion('u.region_code', 's.key')} and ${filter}
          union all
          select e.id as key from personnel.agency a join personnel.employee e on e.agency_id = a.id and e.unit_id is null
            where ${sqlWithinRegion('a.region_code', 's.key')} and ${filter}`;
}

export type ScopeKind = 'agency' | 'unit' | 'region';

/** The kind of a scope and its key as the employee statements bind it (`s.key`, text). */
export function scopeOf(scope: EmployeeScope): { kind: ScopeKind; key: string } {
  if ('agencyId' in scope) return { kind: 'agency', key: String(scope.agencyId) };
  if ('unitId' in scope) return { kind: 'unit', key: String(scope.unitId) };
  return { kind: 'region', key: scope.regionCode };
}

function filterCondition(filter: EmployeeFilter): { sql: string; params: unknown[] } {
  const conditions: [string, unknown][] = [
    ['e.asn_type = ?', filter.asnType],
    ['e.rank_code = ?', filter.rankCode],
    ['e.position_kind = ?', filter.positionKind],
    ['e.position_level = ?', filter.positionLevel],
  ];
  const given = conditions.filter(([, value]) => value != null && value !== '');
  const parts = given.map(([sql]) => sql);
  const params = given.map(([, value]) => value);
  return { sql: parts.length ? parts.join(' and ') : 'true', params };
}

/** What all scopes of one employee statement share: the kind of scope and the conditions on employees. */
export interface EmployeeListArgs {
  kind: ScopeKind;
  filter: EmployeeFilter;
}

/**
 * The employees of each scope of one kind, paged by id. Pages walk the primary key per scope (a LATERAL
 * join limited per scope); counts join from the (few) units and agencies of a region instead.
 */
export function employeesOfScope({ kind, filter }: EmployeeListArgs): ListSql<EmployeeRow> {
  const condition = filterCondition(filter);
  return {
    parentType: 'text',
    from: 'personnel.employee e',
    columns: EMPLOYEE_COLUMNS,
    parent: scopeCondition(kind),
    where: condition,
    count: {
      sql: scopeMembers(kind, condition.sql),
      params: kind === 'region' ? [...condition.params, ...condition.params] : condition.params,
    },
    key: 'e.id',
    keyType: 'int',
    keyOf: byId,
  };
}
