import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../shared/orm.js';
import { decodeCursor, encodeCursor, validatePageSize } from '../shared/pagination.js';
import { sqlWithinRegion, validateRegionCode } from '../shared/regions.js';
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
import type { EmployeeConnection, EmployeeFilter, RegionLevel } from './types.js';

/** Reads of the personnel schema. Every function takes many keys at once: loaders call them. */

export function regionsByCode(em: EntityManager, codes: readonly string[]): Promise<Region[]> {
  return em.find(Region, { code: { $in: [...codes] } });
}

export function regionsByParent(em: EntityManager, parentCodes: readonly string[]): Promise<Region[]> {
  return em.find(Region, { parentCode: { $in: [...parentCodes] } }, { orderBy: { code: 'asc' } });
}

export async function listRegions(
  em: EntityManager,
  args: { level?: RegionLevel | null; parentCode?: string | null },
): Promise<Region[]> {
  const where: Record<string, unknown> = {};
  if (args.level) where.level = args.level;
  if (args.parentCode) where.parentCode = validateRegionCode(args.parentCode, 'parentCode');
  return em.find(Region, where, { orderBy: { code: 'asc' } });
}

export function ranksByCode(em: EntityManager, codes: readonly string[]): Promise<Rank[]> {
  return em.find(Rank, { code: { $in: [...codes] } });
}

export function agenciesById(em: EntityManager, ids: readonly number[]): Promise<Agency[]> {
  return em.find(Agency, { id: { $in: [...ids] } });
}

export function unitsById(em: EntityManager, ids: readonly number[]): Promise<ServiceUnit[]> {
  return em.find(ServiceUnit, { id: { $in: [...ids] } });
}

export function unitsByAgency(em: EntityManager, agencyIds: readonly number[]): Promise<ServiceUnit[]> {
  return em.find(ServiceUnit, { agencyId: { $in: [...agencyIds] } }, { orderBy: { id: 'asc' } });
}

export function employeesById(em: EntityManager, ids: readonly number[]): Promise<Employee[]> {
  return em.find(Employee, { id: { $in: [...ids] } });
}

export async function employeeByNip(em: EntityManager, nip: string): Promise<Employee | null> {
  return em.findOne(Employee, { nip });
}

export function rankHistoryByEmployee(em: EntityManager, employeeIds: readonly number[]): Promise<RankHistory[]> {
  return em.find(RankHistory, { employeeId: { $in: [...employeeIds] } }, { orderBy: { tmt: 'asc' } });
}

export function positionHistoryByEmployee(em: EntityManager, employeeIds: readonly number[]): Promise<PositionHistory[]> {
  return em.find(PositionHistory, { employeeId: { $in: [...employeeIds] } }, { orderBy: { tmt: 'asc' } });
}

export function mentoringByMentor(em: EntityManager, ids: readonly number[]): Promise<MentoringPair[]> {
  return em.find(MentoringPair, { mentorId: { $in: [...ids] } }, { orderBy: { startedOn: 'asc' } });
}

export function mentoringByMentee(em: EntityManager, ids: readonly number[]): Promise<MentoringPair[]> {
  return em.find(MentoringPair, { menteeId: { $in: [...ids] } }, { orderBy: { startedOn: 'asc' } });
}

/** The head of each agency: its JPT pratama without a service unit. */
export function headsByAgency(em: EntityManager, agencyIds: readonly number[]): Promise<Employee[]> {
  return em.find(
    Employee,
    { agencyId: { $in: [...agencyIds] }, positionLevel: PositionLevel.JPT_PRATAMA, unitId: null },
    { orderBy: { id: 'asc' } },
  );
}

/** Agencies (with `regionCode` set to the requested region) lying within each requested region. */
export async function agenciesByRegion(
  em: EntityManager,
  codes: readonly string[],
): Promise<(Agency & { scope: string })[]> {
  return query(
    em,
    `select s.code as scope, a.id, a.region_code as "regionCode", a.name, a.kind
       from unnest(?::text[]) as s(code)
       join personnel.agency a on ${sqlWithinRegion('a.region_code', 's.code')}
      order by a.id`,
    [codes],
  );
}

