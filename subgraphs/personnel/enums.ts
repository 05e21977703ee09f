import { type EnumValue, enumOf, graphqlEnum } from '../shared/enums.js';

/**
 * The enumerations of the personnel subgraph, each written once: the GraphQL types and the MikroORM
 * entities (`p.enum(() => X)`) use these; test/entities.test.ts checks them against the CHECK constraints
 * of the migrations. The value lists look alike to a duplicate finder: they are data, one value a line.
 */

/** Written once in shared: evaluation's analytics groups regions at a level too. */
export { RegionLevel } from '../shared/region-level.js';

/** Local kind of a region as Kemendagri names it. GraphQL exposes it as a String (kept for clients). */
export const RegionKind = enumOf('PROVINSI', 'KABUPATEN', 'KOTA', 'KECAMATAN', 'DESA', 'KELURAHAN');
export type RegionKind = EnumValue<typeof RegionKind>;

export const AsnType = graphqlEnum('AsnType', 'Kind of civil servant (UU 20/2023).', {
  PNS: 'Pegawai Negeri Sipil: permanent civil servant with an 18-digit NIP.',
  PPPK: 'Pegawai Pemerintah dengan Perjanjian Kerja: contract civil servant with an NI PPPK.',
});
export type AsnType = EnumValue<typeof AsnType>;

export const Gender = graphqlEnum('Gender', 'Gender as recorded in the NIP (digit 15: 1 male, 2 female).', {
  M: 'Male (NIP digit 15 is 1).',
  F: 'Female (NIP digit 15 is 2).',
});
export type Gender = EnumValue<typeof Gender>;

export const PositionKind = graphqlEnum('PositionKind', 'Managerial or non-managerial position (UU 20/2023).', {
  MANAJERIAL: 'Manajerial: JPT, administrator and pengawas positions.',
  NONMANAJERIAL: 'Nonmanajerial: fungsional and pelaksana positions.',
});
export type PositionKind = EnumValue<typeof PositionKind>;

export const PositionLevel = graphqlEnum(
  'PositionLevel',
  'Position level: JPT utama/madya/pratama, administrator and pengawas are managerial; fungsional and pelaksana are not.',
  {
    JPT_UTAMA: 'Jabatan pimpinan tinggi utama.',
    JPT_MADYA: 'Jabatan pimpinan tinggi madya.',
    JPT_PRATAMA: 'Jabatan pimpinan tinggi pratama, e.g. the head of a regional agency.',
    ADMINISTRATOR: 'Administrator, e.g. a division head.',
    PENGAWAS: 'Pengawas, e.g. a section head.',
    FUNGSIONAL: 'A functional position (teacher, nurse, analyst...).',
    PELAKSANA: 'A staff (pelaksana) position.',
  },
);
export type PositionLevel = EnumValue<typeof PositionLevel>;

export const AgencyKind = graphqlEnum('AgencyKind', 'Area of government an agency (perangkat daerah) works in.', {
  EDUCATION: 'Dinas Pendidikan.',
  HEALTH: 'Dinas Kesehatan.',
  CIVIL_REGISTRY: 'Dinas Kependudukan dan Pencatatan Sipil (Dukcapil).',
  BKPSDM: 'Badan Kepegawaian dan Pengembangan SDM: runs ASN development and training.',
  PUBLIC_WORKS: 'Dinas Pekerjaan Umum dan Penataan Ruang.',
  DISTRICT_ADMINISTRATION: 'Sekretariat daerah and kecamatan offices.',
});
export type AgencyKind = EnumValue<typeof AgencyKind>;

export const ServiceUnitKind = graphqlEnum('ServiceUnitKind', 'Kind of public-service unit.', {
  SCHOOL: 'A state school (SD, SMP, SMA/SMK Negeri).',
  PUSKESMAS: 'Community health centre (or its Puskesmas Pembantu).',
  HEALTH_UPT: "A province's technical health unit (UPT, e.g. a laboratory or hospital unit).",
  DUKCAPIL_OFFICE: 'Civil-registry service office (Dukcapil).',
  DISTRICT_OFFICE: 'Kantor camat: the kecamatan office.',
  REGIONAL_OFFICE: "A province's regional service office.",
  PUBLIC_WORKS_UPT: 'Technical unit of public works (UPT PUPR).',
  BKPSDM_UPT: 'Training and assessment unit of the BKPSDM.',
});
export type ServiceUnitKind = EnumValue<typeof ServiceUnitKind>;
