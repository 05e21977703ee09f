import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/**
 * The authorization matrix of issue 8, as data: who may read each field of the public API, written from
 * the definitions (not from the decorators, so that the test can disagree with the code), and
 * the small machinery to probe a field through the gateway and read its outcome.
 *
 * Classes:
 * - `public`: anyone (published courses and curricula, the offering catalogue, regions, agencies and units
 *   as organisations): nothing about people.
 * - `aggregate`: counts, sums and means over people or budgets: planners and administrators within their
 *   regions.
 * - `course-aggregate`: an aggregate of a course's offering: as `aggregate`, and the partner university
 *   providing the course.
 * - `person`: person-level data (NIP, NI PPPK, name, birth date, gender, appraisals, enrolments and test
 *   scores, mentoring pairs, careers): regional administrators within their regions and national
 *   administrators only.
 * - `{ nested: 'Type.field' }`: reachable only under that field, whose rule decides (connections, the
 *   parts of the training-impact comparison).
 * - `audit`: the access logs (who read personal data, who changed what): administrators, each seeing the
 *   entries of its own regions.
 * - `course-editor`: who changed a curriculum: those who may edit it (the providing university,
 *   administrators of its region).
 * - `internal`: a type left in the API schema that no field of the API reaches: the test asserts that
 *   nothing reaches it. (The inputs of the comparison between subgraphs are `@inaccessible` types now, so
 *   the API schema has none.)
 * - `mutation`: the writes and what only they return: not probed here (a probe would change data); who
 *   may write is tested where the writes are (curriculum-writes.test.ts, access-administration.test.ts).
 */
export type Access = 'public' | 'aggregate' | 'course-aggregate' | 'person' | 'audit' | 'course-editor';
export type Rule = Access | { nested: string };
/** Types the per-role probes do not ask about: unreachable (`internal`) or reached only by writes (`mutation`). */
export type Unprobed = 'internal' | 'mutation';

export interface TypeRule {
  /** The type's class, or `internal` / `mutation`. */
  rule: Rule | Unprobed;
  /** Every field of the type: those with the type's class by name, the others with their own rule. */
  fields: Record<string, Rule | '='>;
  /** A `PeopleMeasure`: a null `value` with a `suppressedReason` counts as suppressed, not as refused. */
  suppressible?: boolean;
}

/** `type('public', ['id', 'name'], { head: 'person' })`: a class with per-field overrides. */
function type(rule: Rule | Unprobed, same: string[], overrides: Record<string, Rule> = {}): TypeRule {
  return { rule, fields: { ...Object.fromEntries(same.map((name) => [name, '='] as const)), ...overrides } };
}

const IMPACT: Rule = { nested: 'Query.trainingImpact' };
const CONNECTION = ['nodes', 'pageInfo', 'totalCount'];
const ANALYTICS: Rule = { nested: 'Query.analytics' };
const CATALOGUE: Rule = { nested: 'Query.analyticsCatalogue' };

