import { z } from 'zod';
import type { ServiceUnitKind } from '../../subgraphs/personnel/enums.js';
import type { AgencyKind } from './catalog.js';
import roleTable from './roles.json' with { type: 'json' };

/**
 * Jobs held in the demo's service units: the functional (jabatan fungsional) and executive (pelaksana,
 * PermenPANRB 45/2022 nomenclature) positions, with the education that sets the starting rank. The table
 * is data (roles.json, one object per role, keyed by role); this module checks it and adds the types.
 */

const Education = z.enum(['SMA', 'D3', 'S1', 'PROFESI', 'S2']);
export type Education = z.infer<typeof Education>;
const Track = z.enum(['KEAHLIAN', 'KETERAMPILAN', 'PELAKSANA']);
export type Track = z.infer<typeof Track>;

const Role = z.object({
  /** The audience key the course catalogue uses (GURU, PERAWAT, BIDAN, ADB, ADMIN, ...). */
  courseRole: z.string(),
  /** Functional title without the grade ("Guru", "Perawat") or the executive position's full title. */
  title: z.string(),
  track: Track,
  education: Education,
  /** Probability of being PPPK rather than PNS. */
  pppk: z.number().min(0).max(1),
  female: z.number().min(0).max(1),
  /** Probability of a master's degree (raises the starting rank). */
  master: z.number().min(0).max(1),
  prefix: z.string().optional(),
  degrees: z.array(z.string()),
  masters: z.array(z.string()),
});

/** A role of roles.json with its key. */
export type RoleDef = z.infer<typeof Role> & { key: string };

export type RoleKey = keyof typeof roleTable;

export const ROLES = Object.fromEntries(
  Object.entries(roleTable).map(([key, row]) => [key, { key, ...Role.parse(row) }]),
) as Record<RoleKey, RoleDef>; // fromEntries loses the keys' type; each value is parsed

/** Kinds of service unit the demo creates; `dbKind` is what service_unit.kind stores. */
export type UnitKind =
  | 'SD'
  | 'SMP'
  | 'SMA'
  | 'PUSKESMAS'
  | 'HEALTH_UPT'
  | 'DISTRICT_OFFICE'
  | 'REGIONAL_OFFICE'
  | 'DUKCAPIL_OFFICE'
  | 'PUBLIC_WORKS_UPT'
  | 'BKPSDM_UPT';

export interface UnitKindDef {
  agency: AgencyKind;
  dbKind: ServiceUnitKind;
  /** Relative staff size. */
  staffWeight: number;
  /** Typical yearly population served [min, max]. */
  population: readonly [number, number];
  staff: readonly (readonly [RoleKey, number])[];
}

const HEALTH_STAFF: readonly (readonly [RoleKey, number])[] = [
  ['DOKTER', 8],
  ['DOKTER_GIGI', 3],
  ['PERAWAT_D3', 18],
  ['PERAWAT_NERS', 10],
  ['BIDAN_D3', 15],
  ['BIDAN_D4', 6],
  ['APOTEKER', 3],
  ['ASISTEN_APOTEKER', 5],
  ['PRANATA_LAB', 5],
  ['NUTRISIONIS', 4],
  ['SANITARIAN', 4],
  ['EPIDEMIOLOG', 3],
  ['PENYULUH_KESEHATAN', 4],
  ['ADMIN_SMA', 8],
  ['ADMIN_D3', 4],
];
const SCHOOL_STAFF: readonly (readonly [RoleKey, number])[] = [
  ['GURU', 85],
  ['ADMIN_SMA', 6],
  ['ADMIN_D3', 3],
  ['OPERATOR', 6],
];
const OFFICE_STAFF: readonly (readonly [RoleKey, number])[] = [
  ['ANALIS_KEBIJAKAN', 20],
  ['PRANATA_KOMPUTER', 5],
  ['POLISI_PP', 15],
  ['ADMIN_SMA', 30],
  ['ADMIN_S1', 20],
  ['ADMIN_D3', 10],
];

