import { type EnumValue, enumOf, graphqlEnum } from '../shared/enums.js';

/**
 * The enumerations of the learning subgraph, each written once: the GraphQL types and the MikroORM
 * entities (`p.enum(() => X)`) use these; test/entities.test.ts checks them against the CHECK constraints
 * of the migrations. The value lists look alike to a duplicate finder: they are data, one value a line.
 */

export const CompetencyKind = graphqlEnum('CompetencyKind', 'Competency kinds of PermenPANRB 38/2017.', {
  TEKNIS: 'Technical competency of a position.',
  MANAJERIAL: 'Managerial competency (Integritas, Kerja Sama, Komunikasi, ...).',
  SOSIAL_KULTURAL: 'Socio-cultural competency (Perekat Bangsa).',
});
export type CompetencyKind = EnumValue<typeof CompetencyKind>;

export const Programme = graphqlEnum('Programme', 'Training programme.', {
  LATSAR: 'Latihan Dasar CPNS (basic training, PerLAN 1/2021).',
  PKP: 'Pelatihan Kepemimpinan Pengawas (supervisors).',
  PKA: 'Pelatihan Kepemimpinan Administrator.',
  PKN: 'Pelatihan Kepemimpinan Nasional (senior leaders).',
  TEKNIS: 'Technical training.',
  FUNGSIONAL: 'Training for functional positions.',
});
export type Programme = EnumValue<typeof Programme>;

export const LearningMode = graphqlEnum('LearningMode', 'Classroom (klasikal) or not (nonklasikal), PerLAN 10/2018.', {
  KLASIKAL: 'Classroom training.',
  NONKLASIKAL: 'E-learning, coaching, mentoring, internship and other forms.',
});
export type LearningMode = EnumValue<typeof LearningMode>;

export const OfferingStatus = graphqlEnum('OfferingStatus', 'Lifecycle of a course offering.', {
  PLANNED: 'Scheduled, not yet open for enrolment.',
  OPEN: 'Open for enrolment.',
  HELD: 'Took place.',
  CANCELLED: 'Did not take place; its budget stays unspent.',
});
export type OfferingStatus = EnumValue<typeof OfferingStatus>;

export const EnrolmentStatus = graphqlEnum('EnrolmentStatus', 'Whether the participant finished the course.', {
  ENROLLED: 'Signed up, not finished (yet).',
  COMPLETED: 'Finished: the course JP are earned.',
  DROPPED: 'Left before the end: no JP earned.',
});
export type EnrolmentStatus = EnumValue<typeof EnrolmentStatus>;

/** How a course is delivered (PerLAN 10/2018). GraphQL exposes it as a String (kept for clients). */
export const Delivery = enumOf(
  'CLASSROOM',
  'E_LEARNING',
  'BLENDED',
  'COACHING',
  'MENTORING',
  'MAGANG',
  'BENCHMARKING',
  'DISTANCE_LEARNING',
  'SELF_LEARNING',
  'DETASERING',
);
export type Delivery = EnumValue<typeof Delivery>;