export const MATRIX: Record<string, TypeRule> = {
  Query: type(
    'public',
    [
      'competencies',
      'universities',
      'courses',
      'course',
      'offeringCatalogue',
      'courseOffering',
      'regions',
      'region',
      'agencies',
      'agency',
      'serviceUnits',
      'serviceUnit',
    ],
    {
      budgetLines: 'aggregate',
      regionTrainingBudget: 'aggregate',
      trainingImpact: 'aggregate',
      analytics: 'aggregate',
      analyticsCatalogue: 'public',
      employees: 'person',
      employee: 'person',
      employeeByNip: 'person',
      sensitiveReads: 'audit',
      auditEvents: 'audit',
      personnelImports: 'audit',
      learningImports: 'audit',
      budgetingImports: 'audit',
      evaluationImports: 'audit',
      regionsByCode: 'public',
      agenciesByCode: 'public',
      serviceUnitsByCode: 'public',
      employeesByNumber: 'person',
    },
  ),
  Mutation: type('mutation', [
    'createCourse',
    'updateCourse',
    'publishCurriculumVersion',
    'createApiKey',
    'revokeApiKey',
    'upsertBudgetLine',
    'recordSkpAppraisal',
    'recordEnrolment',
    'submitIkmSurvey',
    'upsertEmployee',
  ]),
  CreatedApiKey: type('mutation', ['id', 'key', 'role', 'regionCodes', 'universityCode']),
  BudgetLineWrite: type('mutation', ['line', 'outcome']),
  SkpAppraisalWrite: type('mutation', ['outcome', 'predicate']),
  EnrolmentWrite: type('mutation', ['outcome', 'status', 'jpEarned']),
  IkmSurveyWrite: type('mutation', ['outcome', 'respondents', 'score', 'grade']),
  EmployeeWrite: type('mutation', ['outcome', 'employee']),
  Region: type(
    'public',
    ['code', 'offerings', 'name', 'level', 'kind', 'parentCode', 'parent', 'children', 'agencies', 'serviceUnits'],
    {
      employees: 'person',
    },
  ),
  Agency: type('public', ['id', 'code', 'name', 'kind', 'regionCode', 'region', 'serviceUnits'], {
    trainingBudget: 'aggregate',
    trainingBudgetSummary: 'aggregate',
    head: 'person',
    employees: 'person',
  }),
  ServiceUnit: type(
    'public',
    ['id', 'code', 'name', 'kind', 'populationServed', 'regionCode', 'agencyId', 'region', 'agency'],
    {
      ikm: 'aggregate',
      ikmSurveys: 'aggregate',
      employees: 'person',
    },
  ),
  CourseOffering: {
    ...type(
      'public',
      ['id', 'code', 'regionCode', 'year', 'startsOn', 'endsOn', 'capacity', 'venue', 'status', 'course', 'region'],
      {
        curriculumVersion: 'public',
        participantCount: 'course-aggregate',
        jpDelivered: 'course-aggregate',
        suppressedReason: 'course-aggregate',
        cost: 'aggregate',
        enrolments: 'person',
      },
    ),
    suppressible: true,
  },
  Course: type('public', [
    'id',
    'code',
    'title',
    'programme',
    'mode',
    'delivery',
    'jp',
    'description',
    'provider',
    'modules',
    'learningOutcomes',
    'offerings',
    'curriculumVersions',
  ]),
  CurriculumVersion: type(
    'public',
    ['id', 'version', 'publishedAt', 'note', 'jp', 'current', 'course', 'modules', 'learningOutcomes'],
    { publishedBy: 'course-editor' },
  ),
  University: type('public', ['id', 'code', 'name', 'shortName', 'regionCode', 'courses', 'region']),
  CourseModule: type('public', ['id', 'seq', 'title', 'jp']),
  LearningOutcome: type('public', ['id', 'statement', 'targetLevel', 'moduleId', 'competency']),
  Competency: type('public', ['id', 'code', 'name', 'kind', 'description']),

  BudgetLine: type('aggregate', ['id', 'year', 'subActivityCode', 'description', 'ceiling', 'realised', 'unspent']),
  BudgetSummary: type('aggregate', ['year', 'ceiling', 'realised', 'realisationRate', 'lines']),
  OfferingCost: type('aggregate', ['planned', 'realised', 'perParticipant', 'perJp']),
  IkmSurvey: type('aggregate', [
    'id',
    'year',
    'conductedOn',
    'populationServed',
    'respondents',
    'minimumRespondents',
    'underSampled',
    'score',
    'reportedScore',
    'grade',
    'performance',
    'elements',
  ]),
  IkmElementScore: type({ nested: 'ServiceUnit.ikm' }, ['elementNo', 'name', 'nrr']),

  Employee: type('person', [
    'id',
    'skp',
    'skpHistory',
    'enrolments',
    'jp',
    'asnType',
    'nip',
    'niPppk',
    'fullName',
    'birthDate',
    'gender',
    'appointedOn',
    'agencyId',
    'unitId',
    'positionTitle',
    'positionKind',
    'positionLevel',
    'regionCode',
    'rank',
    'agency',
    'unit',
    'rankHistory',
    'positionHistory',
    'mentors',
    'mentees',
  ]),
  Rank: type({ nested: 'Employee.rank' }, ['code', 'asnType', 'golongan', 'title', 'ordinal']),
  RankHistoryEntry: type('person', ['rankCode', 'tmt']),
  PositionHistoryEntry: type('person', ['title', 'positionKind', 'positionLevel', 'tmt', 'agencyId', 'unitId']),
  MentoringPair: type('person', ['id', 'startedOn', 'endedOn', 'focus', 'mentor', 'mentee']),
  SkpAppraisal: type('person', ['year', 'hasilKerja', 'perilakuKerja', 'predicate', 'predicateLabel', 'unitId']),
  Enrolment: type('person', [
    'id',
    'year',
    'status',
    'jpEarned',
    'preTest',
    'postTest',
    'satisfaction',
    'offering',
    'employee',
    'unit',
    'testGain',
  ]),
  JpSummary: type('person', ['year', 'jp', 'minimumJp', 'reachedMinimum', 'completedCourses']),

  TrainingImpactComparison: type(IMPACT, ['id', 'year', 'regionCodes', 'regions', 'ranking', 'differences']),
  RegionImpact: type(IMPACT, [
    'regionCode',
    'rank',
    'rankInterval',
    'exposure',
    'serviceQuality',
    'cost',
    'effect',
    'costPerIkmPoint',
    'verdict',
    'verdictReason',
    'kirkpatrick',
    'units',
    'region',
  ]),
  RankInterval: type(IMPACT, ['lower', 'upper', 'probabilityFirst']),
  Exposure: {
    ...type(IMPACT, ['units', 'staff', 'participants', 'jp', 'jpPerStaff', 'reachedMinimumShare', 'suppressedReason']),
    suppressible: true,
  },
  ServiceQuality: type(IMPACT, [
    'unitsSurveyed',
    'meanIkm',
    'meanIkmPrevious',
    'meanChange',
    'unitsWithBothYears',
    'underSampledUnits',
  ]),
  TrainingCost: {
    ...type(IMPACT, ['realisedSpending', 'ceiling', 'costPerJp', 'costPerParticipant', 'note', 'suppressedReason']),
    suppressible: true,
  },
  TrainingEffect: type(IMPACT, [
    'perTenJp',
    'inference',
    'unweightedPerTenJp',
    'priorIkmCoefficient',
    'changeScorePerTenJp',
    'units',
    'clusters',
    'pAboveZero',
    'pAboveZeroHolm',
    'pBelowMinimumHolm',
    'holmFamilySize',
    'minimumMeaningfulEffect',
    'placebo',
    'contrast',
    'unitsAtOrAbove20Jp',
    'unitsBelow20Jp',
  ]),
  Estimate: type(IMPACT, ['estimate', 'standardError', 'degreesOfFreedom', 'lower', 'upper', 'confidence']),
  PlaceboCheck: type(IMPACT, ['nextYearExposure', 'failed', 'pValue', 'reason']),
  CostPerIkmPoint: type(IMPACT, ['estimate', 'lower', 'upper', 'attributedSpending', 'attributablePoints', 'reason']),
  KirkpatrickChain: {
    ...type(IMPACT, [
      'l1Satisfaction',
      'l2TestGain',
      'l3SkpChange',
      'l3TrainedStaff',
      'l3UntrainedStaff',
      'l4IkmEffect',
      'suppressedReason',
    ]),
    suppressible: true,
  },
  PeopleMeasure: { ...type(IMPACT, ['value', 'count', 'suppressedReason']), suppressible: true },
  UnitImpact: {
    ...type(IMPACT, [
      'unitId',
      'staff',
      'jp',
      'jpPerStaff',
      'reachedMinimumShare',
      'jpBeforeSurvey',
      'surveyedOn',
      'district',
      'respondents',
      'ikm',
      'ikmPrevious',
      'ikmChange',
      'underSampled',
      'inEstimate',
      'suppressedReason',
    ]),
    suppressible: true,
  },
  EffectDifference: type(IMPACT, [
    'regionCode',
    'otherRegionCode',
    'difference',
    'pValue',
    'pValueHolm',
    'distinguishable',
  ]),

  AnalyticsResult: type(ANALYTICS, ['measures', 'dimensions', 'rows', 'totals', 'pageInfo', 'totalCount', 'csv']),
  AnalyticsRow: type(ANALYTICS, ['cursor', 'dimensions', 'values']),
  AnalyticsDimensionValue: type(ANALYTICS, ['dimension', 'code', 'label']),
  AnalyticsValue: { ...type(ANALYTICS, ['measure', 'value', 'rupiah', 'suppressedReason']), suppressible: true },
  AnalyticsCatalogue: type(CATALOGUE, ['measures', 'dimensions']),
  AnalyticsMeasureInfo: type(CATALOGUE, [
    'measure',
    'title',
    'titleId',
    'description',
    'unit',
    'owner',
    'aboutPeople',
    'dimensions',
  ]),
  AnalyticsDimensionInfo: type(CATALOGUE, ['dimension', 'title', 'titleId', 'description', 'ordered', 'measures']),

  // Structure: a page of items is as open as the field that returns it.
  PageInfo: type({ nested: 'Region.children' }, ['endCursor', 'hasNextPage']),
  RegionConnection: type({ nested: 'Region.children' }, CONNECTION),
  AgencyConnection: type({ nested: 'Region.agencies' }, CONNECTION),
  ServiceUnitConnection: type({ nested: 'Agency.serviceUnits' }, CONNECTION),
  UniversityConnection: type({ nested: 'Query.universities' }, CONNECTION),
  CourseConnection: type({ nested: 'University.courses' }, CONNECTION),
  CourseOfferingConnection: type({ nested: 'Region.offerings' }, CONNECTION),
  BudgetLineConnection: type({ nested: 'Agency.trainingBudget' }, CONNECTION),
  IkmSurveyConnection: type({ nested: 'ServiceUnit.ikmSurveys' }, CONNECTION),
  EmployeeConnection: type({ nested: 'ServiceUnit.employees' }, CONNECTION),
  EnrolmentConnection: type({ nested: 'CourseOffering.enrolments' }, CONNECTION),
  SkpAppraisalConnection: type({ nested: 'Employee.skpHistory' }, CONNECTION),
  RankHistoryConnection: type({ nested: 'Employee.rankHistory' }, CONNECTION),
  PositionHistoryConnection: type({ nested: 'Employee.positionHistory' }, CONNECTION),
  MentoringPairConnection: type({ nested: 'Employee.mentors' }, CONNECTION),
  CurriculumVersionConnection: type({ nested: 'Course.curriculumVersions' }, CONNECTION),
  SensitiveReadConnection: type({ nested: 'Query.sensitiveReads' }, CONNECTION),
  AuditEventConnection: type({ nested: 'Query.auditEvents' }, CONNECTION),
  ImportRunConnection: type({ nested: 'Query.personnelImports' }, CONNECTION),
  ImportRun: type({ nested: 'Query.personnelImports' }, [
    'id',
    'kind',
    'fileName',
    'fileSha256',
    'importedBy',
    'startedAt',
    'finishedAt',
    'outcome',
    'rowsRead',
    'inserted',
    'updated',
    'unchanged',
    'errorCount',
    'firstErrors',
    'source',
    'regionCodes',
  ]),
  SensitiveRead: type({ nested: 'Query.sensitiveReads' }, [
    'id',
    'at',
    'subject',
    'role',
    'via',
    'regionCodes',
    'operation',
  ]),
  AuditEvent: type({ nested: 'Query.auditEvents' }, [
    'id',
    'at',
    'subject',
    'role',
    'entity',
    'entityKey',
    'action',
    'regionCode',
    'before',
    'after',
  ]),
};

