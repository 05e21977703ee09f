import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent, recordSensitiveRead } from '../../subgraphs/access/store.js';
import { projectRoot } from '../../subgraphs/shared/config.js';
import { parseViewer } from '../../subgraphs/shared/viewer.js';
import {
  type Access,
  accessOf,
  type GraphqlError,
  MATRIX,
  type MatrixRole,
  matrixProblems,
  type Outcome,
  objectTypes,
  outcomeOf,
  type Probe,
  reachableTypes,
  rootIsNullable,
  selectionOf,
  type TypeRule,
  walk,
} from '../support/access-matrix.js';
import { as, type Caller, NATIONAL_ADMIN, usePlatform } from '../support/platform.js';

/**
 * Issue 8, first test: every role x every field of the public API, allowed, refused or suppressed, from the
 * expectation table of test/support/access-matrix.ts (written from the issue, not from the decorators).
 * Each type is probed on one instance in Kota Medan (12.71) found in the demo data; a field expected to be
 * refused is asked for under its own alias so that a refusal nulls nothing else.
 */
const api = usePlatform();
const schema: GraphQLSchema = buildSchema(readFileSync(join(projectRoot(), 'schema/api.graphql'), 'utf8'));

/** Types no query probes: unreachable from Query, or reached only by writes. */
const isUnprobed = (rule: TypeRule['rule'] | undefined): boolean => rule === 'internal' || rule === 'mutation';

const ALL: Access[] = ['public', 'aggregate', 'course-aggregate', 'person', 'audit', 'course-editor'];
const AGGREGATES: Access[] = ['public', 'aggregate', 'course-aggregate'];
type Role = MatrixRole & { caller: Caller; regions: string[] };
const ROLES: Role[] = [
  { name: 'anonymous', caller: 'anonymous', regions: [], may: new Set(['public']), refusal: 'UNAUTHENTICATED' },
  {
    name: 'partner-university UNIMED',
    caller: as('partner-university', 'UNIMED'),
    regions: [],
    may: new Set(['public', 'course-aggregate', 'course-editor']),
    refusal: 'FORBIDDEN',
  },
  {
    name: 'planner 12.71',
    caller: as('planner', ['12.71']),
    regions: ['12.71'],
    may: new Set(AGGREGATES),
    refusal: 'FORBIDDEN',
  },
  {
    name: 'regional-admin 12.71',
    caller: as('regional-admin', ['12.71']),
    regions: ['12.71'],
    may: new Set(ALL),
    refusal: 'FORBIDDEN',
  },
  {
    name: 'regional-admin 93.01',
    caller: as('regional-admin', ['93.01']),
    regions: ['93.01'],
    // The access logs of its own regions (a log entry of 93.01 is there to read).
    may: new Set(['public', 'audit']),
    refusal: 'FORBIDDEN',
    refusedRegionWithin: '12.71',
  },
  {
    name: 'national planner',
    caller: as('planner', ['*']),
    regions: ['*'],
    may: new Set(AGGREGATES),
    refusal: 'FORBIDDEN',
  },
  { name: 'national-admin', caller: NATIONAL_ADMIN, regions: ['*'], may: new Set(ALL), refusal: 'FORBIDDEN' },
];

/**
 * Probes that are also about a region outside Kota Medan: differences need two regions with estimates,
 * and the demo data has them for 12.71 and 12.75 only. A role whose regions miss it is refused.
 */
const ALSO_ABOUT: Record<string, string> = { EffectDifference: '12.75' };

/** The Kota Medan instances the probes reach, found in the demo data. */
interface Instances {
  universityId: number;
  courseId: number;
  offeringId: number;
  agencyId: number;
  unitId: number;
  employeeId: number;
  nip: string;
  agencyCode: string;
  unitCode: string;
  /** NIPs, NI PPPKs and names of the people the probes can reach: never in a refused role's answers. */
  personal: string[];
}

const MEDAN = `(region_code = '12.71' or region_code like '12.71.%')`;

