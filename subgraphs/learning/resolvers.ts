import 'reflect-metadata';
import { Arg, Ctx, Directive, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { validateYear } from '../shared/validation.js';
import { parseImpactKey } from '../shared/impact-key.js';
import type { RequestContext } from '../shared/subgraph.js';
import type { LearningLoaders } from './loaders.js';
import {
  learningOfRegions,
  listCompetencies,
  listCourses,
  listUniversities,
  offeringCatalogue,
  trainingOfUnits,
} from './service.js';
import { RegionLearning, UnitTraining } from '../shared/federation-types.js';
import { Competency, CompetencyKind, Course, CourseModule, CourseOffering, Employee, Enrolment, JpSummary, LearningMode, LearningOutcome, OfferingStatus, Programme, Region, ServiceUnit, TrainingImpactComparison, University } from './types.js';

type Context = RequestContext<LearningLoaders>;

// Entities and GraphQL classes share field names; enum-typed fields hold the same strings.
const asGraphql = <T>(value: unknown): T => value as T;


@Resolver(() => Competency)
export class CompetencyResolver {
  @Query(() => [Competency], { description: 'The competency catalogue, optionally of one kind.' })
  async competencies(
    @Ctx() ctx: Context,
    @Arg('kind', () => CompetencyKind, { nullable: true, description: 'Only this kind.' }) kind?: CompetencyKind | null,
  ): Promise<Competency[]> {
    return asGraphql(await listCompetencies(ctx.em, kind));
  }
}

@Resolver(() => University)
export class UniversityResolver {
  @Query(() => [University], { description: 'Partner universities.' })
  async universities(@Ctx() ctx: Context): Promise<University[]> {
    return asGraphql(await listUniversities(ctx.em));
  }

  @FieldResolver(() => [Course], { description: 'Courses this university provides.' })
  async courses(@Root() university: University, @Ctx() ctx: Context): Promise<Course[]> {
    return asGraphql(await ctx.loaders.coursesOfUniversity.load(university.id));
  }

  @FieldResolver(() => Region, { description: 'Region of the main campus.' })
  region(@Root() university: University): Region {
    return { code: university.regionCode };
  }
}

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => [Course], { description: 'Courses, optionally by programme, mode or providing university.' })
  async courses(
    @Ctx() ctx: Context,
    @Arg('programme', () => Programme, { nullable: true, description: 'Only this programme.' }) programme?: Programme | null,
    @Arg('mode', () => LearningMode, { nullable: true, description: 'Only klasikal or only nonklasikal.' }) mode?: LearningMode | null,
    @Arg('universityId', () => Int, { nullable: true, description: 'Only courses of this university.' }) universityId?: number | null,
  ): Promise<Course[]> {
    return asGraphql(await listCourses(ctx.em, { programme, mode, universityId }));
  }

  @Query(() => Course, { nullable: true, description: 'One course by id.' })
  async course(@Ctx() ctx: Context, @Arg('id', () => Int, { description: 'Course id.' }) id: number): Promise<Course | null> {
    return asGraphql(await ctx.loaders.course.load(id));
  }

  @FieldResolver(() => University, { nullable: true, description: 'Partner university providing the course, if any.' })
  async provider(@Root() course: Course, @Ctx() ctx: Context): Promise<University | null> {
    return course.universityId == null ? null : asGraphql(await ctx.loaders.university.load(course.universityId));
  }

  @FieldResolver(() => [CourseModule], { description: 'Curriculum modules in order; their JP add up to the course JP.' })
  async modules(@Root() course: Course, @Ctx() ctx: Context): Promise<CourseModule[]> {
    return asGraphql(await ctx.loaders.modules.load(course.id));
  }

  @FieldResolver(() => [LearningOutcome], { description: 'Learning outcomes, each mapped to a competency.' })
  async learningOutcomes(@Root() course: Course, @Ctx() ctx: Context): Promise<LearningOutcome[]> {
    return asGraphql(await ctx.loaders.outcomes.load(course.id));
  }

  @FieldResolver(() => [CourseOffering], { description: 'Offerings of the course, optionally in one year.' })
  async offerings(
    @Root() course: Course,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Only offerings of this year.' }) year?: number | null,
  ): Promise<CourseOffering[]> {
    return asGraphql(await ctx.loaders.offeringsOfCourse.load({ id: course.id, year: year == null ? null : validateYear(year) }));
  }
}

@Resolver(() => LearningOutcome)
export class LearningOutcomeResolver {
  @FieldResolver(() => Competency, { description: 'The competency the outcome develops.' })
  async competency(@Root() outcome: LearningOutcome, @Ctx() ctx: Context): Promise<Competency> {
    return asGraphql(await ctx.loaders.competency.load(outcome.competencyId));
  }
}

