import 'reflect-metadata';
import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { assertRegionScope } from '../shared/access.js';
import { badUserInput } from '../shared/errors.js';
import { loadExisting } from '../shared/loaders.js';
import { PageArgs } from '../shared/pagination.js';
import { validateRegionCode } from '../shared/regions.js';
import type { RequestContext } from '../shared/subgraph.js';
import { byIdOrCode, checkedCodes, MAX_CODES_PER_CALL } from './by-code.js';
import type { PersonnelLoaders } from './loaders.js';
import { parseNip } from './nip.js';
import {
  agenciesByCode,
  type EmployeeScope,
  employeeByNip,
  employeesByNumber,
  regionsByCode,
  scopeOf,
  unitsByCode,
} from './service.js';
import {
  Agency,
  AgencyConnection,
  Employee,
  EmployeeConnection,
  EmployeePageArgs,
  MentoringPair,
  MentoringPairConnection,
  PositionHistoryConnection,
  Rank,
  RankHistoryConnection,
  Region,
  RegionConnection,
  RegionLevel,
  ServiceUnit,
  ServiceUnitConnection,
} from './types.js';

type Context = RequestContext<PersonnelLoaders>;

function employeePage(ctx: Context, scope: EmployeeScope, args: EmployeePageArgs): Promise<EmployeeConnection> {
  const { kind, key } = scopeOf(scope);
  return ctx.loaders.employeePageByScope.load(key, args, { kind, filter: { ...args.filter } });
}