async function findInstances(): Promise<Instances> {
  const one = async <Row extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row> => {
    const { rows } = await api.db.query<Row>(sql, params);
    if (!rows[0]) throw new Error(`the demo data has no instance for: ${sql}`);
    return rows[0];
  };
  const { id: universityId } = await one<{ id: number }>(
    `select id from learning.university where short_name = 'UNIMED'`,
  );
  // An offering of a UNIMED course in Medan, its course's first of 2025, with Medan participants and a cost.
  const offering = await one<{ id: number; course_id: number }>(
    `select o.id, o.course_id from learning.course_offering o join learning.course c on c.id = o.course_id
      where c.university_id = $1 and o.year = 2025 and ${MEDAN.replaceAll('region_code', 'o.region_code')}
        and o.id = (select min(f.id) from learning.course_offering f where f.course_id = o.course_id and f.year = 2025)
        and exists (select 1 from budgeting.offering_cost k where k.offering_id = o.id)
      order by (select count(*) from learning.enrolment e where e.offering_id = o.id
                 and ${MEDAN.replaceAll('region_code', 'e.region_code')}) desc, o.id limit 1`,
    [universityId],
  );
  const { id: agencyId } = await one<{ id: number }>(
    `select a.id from personnel.agency a
      where a.region_code = '12.71'
        and exists (select 1 from budgeting.budget_line b where b.agency_id = a.id and b.year = 2025)
        and exists (select 1 from personnel.employee e where e.agency_id = a.id and e.unit_id is null
                      and e.position_level = 'JPT_PRATAMA')
        and exists (select 1 from personnel.service_unit u where u.agency_id = a.id)
      order by a.id limit 1`,
  );
  const { id: unitId } = await one<{ id: number }>(
    `select u.id from personnel.service_unit u
      where ${MEDAN.replaceAll('region_code', 'u.region_code')}
        and exists (select 1 from evaluation.ikm_survey s where s.unit_id = u.id and s.year = 2025)
        and (select count(*) from personnel.employee e where e.unit_id = u.id) >= 2
      order by u.id limit 1`,
  );
  // A PNS of a Medan unit with training, an appraisal and a mentor in 2025, and a career.
  const employee = await one<{ id: number; nip: string }>(
    `select e.id, e.nip from personnel.employee e join personnel.service_unit u on u.id = e.unit_id
      where e.asn_type = 'PNS' and ${MEDAN.replaceAll('region_code', 'u.region_code')}
        and exists (select 1 from learning.enrolment n where n.employee_id = e.id and n.year = 2025)
        and exists (select 1 from evaluation.skp_appraisal s where s.employee_id = e.id and s.year = 2025)
        and exists (select 1 from personnel.mentoring_pair m where m.mentee_id = e.id)
      order by e.id limit 1`,
  );
  const { rows: people } = await api.db.query<{ nip: string | null; ni_pppk: string | null; full_name: string }>(
    `select nip, ni_pppk, full_name from personnel.employee p
      where p.id = $1
         or p.unit_id = $2
         or (p.agency_id = $3 and p.unit_id is null)
         or p.id in (select employee_id from learning.enrolment where offering_id = $4)
         or p.id in (select mentor_id from personnel.mentoring_pair where mentee_id = $1)
         or p.id in (select mentee_id from personnel.mentoring_pair where mentor_id = $1)`,
    [employee.id, unitId, agencyId, offering.id],
  );
  const personal = people.flatMap((person) => [person.nip, person.ni_pppk, person.full_name]);
  const { agency_code: agencyCode, unit_code: unitCode } = await one<{ agency_code: string; unit_code: string }>(
    'select (select code from personnel.agency where id = $1) as agency_code, (select code from personnel.service_unit where id = $2) as unit_code',
    [agencyId, unitId],
  );
  return {
    agencyCode,
    unitCode,
    universityId,
    courseId: offering.course_id,
    offeringId: offering.id,
    agencyId,
    unitId,
    employeeId: employee.id,
    nip: employee.nip,
    personal: personal.filter((value): value is string => typeof value === 'string'),
  };
}

