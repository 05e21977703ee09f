import type { ServiceUnitKind } from '../../subgraphs/personnel/enums.js';
import type { AgencyKind } from './catalog.js';

/**
 * Jobs held in the demo's service units: the functional (jabatan fungsional) and executive (pelaksana,
 * PermenPANRB 45/2022 nomenclature) positions, with the education that sets the starting rank.
 */
export type Education = 'SMA' | 'D3' | 'S1' | 'PROFESI' | 'S2';
export type Track = 'KEAHLIAN' | 'KETERAMPILAN' | 'PELAKSANA';

export interface RoleDef {
  key: string;
  /** The audience key the course catalogue uses (GURU, PERAWAT, BIDAN, ADB, ADMIN, ...). */
  courseRole: string;
  /** Functional title without the grade ("Guru", "Perawat") or the executive position's full title. */
  title: string;
  track: Track;
  education: Education;
  /** Probability of being PPPK rather than PNS. */
  pppk: number;
  female: number;
  /** Probability of a master's degree (raises the starting rank). */
  master: number;
  prefix?: string;
  degrees: readonly string[];
  masters: readonly string[];
}

const R = (role: RoleDef): RoleDef => role;

export const ROLES = {
  GURU: R({
    key: 'GURU',
    courseRole: 'GURU',
    title: 'Guru',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.35,
    female: 0.66,
    master: 0.1,
    degrees: ['S.Pd.'],
    masters: ['M.Pd.'],
  }),
  ADMIN_SMA: R({
    key: 'ADMIN_SMA',
    courseRole: 'ADMIN',
    title: 'Pengadministrasi Perkantoran',
    track: 'PELAKSANA',
    education: 'SMA',
    pppk: 0.1,
    female: 0.5,
    master: 0,
    degrees: [],
    masters: [],
  }),
  OPERATOR: R({
    key: 'OPERATOR',
    courseRole: 'ADMIN',
    title: 'Operator Layanan Operasional',
    track: 'PELAKSANA',
    education: 'SMA',
    pppk: 0.15,
    female: 0.45,
    master: 0,
    degrees: [],
    masters: [],
  }),
  ADMIN_D3: R({
    key: 'ADMIN_D3',
    courseRole: 'ADMIN',
    title: 'Pengelola Layanan Operasional',
    track: 'PELAKSANA',
    education: 'D3',
    pppk: 0.1,
    female: 0.55,
    master: 0,
    degrees: ['A.Md.'],
    masters: [],
  }),
  ADMIN_S1: R({
    key: 'ADMIN_S1',
    courseRole: 'ADMIN',
    title: 'Penata Layanan Operasional',
    track: 'PELAKSANA',
    education: 'S1',
    pppk: 0.05,
    female: 0.5,
    master: 0.12,
    degrees: ['S.E.', 'S.Sos.', 'S.AP.', 'S.H.', 'S.Kom.'],
    masters: ['M.Si.', 'M.AP.', 'M.M.'],
  }),
  DOKTER: R({
    key: 'DOKTER',
    courseRole: 'DOKTER',
    title: 'Dokter',
    track: 'KEAHLIAN',
    education: 'PROFESI',
    pppk: 0.15,
    female: 0.62,
    master: 0.1,
    prefix: 'dr.',
    degrees: [],
    masters: ['M.Kes.'],
  }),
  DOKTER_GIGI: R({
    key: 'DOKTER_GIGI',
    courseRole: 'DOKTER',
    title: 'Dokter Gigi',
    track: 'KEAHLIAN',
    education: 'PROFESI',
    pppk: 0.15,
    female: 0.7,
    master: 0.05,
    prefix: 'drg.',
    degrees: [],
    masters: ['M.Kes.'],
  }),
  PERAWAT_D3: R({
    key: 'PERAWAT_D3',
    courseRole: 'PERAWAT',
    title: 'Perawat',
    track: 'KETERAMPILAN',
    education: 'D3',
    pppk: 0.3,
    female: 0.72,
    master: 0,
    degrees: ['A.Md.Kep.'],
    masters: [],
  }),
  PERAWAT_NERS: R({
    key: 'PERAWAT_NERS',
    courseRole: 'PERAWAT',
    title: 'Perawat',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.2,
    female: 0.7,
    master: 0.05,
    degrees: ['S.Kep., Ns.'],
    masters: ['M.Kep.'],
  }),
  BIDAN_D3: R({
    key: 'BIDAN_D3',
    courseRole: 'BIDAN',
    title: 'Bidan',
    track: 'KETERAMPILAN',
    education: 'D3',
    pppk: 0.3,
    female: 1,
    master: 0,
    degrees: ['A.Md.Keb.'],
    masters: [],
  }),
  BIDAN_D4: R({
    key: 'BIDAN_D4',
    courseRole: 'BIDAN',
    title: 'Bidan',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.2,
    female: 1,
    master: 0.05,
    degrees: ['S.Tr.Keb.'],
    masters: ['M.Keb.'],
  }),
  APOTEKER: R({
    key: 'APOTEKER',
    courseRole: 'KESEHATAN',
    title: 'Apoteker',
    track: 'KEAHLIAN',
    education: 'PROFESI',
    pppk: 0.15,
    female: 0.7,
    master: 0.05,
    degrees: ['S.Farm., Apt.'],
    masters: ['M.Farm.'],
  }),
  ASISTEN_APOTEKER: R({
    key: 'ASISTEN_APOTEKER',
    courseRole: 'KESEHATAN',
    title: 'Asisten Apoteker',
    track: 'KETERAMPILAN',
    education: 'D3',
    pppk: 0.2,
    female: 0.75,
    master: 0,
    degrees: ['A.Md.Farm.'],
    masters: [],
  }),
  PRANATA_LAB: R({
    key: 'PRANATA_LAB',
    courseRole: 'KESEHATAN',
    title: 'Pranata Laboratorium Kesehatan',
    track: 'KETERAMPILAN',
    education: 'D3',
    pppk: 0.2,
    female: 0.65,
    master: 0,
    degrees: ['A.Md.AK.'],
    masters: [],
  }),
  NUTRISIONIS: R({
    key: 'NUTRISIONIS',
    courseRole: 'KESEHATAN',
    title: 'Nutrisionis',
    track: 'KETERAMPILAN',
    education: 'D3',
    pppk: 0.2,
    female: 0.8,
    master: 0,
    degrees: ['A.Md.Gz.'],
    masters: [],
  }),
  SANITARIAN: R({
    key: 'SANITARIAN',
    courseRole: 'KESEHATAN',
    title: 'Sanitarian',
    track: 'KETERAMPILAN',
    education: 'D3',
    pppk: 0.2,
    female: 0.5,
    master: 0,
    degrees: ['A.Md.KL.'],
    masters: [],
  }),
  EPIDEMIOLOG: R({
    key: 'EPIDEMIOLOG',
    courseRole: 'KESEHATAN',
    title: 'Epidemiolog Kesehatan',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.1,
    female: 0.55,
    master: 0.2,
    degrees: ['S.K.M.'],
    masters: ['M.Kes.', 'M.K.M.'],
  }),
  PENYULUH_KESEHATAN: R({
    key: 'PENYULUH_KESEHATAN',
    courseRole: 'KESEHATAN',
    title: 'Penyuluh Kesehatan Masyarakat',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.1,
    female: 0.6,
    master: 0.15,
    degrees: ['S.K.M.'],
    masters: ['M.Kes.'],
  }),
  ANALIS_KEBIJAKAN: R({
    key: 'ANALIS_KEBIJAKAN',
    courseRole: 'ANALIS',
    title: 'Analis Kebijakan',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.05,
    female: 0.45,
    master: 0.25,
    degrees: ['S.Sos.', 'S.IP.', 'S.STP.'],
    masters: ['M.Si.', 'M.AP.'],
  }),
  PRANATA_KOMPUTER: R({
    key: 'PRANATA_KOMPUTER',
    courseRole: 'ANALIS',
    title: 'Pranata Komputer',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.1,
    female: 0.4,
    master: 0.1,
    degrees: ['S.Kom.'],
    masters: ['M.Kom.'],
  }),
  POLISI_PP: R({
    key: 'POLISI_PP',
    courseRole: 'ADMIN',
    title: 'Polisi Pamong Praja',
    track: 'KETERAMPILAN',
    education: 'SMA',
    pppk: 0.05,
    female: 0.2,
    master: 0,
    degrees: [],
    masters: [],
  }),
  ADB: R({
    key: 'ADB',
    courseRole: 'ADB',
    title: 'Administrator Database Kependudukan',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.1,
    female: 0.5,
    master: 0.1,
    degrees: ['S.Kom.', 'S.Si.'],
    masters: ['M.Kom.'],
  }),
  TEKNIK_JALAN_S1: R({
    key: 'TEKNIK_JALAN_S1',
    courseRole: 'TEKNIK',
    title: 'Teknik Jalan dan Jembatan',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.1,
    female: 0.2,
    master: 0.15,
    degrees: ['S.T.'],
    masters: ['M.T.'],
  }),
  TEKNIK_JALAN_D3: R({
    key: 'TEKNIK_JALAN_D3',
    courseRole: 'TEKNIK',
    title: 'Teknik Jalan dan Jembatan',
    track: 'KETERAMPILAN',
    education: 'D3',
    pppk: 0.15,
    female: 0.15,
    master: 0,
    degrees: ['A.Md.T.'],
    masters: [],
  }),
  PENATA_RUANG: R({
    key: 'PENATA_RUANG',
    courseRole: 'TEKNIK',
    title: 'Penata Ruang',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.1,
    female: 0.4,
    master: 0.2,
    degrees: ['S.T.', 'S.P.W.K.'],
    masters: ['M.T.'],
  }),
  ANALIS_SDM: R({
    key: 'ANALIS_SDM',
    courseRole: 'ANALIS',
    title: 'Analis Sumber Daya Manusia Aparatur',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.05,
    female: 0.55,
    master: 0.2,
    degrees: ['S.Psi.', 'S.AP.', 'S.Sos.'],
    masters: ['M.Psi.', 'M.Si.'],
  }),
  PRANATA_SDM: R({
    key: 'PRANATA_SDM',
    courseRole: 'ADMIN',
    title: 'Pranata Sumber Daya Manusia Aparatur',
    track: 'KETERAMPILAN',
    education: 'D3',
    pppk: 0.1,
    female: 0.55,
    master: 0,
    degrees: ['A.Md.'],
    masters: [],
  }),
  WIDYAISWARA: R({
    key: 'WIDYAISWARA',
    courseRole: 'ANALIS',
    title: 'Widyaiswara',
    track: 'KEAHLIAN',
    education: 'S2',
    pppk: 0,
    female: 0.45,
    master: 1,
    degrees: ['S.Pd.', 'S.Sos.', 'S.E.'],
    masters: ['M.Pd.', 'M.Si.'],
  }),
  ASESOR_SDM: R({
    key: 'ASESOR_SDM',
    courseRole: 'ANALIS',
    title: 'Asesor Sumber Daya Manusia Aparatur',
    track: 'KEAHLIAN',
    education: 'S1',
    pppk: 0.05,
    female: 0.55,
    master: 0.3,
    degrees: ['S.Psi.'],
    masters: ['M.Psi.'],
  }),
} as const satisfies Record<string, RoleDef>;

export type RoleKey = keyof typeof ROLES;

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