/** Object types of the schema a client can see (introspection types excepted). */
export function objectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (named): named is GraphQLObjectType => isObjectType(named) && !named.name.startsWith('__'),
  );
}

/** Differences between the schema and the matrix, as messages: fields without a rule, rules without a field. */
export function matrixProblems(schema: GraphQLSchema, matrix: Record<string, TypeRule> = MATRIX): string[] {
  const problems: string[] = [];
  const types = objectTypes(schema);
  for (const objectType of types) {
    const typeRule = matrix[objectType.name];
    for (const field of Object.keys(objectType.getFields()))
      if (typeRule?.fields[field] === undefined)
        problems.push(`no access rule for ${objectType.name}.${field}: add one to the matrix`);
  }
  const names = new Set(types.map((objectType) => objectType.name));
  for (const [typeName, typeRule] of Object.entries(matrix)) {
    const objectType = schema.getType(typeName);
    if (!names.has(typeName) || !isObjectType(objectType)) {
      problems.push(`the matrix has a rule for ${typeName}, which the schema no longer has: remove it`);
      continue;
    }
    for (const field of Object.keys(typeRule.fields))
      if (objectType.getFields()[field] === undefined)
        problems.push(`the matrix has a rule for ${typeName}.${field}, which the schema no longer has: remove it`);
  }
  for (const [coordinate, rule] of fieldRules(matrix))
    if (typeof rule === 'object' && !fieldRules(matrix).has(rule.nested))
      problems.push(`${coordinate} is nested under ${rule.nested}, which has no rule`);
  return problems;
}