export async function unitsByRegion(
  em: EntityManager,
  codes: readonly string[],
): Promise<(ServiceUnit & { scope: string })[]> {
  return query(
    em,
    `select s.code as scope, u.id, u.agency_id as "agencyId", u.region_code as "regionCode", u.name, u.kind,
            u.population_served as "populationServed"
       from unnest(?::text[]) as s(code)
       join personnel.service_unit u on ${sqlWithinRegion('u.region_code', 's.code')}
      order by u.id`,
    [codes],
  );
}

export type EmployeeScope = { agencyId: number } | { unitId: number } | { regionCode: string };

export interface EmployeePageKey {
  scope: EmployeeScope;
  filter: EmployeeFilter;
  first: number;
  after: string | null;
}

const EMPLOYEE_COLUMNS = `e.id, e.asn_type as "asnType", e.nip, e.ni_pppk as "niPppk", e.full_name as "fullName",
  e.birth_date::text as "birthDate", e.gender, e.appointed_on::text as "appointedOn", e.left_on::text as "leftOn",
  e.agency_id as "agencyId", e.unit_id as "unitId", e.rank_code as "rankCode", e.position_title as "positionTitle",
  e.position_kind as "positionKind", e.position_level as "positionLevel"`;

/**
 * Where an employee "is" for a region: the unit's region, or the agency's for staff without a unit.
 * Written as IN-lists of units and agencies so that a page walks the primary key and stops early.
 */
const IN_REGION = `(e.unit_id in (select u.id from personnel.service_unit u where ${sqlWithinRegion('u.region_code', 's.key')})
  or (e.unit_id is null and e.agency_id in (select a.id from personnel.agency a where ${sqlWithinRegion('a.region_code', 's.key')})))`;

function scopeCondition(kind: 'agency' | 'unit' | 'region'): string {
  if (kind === 'agency') return 'e.agency_id = s.key::int';
  if (kind === 'unit') return 'e.unit_id = s.key::int';
  return IN_REGION;
}

/** Employees of each scope for counting: joins from the (few) units and agencies of a region. */
function scopeMembers(kind: 'agency' | 'unit' | 'region', filter: string): string {
  if (kind !== 'region') return `select e.id from personnel.employee e where ${scopeCondition(kind)} and ${filter}`;
  return `select e.id from personnel.service_unit u join personnel.employee e on e.unit_id = u.id
            where ${sqlWithinRegion('u.region_code', 's.key')} and ${filter}
          union all
          select e.id from personnel.agency a join personnel.employee e on e.agency_id = a.id and e.unit_id is null
            where ${sqlWithinRegion('a.region_code', 's.key')} and ${filter}`;
}

function scopeOf(scope: EmployeeScope): { kind: 'agency' | 'unit' | 'region'; key: string } {
  if ('agencyId' in scope) return { kind: 'agency', key: String(scope.agencyId) };
  if ('unitId' in scope) return { kind: 'unit', key: String(scope.unitId) };
  return { kind: 'region', key: validateRegionCode(scope.regionCode) };
}

function filterCondition(filter: EmployeeFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.asnType) (parts.push('e.asn_type = ?'), params.push(filter.asnType));
  if (filter.rankCode) (parts.push('e.rank_code = ?'), params.push(filter.rankCode));
  if (filter.positionKind) (parts.push('e.position_kind = ?'), params.push(filter.positionKind));
  if (filter.positionLevel) (parts.push('e.position_level = ?'), params.push(filter.positionLevel));
  return { sql: parts.length ? parts.join(' and ') : 'true', params };
}