export const UNIT_KINDS: Record<UnitKind, UnitKindDef> = {
  SD: { agency: 'EDUCATION', dbKind: 'SCHOOL', staffWeight: 9, population: [250, 900], staff: SCHOOL_STAFF },
  SMP: { agency: 'EDUCATION', dbKind: 'SCHOOL', staffWeight: 18, population: [400, 1500], staff: SCHOOL_STAFF },
  SMA: { agency: 'EDUCATION', dbKind: 'SCHOOL', staffWeight: 22, population: [500, 1800], staff: SCHOOL_STAFF },
  PUSKESMAS: {
    agency: 'HEALTH',
    dbKind: 'PUSKESMAS',
    staffWeight: 26,
    population: [8_000, 40_000],
    staff: HEALTH_STAFF,
  },
  HEALTH_UPT: {
    agency: 'HEALTH',
    dbKind: 'HEALTH_UPT',
    staffWeight: 26,
    population: [5_000, 40_000],
    staff: HEALTH_STAFF,
  },
  DISTRICT_OFFICE: {
    agency: 'DISTRICT_ADMINISTRATION',
    dbKind: 'DISTRICT_OFFICE',
    staffWeight: 16,
    population: [10_000, 40_000],
    staff: OFFICE_STAFF,
  },
  REGIONAL_OFFICE: {
    agency: 'DISTRICT_ADMINISTRATION',
    dbKind: 'REGIONAL_OFFICE',
    staffWeight: 16,
    population: [10_000, 40_000],
    staff: OFFICE_STAFF,
  },
  DUKCAPIL_OFFICE: {
    agency: 'CIVIL_REGISTRY',
    dbKind: 'DUKCAPIL_OFFICE',
    staffWeight: 14,
    population: [15_000, 40_000],
    staff: [
      ['ADB', 30],
      ['PRANATA_KOMPUTER', 10],
      ['OPERATOR', 30],
      ['ADMIN_SMA', 15],
      ['ADMIN_S1', 15],
    ],
  },
  PUBLIC_WORKS_UPT: {
    agency: 'PUBLIC_WORKS',
    dbKind: 'PUBLIC_WORKS_UPT',
    staffWeight: 12,
    population: [2_000, 15_000],
    staff: [
      ['TEKNIK_JALAN_S1', 30],
      ['TEKNIK_JALAN_D3', 25],
      ['PENATA_RUANG', 10],
      ['ADMIN_SMA', 20],
      ['ADMIN_S1', 15],
    ],
  },
  BKPSDM_UPT: {
    agency: 'BKPSDM',
    dbKind: 'BKPSDM_UPT',
    staffWeight: 24,
    population: [500, 40_000],
    staff: [
      ['ANALIS_SDM', 30],
      ['PRANATA_SDM', 20],
      ['WIDYAISWARA', 10],
      ['ASESOR_SDM', 10],
      ['ADMIN_SMA', 15],
      ['ADMIN_S1', 15],
    ],
  },
};

/** PNS starting rank ordinal (personnel.rank) by education: II/a, II/c, III/a, III/b. */
export const PNS_START_ORDINAL: Record<Education, number> = { SMA: 5, D3: 7, S1: 9, PROFESI: 10, S2: 10 };
/** PPPK golongan by education: V, VII, IX, X. */
export const PPPK_ORDINAL: Record<Education, number> = { SMA: 5, D3: 7, S1: 9, PROFESI: 10, S2: 10 };
/** Highest rank reachable by regular promotion, by track and education. */
export function rankCap(track: Track, education: Education): number {
  if (education === 'SMA') return 10;
  if (education === 'D3') return 12;
  if (track === 'PELAKSANA') return 12;
  return education === 'S1' ? 14 : 15;
}

export const PNS_RANKS = [
  'I/a',
  'I/b',
  'I/c',
  'I/d',
  'II/a',
  'II/b',
  'II/c',
  'II/d',
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
];
const ROMAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
];

export function rankCode(asn: 'PNS' | 'PPPK', ordinal: number): string {
  const code = asn === 'PNS' ? PNS_RANKS[ordinal - 1] : `PPPK-${ROMAN[ordinal - 1] ?? ''}`;
  if (!code || code === 'PPPK-') throw new Error(`no ${asn} rank with ordinal ${ordinal}`);
  return code;
}

/** Grade (jenjang) of a functional position held at a rank. */
export function functionalGrade(track: Track, asn: 'PNS' | 'PPPK', ordinal: number): string {
  if (track === 'KEAHLIAN') {
    if (asn === 'PPPK') return ordinal <= 10 ? 'Ahli Pertama' : ordinal === 11 ? 'Ahli Muda' : 'Ahli Madya';
    return ordinal <= 10 ? 'Ahli Pertama' : ordinal <= 12 ? 'Ahli Muda' : ordinal <= 15 ? 'Ahli Madya' : 'Ahli Utama';
  }
  if (asn === 'PPPK') return ordinal <= 6 ? 'Pemula' : ordinal <= 8 ? 'Terampil' : 'Mahir';
  return ordinal <= 5 ? 'Pemula' : ordinal <= 8 ? 'Terampil' : ordinal <= 10 ? 'Mahir' : 'Penyelia';
}

/** The title of a non-managerial position at a rank: "Guru Ahli Muda", or the executive title as is. */
export function positionTitle(role: RoleDef, asn: 'PNS' | 'PPPK', ordinal: number): string {
  return role.track === 'PELAKSANA' ? role.title : `${role.title} ${functionalGrade(role.track, asn, ordinal)}`;
}
