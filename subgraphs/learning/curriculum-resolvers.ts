import 'reflect-metadata';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { loadExisting } from '../shared/loaders.js';
import { PageArgs } from '../shared/pagination.js';
import type { RequestContext } from '../shared/subgraph.js';
import * as curriculum from './curriculum-service.js';
import {
  CreateCourseInput,
  CurriculumVersion,
  CurriculumVersionConnection,
  type OfferingWithVersion,
  PublishCurriculumVersionInput,
  UpdateCourseInput,
} from './curriculum-types.js';
import type { LearningLoaders } from './loaders.js';
import { Course, CourseModule, CourseOffering, LearningOutcome } from './types.js';

type Context = RequestContext<LearningLoaders>;

@Resolver(() => CurriculumVersion)
export class CurriculumVersionResolver {
  @FieldResolver(() => Course, { description: 'The course this curriculum belongs to.' })
  course(@Root() version: CurriculumVersion, @Ctx() ctx: Context): Promise<Course> {
    return loadExisting(ctx.loaders.courseById, version.courseId, 'course');
  }

  // Plain lists, like Course.modules: a curriculum has a handful of modules and outcomes.
  @FieldResolver(() => [CourseModule], {
    description: 'The modules of this version in order; their JP add up to `jp`.',
  })
  modules(@Root() version: CurriculumVersion, @Ctx() ctx: Context): Promise<CourseModule[]> {
    return ctx.loaders.modulesByCurriculumVersion.load(version.id);
  }

  @FieldResolver(() => [LearningOutcome], {
    description: 'The learning outcomes of this version, each mapped to a competency and target level.',
  })
  learningOutcomes(@Root() version: CurriculumVersion, @Ctx() ctx: Context): Promise<LearningOutcome[]> {
    return ctx.loaders.outcomesByCurriculumVersion.load(version.id);
  }
}

@Resolver(() => Course)
export class CourseCurriculumResolver {
  @FieldResolver(() => CurriculumVersionConnection, {
    description:
      'Every published curriculum version of the course, oldest first (ordered by id), cursor-paginated. ' +
      '`modules` and `learningOutcomes` of the course are those of the latest.',
  })
  curriculumVersions(
    @Root() course: Course,
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
  ): Promise<CurriculumVersionConnection> {
    return ctx.loaders.curriculumVersionPageByCourse.load(course.id, page, null);
  }
}

@Resolver(() => CourseOffering)
export class OfferingCurriculumResolver {
  @FieldResolver(() => CurriculumVersion, {
    description: 'The curriculum version this offering ran (or will run): kept when newer versions are published.',
  })
  curriculumVersion(@Root() offering: CourseOffering, @Ctx() ctx: Context): Promise<CurriculumVersion> {
    const { curriculumVersionId } = offering as OfferingWithVersion; // service.ts selects the column; the type omits it
    return loadExisting(ctx.loaders.curriculumVersionById, curriculumVersionId, 'curriculum version');
  }
}

/**
 * The curriculum writes. `@Authorized('CURRICULUM_WRITE')` refuses roles without the capability (planners:
 * FORBIDDEN, anonymous: UNAUTHENTICATED); the service then checks the course's university against the
 * viewer's scope, validates, writes and audits in one transaction.
 */
@Resolver()
export class CurriculumMutationResolver {
  @Authorized('CURRICULUM_WRITE')
  @Mutation(() => Course, {
    description:
      'Creates a course with its first curriculum version (version 1). A partner university creates courses of its own, a ' +
      'regional administrator those of universities in its regions, a national administrator any. Audited.',
  })
  createCourse(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateCourseInput, { description: 'The course and its first curriculum.' })
    input: CreateCourseInput,
  ): Promise<Course> {
    return curriculum.createCourse(ctx.em, ctx.viewer, input);
  }

  @Authorized('CURRICULUM_WRITE')
  @Mutation(() => Course, {
    description:
      "Changes a course's title, description, programme, mode or delivery (who may: as `createCourse`, by the course's " +
      'university). Audited with the fields before and after; giving the same values again changes nothing.',
  })
  updateCourse(
    @Ctx() ctx: Context,
    @Arg('code', { description: 'Code of the course to change.' }) code: string,
    @Arg('input', () => UpdateCourseInput, { description: 'The fields to change.' }) input: UpdateCourseInput,
  ): Promise<Course> {
    return curriculum.updateCourse(ctx.em, ctx.viewer, code, input);
  }

  @Authorized('CURRICULUM_WRITE')
  @Mutation(() => CurriculumVersion, {
    description:
      'Publishes the next curriculum version of a course: it becomes the current curriculum, while earlier versions and ' +
      'the offerings that ran them stay unchanged. Audited with the previous version as `before`.',
  })
  publishCurriculumVersion(
    @Ctx() ctx: Context,
    @Arg('courseCode', { description: 'Code of the course.' }) courseCode: string,
    @Arg('input', () => PublishCurriculumVersionInput, { description: 'The new curriculum.' })
    input: PublishCurriculumVersionInput,
  ): Promise<CurriculumVersion> {
    return curriculum.publishCurriculumVersion(ctx.em, ctx.viewer, courseCode, input);
  }
}
