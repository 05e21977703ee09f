import type { EntityManager } from '@mikro-orm/postgresql';
import { pageLoader } from '../shared/connection.js';
import { oneByKey } from '../shared/loaders.js';
import * as service from './service.js';
import type { RegionLevel } from './types.js';

/**
 * One set per request: every reference and nested list of the personnel subgraph loads through these.
 * A `<thing>PageBy<Key>` loader gives one page per key: its rows statement (`<things>By<Key>`) runs once
 * per distinct argument set, its count statement (`<thing>CountsBy<Key>`) only when `totalCount` is asked.
 */
export function createPersonnelLoaders(em: EntityManager) {
  return {
    regionByCode: oneByKey(
      (codes: readonly string[]) => service.regionsByCode(em, codes),
      (r) => r.code,
    ),
    regionPageByParent: pageLoader({
      rows: (codes: string[], window, level: RegionLevel | null) => service.regionsByParent(em, codes, window, level),
      counts: (codes, level) => service.regionCountsByParent(em, codes, level),
      keyOf: (r) => r.code,
      keyType: 'text',
    }),
    regionPageByLevel: pageLoader({
      rows: (levels: RegionLevel[], window) => service.regionsByLevel(em, levels, window),
      counts: (levels) => service.regionCountsByLevel(em, levels),
      keyOf: (r) => r.code,
      keyType: 'text',
    }),
    rankByCode: oneByKey(
      (codes: readonly string[]) => service.ranksByCode(em, codes),
      (r) => r.code,
    ),
    agencyById: oneByKey(
      (ids: readonly number[]) => service.agenciesById(em, ids),
      (a) => a.id,
    ),
    headByAgency: oneByKey(
      (ids: readonly number[]) => service.headsByAgency(em, ids),
      (e) => e.agencyId,
    ),
    agencyPageByRegion: pageLoader({
      rows: (codes: string[], window) => service.agenciesByRegion(em, codes, window),
      counts: (codes) => service.agencyCountsByRegion(em, codes),
      keyOf: (a) => a.id,
      keyType: 'int',
    }),
    unitById: oneByKey(
      (ids: readonly number[]) => service.unitsById(em, ids),
      (u) => u.id,
    ),
    unitPageByAgency: pageLoader({
      rows: (ids: number[], window) => service.unitsByAgency(em, ids, window),
      counts: (ids) => service.unitCountsByAgency(em, ids),
      keyOf: (u) => u.id,
      keyType: 'int',
    }),
    unitPageByRegion: pageLoader({
      rows: (codes: string[], window) => service.unitsByRegion(em, codes, window),
      counts: (codes) => service.unitCountsByRegion(em, codes),
      keyOf: (u) => u.id,
      keyType: 'int',
    }),
    employeeById: oneByKey(
      (ids: readonly number[]) => service.employeesById(em, ids),
      (e) => e.id,
    ),
    employeePageByScope: pageLoader({
      rows: (keys: string[], window, args: service.EmployeeListArgs) =>
        service.employeesByScope(em, keys, window, args),
      counts: (keys, args) => service.employeeCountsByScope(em, keys, args),
      keyOf: (e) => e.id,
      keyType: 'int',
    }),
    rankHistoryPageByEmployee: pageLoader({
      rows: (ids: number[], window) => service.rankHistoryByEmployee(em, ids, window),
      counts: (ids) => service.rankHistoryCountsByEmployee(em, ids),
      keyOf: (h) => h.id,
      keyType: 'int',
    }),
    positionHistoryPageByEmployee: pageLoader({
      rows: (ids: number[], window) => service.positionHistoryByEmployee(em, ids, window),
      counts: (ids) => service.positionHistoryCountsByEmployee(em, ids),
      keyOf: (h) => h.id,
      keyType: 'int',
    }),
    mentoringPageByMentor: pageLoader({
      rows: (ids: number[], window) => service.mentoringByMentor(em, ids, window),
      counts: (ids) => service.mentoringCountsByMentor(em, ids),
      keyOf: (m) => m.id,
      keyType: 'int',
    }),
    mentoringPageByMentee: pageLoader({
      rows: (ids: number[], window) => service.mentoringByMentee(em, ids, window),
      counts: (ids) => service.mentoringCountsByMentee(em, ids),
      keyOf: (m) => m.id,
      keyType: 'int',
    }),
  };
}

export type PersonnelLoaders = ReturnType<typeof createPersonnelLoaders>;