/** Every `Type.field` with its own rule (a field marked '=' takes its type's). */
export function fieldRules(matrix: Record<string, TypeRule> = MATRIX): Map<string, Rule | Unprobed> {
  const rules = new Map<string, Rule | Unprobed>();
  for (const [typeName, typeRule] of Object.entries(matrix))
    for (const [field, rule] of Object.entries(typeRule.fields))
      rules.set(`${typeName}.${field}`, rule === '=' ? typeRule.rule : rule);
  return rules;
}

/** The class a coordinate's rule comes down to, following `nested` to the field that guards it. */
export function accessOf(coordinate: string, matrix: Record<string, TypeRule> = MATRIX): Access {
  const rules = fieldRules(matrix);
  let rule = rules.get(coordinate);
  const seen = new Set<string>();
  while (typeof rule === 'object') {
    if (seen.has(rule.nested)) throw new Error(`nested rules loop at ${rule.nested}`);
    seen.add(rule.nested);
    rule = rules.get(rule.nested);
  }
  if (rule === undefined || rule === 'internal' || rule === 'mutation')
    throw new Error(`${coordinate} has no rule a query can reach`);
  return rule;
}

/** Object type names reachable from Query through the fields of the schema. */
export function reachableTypes(schema: GraphQLSchema): Set<string> {
  const query = schema.getQueryType();
  const reached = new Set<string>();
  const pending: GraphQLObjectType[] = query ? [query] : [];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (reached.has(next.name)) continue;
    reached.add(next.name);
    for (const field of Object.values(next.getFields())) {
      const named = getNamedType(field.type);
      if (isObjectType(named)) pending.push(named);
    }
  }
  return reached;
}