/** The loader's grouping: keys that differ only in their scope share one statement. */
export function employeePageGroup(key: EmployeePageKey): string {
  return JSON.stringify([scopeOf(key.scope).kind, key.filter, key.first, key.after]);
}

/**
 * One page of employees for each key; all keys share kind of scope, filter and paging arguments.
 * Two statements for any number of scopes: the pages (a LATERAL join limited per scope) and counts.
 */
export async function employeePagesByScope(em: EntityManager, keys: readonly EmployeePageKey[]): Promise<EmployeeConnection[]> {
  const [firstKey] = keys;
  if (!firstKey) return [];
  const kind = scopeOf(firstKey.scope).kind;
  const scopeKeys = keys.map((key) => scopeOf(key.scope).key);
  const first = validatePageSize(firstKey.first);
  const afterId = decodeCursor(firstKey.after);
  const filter = filterCondition(firstKey.filter);
  const condition = scopeCondition(kind);

  const [rows, counts] = await Promise.all([
    query<Employee & { scope: string }>(
      em,
      `select s.key as scope, p.*
         from unnest(?::text[]) as s(key)
         cross join lateral (
           select ${EMPLOYEE_COLUMNS} from personnel.employee e
            where ${condition} and ${filter.sql} and e.id > ?
            order by e.id limit ?
         ) p`,
      [scopeKeys, ...filter.params, afterId, first + 1],
    ),
    query<{ scope: string; total: string }>(
      em,
      `select s.key as scope, count(m.id) as total
         from unnest(?::text[]) as s(key)
         cross join lateral (${scopeMembers(kind, filter.sql)}) m
        group by s.key`,
      [scopeKeys, ...filter.params, ...(kind === 'region' ? filter.params : [])],
    ),
  ]);
  const pages = new Map<string, Employee[]>();
  for (const row of rows) {
    const list = pages.get(row.scope) ?? [];
    list.push(row);
    pages.set(row.scope, list);
  }
  const totals = new Map(counts.map((c) => [c.scope, Number(c.total)]));
  return scopeKeys.map((scopeKey) => {
    const page = pages.get(scopeKey) ?? [];
    const nodes = page.slice(0, first);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      totalCount: totals.get(scopeKey) ?? 0,
      pageInfo: { endCursor: last ? encodeCursor(last.id) : null, hasNextPage: page.length > first },
    };
  });
}

/**
 * Staff per service unit of each region at the end of `year`, from the position history (the unit of the
 * newest position with TMT on or before 31 December), counting employees appointed by then and not left.
 */
/** Which requested codes name a known region: a well-formed unknown code must not be mistaken for an empty region. */
export function presenceByRegion(em: EntityManager, codes: readonly string[], _year: number) {
  return query<{ scope: string; known: boolean }>(
    em,
    `select s.code as scope, exists (select 1 from personnel.region r where r.code = s.code) as known
       from unnest(?::text[]) with ordinality as s(code, position) order by s.position`,
    [codes],
  );
}

export async function staffingByRegion(em: EntityManager, codes: readonly string[], year: number) {
  return query<{ scope: string; unitId: number; staff: number; agencyId: number }>(
    em,
    `with placement as (
       select distinct on (ph.employee_id) ph.employee_id, ph.unit_id
         from personnel.position_history ph
         join personnel.employee e on e.id = ph.employee_id
        where ph.tmt <= make_date(?, 12, 31) and e.appointed_on <= make_date(?, 12, 31)
          and (e.left_on is null or e.left_on > make_date(?, 12, 31))
        order by ph.employee_id, ph.tmt desc
     )
     select s.code as scope, u.id as "unitId", count(p.employee_id)::int as staff, u.agency_id as "agencyId"
       from unnest(?::text[]) as s(code)
       join personnel.service_unit u on ${sqlWithinRegion('u.region_code', 's.code')}
       left join placement p on p.unit_id = u.id
      group by s.code, u.id, u.agency_id
      order by s.code, u.id`,
    [year, year, year, codes],
  );
}
