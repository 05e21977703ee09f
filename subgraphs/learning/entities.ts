import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { importRunEntity } from '../shared/import-log.js';
import { CompetencyKind, Delivery, EnrolmentStatus, LearningMode, OfferingStatus, Programme } from './enums.js';

/** MikroORM entities of the learning schema. Employee, unit, agency and region ids point into personnel. */

export const Competency = defineEntity({
  name: 'Competency',
  tableName: 'competency',
  properties: {
    id: p.integer().primary(),
    code: p.string(),
    name: p.string(),
    kind: p.enum(() => CompetencyKind),
    description: p.string(),
  },
});
export type Competency = InferEntity<typeof Competency>;

export const University = defineEntity({
  name: 'University',
  tableName: 'university',
  properties: {
    id: p.integer().primary(),
    code: p.string(),
    name: p.string(),
    shortName: p.string(),
    regionCode: p.string(),
  },
});
export type University = InferEntity<typeof University>;

export const Course = defineEntity({
  name: 'Course',
  tableName: 'course',
  properties: {
    id: p.integer().primary(),
    code: p.string(),
    title: p.string(),
    programme: p.enum(() => Programme),
    mode: p.enum(() => LearningMode),
    delivery: p.enum(() => Delivery),
    jp: p.integer(),
    universityId: p.integer().nullable(),
    description: p.string(),
  },
});
export type Course = InferEntity<typeof Course>;

/** A published curriculum of a course (its modules and outcomes); never changed once published. */
export const CurriculumVersion = defineEntity({
  name: 'CurriculumVersion',
  tableName: 'curriculum_version',
  properties: {
    id: p.integer().primary(),
    courseId: p.integer(),
    version: p.integer(),
    publishedAt: p.datetime(),
    publishedBy: p.string().nullable(),
    note: p.string(),
  },
});
export type CurriculumVersion = InferEntity<typeof CurriculumVersion>;

export const CourseModule = defineEntity({
  name: 'CourseModule',
  tableName: 'course_module',
  properties: {
    id: p.integer().primary(),
    courseId: p.integer(),
    curriculumVersionId: p.integer(),
    seq: p.integer(),
    title: p.string(),
    jp: p.integer(),
  },
});
export type CourseModule = InferEntity<typeof CourseModule>;

export const LearningOutcome = defineEntity({
  name: 'LearningOutcome',
  tableName: 'learning_outcome',
  properties: {
    id: p.integer().primary(),
    courseId: p.integer(),
    curriculumVersionId: p.integer(),
    moduleId: p.integer().nullable(),
    statement: p.string(),
    competencyId: p.integer(),
    targetLevel: p.integer(),
  },
});
export type LearningOutcome = InferEntity<typeof LearningOutcome>;

export const CourseOffering = defineEntity({
  name: 'CourseOffering',
  tableName: 'course_offering',
  properties: {
    id: p.integer().primary(),
    code: p.string(),
    courseId: p.integer(),
    curriculumVersionId: p.integer(),
    regionCode: p.string(),
    year: p.integer(),
    startsOn: p.date(),
    endsOn: p.date(),
    capacity: p.integer(),
    venue: p.string(),
    status: p.enum(() => OfferingStatus),
  },
});
export type CourseOffering = InferEntity<typeof CourseOffering>;

export const Enrolment = defineEntity({
  name: 'Enrolment',
  tableName: 'enrolment',
  properties: {
    id: p.integer().primary(),
    offeringId: p.integer(),
    employeeId: p.integer(),
    year: p.integer(),
    agencyId: p.integer(),
    unitId: p.integer().nullable(),
    regionCode: p.string(),
    status: p.enum(() => EnrolmentStatus),
    jpEarned: p.integer(),
    preTest: p.decimal('number').nullable(),
    postTest: p.decimal('number').nullable(),
    satisfaction: p.decimal('number').nullable(),
  },
});
export type Enrolment = InferEntity<typeof Enrolment>;

export const learningEntities = [
  Competency,
  University,
  Course,
  CurriculumVersion,
  CourseModule,
  LearningOutcome,
  CourseOffering,
  Enrolment,
  importRunEntity(),
];
