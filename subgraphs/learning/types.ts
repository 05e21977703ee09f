import 'reflect-metadata';
import { Authorized, Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../shared/connection.js';
import { employeeStub, regionStub, serviceUnitStub } from '../shared/entity-stubs.js';
import { LocalDateScalar } from '../shared/scalars.js';
import { CompetencyKind, EnrolmentStatus, LearningMode, OfferingStatus, Programme } from './enums.js';

export { CompetencyKind, EnrolmentStatus, LearningMode, OfferingStatus, Programme } from './enums.js';

/** GraphQL types of the learning subgraph. */

@ObjectType({ description: 'A competency of the ASN competency standard.' })
export class Competency {
  @Field(() => Int, { description: 'Competency id.' })
  id!: number;

  @Field({ description: 'Short code, e.g. "M-INT" (Integritas).' })
  code!: string;

  @Field({ description: 'Name, e.g. "Integritas".' })
  name!: string;

  @Field(() => CompetencyKind, { description: 'Teknis, manajerial or sosial kultural.' })
  kind!: CompetencyKind;

  @Field({ description: 'What the competency means.' })
  description!: string;
}

@ObjectType({
  description: 'A partner university that co-designs training curricula with the region, as Kota Medan plans to.',
})
@Directive('@key(fields: "id")')
export class University {
  @Field(() => Int, { description: 'University id.' })
  id!: number;

  @Field({ description: 'Natural key: the university code (its short name in capitals, e.g. "USU").' })
  code!: string;

  @Field({ description: 'Name, e.g. "Universitas Sumatera Utara".' })
  name!: string;

  @Field({ description: 'Short name, e.g. "USU".' })
  shortName!: string;

  @Field({ description: 'Kemendagri code of the region of its main campus.' })
  regionCode!: string;
}

@ObjectType({ description: 'A learning outcome of a course, mapped to a competency and target level.' })
export class LearningOutcome {
  @Field(() => Int, { description: 'Learning outcome id.' })
  id!: number;

  @Field({ description: 'What participants can do after the course.' })
  statement!: string;

  @Field(() => Int, { description: 'Competency level targeted (1-5).' })
  targetLevel!: number;

  @Field(() => Int, { nullable: true, description: 'Module that teaches it, if one does.' })
  moduleId?: number | null;

  competencyId!: number;
}

@ObjectType({ description: 'One module of a course curriculum.' })
export class CourseModule {
  @Field(() => Int, { description: 'Module id.' })
  id!: number;

  @Field(() => Int, { description: 'Position in the curriculum, from 1.' })
  seq!: number;

  @Field({ description: 'Module title.' })
  title!: string;

  @Field(() => Int, { description: 'JP (45-minute training hours) of the module.' })
  jp!: number;
}

@ObjectType({ description: 'A course with its curriculum: modules, learning outcomes, JP, mode and provider.' })
export class Course {
  @Field(() => Int, { description: 'Course id.' })
  id!: number;

  @Field({ description: 'Course code.' })
  code!: string;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => Programme, { description: 'Programme the course belongs to.' })
  programme!: Programme;

  @Field(() => LearningMode, { description: 'Klasikal or nonklasikal.' })
  mode!: LearningMode;

  @Field({ description: 'Delivery form: CLASSROOM, E_LEARNING, BLENDED, COACHING, MENTORING, MAGANG, ...' })
  delivery!: string;

  @Field(() => Int, { description: 'JP (1 JP = 45 minutes) a participant earns on completion.' })
  jp!: number;

  @Field({ description: 'What the course is about.' })
  description!: string;

  universityId?: number | null;
}

@ObjectType({ description: 'A scheduled run of a course in a region: what ASN can find and sign up for.' })
@Directive('@key(fields: "id")')
export class CourseOffering {
  @Field(() => Int, { description: 'Offering id.' })
  id!: number;

  @Field({
    description: 'Natural key: course code, region, year and number ("MNJ-01-12.71-2025-02"). Enrolment files name it.',
  })
  code!: string;

  @Field({ description: 'Kemendagri code of the organising region.' })
  regionCode!: string;

  @Field(() => Int, { description: 'Fiscal year of the offering.' })
  year!: number;

  @Field(() => LocalDateScalar, { description: 'First day (YYYY-MM-DD).' })
  startsOn!: string;

  @Field(() => LocalDateScalar, { description: 'Last day (YYYY-MM-DD).' })
  endsOn!: string;

  @Field(() => Int, { description: 'Seats.' })
  capacity!: number;

  @Field({ description: 'Where it takes place (or the platform, for e-learning).' })
  venue!: string;

  @Field(() => OfferingStatus, { description: 'Planned, open, held or cancelled.' })
  status!: OfferingStatus;

  courseId!: number;
  /** The providing university's code, when a partner university provides the course (its aggregates are its own). */
  universityCode?: string | null;
}

@ObjectType({
  description:
    "An employee's participation in an offering: JP earned, tests (L2) and satisfaction (L1). Personal data: administrators of the region only.",
})
@Authorized('PERSON_LEVEL')
export class Enrolment {
  @Field(() => Int, { description: 'Enrolment id.' })
  id!: number;

  @Field(() => Int, { description: 'Year of the offering.' })
  year!: number;

  @Field(() => EnrolmentStatus, { description: 'Enrolled, completed or dropped.' })
  status!: EnrolmentStatus;

  @Field(() => Int, { description: 'JP earned: the course JP when completed, 0 otherwise.' })
  jpEarned!: number;

  @Field(() => Float, { nullable: true, description: 'Pre-test score (0-100).' })
  preTest?: number | null;

  @Field(() => Float, { nullable: true, description: 'Post-test score (0-100).' })
  postTest?: number | null;

  @Field(() => Float, { nullable: true, description: 'Participant satisfaction (1-5).' })
  satisfaction?: number | null;

  offeringId!: number;
  employeeId!: number;
  unitId?: number | null;
  /** The participant's region when trained: who may see the enrolment is decided by it. */
  regionCode!: string;
}

@ObjectType({
  description:
    "An employee's JP for one year against the annual right (at least 20 JP, PP 17/2020). Personal data: administrators of the region only.",
})
@Authorized('PERSON_LEVEL')
export class JpSummary {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Int, { description: 'JP earned in completed courses that year.' })
  jp!: number;

  @Field(() => Int, { description: 'The minimum JP the right guarantees that year.' })
  minimumJp!: number;

  @Field({ description: 'True when jp >= minimumJp.' })
  reachedMinimum!: boolean;

  @Field(() => Int, { description: 'Completed courses that year.' })
  completedCourses!: number;
}

@ObjectType({ description: 'One page of partner universities, ordered by id.' })
export class UniversityConnection extends Connection(University, 'universities') {}

@ObjectType({ description: 'One page of courses, ordered by id.' })
export class CourseConnection extends Connection(Course, 'courses') {}

@ObjectType({ description: 'One page of course offerings, ordered by id.' })
export class CourseOfferingConnection extends Connection(CourseOffering, 'offerings') {}

@ObjectType({ description: 'One page of enrolments, ordered by id.' })
export class EnrolmentConnection extends Connection(Enrolment, 'enrolments') {}

/** Entity stubs: owned by personnel, extended here with learning fields. */
export const Employee = employeeStub();
export type Employee = InstanceType<typeof Employee>;

export const Region = regionStub();
export type Region = InstanceType<typeof Region>;

export const ServiceUnit = serviceUnitStub();
export type ServiceUnit = InstanceType<typeof ServiceUnit>;
