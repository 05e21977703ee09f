import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

/**
 * The enumerations of the learning subgraph, each written once: the GraphQL types and the MikroORM
 * entities (`p.enum(() => X)`) use these; test/entities.test.ts checks them against the CHECK constraints
 * of the migrations.
 */

export enum CompetencyKind {
  TEKNIS = 'TEKNIS',
  MANAJERIAL = 'MANAJERIAL',
  SOSIAL_KULTURAL = 'SOSIAL_KULTURAL',
}
registerEnumType(CompetencyKind, { name: 'CompetencyKind', description: 'Competency kinds of PermenPANRB 38/2017.' });

export enum Programme {
  LATSAR = 'LATSAR',
  PKP = 'PKP',
  PKA = 'PKA',
  PKN = 'PKN',
  TEKNIS = 'TEKNIS',
  FUNGSIONAL = 'FUNGSIONAL',
}
registerEnumType(Programme, {
  name: 'Programme',
  description: 'Training programme.',
  valuesConfig: {
    LATSAR: { description: 'Latihan Dasar CPNS (basic training, PerLAN 1/2021).' },
    PKP: { description: 'Pelatihan Kepemimpinan Pengawas (supervisors).' },
    PKA: { description: 'Pelatihan Kepemimpinan Administrator.' },
    PKN: { description: 'Pelatihan Kepemimpinan Nasional (senior leaders).' },
    TEKNIS: { description: 'Technical training.' },
    FUNGSIONAL: { description: 'Training for functional positions.' },
  },
});

export enum LearningMode {
  KLASIKAL = 'KLASIKAL',
  NONKLASIKAL = 'NONKLASIKAL',
}
registerEnumType(LearningMode, { name: 'LearningMode', description: 'Classroom (klasikal) or not (nonklasikal), PerLAN 10/2018.' });

export enum OfferingStatus {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OfferingStatus, { name: 'OfferingStatus', description: 'Lifecycle of a course offering.' });

export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED',
  COMPLETED = 'COMPLETED',
  DROPPED = 'DROPPED',
}
registerEnumType(EnrolmentStatus, { name: 'EnrolmentStatus', description: 'Whether the participant finished the course.' });

/** How a course is delivered. GraphQL exposes it as a String (kept for clients). */
export enum Delivery {
  CLASSROOM = 'CLASSROOM',
  E_LEARNING = 'E_LEARNING',
  BLENDED = 'BLENDED',
  COACHING = 'COACHING',
  MENTORING = 'MENTORING',
  MAGANG = 'MAGANG',
  BENCHMARKING = 'BENCHMARKING',
  DISTANCE_LEARNING = 'DISTANCE_LEARNING',
  SELF_LEARNING = 'SELF_LEARNING',
  DETASERING = 'DETASERING',
}
