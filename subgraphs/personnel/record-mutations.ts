import 'reflect-metadata';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { employees } from '../../importer/kinds/employees.js';
import { writeRecord } from '../../importer/record-writes.js';
import { rowOfInput } from '../../importer/single-record.js';
import { loadExisting } from '../shared/loaders.js';
import { RecordWriteResult } from '../shared/record-write.js';
import { LocalDateScalar } from '../shared/scalars.js';
import type { RequestContext } from '../shared/subgraph.js';
import { AsnType, Gender, PositionKind, PositionLevel } from './enums.js';
import type { PersonnelLoaders } from './loaders.js';
import { Employee } from './types.js';

type Context = RequestContext<PersonnelLoaders>;

@InputType({ description: 'One employee, as a row of the `employees` import file (keyed by NIP or NI PPPK).' })
export class EmployeeInput {
  @Field(() => String, {
    nullable: true,
    description: '18-digit NIP of a PNS (spaces allowed), checked by its rules; null for PPPK.',
  })
  nip?: string | null;

  @Field(() => String, { nullable: true, description: '18-digit NI PPPK of a contract employee; null for PNS.' })
  niPppk?: string | null;

  @Field(() => AsnType, { description: 'PNS or PPPK.' })
  asnType!: AsnType;

  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field(() => LocalDateScalar, { description: 'Birth date: must match the NIP (or NI PPPK) digits 1-8.' })
  birthDate!: string;

  @Field(() => Gender, { description: 'M or F: must match NIP digit 15.' })
  gender!: Gender;

  @Field(() => LocalDateScalar, {
    description: 'TMT CPNS (its month must match NIP digits 9-14) or contract start; after the 18th birthday.',
  })
  appointedOn!: string;

  @Field({ description: 'Code of an existing agency, e.g. "12.71-1.02.01".' })
  agencyCode!: string;

  @Field(() => String, {
    nullable: true,
    description: "Code of a service unit of that agency; null for the agency's own staff.",
  })
  unitCode?: string | null;

  @Field({ description: 'Current rank of the employee\'s ASN type: "III/a" ... "IV/e", "PPPK-I" ... "PPPK-XVII".' })
  rankCode!: string;

  @Field({ description: 'Current position title.' })
  positionTitle!: string;

  @Field(() => PositionKind, { description: 'MANAJERIAL (JPT, administrator, pengawas) or NONMANAJERIAL.' })
  positionKind!: PositionKind;

  @Field(() => PositionLevel, { description: 'Level of the position.' })
  positionLevel!: PositionLevel;
}

@ObjectType({ description: 'What upsertEmployee did.' })
export class EmployeeWrite extends RecordWriteResult {
  @Field(() => Employee, { description: 'The employee as stored now.' })
  employee!: Employee;
}

interface EmployeeSnapshot {
  id: number;
  fullName: string;
  birthDate: string;
  gender: string;
  appointedOn: string;
  agencyCode: string;
  unitCode: string | null;
  rankCode: string;
  positionTitle: string;
  positionKind: string;
  positionLevel: string;
}

const MATCHING_EMPLOYEE = `personnel.employee e join import_rows r
  on e.nip = r.nip::bpchar or e.ni_pppk = r.ni_pppk::bpchar`;

const EMPLOYEE_OF_INPUT = `select e.id, e.full_name as "fullName", e.birth_date::text as "birthDate", e.gender,
    e.appointed_on::text as "appointedOn", a.code as "agencyCode", u.code as "unitCode", e.rank_code as "rankCode",
    e.position_title as "positionTitle", e.position_kind as "positionKind", e.position_level as "positionLevel"
  from ${MATCHING_EMPLOYEE} join personnel.agency a on a.id = e.agency_id
  left join personnel.service_unit u on u.id = e.unit_id`;

/**
 * Where the record lies: where the employee is to work (the unit's region, else the agency's) and, for an
 * update, where they work now: a regional administrator may neither place someone outside its regions
 * nor take someone from outside them.
 */
const EMPLOYEE_REGIONS = `select coalesce(u.region_code, a.region_code) as region_code
    from import_rows r join personnel.agency a on a.code = r.agency_code
    left join personnel.service_unit u on u.code = r.unit_code
  union
  select coalesce(u.region_code, a.region_code)
    from ${MATCHING_EMPLOYEE} join personnel.agency a on a.id = e.agency_id
    left join personnel.service_unit u on u.id = e.unit_id`;

/**
 * Personnel's single-record write: the `employees` import kind's columns, NIP rules, checks and merge on
 * one row (`importer/record-writes.ts`; a new employee gets its first rank and position history), the
 * caller's ADMIN_WRITE scope, and an audit event before and after, in one transaction.
 */
@Resolver()
export class PersonnelRecordResolver {
  @Authorized('ADMIN_WRITE')
  @Mutation(() => EmployeeWrite, {
    description:
      'Creates or updates one employee (PNS by NIP, PPPK by NI PPPK) with the checks of the `employees` import; an update ' +
      'changes the current rank and position only (history belongs to the rank-history and position-history imports). ' +
      'Regional administrators within their regions (where the employee works and is to work), national administrators ' +
      'anywhere. Audited before and after.',
  })
  async upsertEmployee(
    @Ctx() ctx: Context,
    @Arg('input', () => EmployeeInput, { description: 'The employee.' }) input: EmployeeInput,
  ): Promise<EmployeeWrite> {
    const { outcome, after } = await writeRecord<EmployeeSnapshot>(ctx, {
      mutation: 'upsertEmployee',
      kind: employees,
      values: rowOfInput(employees, input),
      regionSql: EMPLOYEE_REGIONS,
      snapshotSql: EMPLOYEE_OF_INPUT,
      entity: 'employee',
      key: (input.asnType === 'PNS' ? input.nip : input.niPppk)?.replaceAll(' ', '') ?? '',
      audited: ({ id: _id, ...kept }) => kept,
    });
    ctx.loaders.employeeById.clear(after.id);
    return { outcome, employee: await loadExisting(ctx.loaders.employeeById, after.id, 'employee') };
  }
}