/** The roles of the matrix: who each is, and which classes it may read for the probed (Kota Medan) data. */
export interface MatrixRole {
  name: string;
  may: ReadonlySet<Access>;
  /** The code a refusal carries: UNAUTHENTICATED for anonymous (signing in may help), else FORBIDDEN. */
  refusal: 'UNAUTHENTICATED' | 'FORBIDDEN';
  /** A refusal for region must name a region inside this one (a role scoped elsewhere asking about it). */
  refusedRegionWithin?: string;
}

/** One step from Query to the probed instance: a field and its arguments as written in the query. */
export interface Step {
  field: string;
  args?: string;
}

/** A way to reach an instance of a type: the steps from Query (the first is a root field). */
export type Probe = Step[];

/** Arguments for a field of the probed type: `year: 2025`, `first: 2`; any other required argument is an error. */
export function argumentsFor(coordinate: string, field: GraphQLField<unknown, unknown>): string {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'year') parts.push('year: 2025');
    else if (arg.name === 'first') parts.push('first: 2');
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined)
      throw new Error(`no value for the required argument ${coordinate}(${arg.name}:): give the probe one`);
  }
  return parts.length === 0 ? '' : `(${parts.join(', ')})`;
}

/** A field as selected by a probe: a scalar by name, an object by its `__typename` (its own probe reads the rest). */
export function selectionOf(parent: GraphQLObjectType, name: string, args?: string): string {
  const field = parent.getFields()[name];
  if (!field) throw new Error(`${parent.name}.${name} does not exist`);
  const written = args === undefined ? argumentsFor(`${parent.name}.${name}`, field) : args ? `(${args})` : '';
  return `${name}${written}${isObjectType(getNamedType(field.type)) ? ' { __typename }' : ''}`;
}