/** An analytics query about Kota Medan: a measure about people and one about service units, by year. */
const ANALYTICS_QUERY = 'query: { measures: [SKP_APPRAISED, IKM_MEAN], dimensions: [YEAR], regionCode: "12.71" }';

/** How each type is reached: a Kota Medan instance, through the field its `nested` rule names. */
function probesOf(at: Instances): Record<string, Probe> {
  const offering: Probe = [{ field: 'courseOffering', args: `id: ${at.offeringId}` }];
  const agency: Probe = [{ field: 'agency', args: `id: ${at.agencyId}` }];
  const unit: Probe = [{ field: 'serviceUnit', args: `id: ${at.unitId}` }];
  const employee: Probe = [{ field: 'employee', args: `id: ${at.employeeId}` }];
  const course: Probe = [{ field: 'course', args: `id: ${at.courseId}` }];
  const medan: Probe = [{ field: 'region', args: 'code: "12.71"' }];
  const impact: Probe = [{ field: 'trainingImpact', args: 'year: 2025, regionCodes: ["12.71"]' }];
  const regionImpact: Probe = [...impact, { field: 'regions' }];
  const page = (field: string, args = 'first: 2'): Probe[number] => ({ field, args });
  const analytics: Probe = [{ field: 'analytics', args: ANALYTICS_QUERY }];
  const catalogue: Probe = [{ field: 'analyticsCatalogue' }];
  return {
    Region: medan,
    Agency: agency,
    ServiceUnit: unit,
    // Through its course's list (the first offering of 2025), which knows the providing university.
    CourseOffering: [...course, page('offerings', 'year: 2025, first: 1'), { field: 'nodes' }],
    Course: course,
    University: [...course, { field: 'provider' }],
    CourseModule: [...course, { field: 'modules' }],
    LearningOutcome: [...course, { field: 'learningOutcomes' }],
    Competency: [...course, { field: 'learningOutcomes' }, { field: 'competency' }],
    BudgetLine: [...agency, page('trainingBudget', 'year: 2025, first: 2'), { field: 'nodes' }],
    BudgetSummary: [...agency, page('trainingBudgetSummary', 'year: 2025')],
    OfferingCost: [...offering, { field: 'cost' }],
    IkmSurvey: [...unit, page('ikm', 'year: 2025')],
    IkmElementScore: [...unit, page('ikm', 'year: 2025'), { field: 'elements' }],
    Employee: employee,
    Rank: [...employee, { field: 'rank' }],
    RankHistoryEntry: [...employee, page('rankHistory'), { field: 'nodes' }],
    PositionHistoryEntry: [...employee, page('positionHistory'), { field: 'nodes' }],
    MentoringPair: [...employee, page('mentors'), { field: 'nodes' }],
    SkpAppraisal: [...employee, page('skp', 'year: 2025')],
    Enrolment: [...offering, page('enrolments'), { field: 'nodes' }],
    JpSummary: [...employee, page('jp', 'year: 2025')],
    TrainingImpactComparison: impact,
    RegionImpact: regionImpact,
    RankInterval: [...regionImpact, { field: 'rankInterval' }],
    Exposure: [...regionImpact, { field: 'exposure' }],
    ServiceQuality: [...regionImpact, { field: 'serviceQuality' }],
    TrainingCost: [...regionImpact, { field: 'cost' }],
    TrainingEffect: [...regionImpact, { field: 'effect' }],
    Estimate: [...regionImpact, { field: 'effect' }, { field: 'perTenJp' }],
    PlaceboCheck: [...regionImpact, { field: 'effect' }, { field: 'placebo' }],
    CostPerIkmPoint: [...regionImpact, { field: 'costPerIkmPoint' }],
    KirkpatrickChain: [...regionImpact, { field: 'kirkpatrick' }],
    PeopleMeasure: [...regionImpact, { field: 'kirkpatrick' }, { field: 'l1Satisfaction' }],
    UnitImpact: [...regionImpact, { field: 'units' }],
    EffectDifference: [
      { field: 'trainingImpact', args: 'year: 2025, regionCodes: ["12.71", "12.75"]' },
      { field: 'differences' },
    ],
    AnalyticsResult: analytics,
    AnalyticsRow: [...analytics, { field: 'rows' }],
    AnalyticsDimensionValue: [...analytics, { field: 'rows' }, { field: 'dimensions' }],
    AnalyticsValue: [...analytics, { field: 'rows' }, { field: 'values' }],
    AnalyticsCatalogue: catalogue,
    AnalyticsMeasureInfo: [...catalogue, { field: 'measures' }],
    AnalyticsDimensionInfo: [...catalogue, { field: 'dimensions' }],
    PageInfo: [...medan, page('children'), { field: 'pageInfo' }],
    RegionConnection: [...medan, page('children')],
    AgencyConnection: [...medan, page('agencies')],
    ServiceUnitConnection: [...agency, page('serviceUnits')],
    UniversityConnection: [page('universities')],
    CourseConnection: [...course, { field: 'provider' }, page('courses')],
    CourseOfferingConnection: [...medan, page('offerings', 'year: 2025, first: 2')],
    BudgetLineConnection: [...agency, page('trainingBudget', 'year: 2025, first: 2')],
    IkmSurveyConnection: [...unit, page('ikmSurveys')],
    EmployeeConnection: [...unit, page('employees')],
    EnrolmentConnection: [...offering, page('enrolments')],
    SkpAppraisalConnection: [...employee, page('skpHistory')],
    RankHistoryConnection: [...employee, page('rankHistory')],
    PositionHistoryConnection: [...employee, page('positionHistory')],
    MentoringPairConnection: [...employee, page('mentors')],
    CurriculumVersionConnection: [...course, page('curriculumVersions')],
    CurriculumVersion: [...course, page('curriculumVersions'), { field: 'nodes' }],
    SensitiveReadConnection: [page('sensitiveReads', 'subject: "matrix-test", first: 2')],
    SensitiveRead: [page('sensitiveReads', 'subject: "matrix-test", first: 2'), { field: 'nodes' }],
    AuditEventConnection: [page('auditEvents', 'entity: "matrix-probe", first: 2')],
    AuditEvent: [page('auditEvents', 'entity: "matrix-probe", first: 2'), { field: 'nodes' }],
    ImportRunConnection: [page('personnelImports')],
    ImportRun: [page('personnelImports'), { field: 'nodes' }],
  };
}

