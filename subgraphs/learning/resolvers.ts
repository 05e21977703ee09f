import 'reflect-metadata';
import { Arg, Args, Authorized, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { assertRegionScope } from '../shared/access.js';
import { WHOLE_LIST } from '../shared/connection.js';
import { loadExisting } from '../shared/loaders.js';
import { PageArgs } from '../shared/pagination.js';
import { validateRegionCode } from '../shared/regions.js';
import type { RequestContext } from '../shared/subgraph.js';
import { validateYear } from '../shared/validation.js';
import type { LearningLoaders } from './loaders.js';
import { listCompetencies, type VisibleOfferingStats, visibleOfferingStats } from './service.js';
import {
  Competency,
  CompetencyKind,
  Course,
  CourseConnection,
  CourseModule,
  CourseOffering,
  CourseOfferingConnection,
  Employee,
  Enrolment,
  EnrolmentConnection,
  JpSummary,
  LearningMode,
  LearningOutcome,
  OfferingStatus,
  Programme,
  Region,
  ServiceUnit,
  University,
  UniversityConnection,
} from './types.js';

type Context = RequestContext<LearningLoaders>;

async function offeringStats(offering: CourseOffering, ctx: Context): Promise<VisibleOfferingStats> {
  return visibleOfferingStats(ctx.viewer, offering, await ctx.loaders.offeringStatsById.load(offering.id));
}

@Resolver(() => Competency)
export class CompetencyResolver {
  // A plain list: the catalogue is reference data of the ASN competency standard (a few dozen rows,
  // changed by regulation, not by use), so it cannot grow with the data the platform collects.
  @Query(() => [Competency], { description: 'The competency catalogue, optionally of one kind.' })
  competencies(
    @Ctx() ctx: Context,
    @Arg('kind', () => CompetencyKind, { nullable: true, description: 'Only this kind.' }) kind?: CompetencyKind | null,
  ): Promise<Competency[]> {
    return listCompetencies(ctx.em, kind);
  }
}

@Resolver(() => University)
export class UniversityResolver {
  @Query(() => UniversityConnection, { description: 'Partner universities, ordered by id, cursor-paginated.' })
  universities(@Ctx() ctx: Context, @Args() page: PageArgs): Promise<UniversityConnection> {
    return ctx.loaders.universityPage.load(WHOLE_LIST, page, null);
  }

  @FieldResolver(() => CourseConnection, {
    description: 'Courses this university provides, ordered by id, cursor-paginated.',
  })
  courses(@Root() university: University, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<CourseConnection> {
    return ctx.loaders.coursePageByUniversity.load(university.id, page, null);
  }

  @FieldResolver(() => Region, { description: 'Region of the main campus.' })
  region(@Root() university: University): Region {
    return { code: university.regionCode };
  }
}

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => CourseConnection, {
    description: 'Courses, optionally by programme, mode or providing university; ordered by id, cursor-paginated.',
  })
  courses(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('programme', () => Programme, { nullable: true, description: 'Only this programme.' })
    programme?: Programme | null,
    @Arg('mode', () => LearningMode, { nullable: true, description: 'Only klasikal or only nonklasikal.' })
    mode?: LearningMode | null,
    @Arg('universityId', () => Int, { nullable: true, description: 'Only courses of this university.' }) universityId?:
      | number
      | null,
  ): Promise<CourseConnection> {
    const filter = { programme: programme ?? null, mode: mode ?? null, universityId: universityId ?? null };
    return ctx.loaders.coursePage.load(WHOLE_LIST, page, filter);
  }

  @Query(() => Course, { nullable: true, description: 'One course by id.' })
  course(@Ctx() ctx: Context, @Arg('id', () => Int, { description: 'Course id.' }) id: number): Promise<Course | null> {
    return ctx.loaders.courseById.load(id);
  }

  @FieldResolver(() => University, { nullable: true, description: 'Partner university providing the course, if any.' })
  async provider(@Root() course: Course, @Ctx() ctx: Context): Promise<University | null> {
    return course.universityId == null ? null : await ctx.loaders.universityById.load(course.universityId);
  }

  // Modules and learning outcomes stay plain lists: a curriculum has a handful of each, fixed when the
  // course is designed, so their length does not grow with enrolments, offerings or years.
  @FieldResolver(() => [CourseModule], {
    description: 'Curriculum modules in order; their JP add up to the course JP.',
  })
  modules(@Root() course: Course, @Ctx() ctx: Context): Promise<CourseModule[]> {
    return ctx.loaders.modulesByCourse.load(course.id);
  }

  @FieldResolver(() => [LearningOutcome], { description: 'Learning outcomes, each mapped to a competency.' })
  learningOutcomes(@Root() course: Course, @Ctx() ctx: Context): Promise<LearningOutcome[]> {
    return ctx.loaders.outcomesByCourse.load(course.id);
  }

  @FieldResolver(() => CourseOfferingConnection, {
    description: 'Offerings of the course, optionally in one year; ordered by id, cursor-paginated.',
  })
  offerings(
    @Root() course: Course,
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('year', () => Int, { nullable: true, description: 'Only offerings of this year.' }) year?: number | null,
  ): Promise<CourseOfferingConnection> {
    return ctx.loaders.offeringPageByCourse.load(course.id, page, year == null ? null : validateYear(year));
  }
}

@Resolver(() => LearningOutcome)
export class LearningOutcomeResolver {
  @FieldResolver(() => Competency, { description: 'The competency the outcome develops.' })
  competency(@Root() outcome: LearningOutcome, @Ctx() ctx: Context): Promise<Competency> {
    return loadExisting(ctx.loaders.competencyById, outcome.competencyId, 'competency');
  }
}