/** The type a probe reaches and the coordinates of its steps (`Query.agency`, `Agency.trainingBudget`). */
export function walk(schema: GraphQLSchema, probe: Probe): { target: GraphQLObjectType; coordinates: string[] } {
  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  let current: GraphQLObjectType = query;
  const coordinates: string[] = [];
  for (const step of probe) {
    const field: GraphQLField<unknown, unknown> | undefined = current.getFields()[step.field];
    if (!field) throw new Error(`${current.name}.${step.field} does not exist`);
    coordinates.push(`${current.name}.${step.field}`);
    const named: GraphQLNamedType = getNamedType(field.type);
    if (!isObjectType(named)) throw new Error(`${current.name}.${step.field} is not an object`);
    current = named;
  }
  return { target: current, coordinates };
}

/** Whether the root field of a probe may be null (a denial below it then nulls only its alias). */
export function rootIsNullable(schema: GraphQLSchema, probe: Probe): boolean {
  const [first] = probe;
  const field = first && schema.getQueryType()?.getFields()[first.field];
  return field !== undefined && !isNonNullType(field.type);
}

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; regionCode?: string; [key: string]: unknown };
}

export type Outcome =
  | { kind: 'value' }
  | { kind: 'null' }
  | { kind: 'suppressed' }
  | { kind: 'refused'; errors: GraphqlError[] }
  | { kind: 'unreached'; errors: GraphqlError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The instances a probe reached under its alias (lists flattened, nulls dropped). */
export function instancesOf(data: unknown, alias: string, probe: Probe): Record<string, unknown>[] {
  let values: unknown[] = [isRecord(data) ? data[alias] : undefined];
  for (const step of probe.slice(1))
    values = values.flatMap((value) => (isRecord(value) ? [value[step.field]] : [])).flat();
  return values.filter(isRecord);
}

/** Errors at the field or at one of its ancestors (list indices ignored). */
export function errorsAt(errors: readonly GraphqlError[], path: readonly string[]): GraphqlError[] {
  return errors.filter((error) => {
    const names = (error.path ?? []).filter((segment): segment is string => typeof segment === 'string');
    return names.length > 0 && names.length <= path.length && names.every((name, index) => name === path[index]);
  });
}

/** What happened to one field of a probe: a value, null, suppressed (small cell), refused or not reached. */
export function outcomeOf(
  response: { data?: unknown; errors?: readonly GraphqlError[] },
  alias: string,
  probe: Probe,
  field: string,
  suppressible: boolean,
): Outcome {
  const instances = instancesOf(response.data, alias, probe);
  const path = [alias, ...probe.slice(1).map((step) => step.field), field];
  const errors = errorsAt(response.errors ?? [], path);
  const values = instances.map((instance) => instance[field]);
  if (values.some((value) => value !== null && value !== undefined)) return { kind: 'value' };
  if (errors.length > 0) return { kind: 'refused', errors };
  if (suppressible && instances.some((instance) => typeof instance.suppressedReason === 'string'))
    return { kind: 'suppressed' };
  if (instances.length > 0 && values.every((value) => value === null)) return { kind: 'null' };
  return { kind: 'unreached', errors: response.errors ? [...response.errors] : [] };
}
