import type { AgencyKind, ServiceUnitKind } from './enums.js';

/**
 * Natural keys of agencies and service units: the codes regions already use, so that files from outside
 * (personnel exports, SKM surveys, SIPD budget lines) can name them. Migration 0003 backfills existing
 * rows with the same rules in SQL (`AGENCY_CODE_SQL`, `UNIT_CODE_SQL`); the demo generator calls these.
 */

/** A code as stored: letters, digits and `.`, `-`, `/`, 1 to 40 characters (the CHECK of both columns). */
export const CODE_PATTERN = '^[0-9A-Za-z][0-9A-Za-z./-]{0,39}$';

/** SIPD urusan/bidang code of the government affair each agency kind carries out (Permendagri 90/2019). */
export const AGENCY_AFFAIR: Record<AgencyKind, string> = {
  EDUCATION: '1.01',
  HEALTH: '1.02',
  PUBLIC_WORKS: '1.03',
  CIVIL_REGISTRY: '2.12',
  BKPSDM: '5.04',
  DISTRICT_ADMINISTRATION: '4.01',
};

/** An agency's code, SIPD style: region, affair, the agency's number within them (`12.71-1.02.01`). */
export function agencyCode(regionCode: string, kind: AgencyKind, sequence: number): string {
  return `${regionCode}-${AGENCY_AFFAIR[kind]}.${String(sequence).padStart(2, '0')}`;
}

/** Short marks of the unit kinds that have no national numbering, for region-scoped codes. */
export const UNIT_MARK: Record<Exclude<ServiceUnitKind, 'SCHOOL' | 'PUSKESMAS'>, string> = {
  HEALTH_UPT: 'UPTKES',
  DUKCAPIL_OFFICE: 'DKC',
  DISTRICT_OFFICE: 'KEC',
  REGIONAL_OFFICE: 'KTR',
  PUBLIC_WORKS_UPT: 'UPTPU',
  BKPSDM_UPT: 'UPTBKD',
};

/** The district part of a unit's region code (a village's district, or the code itself above it), without dots. */
function districtDigits(regionCode: string): string {
  return regionCode.slice(0, 8).replaceAll('.', '');
}

/**
 * A service unit's code. Schools: an 8-digit NPSN (demo schools get `9` and their id, a range no real
 * province uses). Puskesmas: the Kemenkes style `P` + district digits + a 4-digit number within the
 * district. Other units: region code, kind mark and a 2-digit number within region and kind
 * (`12.71.01-DKC-01`). `sequence` is the unit's number among units of its partition, in id order.
 */
export function unitCode(kind: ServiceUnitKind, regionCode: string, id: number, sequence: number): string {
  if (kind === 'SCHOOL') return `9${String(id).padStart(7, '0')}`;
  if (kind === 'PUSKESMAS') return `P${districtDigits(regionCode)}${String(sequence).padStart(4, '0')}`;
  return `${regionCode}-${UNIT_MARK[kind]}-${String(sequence).padStart(2, '0')}`;
}

/** What the sequence of `unitCode` counts within: the district for a Puskesmas, region and kind otherwise. */
export function unitCodePartition(kind: ServiceUnitKind, regionCode: string): string {
  return kind === 'PUSKESMAS' ? `P:${districtDigits(regionCode)}` : `${kind}:${regionCode}`;
}
