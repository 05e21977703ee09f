import 'reflect-metadata';
import { Arg, Args, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../shared/errors.js';
import { contributionTo } from '../shared/impact-key.js';
import { validateRegionCode } from '../shared/regions.js';
import { loadExisting } from '../shared/loaders.js';
import type { RequestContext } from '../shared/subgraph.js';
import type { PersonnelLoaders } from './loaders.js';
import { parseNip } from './nip.js';
import { employeeByNip, listRegions, presenceByRegion, staffingByRegion, type EmployeeScope } from './service.js';
import { RegionPresence, UnitStaffing } from '../shared/federation-types.js';
import { Agency, Employee, EmployeeConnection, EmployeePageArgs, MentoringPair, PositionHistoryEntry, Rank, RankHistoryEntry, Region, RegionLevel, ServiceUnit, TrainingImpactComparison } from './types.js';

type Context = RequestContext<PersonnelLoaders>;

function employeePage(ctx: Context, scope: EmployeeScope, args: EmployeePageArgs) {
  const { first, after, filter } = args;
  return ctx.loaders.employeePageByScope.load({ scope, filter: { ...filter }, first, after: after ?? null });
}


@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'Regions by level and/or parent code, ordered by code (e.g. level: REGENCY, parentCode: "12").' })
  regions(
    @Ctx() ctx: Context,
    @Arg('level', () => RegionLevel, { nullable: true, description: 'Only this tier.' }) level?: RegionLevel | null,
    @Arg('parentCode', () => String, { nullable: true, description: 'Only direct children of this region.' }) parentCode?: string | null,
  ): Promise<Region[]> {
    if (!level && !parentCode) throw badUserInput('Give `level`, `parentCode` or both: the full list has ~90,000 regions', 'level');
    return listRegions(ctx.em, { level, parentCode });
  }

  @Query(() => Region, { nullable: true, description: 'One region by its Kemendagri code, e.g. "93.01.11.2009" (Salor Indah).' })
  region(@Ctx() ctx: Context, @Arg('code', { description: 'Kemendagri code.' }) code: string): Promise<Region | null> {
    return ctx.loaders.regionByCode.load(validateRegionCode(code, 'code'));
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The enclosing region; null for a province.' })
  async parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> {
    return region.parentCode ? await ctx.loaders.regionByCode.load(region.parentCode) : null;
  }

  @FieldResolver(() => [Region], { description: 'Regions directly inside this one, ordered by code.' })
  children(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.loaders.regionsByParent.load(region.code);
  }

  @FieldResolver(() => [Agency], { description: 'Agencies of this region and of every region inside it.' })
  agencies(@Root() region: Region, @Ctx() ctx: Context): Promise<Agency[]> {
    return ctx.loaders.agenciesByRegion.load(region.code);
  }

  @FieldResolver(() => [ServiceUnit], { description: 'Service units located in this region or any region inside it.' })
  serviceUnits(@Root() region: Region, @Ctx() ctx: Context): Promise<ServiceUnit[]> {
    return ctx.loaders.unitsByRegion.load(region.code);
  }

  @FieldResolver(() => EmployeeConnection, {
    description: "Employees working in this region: in a unit located there, or, without a unit, in an agency of the region.",
  })
  employees(
    @Root() region: Region,
    @Ctx() ctx: Context,
    @Args() args: EmployeePageArgs,
  ): Promise<EmployeeConnection> {
    return employeePage(ctx, { regionCode: region.code }, args);
  }
}

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { description: 'Agencies of a region at any level (a province includes its regencies and cities).' })
  agencies(@Ctx() ctx: Context, @Arg('regionCode', { description: 'Kemendagri code.' }) regionCode: string): Promise<Agency[]> {
    return ctx.loaders.agenciesByRegion.load(validateRegionCode(regionCode));
  }

  @Query(() => Agency, { nullable: true, description: 'One agency by id.' })
  agency(@Ctx() ctx: Context, @Arg('id', () => Int, { description: 'Agency id.' }) id: number): Promise<Agency | null> {
    return ctx.loaders.agencyById.load(id);
  }

  @FieldResolver(() => Region, { description: 'The region the agency belongs to.' })
  region(@Root() agency: Agency, @Ctx() ctx: Context): Promise<Region> {
    return loadExisting(ctx.loaders.regionByCode, agency.regionCode, 'region');
  }

  @FieldResolver(() => [ServiceUnit], { description: 'Service units run by the agency.' })
  serviceUnits(@Root() agency: Agency, @Ctx() ctx: Context): Promise<ServiceUnit[]> {
    return ctx.loaders.unitsByAgency.load(agency.id);
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'Head of the agency (kepala dinas/badan, JPT pratama).' })
  head(@Root() agency: Agency, @Ctx() ctx: Context): Promise<Employee | null> {
    return ctx.loaders.headByAgency.load(agency.id);
  }

  @FieldResolver(() => EmployeeConnection, { description: 'Employees of the agency, including its units.' })
  employees(
    @Root() agency: Agency,
    @Ctx() ctx: Context,
    @Args() args: EmployeePageArgs,
  ): Promise<EmployeeConnection> {
    return employeePage(ctx, { agencyId: agency.id }, args);
  }
}

