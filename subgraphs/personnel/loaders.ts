import type { EntityManager } from '@mikro-orm/postgresql';
import { batchedByGroup, manyByKey, oneByKey } from '../shared/loaders.js';
import * as service from './service.js';

/** One set per request: every reference and nested list of the personnel subgraph loads through these. */
export function createPersonnelLoaders(em: EntityManager) {
  return {
    regionByCode: oneByKey((codes: readonly string[]) => service.regionsByCode(em, codes), (r) => r.code),
    regionsByParent: manyByKey((codes: readonly string[]) => service.regionsByParent(em, codes), (r) => r.parentCode ?? ''),
    rankByCode: oneByKey((codes: readonly string[]) => service.ranksByCode(em, codes), (r) => r.code),
    agencyById: oneByKey((ids: readonly number[]) => service.agenciesById(em, ids), (a) => a.id),
    headByAgency: oneByKey((ids: readonly number[]) => service.headsByAgency(em, ids), (e) => e.agencyId),
    agenciesByRegion: manyByKey((codes: readonly string[]) => service.agenciesByRegion(em, codes), (a) => a.scope),
    unitById: oneByKey((ids: readonly number[]) => service.unitsById(em, ids), (u) => u.id),
    unitsByAgency: manyByKey((ids: readonly number[]) => service.unitsByAgency(em, ids), (u) => u.agencyId),
    unitsByRegion: manyByKey((codes: readonly string[]) => service.unitsByRegion(em, codes), (u) => u.scope),
    employeeById: oneByKey((ids: readonly number[]) => service.employeesById(em, ids), (e) => e.id),
    employeePageByScope: batchedByGroup(service.employeePageGroup, (keys) => service.employeePagesByScope(em, keys)),
    rankHistoryByEmployee: manyByKey((ids: readonly number[]) => service.rankHistoryByEmployee(em, ids), (h) => h.employeeId),
    positionHistoryByEmployee: manyByKey((ids: readonly number[]) => service.positionHistoryByEmployee(em, ids), (h) => h.employeeId),
    mentoringByMentor: manyByKey((ids: readonly number[]) => service.mentoringByMentor(em, ids), (m) => m.mentorId),
    mentoringByMentee: manyByKey((ids: readonly number[]) => service.mentoringByMentee(em, ids), (m) => m.menteeId),
  };
}

export type PersonnelLoaders = ReturnType<typeof createPersonnelLoaders>;
