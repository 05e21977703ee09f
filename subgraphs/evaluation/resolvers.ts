import 'reflect-metadata';
import { Arg, Args, Authorized, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { assertRegionScope, assertRowsInScope } from '../shared/access.js';
import { graphqlError } from '../shared/errors.js';
import {
  DEFAULT_MINIMUM_MEANINGFUL_EFFECT,
  formatImpactKey,
  parseImpactKey,
  validateImpactRequest,
} from '../shared/impact-key.js';
import { PageArgs } from '../shared/pagination.js';
import type { RequestContext } from '../shared/subgraph.js';
import { validateYear } from '../shared/validation.js';
import { EffectDifference, RankInterval, Region, RegionImpact, TrainingImpactComparison } from './impact-types.js';
import type { EvaluationLoaders } from './loaders.js';
import {
  Employee,
  IkmElementScore,
  IkmSurvey,
  IkmSurveyConnection,
  ServiceUnit,
  SkpAppraisal,
  SkpAppraisalConnection,
} from './types.js';

type Context = RequestContext<EvaluationLoaders>;

/** An employee's appraisals are personal data: decided by each appraisal's region, lists scoped in SQL. */
@Resolver(() => Employee)
@Authorized('PERSON_LEVEL')
export class EmployeeEvaluationResolver {
  @FieldResolver(() => SkpAppraisal, {
    nullable: true,
    description: 'The SKP appraisal of a year; null when none was recorded.',
  })
  async skp(
    @Root() employee: Employee,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year appraised.' }) year: number,
  ): Promise<SkpAppraisal | null> {
    const [appraisal] = await ctx.loaders.skpByEmployee.load({ id: employee.id, year: validateYear(year) });
    return appraisal ?? null;
  }

  @FieldResolver(() => SkpAppraisalConnection, {
    nullable: true,
    description: 'All SKP appraisals, oldest first; cursor-paginated.',
  })
  skpHistory(@Root() employee: Employee, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<SkpAppraisalConnection> {
    return ctx.loaders.appraisalPageByEmployee.load(employee.id, page, null);
  }
}

/** IKM results: aggregates, decided by each survey's region. */
@Resolver(() => ServiceUnit)
@Authorized('AGGREGATE')
export class ServiceUnitEvaluationResolver {
  @FieldResolver(() => IkmSurvey, { nullable: true, description: 'The IKM survey of a year; null when none was held.' })
  async ikm(
    @Root() unit: ServiceUnit,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year surveyed.' }) year: number,
  ): Promise<IkmSurvey | null> {
    const [survey] = await ctx.loaders.surveysByUnit.load({ id: unit.id, year: validateYear(year) });
    // The unit stub names no region: the survey's decides (refused by name, its existence included).
    if (survey) assertRegionScope(ctx.viewer, [survey.regionCode], 'AGGREGATE');
    return survey ?? null;
  }

  @FieldResolver(() => IkmSurveyConnection, {
    nullable: true,
    description: 'All IKM surveys of the unit, oldest first; cursor-paginated.',
  })
  async ikmSurveys(
    @Root() unit: ServiceUnit,
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
  ): Promise<IkmSurveyConnection> {
    const surveys = await ctx.loaders.surveyHistoryPageByUnit.load(unit.id, page, null);
    assertRowsInScope(ctx.viewer, surveys.nodes, 'AGGREGATE');
    return surveys;
  }
}

@Resolver(() => IkmSurvey)
@Authorized('AGGREGATE')
export class IkmSurveyResolver {
  // A plain list: IKM has exactly nine elements (PermenPANRB 14/2017), whatever the data.
  @FieldResolver(() => [IkmElementScore], { description: 'NRR of each of the nine elements.' })
  elements(@Root() survey: IkmSurvey, @Ctx() ctx: Context): Promise<IkmElementScore[]> {
    return ctx.loaders.elementScoresBySurvey.load(survey.id);
  }
}

/** The comparison is an aggregate: the requested regions must lie in the viewer's scope. */
@Resolver(() => TrainingImpactComparison)
@Authorized('AGGREGATE')
export class TrainingImpactResolver {
  @Query(() => TrainingImpactComparison, {
    description:
      'Did training improve public service, by how much, at what cost, and how do regions compare? Give any set of regions at any ' +
      'level (two regencies, all regencies of a province, a district) and a year; each region is compared with the year before.',
  })
  trainingImpact(
    @Arg('regionCodes', () => [String], { description: 'Kemendagri codes of the regions to compare.' })
    regionCodes: string[],
    @Arg('year', () => Int, { description: 'The year whose training and IKM (given the year before) are compared.' })
    year: number,
    @Arg('minimumMeaningfulEffect', () => Float, {
      defaultValue: DEFAULT_MINIMUM_MEANINGFUL_EFFECT,
      description:
        'Smallest effect worth paying for, in IKM points per +10 JP per staff member: an interval wholly below it gives NO_EFFECT. ' +
        'Default 0.5: the 20 JP a year each civil servant is entitled to would buy about one IKM point a year (see docs/method.md).',
    })
    minimumMeaningfulEffect: number,
  ): Pick<TrainingImpactComparison, 'id'> {
    // Only the key: the figures come from this subgraph's data and its read model (one fetch).
    return { id: formatImpactKey(validateImpactRequest(regionCodes, year, minimumMeaningfulEffect)) };
  }

  @FieldResolver(() => Int, { description: 'The compared year.' })
  year(@Root() comparison: TrainingImpactComparison): number {
    return parseImpactKey(comparison.id).year;
  }

  @FieldResolver(() => [String], { description: 'The compared region codes, in request order.' })
  regionCodes(@Root() comparison: TrainingImpactComparison): string[] {
    return parseImpactKey(comparison.id).regionCodes;
  }

  @FieldResolver(() => [RegionImpact], { description: 'Each region, in request order.' })
  async regions(@Root() comparison: TrainingImpactComparison, @Ctx() ctx: Context): Promise<RegionImpact[]> {
    return (await ctx.loaders.comparisonByKey.load(parseImpactKey(comparison.id))).regions;
  }

  @FieldResolver(() => [RegionImpact], {
    description:
      'Regions with a tested effect estimate (not INSUFFICIENT_DATA or NO_DATA), strongest first; read each rank with its rankInterval.',
  })
  async ranking(@Root() comparison: TrainingImpactComparison, @Ctx() ctx: Context): Promise<RegionImpact[]> {
    return (await ctx.loaders.comparisonByKey.load(parseImpactKey(comparison.id))).ranking();
  }

  @FieldResolver(() => [EffectDifference], {
    description:
      'For every pair of regions with tested estimates: the difference of their effects, its Bonferroni simultaneous interval and its Holm-adjusted p-value.',
  })
  async differences(@Root() comparison: TrainingImpactComparison, @Ctx() ctx: Context): Promise<EffectDifference[]> {
    return (await ctx.loaders.comparisonByKey.load(parseImpactKey(comparison.id))).differences();
  }
}

@Resolver(() => RegionImpact)
export class RegionImpactResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Rank by estimated effect among the compared regions with an estimate (1 = strongest); null without one.',
  })
  rank(@Root() impact: RegionImpact): number | null {
    impact.ensureRanked();
    return impact.rank;
  }

  @FieldResolver(() => RankInterval, {
    nullable: true,
    description: 'The uncertainty of that rank; null without an estimate.',
  })
  rankInterval(@Root() impact: RegionImpact): RankInterval | null {
    impact.ensureRanked();
    return impact.rankInterval;
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description:
      'The region (name, level, parent from personnel); null, with an error entry, when the code names no known region.',
  })
  region(@Root() impact: RegionImpact): Region {
    if (!impact.known) {
      throw graphqlError(
        'NOT_FOUND',
        `No region has the code ${impact.regionCode}: it is well formed but not in the official Kemendagri list`,
        {
          field: 'regionCodes',
          regionCode: impact.regionCode,
        },
      );
    }
    return { code: impact.regionCode };
  }
}