/** Arguments of the root fields, each about a Kota Medan instance. */
function rootArguments(at: Instances): Record<string, string> {
  return {
    budgetLines: `year: 2025, agencyId: ${at.agencyId}, first: 2`,
    // The entries this file logs: what other tests logged before may lack a field.
    sensitiveReads: 'subject: "matrix-test", first: 2',
    auditEvents: 'entity: "matrix-probe", first: 2',
    personnelImports: 'first: 2',
    learningImports: 'first: 2',
    budgetingImports: 'first: 2',
    evaluationImports: 'first: 2',
    regionsByCode: 'codes: ["12.71"]',
    agenciesByCode: `codes: ["${at.agencyCode}"]`,
    serviceUnitsByCode: `codes: ["${at.unitCode}"]`,
    employeesByNumber: `numbers: ["${at.nip}"]`,
    regionTrainingBudget: 'year: 2025, regionCode: "12.71"',
    trainingImpact: 'year: 2025, regionCodes: ["12.71"]',
    analytics: ANALYTICS_QUERY,
    analyticsCatalogue: '',
    competencies: '',
    universities: 'first: 2',
    courses: `universityId: ${at.universityId}, first: 2`,
    course: `id: ${at.courseId}`,
    offeringCatalogue: 'year: 2025, regionCode: "12.71", first: 2',
    courseOffering: `id: ${at.offeringId}`,
    regions: 'parentCode: "12.71", first: 2',
    region: 'code: "12.71"',
    agencies: 'regionCode: "12.71", first: 2',
    agency: `id: ${at.agencyId}`,
    serviceUnits: 'regionCode: "12.71", first: 2',
    serviceUnit: `id: ${at.unitId}`,
    employees: 'regionCode: "12.71", first: 2',
    employee: `id: ${at.employeeId}`,
    employeeByNip: `nip: "${at.nip}"`,
  };
}

