import type { EntityManager } from '@mikro-orm/postgresql';
import { batchedByGroup, manyByKey, oneByKey } from '../shared/loaders.js';
import * as service from './service.js';

/** One set per request: every reference and nested list of the personnel subgraph loads through these. */
export function createPersonnelLoaders(em: EntityManager) {
  return {
    region: oneByKey((codes: readonly string[]) => service.regionsByCode(em, codes), (r) => r.code),
    regionChildren: manyByKey((codes: readonly string[]) => service.regionsByParent(em, codes), (r) => r.parentCode ?? ''),
    rank: oneByKey((codes: readonly string[]) => service.ranksByCode(em, codes), (r) => r.code),
    agency: oneByKey((ids: readonly number[]) => service.agenciesById(em, ids), (a) => a.id),
    agencyHead: oneByKey((ids: readonly number[]) => service.agencyHeads(em, ids), (e) => e.agencyId),
    agenciesWithin: manyByKey((codes: readonly string[]) => service.agenciesWithinRegions(em, codes), (a) => a.scope),
    unit: oneByKey((ids: readonly number[]) => service.unitsById(em, ids), (u) => u.id),
    unitsOfAgency: manyByKey((ids: readonly number[]) => service.unitsByAgency(em, ids), (u) => u.agencyId),
    unitsWithin: manyByKey((codes: readonly string[]) => service.unitsWithinRegions(em, codes), (u) => u.scope),
    employee: oneByKey((ids: readonly number[]) => service.employeesById(em, ids), (e) => e.id),
    employeePage: batchedByGroup(service.employeePageGroup, (keys) => service.employeePages(em, keys)),
    rankHistory: manyByKey((ids: readonly number[]) => service.rankHistoryByEmployee(em, ids), (h) => h.employeeId),
    positionHistory: manyByKey((ids: readonly number[]) => service.positionHistoryByEmployee(em, ids), (h) => h.employeeId),
    mentoringAsMentor: manyByKey((ids: readonly number[]) => service.mentoringByMentor(em, ids), (m) => m.mentorId),
    mentoringAsMentee: manyByKey((ids: readonly number[]) => service.mentoringByMentee(em, ids), (m) => m.menteeId),
  };
}

export type PersonnelLoaders = ReturnType<typeof createPersonnelLoaders>;