@Resolver(() => ServiceUnit)
export class ServiceUnitResolver {
  @Query(() => [ServiceUnit], { description: 'Service units located in a region at any level.' })
  serviceUnits(@Ctx() ctx: Context, @Arg('regionCode', { description: 'Kemendagri code.' }) regionCode: string): Promise<ServiceUnit[]> {
    return ctx.loaders.unitsByRegion.load(validateRegionCode(regionCode));
  }

  @Query(() => ServiceUnit, { nullable: true, description: 'One service unit by id.' })
  serviceUnit(@Ctx() ctx: Context, @Arg('id', () => Int, { description: 'Service unit id.' }) id: number): Promise<ServiceUnit | null> {
    return ctx.loaders.unitById.load(id);
  }

  @FieldResolver(() => Region, { description: 'The district or village where the unit serves.' })
  region(@Root() unit: ServiceUnit, @Ctx() ctx: Context): Promise<Region> {
    return loadExisting(ctx.loaders.regionByCode, unit.regionCode, 'region');
  }

  @FieldResolver(() => Agency, { description: 'The agency running the unit.' })
  agency(@Root() unit: ServiceUnit, @Ctx() ctx: Context): Promise<Agency> {
    return loadExisting(ctx.loaders.agencyById, unit.agencyId, 'agency');
  }

  @FieldResolver(() => EmployeeConnection, { description: 'Staff currently placed in the unit.' })
  employees(
    @Root() unit: ServiceUnit,
    @Ctx() ctx: Context,
    @Args() args: EmployeePageArgs,
  ): Promise<EmployeeConnection> {
    return employeePage(ctx, { unitId: unit.id }, args);
  }
}

@Resolver(() => Employee)
export class EmployeeResolver {
  @Query(() => EmployeeConnection, {
    description: 'Employees of exactly one of: a region (any level), an agency or a service unit; ordered by id, cursor-paginated.',
  })
  employees(
    @Ctx() ctx: Context,
    @Args() args: EmployeePageArgs,
    @Arg('regionCode', () => String, { nullable: true, description: 'Employees working in this region.' }) regionCode?: string | null,
    @Arg('agencyId', () => Int, { nullable: true, description: 'Employees of this agency.' }) agencyId?: number | null,
    @Arg('unitId', () => Int, { nullable: true, description: 'Employees of this service unit.' }) unitId?: number | null,
  ): Promise<EmployeeConnection> {
    const scopes: EmployeeScope[] = [];
    if (regionCode != null) scopes.push({ regionCode });
    if (agencyId != null) scopes.push({ agencyId });
    if (unitId != null) scopes.push({ unitId });
    const [scope] = scopes;
    if (!scope || scopes.length > 1) {
      throw badUserInput('Give exactly one of `regionCode`, `agencyId` or `unitId`', 'regionCode');
    }
    if (regionCode != null) validateRegionCode(regionCode);
    return employeePage(ctx, scope, args);
  }

  @Query(() => Employee, { nullable: true, description: 'One employee by id.' })
  employee(@Ctx() ctx: Context, @Arg('id', () => Int, { description: 'Employee id.' }) id: number): Promise<Employee | null> {
    return ctx.loaders.employeeById.load(id);
  }