/** One field of one type asked by one role: what the matrix expects and what happened. */
interface Cell {
  role: string;
  coordinate: string;
  expected: 'allowed' | 'refused';
  outcome: Outcome;
}

/** An alias of a probe document: the probe, the type it reaches and the fields it asks for. */
interface Alias {
  alias: string;
  probe: Probe;
  target: GraphQLObjectType;
  fields: string[];
  /** The fields are expected to be refused: alone in the alias, or all refused above them. */
  refused: boolean;
}

interface RoleRun {
  role: Role;
  cells: Cell[];
  /** Every answer's JSON, for the leak check. */
  answers: string[];
  requests: number;
}

/** The alias limit of a request. */
const ALIASES_PER_REQUEST = 15;

/** Whether the role's regions cover a region (the second region of a comparison). */
function covers(role: Role, code: string): boolean {
  return role.regions.some((scope) => scope === '*' || code === scope || code.startsWith(`${scope}.`));
}

/** What the matrix expects of a field reached through `coordinates` (a field under a refused one is refused). */
function expectedOf(role: Role, typeName: string, coordinates: string[], field: string): 'allowed' | 'refused' {
  return pathAllowed(role, typeName, coordinates) && role.may.has(accessOf(`${typeName}.${field}`))
    ? 'allowed'
    : 'refused';
}

/** Whether the role may read the fields a probe passes through to reach the type (and the regions it names). */
function pathAllowed(role: Role, typeName: string, coordinates: string[]): boolean {
  const alsoAbout = ALSO_ABOUT[typeName];
  return (
    coordinates.every((coordinate) => role.may.has(accessOf(coordinate))) &&
    (alsoAbout === undefined || covers(role, alsoAbout))
  );
}

/**
 * The aliases of one role: per type, the fields it may read in one alias and each field it may not in its
 * own (a refusal nulls only its alias); a type refused above its fields (the probe's path) in one alias.
 * Root fields are one alias each.
 */
function aliasesOf(role: Role, probes: Record<string, Probe>, roots: Record<string, string>): Alias[] {
  const query = schema.getQueryType();
  if (!query) throw new Error('no Query type');
  const aliases: Alias[] = [];
  for (const field of Object.keys(query.getFields())) {
    if (roots[field] === undefined)
      throw new Error(`no arguments for the root field Query.${field}: add them to rootArguments`);
    const refused = expectedOf(role, 'Query', [], field) === 'refused';
    aliases.push({ alias: '', probe: [], target: query, fields: [field], refused });
  }
  for (const [typeName, probe] of Object.entries(probes)) {
    const { target, coordinates } = walk(schema, probe);
    if (target.name !== typeName) throw new Error(`the probe of ${typeName} reaches ${target.name}`);
    const fields = Object.keys(target.getFields());
    const allowed = fields.filter((field) => expectedOf(role, typeName, coordinates, field) === 'allowed');
    const refused = fields.filter((field) => !allowed.includes(field));
    const pathRefused = !pathAllowed(role, typeName, coordinates);
    if (allowed.length > 0) aliases.push({ alias: '', probe, target, fields: allowed, refused: false });
    if (pathRefused) aliases.push({ alias: '', probe, target, fields: refused, refused: true });
    else for (const field of refused) aliases.push({ alias: '', probe, target, fields: [field], refused: true });
  }
  return aliases;
}

/**
 * Aliases into requests of at most 15: those under a nullable root field together; under a non-null root
 * (a refusal there nulls the whole answer) each refused one alone, and the allowed ones of the same root
 * merged into one field (one costly comparison, not one per type).
 */
