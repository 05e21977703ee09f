import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { importRunEntity } from '../shared/import-log.js';
import {
  AgencyKind,
  AsnType,
  Gender,
  PositionKind,
  PositionLevel,
  RegionKind,
  RegionLevel,
  ServiceUnitKind,
} from './enums.js';

/** MikroORM entities of the personnel schema. Foreign keys stay plain ids: DataLoaders join. */

export const Region = defineEntity({
  name: 'Region',
  tableName: 'region',
  properties: {
    code: p.string().primary(),
    name: p.string(),
    level: p.enum(() => RegionLevel),
    kind: p.enum(() => RegionKind),
    parentCode: p.string().nullable(),
  },
});
export type Region = InferEntity<typeof Region>;

export const Rank = defineEntity({
  name: 'Rank',
  tableName: 'rank',
  properties: {
    code: p.string().primary(),
    asnType: p.enum(() => AsnType),
    ordinal: p.integer(),
    golongan: p.string(),
    title: p.string().nullable(),
  },
});
export type Rank = InferEntity<typeof Rank>;

export const Agency = defineEntity({
  name: 'Agency',
  tableName: 'agency',
  properties: {
    id: p.integer().primary(),
    code: p.string(),
    regionCode: p.string(),
    name: p.string(),
    kind: p.enum(() => AgencyKind),
  },
});
export type Agency = InferEntity<typeof Agency>;

export const ServiceUnit = defineEntity({
  name: 'ServiceUnit',
  tableName: 'service_unit',
  properties: {
    id: p.integer().primary(),
    code: p.string(),
    agencyId: p.integer(),
    regionCode: p.string(),
    name: p.string(),
    kind: p.enum(() => ServiceUnitKind),
    populationServed: p.integer(),
  },
});
export type ServiceUnit = InferEntity<typeof ServiceUnit>;

export const Employee = defineEntity({
  name: 'Employee',
  tableName: 'employee',
  properties: {
    id: p.integer().primary(),
    asnType: p.enum(() => AsnType),
    nip: p.string().nullable(),
    niPppk: p.string().nullable(),
    fullName: p.string(),
    birthDate: p.date(),
    gender: p.enum(() => Gender),
    appointedOn: p.date(),
    leftOn: p.date().nullable(),
    agencyId: p.integer(),
    unitId: p.integer().nullable(),
    rankCode: p.string(),
    positionTitle: p.string(),
    positionKind: p.enum(() => PositionKind),
    positionLevel: p.enum(() => PositionLevel),
  },
});
export type Employee = InferEntity<typeof Employee>;

export const RankHistory = defineEntity({
  name: 'RankHistory',
  tableName: 'rank_history',
  properties: {
    id: p.integer().primary(),
    employeeId: p.integer(),
    rankCode: p.string(),
    tmt: p.date(),
  },
});
export type RankHistory = InferEntity<typeof RankHistory>;

export const PositionHistory = defineEntity({
  name: 'PositionHistory',
  tableName: 'position_history',
  properties: {
    id: p.integer().primary(),
    employeeId: p.integer(),
    agencyId: p.integer(),
    unitId: p.integer().nullable(),
    title: p.string(),
    positionKind: p.enum(() => PositionKind),
    positionLevel: p.enum(() => PositionLevel),
    tmt: p.date(),
  },
});
export type PositionHistory = InferEntity<typeof PositionHistory>;

export const MentoringPair = defineEntity({
  name: 'MentoringPair',
  tableName: 'mentoring_pair',
  properties: {
    id: p.integer().primary(),
    mentorId: p.integer(),
    menteeId: p.integer(),
    startedOn: p.date(),
    endedOn: p.date().nullable(),
    focus: p.string(),
  },
});
export type MentoringPair = InferEntity<typeof MentoringPair>;

export const personnelEntities = [
  Region,
  Rank,
  Agency,
  ServiceUnit,
  Employee,
  RankHistory,
  PositionHistory,
  MentoringPair,
  importRunEntity(),
];
