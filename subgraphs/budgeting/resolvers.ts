import 'reflect-metadata';
import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { assertRegionScope } from '../shared/access.js';
import { PageArgs } from '../shared/pagination.js';
import { validateRegionCode } from '../shared/regions.js';
import { RupiahScalar, rupiahPer } from '../shared/scalars.js';
import type { RequestContext } from '../shared/subgraph.js';
import { validateYear } from '../shared/validation.js';
import type { BudgetingLoaders } from './loaders.js';
import { summaryByRegion } from './service.js';
import { Agency, BudgetLine, BudgetLineConnection, BudgetSummary, CourseOffering, OfferingCost } from './types.js';

type Context = RequestContext<BudgetingLoaders>;

/**
 * A page of an agency's lines, refused by region when its lines lie outside the viewer's scope: the
 * agency id names no region the auth checker could read, and the page's count and cursor are the agency's.
 */
async function linesInScope(ctx: Context, page: Promise<BudgetLineConnection>): Promise<BudgetLineConnection> {
  const lines = await page;
  assertRegionScope(ctx.viewer, [...new Set(lines.nodes.map((line) => line.regionCode))], 'AGGREGATE');
  return lines;
}

/** Budgets are aggregates: planners and administrators, each line and total decided by its region. */
@Resolver(() => BudgetLine)
@Authorized('AGGREGATE')
export class BudgetResolver {
  @Query(() => BudgetLineConnection, {
    nullable: true,
    description: 'Training budget lines of an agency for a fiscal year, ordered by id, cursor-paginated.',
  })
  budgetLines(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('agencyId', () => Int, { description: 'Agency id.' }) agencyId: number,
    @Arg('year', () => Int, { description: 'Fiscal year.' }) year: number,
  ): Promise<BudgetLineConnection> {
    return linesInScope(ctx, ctx.loaders.linePageByAgency.load(agencyId, page, validateYear(year)));
  }

  @Query(() => BudgetSummary, {
    nullable: true,
    description: 'Training budget totals of all agencies within a region (any level) for a year.',
  })
  regionTrainingBudget(
    @Ctx() ctx: Context,
    @Arg('regionCode', { description: 'Kemendagri code.' }) regionCode: string,
    @Arg('year', () => Int, { description: 'Fiscal year.' }) year: number,
  ): Promise<BudgetSummary> {
    return summaryByRegion(ctx.em, validateRegionCode(regionCode), validateYear(year));
  }

  @FieldResolver(() => RupiahScalar, { description: 'Ceiling minus realised spending.' })
  unspent(@Root() line: BudgetLine): string {
    return (BigInt(line.ceiling) - BigInt(line.realised)).toString();
  }
}

@Resolver(() => Agency)
@Authorized('AGGREGATE')
export class AgencyBudgetResolver {
  @FieldResolver(() => BudgetLineConnection, {
    nullable: true,
    description: 'Training budget lines of the agency for a fiscal year, ordered by id, cursor-paginated.',
  })
  trainingBudget(
    @Root() agency: Agency,
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('year', () => Int, { description: 'Fiscal year.' }) year: number,
  ): Promise<BudgetLineConnection> {
    return linesInScope(ctx, ctx.loaders.linePageByAgency.load(agency.id, page, validateYear(year)));
  }

  @FieldResolver(() => BudgetSummary, {
    nullable: true,
    description: "Totals of the agency's training budget lines for a fiscal year.",
  })
  async trainingBudgetSummary(
    @Root() agency: Agency,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Fiscal year.' }) year: number,
  ): Promise<BudgetSummary> {
    const summary = await ctx.loaders.summaryByAgency.load({ id: agency.id, year: validateYear(year) });
    assertRegionScope(ctx.viewer, summary.regionCodes ?? [], 'AGGREGATE');
    return summary;
  }
}

@Resolver(() => CourseOffering)
@Authorized('AGGREGATE')
export class OfferingCostResolver {
  @FieldResolver(() => OfferingCost, {
    nullable: true,
    description: 'What the offering cost; null when no cost is recorded.',
  })
  @Directive('@requires(fields: "participantCount jpDelivered")')
  async cost(@Root() offering: CourseOffering, @Ctx() ctx: Context): Promise<OfferingCost | null> {
    const cost = await ctx.loaders.costByOffering.load(offering.id);
    if (!cost) return null;
    // The offering stub names no region: the cost's decides (refused by name, its existence included).
    assertRegionScope(ctx.viewer, [cost.regionCode], 'AGGREGATE');
    return {
      planned: cost.planned,
      realised: cost.realised,
      perParticipant: rupiahPer(cost.realised, offering.participantCount),
      perJp: rupiahPer(cost.realised, offering.jpDelivered),
      regionCode: cost.regionCode,
    };
  }
}