@Resolver(() => CourseOffering)
export class CourseOfferingResolver {
  @Query(() => [CourseOffering], {
    description:
      'The offering catalogue of a region for a year: offerings organised in the region or inside it, and those of the regions enclosing it.',
  })
  async offeringCatalogue(
    @Ctx() ctx: Context,
    @Arg('regionCode', { description: 'Kemendagri code of the region whose ASN look for training.' }) regionCode: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('statuses', () => [OfferingStatus], { nullable: true, description: 'Only these statuses (default: all).' })
    statuses?: OfferingStatus[] | null,
  ): Promise<CourseOffering[]> {
    return asGraphql(await offeringCatalogue(ctx.em, regionCode, validateYear(year), statuses ?? null));
  }

  @Query(() => CourseOffering, { nullable: true, description: 'One offering by id.' })
  async courseOffering(@Ctx() ctx: Context, @Arg('id', () => Int, { description: 'Offering id.' }) id: number): Promise<CourseOffering | null> {
    return asGraphql(await ctx.loaders.offering.load(id));
  }

  @FieldResolver(() => Course, { description: 'The course offered.' })
  async course(@Root() offering: CourseOffering, @Ctx() ctx: Context): Promise<Course> {
    return asGraphql(await ctx.loaders.course.load(offering.courseId));
  }

  @FieldResolver(() => Region, { description: 'The organising region.' })
  region(@Root() offering: CourseOffering): Region {
    return { code: offering.regionCode };
  }

  @FieldResolver(() => Int, { description: 'Employees enrolled (any status).' })
  async participantCount(@Root() offering: CourseOffering, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.offeringStats.load(offering.id))?.participantCount ?? 0;
  }

  @FieldResolver(() => Int, { description: 'JP earned by all participants together.' })
  async jpDelivered(@Root() offering: CourseOffering, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.offeringStats.load(offering.id))?.jpDelivered ?? 0;
  }

  @FieldResolver(() => [Enrolment], { description: 'Enrolments in this offering.' })
  async enrolments(@Root() offering: CourseOffering, @Ctx() ctx: Context): Promise<Enrolment[]> {
    return asGraphql(await ctx.loaders.enrolmentsOfOffering.load(offering.id));
  }
}

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => CourseOffering, { description: 'The offering attended.' })
  async offering(@Root() enrolment: Enrolment, @Ctx() ctx: Context): Promise<CourseOffering> {
    return asGraphql(await ctx.loaders.offering.load(enrolment.offeringId));
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
    return enrolment.preTest == null || enrolment.postTest == null ? null : Number(enrolment.postTest) - Number(enrolment.preTest);
  }
}

@Resolver(() => Employee)
export class EmployeeLearningResolver {
  @FieldResolver(() => [Enrolment], { description: 'Training attended, optionally in one year.' })
  async enrolments(
    @Root() employee: Employee,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number | null,
  ): Promise<Enrolment[]> {
    return asGraphql(await ctx.loaders.enrolmentsOfEmployee.load({ id: employee.id, year: year == null ? null : validateYear(year) }));
  }

  @FieldResolver(() => JpSummary, { description: 'JP earned in a year and whether the 20 JP right was reached.' })
  async jp(
    @Root() employee: Employee,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
  ): Promise<JpSummary> {
    const row = await ctx.loaders.jp.load({ id: employee.id, year: validateYear(year) });
    return { ...row, reachedMinimum: row.jp >= row.minimumJp };
  }
}

@Resolver(() => Region)
export class RegionLearningResolver {
  @FieldResolver(() => [CourseOffering], { description: 'The offering catalogue open to ASN of this region in a year.' })
  async offerings(
    @Root() region: Region,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
  ): Promise<CourseOffering[]> {
    return asGraphql(await offeringCatalogue(ctx.em, region.code, validateYear(year), null));
  }
}

@Resolver(() => TrainingImpactComparison)
export class ImpactLearningResolver {
  @FieldResolver(() => [UnitTraining], { description: 'Training per unit of the compared regions (input of the evaluation).' })
  @Directive('@inaccessible')
  async unitTraining(@Root() comparison: TrainingImpactComparison, @Ctx() ctx: Context): Promise<UnitTraining[]> {
    const key = parseImpactKey(comparison.id);
    return trainingOfUnits(ctx.em, key.regionCodes, key.year);
  }

  @FieldResolver(() => [RegionLearning], { description: 'Training totals per compared region (input of the evaluation).' })
  @Directive('@inaccessible')
  async regionLearning(@Root() comparison: TrainingImpactComparison, @Ctx() ctx: Context): Promise<RegionLearning[]> {
    const key = parseImpactKey(comparison.id);
    return learningOfRegions(ctx.em, key.regionCodes, key.year);
  }
}
