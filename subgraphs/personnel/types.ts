import 'reflect-metadata';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../shared/pagination.js';
import { LocalDateScalar } from '../shared/scalars.js';

/** GraphQL types of the personnel subgraph. Field names match the entities, so entities resolve as is. */

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

@ObjectType({ description: 'An administrative region with its official Kemendagri code.' })
@Directive('@key(fields: "code")')
export class Region {
  @Field({ description: 'Kemendagri code, e.g. "12.71" (Kota Medan); nests by prefix.' })
  code!: string;

  @Field({ description: 'Official name, e.g. "Kota Medan".' })
  name!: string;

  @Field(() => RegionLevel, { description: 'Tier in the hierarchy.' })
  level!: RegionLevel;

  @Field({ description: 'Local kind: PROVINSI, KABUPATEN, KOTA, KECAMATAN, DESA or KELURAHAN.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Code of the enclosing region; null for a province.' })
  parentCode!: string | null;
}

@ObjectType({ description: 'A rank: PNS golongan/ruang (e.g. III/a Penata Muda) or PPPK golongan (I-XVII).' })
export class Rank {
  @Field({ description: 'Rank code, e.g. "III/a" or "PPPK-IX".' })
  code!: string;

  @Field(() => AsnType, { description: 'Whether the rank belongs to PNS or PPPK.' })
  asnType!: AsnType;

  @Field({ description: 'Golongan: I-IV for PNS, I-XVII for PPPK.' })
  golongan!: string;

  @Field(() => String, { nullable: true, description: 'Title of the PNS rank, e.g. "Penata Muda"; null for PPPK.' })
  title!: string | null;

  @Field(() => Int, { description: 'Order within the ASN type: higher is more senior.' })
  ordinal!: number;
}

@ObjectType({ description: 'A government agency (perangkat daerah: dinas, badan, kantor) of a region.' })
@Directive('@key(fields: "id")')
export class Agency {
  @Field(() => Int, { description: 'Agency id.' })
  id!: number;

  @Field({ description: 'Name, e.g. "Dinas Kesehatan Kota Medan".' })
  name!: string;

  @Field(() => AgencyKind, { description: 'Area of government.' })
  kind!: AgencyKind;

  @Field({ description: 'Code of the region (province or regency/city) the agency belongs to.' })
  regionCode!: string;
}

@ObjectType({ description: 'A public-service unit (unit layanan): school, Puskesmas, Dukcapil office, kecamatan office.' })
@Directive('@key(fields: "id")')
export class ServiceUnit {
  @Field(() => Int, { description: 'Service unit id.' })
  id!: number;

  @Field({ description: 'Name, e.g. "Puskesmas Kurik".' })
  name!: string;

  @Field(() => ServiceUnitKind, { description: 'Kind of unit.' })
  kind!: ServiceUnitKind;

  @Field(() => Int, { description: 'People the unit serves: the population behind its IKM survey sample.' })
  populationServed!: number;

  @Field({ description: 'Code of the district or village where the unit serves.' })
  regionCode!: string;

  @Field(() => Int, { description: 'Id of the agency the unit belongs to.' })
  agencyId!: number;
}

@ObjectType({ description: 'A rank held from its TMT date.' })
export class RankHistoryEntry {
  @Field({ description: 'Rank code, e.g. "III/b".' })
  rankCode!: string;

  @Field(() => LocalDateScalar, { description: 'TMT: the date the rank took effect (YYYY-MM-DD).' })
  tmt!: string;
}

@ObjectType({ description: 'A position held from its TMT date, with the agency and unit it was in.' })
export class PositionHistoryEntry {
  @Field({ description: 'Position title, e.g. "Perawat Ahli Pertama".' })
  title!: string;

  @Field(() => PositionKind, { description: 'Managerial or not.' })
  positionKind!: PositionKind;

  @Field(() => PositionLevel, { description: 'Position level.' })
  positionLevel!: PositionLevel;

  @Field(() => LocalDateScalar, { description: 'TMT: the date the position took effect (YYYY-MM-DD).' })
  tmt!: string;

  @Field(() => Int, { description: 'Agency of the position.' })
  agencyId!: number;

  @Field(() => Int, { nullable: true, description: 'Service unit of the position; null for agency staff.' })
  unitId!: number | null;
}

@ObjectType({ description: 'A civil servant (ASN). NIP, name and birth date are personal data (UU 27/2022).' })
@Directive('@key(fields: "id")')
export class Employee {
  @Field(() => Int, { description: 'Employee id (stable; use it to join across subgraphs).' })
  id!: number;

  @Field(() => AsnType, { description: 'PNS or PPPK.' })
  asnType!: AsnType;

  @Field(() => String, { nullable: true, description: '18-digit NIP of a PNS; null for PPPK.' })
  nip!: string | null;

  @Field(() => String, { nullable: true, description: '18-digit NI PPPK of a contract employee; null for PNS.' })
  niPppk!: string | null;

  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field(() => LocalDateScalar, { description: 'Birth date (YYYY-MM-DD).' })
  birthDate!: string;

  @Field(() => Gender, { description: 'Gender.' })
  gender!: Gender;

  @Field(() => LocalDateScalar, { description: 'TMT CPNS (or contract start for PPPK), YYYY-MM-DD.' })
  appointedOn!: string;

  @Field(() => Int, { description: 'Id of the current agency.' })
  agencyId!: number;

  @Field(() => Int, { nullable: true, description: 'Id of the current service unit; null for agency staff.' })
  unitId!: number | null;

  @Field({ description: 'Current position title (the newest position history entry).' })
  positionTitle!: string;

  @Field(() => PositionKind, { description: 'Kind of the current position.' })
  positionKind!: PositionKind;

  @Field(() => PositionLevel, { description: 'Level of the current position.' })
  positionLevel!: PositionLevel;

  rankCode!: string;
}

@ObjectType({ description: 'A mentoring relationship: a senior ASN guides a junior one (seeds 000, 003).' })
export class MentoringPair {
  @Field(() => Int, { description: 'Mentoring pair id.' })
  id!: number;

  @Field(() => LocalDateScalar, { description: 'Start date (YYYY-MM-DD).' })
  startedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End date (YYYY-MM-DD); null while ongoing.' })
  endedOn!: string | null;

  @Field({ description: 'What the mentoring is about.' })
  focus!: string;

  mentorId!: number;
  menteeId!: number;
}

@ObjectType({ description: 'One page of employees.' })
export class EmployeeConnection {
  @Field(() => [Employee], { description: 'The employees on this page, ordered by id.' })
  nodes!: Employee[];

  @Field(() => PageInfo, { description: 'Cursor to continue from.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Employees matching the filter in all pages.' })
  totalCount!: number;
}

@InputType({ description: 'Narrows an employee list; all given conditions must hold.' })
export class EmployeeFilter {
  @Field(() => AsnType, { nullable: true, description: 'Only PNS or only PPPK.' })
  asnType?: AsnType | null;

  @Field(() => String, { nullable: true, description: 'Only this current rank, e.g. "III/a".' })
  rankCode?: string | null;

  @Field(() => PositionKind, { nullable: true, description: 'Only managerial or only non-managerial positions.' })
  positionKind?: PositionKind | null;

  @Field(() => PositionLevel, { nullable: true, description: 'Only this position level.' })
  positionLevel?: PositionLevel | null;
}

@ObjectType({ description: 'A comparison of training impact across regions for one year (see Query.trainingImpact).' })
@Directive('@key(fields: "id")')
export class TrainingImpactComparison {
  @Field(() => ID, { description: 'Year and region codes, e.g. "2025:12.71,12.75".' })
  id!: string;
}
