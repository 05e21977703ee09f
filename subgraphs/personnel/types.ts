import 'reflect-metadata';
import { ArgsType, Authorized, Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../shared/connection.js';
import { PageArgs } from '../shared/pagination.js';
import { LocalDateScalar } from '../shared/scalars.js';
import { AgencyKind, AsnType, Gender, PositionKind, PositionLevel, RegionLevel, ServiceUnitKind } from './enums.js';

export { AgencyKind, AsnType, Gender, PositionKind, PositionLevel, RegionLevel, ServiceUnitKind } from './enums.js';

/** GraphQL types of the personnel subgraph. Field names match the entities, so entities resolve as is. */

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
  parentCode?: string | null;
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
  title?: string | null;

  @Field(() => Int, { description: 'Order within the ASN type: higher is more senior.' })
  ordinal!: number;
}

@ObjectType({ description: 'A government agency (perangkat daerah: dinas, badan, kantor) of a region.' })
@Directive('@key(fields: "id")')
export class Agency {
  @Field(() => Int, { description: 'Agency id.' })
  id!: number;

  @Field({
    description:
      'Natural key: SIPD-style organisation code (region, urusan/bidang, number: "12.71-1.02.01"). Imports name agencies by it.',
  })
  code!: string;

  @Field({ description: 'Name, e.g. "Dinas Kesehatan Kota Medan".' })
  name!: string;

  @Field(() => AgencyKind, { description: 'Area of government.' })
  kind!: AgencyKind;

  @Field({ description: 'Code of the region (province or regency/city) the agency belongs to.' })
  regionCode!: string;
}

@ObjectType({
  description: 'A public-service unit (unit layanan): school, Puskesmas, Dukcapil office, kecamatan office.',
})
@Directive('@key(fields: "id")')
export class ServiceUnit {
  @Field(() => Int, { description: 'Service unit id.' })
  id!: number;

  @Field({
    description:
      'Natural key: the NPSN of a school, the Puskesmas code, or a region-scoped unit code ("12.71.01-DKC-01"). Imports name units by it.',
  })
  code!: string;

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

@ObjectType({ description: 'A rank held from its TMT date. Personal data.' })
@Authorized('PERSON_LEVEL')
export class RankHistoryEntry {
  @Field({ description: 'Rank code, e.g. "III/b".' })
  rankCode!: string;

  @Field(() => LocalDateScalar, { description: 'TMT: the date the rank took effect (YYYY-MM-DD).' })
  tmt!: string;
}

@ObjectType({ description: 'A position held from its TMT date, with the agency and unit it was in. Personal data.' })
@Authorized('PERSON_LEVEL')
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
  unitId?: number | null;
}

@ObjectType({
  description:
    'A civil servant (ASN). Every field is personal data (UU 27/2022): only administrators of the region the employee works in see it.',
})
@Directive('@key(fields: "id")')
@Authorized('PERSON_LEVEL')
export class Employee {
  @Field(() => Int, { description: 'Employee id (stable; use it to join across subgraphs).' })
  id!: number;

  @Field(() => AsnType, { description: 'PNS or PPPK.' })
  asnType!: AsnType;

  @Field(() => String, { nullable: true, description: '18-digit NIP of a PNS; null for PPPK.' })
  nip?: string | null;

  @Field(() => String, { nullable: true, description: '18-digit NI PPPK of a contract employee; null for PNS.' })
  niPppk?: string | null;

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
  unitId?: number | null;

  @Field({ description: 'Current position title (the newest position history entry).' })
  positionTitle!: string;

  @Field(() => PositionKind, { description: 'Kind of the current position.' })
  positionKind!: PositionKind;

  @Field(() => PositionLevel, { description: 'Level of the current position.' })
  positionLevel!: PositionLevel;

  @Field({
    description:
      'Kemendagri code of the region the employee works in: the service unit’s, or the agency’s for agency staff. Access to the employee is decided by it.',
  })
  regionCode!: string;

  rankCode!: string;
}

@ObjectType({
  description:
    'A mentoring relationship: a senior ASN guides a junior one, as practised in Kota Medan and in Salor (Merauke). Personal data.',
})
@Authorized('PERSON_LEVEL')
export class MentoringPair {
  @Field(() => Int, { description: 'Mentoring pair id.' })
  id!: number;

  @Field(() => LocalDateScalar, { description: 'Start date (YYYY-MM-DD).' })
  startedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End date (YYYY-MM-DD); null while ongoing.' })
  endedOn?: string | null;

  @Field({ description: 'What the mentoring is about.' })
  focus!: string;

  mentorId!: number;
  menteeId!: number;
}

@ObjectType({ description: 'One page of employees, ordered by id.' })
export class EmployeeConnection extends Connection(Employee, 'employees') {}

@ObjectType({ description: 'One page of regions, ordered by code.' })
export class RegionConnection extends Connection(Region, 'regions') {}

@ObjectType({ description: 'One page of agencies, ordered by id.' })
export class AgencyConnection extends Connection(Agency, 'agencies') {}

@ObjectType({ description: 'One page of service units, ordered by id.' })
export class ServiceUnitConnection extends Connection(ServiceUnit, 'service units') {}

@ObjectType({ description: 'One page of rank history entries, in the order they were recorded (oldest first).' })
export class RankHistoryConnection extends Connection(RankHistoryEntry, 'rank history entries') {}

@ObjectType({ description: 'One page of position history entries, in the order they were recorded (oldest first).' })
export class PositionHistoryConnection extends Connection(PositionHistoryEntry, 'position history entries') {}

@ObjectType({ description: 'One page of mentoring pairs, ordered by id.' })
export class MentoringPairConnection extends Connection(MentoringPair, 'mentoring pairs') {}

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

/** The arguments of every employee list: a page and the conditions on its employees. */
@ArgsType()
export class EmployeePageArgs extends PageArgs {
  @Field(() => EmployeeFilter, { nullable: true, description: 'Conditions on the employees.' })
  filter?: EmployeeFilter | null;
}
