import type { EntityManager } from '@mikro-orm/postgresql';
import { byCode, byId, pageLoader } from '../shared/connection.js';
import { oneByKey } from '../shared/loaders.js';
import * as service from './service.js';

/**
 * One set per request: every reference and nested list of the personnel subgraph loads through these.
 * A `<thing>PageBy<Key>` loader gives one page per key from the service's list SQL (`<THINGS>_OF_<KEY>`, or
 * `<things>Of<Key>(args)`): one rows statement per distinct argument set, a count only when `totalCount` is asked.
 */
export function createPersonnelLoaders(em: EntityManager) {
  return {
    regionByCode: oneByKey(em, service.regionsByCode, byCode),
    regionPageByParent: pageLoader(em, service.regionsOfParent),
    regionPageByLevel: pageLoader(em, service.REGIONS_OF_LEVEL),
    rankByCode: oneByKey(em, service.ranksByCode, byCode),
    agencyById: oneByKey(em, service.agenciesById, byId),
    headByAgency: oneByKey(em, service.headsByAgency, (e) => e.agencyId),
    agencyPageByRegion: pageLoader(em, service.AGENCIES_IN_REGION),
    agencyByCode: oneByKey(em, service.agenciesByCode, byCode),
    unitByCode: oneByKey(em, service.unitsByCode, byCode),
    unitById: oneByKey(em, service.unitsById, byId),
    unitPageByAgency: pageLoader(em, service.UNITS_OF_AGENCY),
    unitPageByRegion: pageLoader(em, service.UNITS_IN_REGION),
    employeeById: oneByKey(em, service.employeesById, byId),
    employeePageByScope: pageLoader(em, service.employeesOfScope),
    rankHistoryPageByEmployee: pageLoader(em, service.RANK_HISTORY_OF_EMPLOYEE),
    positionHistoryPageByEmployee: pageLoader(em, service.POSITION_HISTORY_OF_EMPLOYEE),
    mentoringPageByMentor: pageLoader(em, service.MENTORING_OF_MENTOR),
    mentoringPageByMentee: pageLoader(em, service.MENTORING_OF_MENTEE),
  };
}

export type PersonnelLoaders = ReturnType<typeof createPersonnelLoaders>;