function requestsOf(aliases: Alias[]): Alias[][] {
  const shared = new Map<string, Alias[]>();
  const alone: Alias[][] = [];
  for (const alias of aliases) {
    const [root] = alias.probe;
    const nullable = root !== undefined && rootIsNullable(schema, alias.probe);
    if (root === undefined || (!nullable && alias.refused)) alone.push([alias]);
    else {
      const key = nullable ? '' : `${root.field}(${root.args ?? ''})`;
      shared.set(key, [...(shared.get(key) ?? []), alias]);
    }
  }
  const requests: Alias[][] = alone.map((request) => request.map((alias) => ({ ...alias, alias: 'a0' })));
  for (const [key, group] of shared)
    for (let start = 0; start < group.length; start += ALIASES_PER_REQUEST)
      requests.push(
        // The same alias and arguments: GraphQL merges the selections into one field.
        group
          .slice(start, start + ALIASES_PER_REQUEST)
          .map((alias, index) => ({ ...alias, alias: key === '' ? `a${index}` : 'a0' })),
      );
  return requests;
}

/** A selection tree: the fields selected here, and the steps below by their text. */
interface Tree {
  selected: Set<string>;
  below: Map<string, Tree>;
}

function render(tree: Tree): string {
  const below = [...tree.below].map(([step, subtree]) => `${step} { ${render(subtree)} }`);
  return [...tree.selected, ...below].join(' ');
}

/** The document of a request; aliases of the same name merge into one tree (one comparison, counted once). */
function documentOf(request: Alias[], roots: Record<string, string>): string {
  const trees = new Map<string, Tree>();
  const parts: string[] = [];
  for (const { alias, probe, target, fields } of request) {
    if (probe.length === 0) {
      const [field = ''] = fields;
      parts.push(`${alias}: ${selectionOf(target, field, roots[field] ?? '')}`);
      continue;
    }
    let tree = trees.get(alias) ?? { selected: new Set<string>(), below: new Map<string, Tree>() };
    trees.set(alias, tree);
    for (const step of probe) {
      const key = `${step.field}${step.args ? `(${step.args})` : ''}`;
      const next = tree.below.get(key) ?? { selected: new Set<string>(), below: new Map<string, Tree>() };
      tree.below.set(key, next);
      tree = next;
    }
    for (const field of fields) tree.selected.add(selectionOf(target, field));
    // A suppressible measure: its reason tells a suppressed value from a refused one.
    if (MATRIX[target.name]?.suppressible) tree.selected.add('suppressedReason');
  }
  for (const [alias, tree] of trees) parts.push(`${alias}: ${render(tree)}`);
  return `{ ${parts.join(' ')} }`;
}

async function runRole(role: Role, probes: Record<string, Probe>, roots: Record<string, string>): Promise<RoleRun> {
  const requests = requestsOf(aliasesOf(role, probes, roots));
  const run: RoleRun = { role, cells: [], answers: [], requests: requests.length };
  for (const request of requests) {
    const response = await api.query<Record<string, unknown>, Record<string, never>>(
      documentOf(request, roots),
      undefined,
      role.caller,
    );
    const errors = (response.errors ?? []) as GraphqlError[]; // the gateway's errors, with their paths
    run.answers.push(JSON.stringify(response));
    for (const { alias, probe, target, fields, refused } of request) {
      const coordinates = probe.length === 0 ? [] : walk(schema, probe).coordinates;
      // A refused alias asks only about what is refused: every error there is about it (a `@requires` or
      // key fetch names the fields it needed, not the one asked for).
      const ownErrors = refused ? errors.filter((error) => error.path?.[0] === alias) : [];
      for (const field of fields) {
        const outcome =
          probe.length === 0
            ? rootOutcome(response.data, alias, errors)
            : outcomeOf({ ...response, errors }, alias, probe, field, MATRIX[target.name]?.suppressible === true);
        run.cells.push({
          role: role.name,
          coordinate: `${target.name}.${field}`,
          expected: expectedOf(role, target.name, coordinates, field),
          outcome:
            outcome.kind === 'unreached' && ownErrors.length > 0 ? { kind: 'refused', errors: ownErrors } : outcome,
        });
      }
    }
  }
  return run;
}