/** An employee looked up by id or NIP outside the viewer's regions is refused by region, not answered (its existence included). */
function inScope(ctx: Context, employee: Employee | null): Employee | null {
  if (employee) assertRegionScope(ctx.viewer, [employee.regionCode], 'PERSON_LEVEL');
  return employee;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => RegionConnection, {
    description:
      'Regions by level and/or parent code, ordered by code, cursor-paginated (e.g. level: REGENCY, parentCode: "12").',
  })
  regions(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('level', () => RegionLevel, { nullable: true, description: 'Only this tier.' }) level?: RegionLevel | null,
    @Arg('parentCode', () => String, { nullable: true, description: 'Only direct children of this region.' })
    parentCode?: string | null,
  ): Promise<RegionConnection> {
    if (parentCode)
      return ctx.loaders.regionPageByParent.load(validateRegionCode(parentCode, 'parentCode'), page, level ?? null);
    if (level) return ctx.loaders.regionPageByLevel.load(level, page, null);
    throw badUserInput('Give `level`, `parentCode` or both: the full list has ~90,000 regions', 'level');
  }

  @Query(() => Region, {
    nullable: true,
    description: 'One region by its Kemendagri code, e.g. "93.01.11.2009" (Salor Indah).',
  })
  region(@Ctx() ctx: Context, @Arg('code', { description: 'Kemendagri code.' }) code: string): Promise<Region | null> {
    return ctx.loaders.regionByCode.load(validateRegionCode(code, 'code'));
  }

  @Query(() => [Region], {
    description: `Regions by Kemendagri code, at most ${MAX_CODES_PER_CALL} codes a call; unknown codes are left out (importers check references with it).`,
  })
  regionsByCode(
    @Ctx() ctx: Context,
    @Arg('codes', () => [String], { description: 'Kemendagri codes.' }) codes: string[],
  ): Promise<Region[]> {
    return regionsByCode(ctx.em, checkedCodes(codes, 'codes'));
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The enclosing region; null for a province.' })
  async parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> {
    return region.parentCode ? await ctx.loaders.regionByCode.load(region.parentCode) : null;
  }

  @FieldResolver(() => RegionConnection, {
    description: 'Regions directly inside this one, ordered by code, cursor-paginated.',
  })
  children(@Root() region: Region, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<RegionConnection> {
    return ctx.loaders.regionPageByParent.load(region.code, page, null);
  }

  @FieldResolver(() => AgencyConnection, {
    description: 'Agencies of this region and of every region inside it, ordered by id, cursor-paginated.',
  })
  agencies(@Root() region: Region, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<AgencyConnection> {
    return ctx.loaders.agencyPageByRegion.load(region.code, page, null);
  }

  @FieldResolver(() => ServiceUnitConnection, {
    description: 'Service units located in this region or any region inside it, ordered by id, cursor-paginated.',
  })
  serviceUnits(@Root() region: Region, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<ServiceUnitConnection> {
    return ctx.loaders.unitPageByRegion.load(region.code, page, null);
  }

  @FieldResolver(() => EmployeeConnection, {
    nullable: true,
    description:
      'Employees working in this region: in a unit located there, or, without a unit, in an agency of the region. Personal data: administrators of the region only.',
  })
  @Authorized('PERSON_LEVEL')
  employees(@Root() region: Region, @Ctx() ctx: Context, @Args() args: EmployeePageArgs): Promise<EmployeeConnection> {
    return employeePage(ctx, { regionCode: region.code }, args);
  }
}

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => AgencyConnection, {
    description:
      'Agencies of a region at any level (a province includes its regencies and cities), ordered by id, cursor-paginated.',
  })
  agencies(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('regionCode', { description: 'Kemendagri code.' }) regionCode: string,
  ): Promise<AgencyConnection> {
    return ctx.loaders.agencyPageByRegion.load(validateRegionCode(regionCode), page, null);
  }

  @Query(() => Agency, { nullable: true, description: 'One agency by id or by code (give exactly one).' })
  agency(
    @Ctx() ctx: Context,
    @Arg('id', () => Int, { nullable: true, description: 'Agency id.' }) id?: number | null,
    @Arg('code', () => String, { nullable: true, description: 'Agency code, e.g. "12.71-1.02.01".' })
    code?: string | null,
  ): Promise<Agency | null> {
    return byIdOrCode(id, code, ctx.loaders.agencyById, ctx.loaders.agencyByCode);
  }

  @Query(() => [Agency], {
    description: `Agencies by code, at most ${MAX_CODES_PER_CALL} codes a call; unknown codes are left out (importers check references with it).`,
  })
  agenciesByCode(
    @Ctx() ctx: Context,
    @Arg('codes', () => [String], { description: 'Agency codes.' }) codes: string[],
  ): Promise<Agency[]> {
    return agenciesByCode(ctx.em, checkedCodes(codes, 'codes'));
  }

  @FieldResolver(() => Region, { description: 'The region the agency belongs to.' })
  region(@Root() agency: Agency, @Ctx() ctx: Context): Promise<Region> {
    return loadExisting(ctx.loaders.regionByCode, agency.regionCode, 'region');
  }

  @FieldResolver(() => ServiceUnitConnection, {
    description: 'Service units run by the agency, ordered by id, cursor-paginated.',
  })
  serviceUnits(@Root() agency: Agency, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<ServiceUnitConnection> {
    return ctx.loaders.unitPageByAgency.load(agency.id, page, null);
  }

  @FieldResolver(() => Employee, {
    nullable: true,
    description:
      'Head of the agency (kepala dinas/badan, JPT pratama). Personal data: administrators of the region only.',
  })
  @Authorized('PERSON_LEVEL')
  head(@Root() agency: Agency, @Ctx() ctx: Context): Promise<Employee | null> {
    return ctx.loaders.headByAgency.load(agency.id);
  }

  @FieldResolver(() => EmployeeConnection, {
    nullable: true,
    description: 'Employees of the agency, including its units. Personal data: administrators of the region only.',
  })
  @Authorized('PERSON_LEVEL')
  employees(@Root() agency: Agency, @Ctx() ctx: Context, @Args() args: EmployeePageArgs): Promise<EmployeeConnection> {
    return employeePage(ctx, { agencyId: agency.id }, args);
  }
}

@Resolver(() => ServiceUnit)
export class ServiceUnitResolver {
  @Query(() => ServiceUnitConnection, {
    description: 'Service units located in a region at any level, ordered by id, cursor-paginated.',
  })
  serviceUnits(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('regionCode', { description: 'Kemendagri code.' }) regionCode: string,
  ): Promise<ServiceUnitConnection> {
    return ctx.loaders.unitPageByRegion.load(validateRegionCode(regionCode), page, null);
  }

  @Query(() => ServiceUnit, { nullable: true, description: 'One service unit by id or by code (give exactly one).' })
  serviceUnit(
    @Ctx() ctx: Context,
    @Arg('id', () => Int, { nullable: true, description: 'Service unit id.' }) id?: number | null,
    @Arg('code', () => String, { nullable: true, description: 'Unit code: NPSN, Puskesmas code or unit code.' })
    code?: string | null,
  ): Promise<ServiceUnit | null> {
    return byIdOrCode(id, code, ctx.loaders.unitById, ctx.loaders.unitByCode);
  }

  @Query(() => [ServiceUnit], {
    description: `Service units by code, at most ${MAX_CODES_PER_CALL} codes a call; unknown codes are left out (importers check references with it).`,
  })
  serviceUnitsByCode(
    @Ctx() ctx: Context,
    @Arg('codes', () => [String], { description: 'Unit codes.' }) codes: string[],
  ): Promise<ServiceUnit[]> {
    return unitsByCode(ctx.em, checkedCodes(codes, 'codes'));
  }

  @FieldResolver(() => Region, { description: 'The district or village where the unit serves.' })
  region(@Root() unit: ServiceUnit, @Ctx() ctx: Context): Promise<Region> {
    return loadExisting(ctx.loaders.regionByCode, unit.regionCode, 'region');
  }

  @FieldResolver(() => Agency, { description: 'The agency running the unit.' })
  agency(@Root() unit: ServiceUnit, @Ctx() ctx: Context): Promise<Agency> {
    return loadExisting(ctx.loaders.agencyById, unit.agencyId, 'agency');
  }

  @FieldResolver(() => EmployeeConnection, {
    nullable: true,
    description: 'Staff currently placed in the unit. Personal data: administrators of the region only.',
  })
  @Authorized('PERSON_LEVEL')
  employees(
    @Root() unit: ServiceUnit,
    @Ctx() ctx: Context,
    @Args() args: EmployeePageArgs,
  ): Promise<EmployeeConnection> {
    return employeePage(ctx, { unitId: unit.id }, args);
  }
}

/** Every query and field here is about a person: region administrators (of the employee's region) only. */
@Resolver(() => Employee)
@Authorized('PERSON_LEVEL')
export class EmployeeResolver {
  @Query(() => EmployeeConnection, {
    nullable: true,
    description:
      'Employees of exactly one of: a region (any level), an agency or a service unit; ordered by id, cursor-paginated.',
  })
  async employees(
    @Ctx() ctx: Context,
    @Args() args: EmployeePageArgs,
    @Arg('regionCode', () => String, { nullable: true, description: 'Employees working in this region.' }) regionCode?:
      | string
      | null,
    @Arg('agencyId', () => Int, { nullable: true, description: 'Employees of this agency.' }) agencyId?: number | null,
    @Arg('unitId', () => Int, { nullable: true, description: 'Employees of this service unit.' }) unitId?:
      | number
      | null,
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
    // An agency or unit outside the viewer's regions is refused by name, not answered with an empty page.
    if (agencyId != null) {
      const agency = await ctx.loaders.agencyById.load(agencyId);
      if (agency) assertRegionScope(ctx.viewer, [agency.regionCode], 'PERSON_LEVEL');
    }
    if (unitId != null) {
      const unit = await ctx.loaders.unitById.load(unitId);
      if (unit) assertRegionScope(ctx.viewer, [unit.regionCode], 'PERSON_LEVEL');
    }
    return employeePage(ctx, scope, args);
  }

  @Query(() => Employee, { nullable: true, description: 'One employee by id.' })
  async employee(
    @Ctx() ctx: Context,
    @Arg('id', () => Int, { description: 'Employee id.' }) id: number,
  ): Promise<Employee | null> {
    return inScope(ctx, await ctx.loaders.employeeById.load(id));
  }

  @Query(() => [Employee], {
    description: `Employees by NIP or NI PPPK, at most ${MAX_CODES_PER_CALL} numbers a call; unknown numbers are left out (importers check references with it).`,
  })
  async employeesByNumber(
    @Ctx() ctx: Context,
    @Arg('numbers', () => [String], { description: '18-digit NIPs or NI PPPKs.' }) numbers: string[],
  ): Promise<Employee[]> {
    const found = await employeesByNumber(ctx.em, checkedCodes(numbers, 'numbers'));
    // Whether a number exists is itself personal: any match outside the viewer's regions refuses the list.
    assertRegionScope(ctx.viewer, [...new Set(found.map((employee) => employee.regionCode))], 'PERSON_LEVEL');
    return found;
  }

  @Query(() => Employee, {
    nullable: true,
    description: 'One PNS by NIP (spaces allowed). A malformed NIP is a BAD_USER_INPUT error naming the wrong part.',
  })
  async employeeByNip(
    @Ctx() ctx: Context,
    @Arg('nip', { description: '18-digit NIP.' }) nip: string,
  ): Promise<Employee | null> {
    return inScope(ctx, await employeeByNip(ctx.em, parseNip(nip).nip));
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

  @FieldResolver(() => RankHistoryConnection, {
    description: 'Every rank held, oldest first, with its TMT; cursor-paginated.',
  })
  rankHistory(@Root() employee: Employee, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<RankHistoryConnection> {
    return ctx.loaders.rankHistoryPageByEmployee.load(employee.id, page, null);
  }

  @FieldResolver(() => PositionHistoryConnection, {
    description: 'Every position held, oldest first, with its TMT; cursor-paginated.',
  })
  positionHistory(
    @Root() employee: Employee,
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
  ): Promise<PositionHistoryConnection> {
    return ctx.loaders.positionHistoryPageByEmployee.load(employee.id, page, null);
  }

  @FieldResolver(() => MentoringPairConnection, {
    description: 'Mentoring in which this employee is the mentee, ordered by id, cursor-paginated.',
  })
  mentors(@Root() employee: Employee, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<MentoringPairConnection> {
    return ctx.loaders.mentoringPageByMentee.load(employee.id, page, null);
  }

  @FieldResolver(() => MentoringPairConnection, {
    description: 'Mentoring in which this employee is the mentor, ordered by id, cursor-paginated.',
  })
  mentees(@Root() employee: Employee, @Ctx() ctx: Context, @Args() page: PageArgs): Promise<MentoringPairConnection> {
    return ctx.loaders.mentoringPageByMentor.load(employee.id, page, null);
  }
}

@Resolver(() => MentoringPair)
@Authorized('PERSON_LEVEL')
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
