import 'reflect-metadata';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../shared/errors.js';
import type { RequestContext } from '../shared/subgraph.js';
import type { EvaluationLoaders } from './loaders.js';
import { Employee, IkmElementScore, IkmSurvey, ServiceUnit, SkpAppraisal } from './types.js';

type Context = RequestContext<EvaluationLoaders>;

function validateYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput(`year ${year} is out of range`, 'year');
  return year;
}

@Resolver(() => Employee)
export class EmployeeEvaluationResolver {
  @FieldResolver(() => SkpAppraisal, { nullable: true, description: 'The SKP appraisal of a year; null when none was recorded.' })
  async skp(
    @Root() employee: Employee,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year appraised.' }) year: number,
  ): Promise<SkpAppraisal | null> {
    const [appraisal] = await ctx.loaders.skpOfEmployee.load({ id: employee.id, year: validateYear(year) });
    return appraisal ?? null;
  }

  @FieldResolver(() => [SkpAppraisal], { description: 'All SKP appraisals, oldest first.' })
  skpHistory(@Root() employee: Employee, @Ctx() ctx: Context): Promise<SkpAppraisal[]> {
    return ctx.loaders.skpOfEmployee.load({ id: employee.id, year: null });
  }
}

@Resolver(() => ServiceUnit)
export class ServiceUnitEvaluationResolver {
  @FieldResolver(() => IkmSurvey, { nullable: true, description: 'The IKM survey of a year; null when none was held.' })
  async ikm(
    @Root() unit: ServiceUnit,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year surveyed.' }) year: number,
  ): Promise<IkmSurvey | null> {
    const [survey] = await ctx.loaders.surveysOfUnit.load({ id: unit.id, year: validateYear(year) });
    return survey ?? null;
  }

  @FieldResolver(() => [IkmSurvey], { description: 'All IKM surveys of the unit, oldest first.' })
  ikmSurveys(@Root() unit: ServiceUnit, @Ctx() ctx: Context): Promise<IkmSurvey[]> {
    return ctx.loaders.surveysOfUnit.load({ id: unit.id, year: null });
  }
}

@Resolver(() => IkmSurvey)
export class IkmSurveyResolver {
  @FieldResolver(() => [IkmElementScore], { description: 'NRR of each of the nine elements.' })
  elements(@Root() survey: IkmSurvey, @Ctx() ctx: Context): Promise<IkmElementScore[]> {
    return ctx.loaders.elementsOfSurvey.load(survey.id);
  }
}