/** A root field: its value under the alias, or the errors at it. */
function rootOutcome(data: Record<string, unknown> | undefined, alias: string, errors: GraphqlError[]): Outcome {
  const value = data?.[alias];
  if (value !== null && value !== undefined) return { kind: 'value' };
  const at = errors.filter((error) => error.path?.[0] === alias);
  if (at.length > 0) return { kind: 'refused', errors: at };
  return data && alias in data ? { kind: 'null' } : { kind: 'unreached', errors };
}

/** Why a cell disagrees with the matrix, or undefined when it agrees. */
function disagreement(cell: Cell, role: Role): string | undefined {
  const where = `${role.name} ${cell.coordinate}`;
  const { outcome } = cell;
  if (cell.expected === 'allowed') {
    if (outcome.kind === 'value' || outcome.kind === 'null') return undefined;
    if (outcome.kind === 'suppressed')
      return role.may.has('person') ? `${where}: suppressed for a role that may see people` : undefined;
    return `${where}: expected allowed, got ${explain(outcome)}`;
  }
  if (outcome.kind === 'value') return `${where}: LEAK: expected refused, got a value`;
  if (outcome.kind !== 'refused') return `${where}: expected refused, got ${explain(outcome)}`;
  const wrong = outcome.errors.filter((error) => error.extensions?.code !== role.refusal);
  if (wrong.length > 0) return `${where}: expected ${role.refusal}, got ${explain(outcome)}`;
  if (role.refusedRegionWithin !== undefined) {
    const scope = role.refusedRegionWithin;
    const unnamed = outcome.errors.filter((error) => {
      const code = error.extensions?.regionCode;
      return typeof code !== 'string' || !(code === scope || code.startsWith(`${scope}.`));
    });
    if (unnamed.length > 0) return `${where}: a FORBIDDEN without the region ${scope}: ${explain(outcome)}`;
  }
  return undefined;
}

function explain(outcome: Outcome): string {
  if (outcome.kind === 'refused' || outcome.kind === 'unreached')
    return `${outcome.kind} ${JSON.stringify(
      outcome.errors.slice(0, 2).map((error) => ({ path: error.path, ...error.extensions, message: error.message })),
    )}`;
  return outcome.kind;
}