@Resolver(() => CourseOffering)
export class CourseOfferingResolver {
  @Query(() => CourseOfferingConnection, {
    description:
      'The offering catalogue of a region for a year: offerings organised in the region or inside it, and those of the regions enclosing it; ' +
      'ordered by id, cursor-paginated.',
  })
  offeringCatalogue(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('regionCode', { description: 'Kemendagri code of the region whose ASN look for training.' })
    regionCode: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('statuses', () => [OfferingStatus], { nullable: true, description: 'Only these statuses (default: all).' })
    statuses?: OfferingStatus[] | null,
  ): Promise<CourseOfferingConnection> {
    return ctx.loaders.offeringPageByRegion.load(validateRegionCode(regionCode), page, {
      year: validateYear(year),
      statuses: statuses ?? null,
    });
  }

  @Query(() => CourseOffering, { nullable: true, description: 'One offering by id.' })
  courseOffering(
    @Ctx() ctx: Context,
    @Arg('id', () => Int, { description: 'Offering id.' }) id: number,
  ): Promise<CourseOffering | null> {
    return ctx.loaders.offeringById.load(id);
  }

  @FieldResolver(() => Course, { description: 'The course offered.' })
  course(@Root() offering: CourseOffering, @Ctx() ctx: Context): Promise<Course> {
    return loadExisting(ctx.loaders.courseById, offering.courseId, 'course');
  }

  @FieldResolver(() => Region, { description: 'The organising region.' })
  region(@Root() offering: CourseOffering): Region {
    return { code: offering.regionCode };
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Employees enrolled (any status): an aggregate for planners, administrators and the providing university; null when withheld: 1 to 4 people, for a viewer without person-level access to the organising region (see suppressedReason).',
  })
  @Authorized('AGGREGATE')
  async participantCount(@Root() offering: CourseOffering, @Ctx() ctx: Context): Promise<number | null> {
    return (await offeringStats(offering, ctx)).participantCount;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'JP earned by all participants together; null when withheld with participantCount.',
  })
  @Authorized('AGGREGATE')
  async jpDelivered(@Root() offering: CourseOffering, @Ctx() ctx: Context): Promise<number | null> {
    return (await offeringStats(offering, ctx)).jpDelivered;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Which of participantCount and jpDelivered are withheld and why (small-cell suppression, docs/access.md); null when none is.',
  })
  @Authorized('AGGREGATE')
  async suppressedReason(@Root() offering: CourseOffering, @Ctx() ctx: Context): Promise<string | null> {
    return (await offeringStats(offering, ctx)).suppressedReason;
  }

  @FieldResolver(() => EnrolmentConnection, {
    nullable: true,
    description:
      'Enrolments in this offering, ordered by id, cursor-paginated. Personal data: administrators of the region only; only enrolments of people in their regions are listed.',
  })
  @Authorized('PERSON_LEVEL')
  enrolments(
    @Root() offering: CourseOffering,
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
  ): Promise<EnrolmentConnection> {
    return ctx.loaders.enrolmentPageByOffering.load(offering.id, page, null);
  }
}

@Resolver(() => Enrolment)
@Authorized('PERSON_LEVEL')
export class EnrolmentResolver {
  @FieldResolver(() => CourseOffering, { description: 'The offering attended.' })
  offering(@Root() enrolment: Enrolment, @Ctx() ctx: Context): Promise<CourseOffering> {
    return loadExisting(ctx.loaders.offeringById, enrolment.offeringId, 'offering');
  }

  @FieldResolver(() => Employee, { description: 'The participant.' })
  employee(@Root() enrolment: Enrolment): Employee {
    return { id: enrolment.employeeId };
  }

  @FieldResolver(() => ServiceUnit, { nullable: true, description: 'The unit the participant worked in when trained.' })
  unit(@Root() enrolment: Enrolment): ServiceUnit | null {
    return enrolment.unitId == null ? null : { id: enrolment.unitId };
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Post-test minus pre-test (Kirkpatrick L2).' })
  testGain(@Root() enrolment: Enrolment): number | null {
    return enrolment.preTest == null || enrolment.postTest == null
      ? null
      : Number(enrolment.postTest) - Number(enrolment.preTest);
  }
}

/** An employee's training record is personal data: its rows are limited to the viewer's regions in SQL. */
@Resolver(() => Employee)
@Authorized('PERSON_LEVEL')
export class EmployeeLearningResolver {
  @FieldResolver(() => EnrolmentConnection, {
    nullable: true,
    description: 'Training attended, optionally in one year; ordered by id, cursor-paginated.',
  })
  enrolments(
    @Root() employee: Employee,
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number | null,
  ): Promise<EnrolmentConnection> {
    return ctx.loaders.enrolmentPageByEmployee.load(employee.id, page, year == null ? null : validateYear(year));
  }

  @FieldResolver(() => JpSummary, {
    nullable: true,
    description: 'JP earned in a year and whether the 20 JP right was reached.',
  })
  async jp(
    @Root() employee: Employee,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
  ): Promise<JpSummary> {
    const row = await ctx.loaders.jpByEmployee.load({ id: employee.id, year: validateYear(year) });
    // A total over enrolments outside the viewer's regions is refused by region, not silently shrunk.
    assertRegionScope(ctx.viewer, row.regionCodes, 'PERSON_LEVEL');
    return { ...row, reachedMinimum: row.jp >= row.minimumJp };
  }
}

@Resolver(() => Region)
export class RegionLearningResolver {
  @FieldResolver(() => CourseOfferingConnection, {
    description: 'The offering catalogue open to ASN of this region in a year, ordered by id, cursor-paginated.',
  })
  offerings(
    @Root() region: Region,
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
  ): Promise<CourseOfferingConnection> {
    return ctx.loaders.offeringPageByRegion.load(region.code, page, { year: validateYear(year), statuses: null });
  }
}
