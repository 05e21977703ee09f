import 'reflect-metadata';
import { Authorized, Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../shared/connection.js';
import { LearningMode, Programme } from './enums.js';
import type { CourseOffering } from './types.js';

/** GraphQL types of curriculum versions and of the curriculum writes (inputs). */

@ObjectType({
  description:
    'A published curriculum of a course: its modules and learning outcomes as they were published. A version is never ' +
    "changed: a new one is published instead, and each offering keeps the version it ran. The latest is the course's current curriculum.",
})
export class CurriculumVersion {
  @Field(() => Int, { description: 'Curriculum version id.' })
  id!: number;

  @Field(() => Int, { description: 'Version number within the course: 1, 2, ...' })
  version!: number;

  @Field(() => Date, { description: 'When the version was published.' })
  publishedAt!: string; // RFC 3339 text (curriculum-service.ts), which the DateTimeISO scalar serializes

  @Authorized('CURRICULUM_WRITE')
  @Field(() => String, {
    nullable: true,
    description:
      'Who published it (the credential subject: token `sub` or API key id); null for versions loaded by the tooling. ' +
      'Visible to the roles that may write curricula.',
  })
  publishedBy!: string | null;

  @Field({ description: 'What changed in this version and why, as the publisher wrote it.' })
  note!: string;

  @Field(() => Int, {
    description: 'JP of the version: the sum of its module JP (the course JP while it was current).',
  })
  jp!: number;

  @Field({ description: "True for the latest version: the course's current curriculum." })
  current!: boolean;

  courseId!: number;
  /** The course's partner university (code and region), the target of access checks on this version. */
  universityCode!: string | null;
  regionCode!: string | null;
}

@ObjectType({ description: 'One page of curriculum versions, ordered by id (oldest version first).' })
export class CurriculumVersionConnection extends Connection(CurriculumVersion, 'curriculum versions') {}

/** An offering as the curriculum resolvers read it: with the version it ran. */
export type OfferingWithVersion = CourseOffering & { curriculumVersionId: number };

@InputType({ description: 'A learning outcome of a curriculum version, mapped to a competency and target level.' })
export class LearningOutcomeInput {
  @Field({ description: 'What participants can do after the course (1-500 characters).' })
  statement!: string;

  @Field({ description: 'Code of the competency it develops, as in `competencies` (e.g. "MNJ-01").' })
  competencyCode!: string;

  @Field(() => Int, { description: 'Competency level targeted, 1 to 5.' })
  targetLevel!: number;
}

@InputType({ description: 'One module of a curriculum version.' })
export class CourseModuleInput {
  @Field(() => Int, { description: 'Position in the curriculum: the n modules are numbered 1 to n, each once.' })
  seq!: number;

  @Field({ description: 'Module title (1-200 characters).' })
  title!: string;

  @Field(() => Int, { description: 'JP (45-minute training hours) of the module, at least 1.' })
  jp!: number;

  @Field(() => [LearningOutcomeInput], {
    nullable: true,
    description: 'Learning outcomes this module teaches (default none).',
  })
  outcomes?: LearningOutcomeInput[] | null;
}

@InputType({
  description:
    'A curriculum: its modules (whose JP add up to the course JP) and learning outcomes (at least one in all, at most 100).',
})
export class CurriculumInput {
  @Field({ description: 'What this version is and why it was made (1-1000 characters); kept with the version.' })
  note!: string;

  @Field(() => [CourseModuleInput], { description: 'The modules, 1 to 50, numbered 1 to n by `seq`.' })
  modules!: CourseModuleInput[];

  @Field(() => [LearningOutcomeInput], {
    nullable: true,
    description: 'Learning outcomes of the whole course, taught by no single module (default none).',
  })
  outcomes?: LearningOutcomeInput[] | null;
}

@InputType({ description: 'The next curriculum version of a course.' })
export class PublishCurriculumVersionInput extends CurriculumInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'The course JP from this version on (1-1000), when it changes; default the current course JP. The module JP must add up to it.',
  })
  jp?: number | null;
}

@InputType({ description: 'A new course with its first curriculum version.' })
export class CreateCourseInput {
  @Field({
    description: 'Course code, unique: upper-case letters, digits, ".", "_" or "-" (at most 40), e.g. "TKN-DIGI-2".',
  })
  code!: string;

  @Field({ description: 'Title (1-200 characters).' })
  title!: string;

  @Field(() => Programme, { description: 'Programme the course belongs to.' })
  programme!: Programme;

  @Field(() => LearningMode, { description: 'Klasikal or nonklasikal; must fit the delivery.' })
  mode!: LearningMode;

  @Field({
    description:
      'Delivery form: CLASSROOM (klasikal), BLENDED (either mode), or a nonklasikal form: E_LEARNING, COACHING, MENTORING, ' +
      'MAGANG, BENCHMARKING, DISTANCE_LEARNING, SELF_LEARNING, DETASERING.',
  })
  delivery!: string;

  @Field(() => Int, { description: 'Course JP (1-1000): the module JP of the curriculum must add up to it.' })
  jp!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Code of the providing partner university (`University.code`, e.g. "UNIMED"). A partner university may name only its ' +
      'own, a regional administrator one in its regions; without one (a course of no partner university) only a national administrator may create it.',
  })
  universityCode?: string | null;

  @Field({ description: 'What the course is about (1-2000 characters).' })
  description!: string;

  @Field(() => CurriculumInput, { description: 'The first curriculum version (version 1).' })
  curriculum!: CurriculumInput;
}

@InputType({
  description:
    'Changes to a course; fields left out (or null) stay as they are. The code and the provider do not change; the JP changes ' +
    'with a new curriculum version (`publishCurriculumVersion`).',
})
export class UpdateCourseInput {
  @Field(() => String, { nullable: true, description: 'New title (1-200 characters).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description (1-2000 characters).' })
  description?: string | null;

  @Field(() => Programme, { nullable: true, description: 'New programme.' })
  programme?: Programme | null;

  @Field(() => LearningMode, { nullable: true, description: 'New mode; must fit the delivery.' })
  mode?: LearningMode | null;

  @Field(() => String, { nullable: true, description: 'New delivery form (see `CreateCourseInput.delivery`).' })
  delivery?: string | null;
}