describe('the authorization matrix', () => {
  it('has exactly one rule per field of the API schema', () => {
    expect(matrixProblems(schema)).toEqual([]);
  });

  it('fails for a field without a rule, and for a rule without a field', () => {
    const extended = buildSchema(
      `${readFileSync(join(projectRoot(), 'schema/api.graphql'), 'utf8')}\nextend type Agency { secretBudget: Int }`,
    );
    expect(matrixProblems(extended)).toEqual(['no access rule for Agency.secretBudget: add one to the matrix']);
    const withGhost = { ...MATRIX, Ghost: { rule: 'public' as const, fields: { id: '=' as const } } };
    expect(matrixProblems(schema, withGhost)).toEqual([
      'the matrix has a rule for Ghost, which the schema no longer has: remove it',
    ]);
  });

  it('leaves the internal types unreachable from Query, and probes every other type', () => {
    const reachable = reachableTypes(schema);
    for (const objectType of objectTypes(schema)) {
      const internal = isUnprobed(MATRIX[objectType.name]?.rule);
      expect(reachable.has(objectType.name), objectType.name).toBe(!internal);
    }
  });

  describe('through the gateway, per role', () => {
    let instances: Instances;
    let runs: RoleRun[];
    beforeAll(async () => {
      // An entry of each access log in Kota Medan and in Merauke, whatever other tests have logged.
      const tooling = parseViewer({
        role: 'national-admin',
        regionCodes: [],
        universityCode: null,
        subject: 'matrix-test',
        via: 'jwt',
      });
      for (const region of ['12.71', '93.01']) {
        await recordSensitiveRead(api.db, tooling, { operation: 'Employee.nip', regionCodes: [region] });
        await recordAuditEvent(api.db, tooling, {
          entity: 'matrix-probe',
          key: `MATRIX-${region}`,
          action: 'UPDATE',
          regionCode: region,
          before: { title: 'a' },
          after: { title: 'b' },
        });
      }
      // And a file imported, with an error reported, whatever the import tests did elsewhere: it named data of
      // both probed regions, so each regional administrator reaches it.
      await api.db.query(
        `insert into personnel.import_run (kind, file_name, file_sha256, imported_by, started_at, finished_at, outcome,
           rows_read, inserted, updated, unchanged, error_count, first_errors, region_codes)
         values ('employees', 'matrix.csv', repeat('a', 64), 'matrix-test', now(), now(), 'REJECTED', 2, 0, 0, 0, 1,
           '{"line 2, nip: not a NIP"}', '{12.71,93.01}')`,
      );
      instances = await findInstances();
      const probes = probesOf(instances);
      const roots = rootArguments(instances);
      const probed = new Set(['Query', ...Object.keys(probes)]);
      const missing = objectTypes(schema)
        .filter((objectType) => !isUnprobed(MATRIX[objectType.name]?.rule) && !probed.has(objectType.name))
        .map((objectType) => objectType.name);
      if (missing.length > 0) throw new Error(`no probe for ${missing.join(', ')}: add one to probesOf`);
      runs = await Promise.all(ROLES.map((role) => runRole(role, probes, roots)));
    });

    it('gives every role exactly what the matrix says, field by field', () => {
      const problems = runs.flatMap((run) =>
        run.cells.map((cell) => disagreement(cell, run.role)).filter((p): p is string => p !== undefined),
      );
      expect(problems).toEqual([]);
      // Every role asked about every field of every probed type.
      const fields = objectTypes(schema)
        .filter((objectType) => !isUnprobed(MATRIX[objectType.name]?.rule))
        .reduce((sum, objectType) => sum + Object.keys(objectType.getFields()).length, 0);
      for (const run of runs) expect(new Set(run.cells.map((cell) => cell.coordinate)).size).toBe(fields);
    });

    it('reaches real data: a national administrator gets a value for every field but those null on the probed instances', () => {
      const national = runs.find((run) => run.role.name === 'national-admin');
      const nulls = national?.cells.filter((cell) => cell.outcome.kind !== 'value').map((cell) => cell.coordinate);
      expect(nulls).toEqual([
        'CourseOffering.suppressedReason', // nothing withheld from a national administrator
        'Employee.niPppk', // a PNS has a NIP instead
        'MentoringPair.endedOn', // ongoing
        'CurriculumVersion.publishedBy', // version 1 came with the data, published by nobody who signed in
        'Exposure.suppressedReason',
        'TrainingCost.note', // costs are all there
        'TrainingCost.suppressedReason',
        'PlaceboCheck.nextYearExposure', // no survey of 2026 yet
        'PlaceboCheck.pValue',
        'CostPerIkmPoint.reason', // there is a figure
        'KirkpatrickChain.suppressedReason',
        'PeopleMeasure.suppressedReason', // never suppressed for a national administrator
        'UnitImpact.suppressedReason',
        'AnalyticsValue.rupiah', // the probed measures are not money
        'AnalyticsValue.suppressedReason',
      ]);
    });

    it('leaks no personal data to a role that may not see it (and shows it to one that may)', () => {
      expect(instances.personal.length).toBeGreaterThan(3);
      for (const run of runs) {
        const text = run.answers.join('\n');
        const seen = instances.personal.filter((value) => text.includes(value));
        if (run.role.may.has('person')) expect(seen, run.role.name).toContain(instances.nip);
        else expect(seen, run.role.name).toEqual([]);
      }
    });
  });
});