  @Query(() => Employee, {
    nullable: true,
    description: 'One PNS by NIP (spaces allowed). A malformed NIP is a BAD_USER_INPUT error naming the wrong part.',
  })
  employeeByNip(@Ctx() ctx: Context, @Arg('nip', { description: '18-digit NIP.' }) nip: string): Promise<Employee | null> {
    return employeeByNip(ctx.em, parseNip(nip).nip);
  }

  @FieldResolver(() => Rank, { description: 'Current rank (the newest rank history entry).' })
  rank(@Root() employee: Employee, @Ctx() ctx: Context): Promise<Rank> {
    return loadExisting(ctx.loaders.rankByCode, employee.rankCode, 'rank');
  }

  @FieldResolver(() => Agency, { description: 'Current agency.' })
  agency(@Root() employee: Employee, @Ctx() ctx: Context): Promise<Agency> {
    return loadExisting(ctx.loaders.agencyById, employee.agencyId, 'agency');
  }

  @FieldResolver(() => ServiceUnit, { nullable: true, description: 'Current service unit; null for agency staff.' })
  async unit(@Root() employee: Employee, @Ctx() ctx: Context): Promise<ServiceUnit | null> {
    return employee.unitId == null ? null : await ctx.loaders.unitById.load(employee.unitId);
  }

  @FieldResolver(() => [RankHistoryEntry], { description: 'Every rank held, oldest first, with its TMT.' })
  rankHistory(@Root() employee: Employee, @Ctx() ctx: Context): Promise<RankHistoryEntry[]> {
    return ctx.loaders.rankHistoryByEmployee.load(employee.id);
  }

  @FieldResolver(() => [PositionHistoryEntry], { description: 'Every position held, oldest first, with its TMT.' })
  positionHistory(@Root() employee: Employee, @Ctx() ctx: Context): Promise<PositionHistoryEntry[]> {
    return ctx.loaders.positionHistoryByEmployee.load(employee.id);
  }

  @FieldResolver(() => [MentoringPair], { description: 'Mentoring in which this employee is the mentee.' })
  mentors(@Root() employee: Employee, @Ctx() ctx: Context): Promise<MentoringPair[]> {
    return ctx.loaders.mentoringByMentee.load(employee.id);
  }

  @FieldResolver(() => [MentoringPair], { description: 'Mentoring in which this employee is the mentor.' })
  mentees(@Root() employee: Employee, @Ctx() ctx: Context): Promise<MentoringPair[]> {
    return ctx.loaders.mentoringByMentor.load(employee.id);
  }
}

@Resolver(() => MentoringPair)
export class MentoringPairResolver {
  @FieldResolver(() => Employee, { description: 'The senior ASN who mentors.' })
  mentor(@Root() pair: MentoringPair, @Ctx() ctx: Context): Promise<Employee> {
    return loadExisting(ctx.loaders.employeeById, pair.mentorId, 'employee');
  }

  @FieldResolver(() => Employee, { description: 'The junior ASN who is mentored.' })
  mentee(@Root() pair: MentoringPair, @Ctx() ctx: Context): Promise<Employee> {
    return loadExisting(ctx.loaders.employeeById, pair.menteeId, 'employee');
  }
}

@Resolver(() => TrainingImpactComparison)
export class ImpactStaffingResolver {
  @FieldResolver(() => [UnitStaffing], { description: 'Staff per unit of the compared regions (input of the evaluation).' })
  @Directive('@inaccessible')
  staffing(@Root() comparison: TrainingImpactComparison, @Ctx() ctx: Context): Promise<UnitStaffing[]> {
    return contributionTo(comparison, (codes, year) => staffingByRegion(ctx.em, codes, year));
  }

  @FieldResolver(() => [RegionPresence], { description: 'Whether each requested code names a known region (input of the evaluation).' })
  @Directive('@inaccessible')
  regionPresence(@Root() comparison: TrainingImpactComparison, @Ctx() ctx: Context): Promise<RegionPresence[]> {
    return contributionTo(comparison, (codes, year) => presenceByRegion(ctx.em, codes, year));
  }
}
