import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

/**
 * The enumerations of the personnel subgraph, each written once: the GraphQL types and the MikroORM
 * entities (`p.enum(() => X)`) use these; test/entities.test.ts checks them against the CHECK constraints
 * of the migrations.
 */

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  REGENCY = 'REGENCY',
  DISTRICT = 'DISTRICT',
  VILLAGE = 'VILLAGE',
}
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Tier of the Kemendagri administrative hierarchy.',
  valuesConfig: {
    PROVINCE: { description: 'Provinsi (2-digit code, e.g. 12).' },
    REGENCY: { description: 'Kabupaten or kota (e.g. 12.71).' },
    DISTRICT: { description: 'Kecamatan or distrik (e.g. 93.01.11).' },
    VILLAGE: { description: 'Desa, kelurahan or kampung (e.g. 93.01.11.2009).' },
  },
});

export enum AsnType {
  PNS = 'PNS',
  PPPK = 'PPPK',
}
registerEnumType(AsnType, {
  name: 'AsnType',
  description: 'Kind of civil servant (UU 20/2023).',
  valuesConfig: {
    PNS: { description: 'Pegawai Negeri Sipil: permanent civil servant with an 18-digit NIP.' },
    PPPK: { description: 'Pegawai Pemerintah dengan Perjanjian Kerja: contract civil servant with an NI PPPK.' },
  },
});

export enum Gender {
  M = 'M',
  F = 'F',
}
registerEnumType(Gender, { name: 'Gender', description: 'Gender as recorded in the NIP (digit 15: 1 male, 2 female).' });

export enum PositionKind {
  MANAJERIAL = 'MANAJERIAL',
  NONMANAJERIAL = 'NONMANAJERIAL',
}
registerEnumType(PositionKind, { name: 'PositionKind', description: 'Managerial or non-managerial position (UU 20/2023).' });

export enum PositionLevel {
  JPT_UTAMA = 'JPT_UTAMA',
  JPT_MADYA = 'JPT_MADYA',
  JPT_PRATAMA = 'JPT_PRATAMA',
  ADMINISTRATOR = 'ADMINISTRATOR',
  PENGAWAS = 'PENGAWAS',
  FUNGSIONAL = 'FUNGSIONAL',
  PELAKSANA = 'PELAKSANA',
}
registerEnumType(PositionLevel, {
  name: 'PositionLevel',
  description: 'Position level: JPT utama/madya/pratama, administrator and pengawas are managerial; fungsional and pelaksana are not.',
});

export enum AgencyKind {
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  CIVIL_REGISTRY = 'CIVIL_REGISTRY',
  BKPSDM = 'BKPSDM',
  PUBLIC_WORKS = 'PUBLIC_WORKS',
  DISTRICT_ADMINISTRATION = 'DISTRICT_ADMINISTRATION',
}
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'Area of government an agency (perangkat daerah) works in.',
  valuesConfig: {
    EDUCATION: { description: 'Dinas Pendidikan.' },
    HEALTH: { description: 'Dinas Kesehatan.' },
    CIVIL_REGISTRY: { description: 'Dinas Kependudukan dan Pencatatan Sipil (Dukcapil).' },
    BKPSDM: { description: 'Badan Kepegawaian dan Pengembangan SDM: runs ASN development and training.' },
    PUBLIC_WORKS: { description: 'Dinas Pekerjaan Umum dan Penataan Ruang.' },
    DISTRICT_ADMINISTRATION: { description: 'Sekretariat daerah and kecamatan offices.' },
  },
});

export enum ServiceUnitKind {
  SCHOOL = 'SCHOOL',
  PUSKESMAS = 'PUSKESMAS',
  HEALTH_UPT = 'HEALTH_UPT',
  DUKCAPIL_OFFICE = 'DUKCAPIL_OFFICE',
  DISTRICT_OFFICE = 'DISTRICT_OFFICE',
  REGIONAL_OFFICE = 'REGIONAL_OFFICE',
  PUBLIC_WORKS_UPT = 'PUBLIC_WORKS_UPT',
  BKPSDM_UPT = 'BKPSDM_UPT',
}
registerEnumType(ServiceUnitKind, {
  name: 'ServiceUnitKind',
  description: 'Kind of public-service unit.',
  valuesConfig: {
    SCHOOL: { description: 'A state school (SD, SMP, SMA/SMK Negeri).' },
    PUSKESMAS: { description: 'Community health centre (or its Puskesmas Pembantu).' },
    HEALTH_UPT: { description: "A province's technical health unit (UPT, e.g. a laboratory or hospital unit)." },
    DUKCAPIL_OFFICE: { description: 'Civil-registry service office (Dukcapil).' },
    DISTRICT_OFFICE: { description: 'Kantor camat: the kecamatan office.' },
    REGIONAL_OFFICE: { description: "A province's regional service office." },
    PUBLIC_WORKS_UPT: { description: 'Technical unit of public works (UPT PUPR).' },
    BKPSDM_UPT: { description: 'Training and assessment unit of the BKPSDM.' },
  },
});

/** Local kind of a region as Kemendagri names it. GraphQL exposes it as a String (kept for clients). */
export enum RegionKind {
  PROVINSI = 'PROVINSI',
  KABUPATEN = 'KABUPATEN',
  KOTA = 'KOTA',
  KECAMATAN = 'KECAMATAN',
  DESA = 'DESA',
  KELURAHAN = 'KELURAHAN',
}
