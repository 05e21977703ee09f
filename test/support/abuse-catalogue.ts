/**
 * The catalogue of bad and abusive requests: each says where it goes, what it sends and what
 * the platform must answer. test/abuse.test.ts runs them all.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../subgraphs/shared/config.js';

export type Target = 'gateway' | 'personnel' | 'learning' | 'budgeting' | 'evaluation';

export interface AbuseCase {
  category: string;
  name: string;
  target?: Target;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. Omitted for GET. */
  body?: unknown;
  status: number;
  /** The first error's extensions.code, when the answer carries errors. */
  code?: string;
  /** A word the first error's message must contain (the limit's name, the argument...). */
  message?: RegExp;
  /**
   * A request carries a national administrator's credential, so that the defence under test is what
   * answers: at the gateway a development token, at a subgraph the gateway's internal token. false
   * sends none.
   */
  gatewayCredential?: false;
}

const q = (query: string, variables?: Record<string, unknown>, operationName?: string) => ({
  query,
  variables,
  operationName,
});
const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const MB = 'x'.repeat(1024 * 1024);

const cases: AbuseCase[] = [];
const add = (category: string, list: Omit<AbuseCase, 'category'>[]) =>
  cases.push(...list.map((c) => ({ category, ...c })));

// ---------- depth ----------
// parent and children alternately: `parent` is one level, `children { nodes` two.
const regionChain = (levels: number) => {
  let text = 'name';
  for (let i = levels - 1; i >= 0; i -= 1) text = i % 2 === 0 ? `parent { ${text} }` : `children { nodes { ${text} } }`;
  return `{ region(code: "93.01.11.2009") { ${text} } }`;
};
add('depth', [
  ...[8, 11, 16, 40, 200].map((levels) => ({
    name: `parent/children ${levels} levels`,
    body: q(regionChain(levels)),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /depth limit of 10/i,
  })),
  {
    name: 'depth 11: one level over the limit',
    body: q(
      `{ region(code: "12.71") { children(first: 1) { nodes { children(first: 1) { nodes { children(first: 1) { nodes { parent { parent { parent { name } } } } } } } } } } }`,
    ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /depth limit of 10.*11/i,
  },
  {
    name: 'unit/employees/unit chain 6 rounds',
    body: q(`{ serviceUnit(id: 1) { ${'employees(first: 1) { nodes { unit { '.repeat(6)}id${' } } }'.repeat(6)} } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'depth through fragments',
    body: q(
      `query { region(code: "12.71") { ...A } } fragment A on Region { parent { ...B } } fragment B on Region { children { nodes { ...C } } } fragment C on Region { parent { children { nodes { parent { children { nodes { parent { children { nodes { name } } } } } } } } } }`,
    ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /depth/i,
  },
  {
    name: 'depth through inline fragments',
    body: q(
      `{ region(code: "12.71") { ${'... on Region { children { nodes { '.repeat(14)}name${' } } }'.repeat(14)} } }`,
    ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /depth/i,
  },
]);

// ---------- aliases ----------
add('aliases', [
  {
    name: '20 aliases of regions(level: VILLAGE)',
    body: q(`{ ${repeat(20, (i) => `a${i}: regions(level: VILLAGE) { nodes { code name } }`)} }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /alias/i,
  },
  {
    name: '20 aliases of regions(level: VILLAGE, first: 1000)',
    body: q(`{ ${repeat(20, (i) => `a${i}: regions(level: VILLAGE, first: 1000) { nodes { code name } }`)} }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /aliases limit of 15/i,
  },
  {
    name: '100 aliases of trainingImpact',
    body: q(`{ ${repeat(100, (i) => `t${i}: trainingImpact(regionCodes: ["12.71"], year: 2025) { regionCodes }`)} }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: '500 aliases of employees(first: 1000)',
    body: q(`{ ${repeat(500, (i) => `e${i}: employees(regionCode: "12.71", first: 1000) { nodes { id } }`)} }`),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: '40 aliases of employees(first: 1000)',
    body: q(`{ ${repeat(40, (i) => `e${i}: employees(regionCode: "12.71", first: 1000) { nodes { id } }`)} }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /alias/i,
  },
  {
    name: '16 aliases of region',
    body: q(`{ ${repeat(16, (i) => `r${i}: region(code: "12.71") { name }`)} }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /alias/i,
  },
  {
    name: '1000 aliases of a scalar',
    body: q(`{ region(code: "12.71") { ${repeat(1000, (i) => `n${i}: name`)} } }`),
    status: 400,
  },
  {
    name: 'aliases spread over fragments',
    body: q(
      `{ region(code: "12.71") { ...F ...G } } fragment F on Region { ${repeat(10, (i) => `f${i}: name`)} } fragment G on Region { ${repeat(10, (i) => `g${i}: code`)} }`,
    ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'aliased __schema introspection 50 times',
    body: q(`{ ${repeat(50, (i) => `s${i}: __schema { types { name } }`)} }`),
    status: 400,
  },
  {
    name: 'aliases in nested lists',
    body: q(`{ regions(level: PROVINCE) { nodes { ${repeat(20, (i) => `c${i}: children { nodes { code } }`)} } } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /alias/i,
  },
]);

// ---------- cost (list multipliers) ----------
const employeesPage = (first: number) =>
  `employees(regionCode: "12.71", first: ${first}) { totalCount nodes { id nip fullName rank { code title } agency { name } unit { name } jp(year: 2025) { jp reachedMinimum } skp(year: 2025) { predicate } } }`;
const COST = { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /cost limit of 100000 exceeded/i };
add('cost', [
  {
    name: '10 aliases of a 1000-employee page with cross-subgraph fields',
    body: q(`{ ${repeat(10, (i) => `e${i}: ${employeesPage(1000)}`)} }`),
    ...COST,
  },
  {
    name: '15 aliases (the alias limit) of a 1000-district page',
    body: q(
      `{ ${repeat(15, (i) => `d${i}: regions(level: DISTRICT, first: 1000) { nodes { code name level kind parent { name } children { totalCount } } }`)} }`,
    ),
    ...COST,
  },
  {
    name: 'nested connections multiply first: regions(first: 1000) -> children(first: 1000)',
    body: q(`{ regions(first: 1000) { nodes { code children(first: 1000) { nodes { code name } } } } }`),
    ...COST,
  },
  {
    name: 'nested connections at their default page size (50): regions -> children -> children',
    body: q(`{ regions { nodes { children { nodes { children { nodes { code } } } } } } }`),
    ...COST,
  },
  {
    name: '6 trainingImpact comparisons',
    body: q(`{ ${repeat(6, (i) => `t${i}: trainingImpact(regionCodes: ["12.71"], year: 2025) { regionCodes }`)} }`),
    ...COST,
  },
  {
    name: 'regions -> serviceUnits -> employees(first: 1000)',
    body: q(
      `{ regions(level: REGENCY) { nodes { serviceUnits { nodes { employees(first: 1000) { nodes { id } } } } } } }`,
    ),
    ...COST,
  },
  {
    name: 'agencies -> employees(first: 1000) with histories',
    body: q(
      `{ agencies(regionCode: "12") { nodes { employees(first: 1000) { nodes { rankHistory { nodes { tmt } } positionHistory { nodes { tmt } } mentors { nodes { startedOn } } skpHistory { nodes { year } } } } } } }`,
    ),
    ...COST,
  },
  {
    name: 'cost via variables: first as a variable',
    body: q(
      `query($n: Int!) { a: employees(regionCode: "12.71", first: $n) { nodes { id nip fullName unit { name employees(first: $n) { nodes { id } } } } } }`,
      { n: 1000 },
    ),
    ...COST,
  },
  {
    name: 'cost via fragments reused many times',
    body: q(
      `{ a: regions(level: PROVINCE) { ...P } b: regions(level: REGENCY) { ...P } c: regions(level: DISTRICT) { ...P } d: regions(level: VILLAGE) { ...P } } fragment P on RegionConnection { totalCount nodes { code name agencies(first: 200) { nodes { id name } } serviceUnits(first: 200) { nodes { id name } } } }`,
    ),
    ...COST,
  },
  {
    name: 'village list with their units and employees',
    body: q(
      `{ regions(level: VILLAGE, first: 1000) { nodes { serviceUnits { nodes { name employees { nodes { id } } } } } } }`,
    ),
    ...COST,
  },
  {
    name: 'nested 1000-employee pages',
    body: q(
      `{ serviceUnits(regionCode: "12.71") { nodes { employees(first: 1000) { nodes { agency { employees(first: 1000) { nodes { id } } } } } } } }`,
    ),
    ...COST,
  },
]);

// ---------- tokens and directives ----------
add('tokens', [
  {
    name: '3000 __typename selections',
    body: q(`{ ${repeat(3000, () => '__typename')} }`),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /2000 tokens/,
  },
  {
    name: '5000 commas-free argument list literal',
    body: q(`{ trainingImpact(regionCodes: [${repeat(5000, () => '"12.71"')}], year: 2025) { regionCodes } }`),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'huge list of unused variables',
    body: q(`query(${repeat(1500, (i) => `$v${i}: Int`)}) { __typename }`),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: '2000 unused fragments',
    body: q(`{ __typename } ${repeat(600, (i) => `fragment F${i} on Query { __typename }`)}`),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
]);
add('directives', [
  {
    name: '50 @include on one field',
    body: q(`{ region(code: "12.71") { name ${repeat(50, () => '@include(if: true)')} } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /directive/i,
  },
  {
    name: '200 @skip directives',
    body: q(`{ region(code: "12.71") { name ${repeat(200, () => '@skip(if: false)')} } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown directive',
    body: q(`{ region(code: "12.71") { name @drop(table: "x") } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'directives on operation',
    body: q(`query Q ${repeat(30, () => '@include(if: true)')} { __typename }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
]);

// ---------- page size ----------
add('page size', [
  // Out of range, `first` is the request's fault: 400 before execution, naming the limit and the value.
  ...[1001, 5000, 100000, 2147483647, 0, -1].map((first) => ({
    name: `first: ${first}`,
    body: q(`{ employees(regionCode: "12.71", first: ${first}) { nodes { id } } }`),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: new RegExp(`first.*between 1 and 1000.*got ${first}\\b`),
  })),
  {
    name: 'first: 1001 on a nested connection',
    body: q(`{ region(code: "12.71") { children(first: 1001) { nodes { code } } } }`),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /between 1 and 1000.*got 1001 \(Region\.children\)/,
  },
  {
    name: 'first: 0 on a nested connection',
    body: q(`{ serviceUnit(id: 1) { employees(first: 0) { nodes { id } } } }`),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /got 0 \(ServiceUnit\.employees\)/,
  },
  {
    name: 'first: 2147483648 (not an Int)',
    body: q(`{ employees(regionCode: "12.71", first: 2147483648) { nodes { id } } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'first as variable 1e6',
    body: q(`query($n: Int!) { employees(regionCode: "12.71", first: $n) { nodes { id } } }`, { n: 1_000_000 }),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /between 1 and 1000.*got 1000000/,
  },
  {
    name: 'first as float variable',
    body: q(`query($n: Int!) { employees(regionCode: "12.71", first: $n) { nodes { id } } }`, { n: 1.5 }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'nested first: 5000',
    body: q(`{ serviceUnit(id: 1) { employees(first: 5000) { nodes { id } } } }`),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /first.*got 5000/,
  },
]);

// ---------- forged cursors ----------
const afterQuery = (after: string) =>
  q(`query($after: String) { employees(regionCode: "12.71", first: 2, after: $after) { nodes { id } } }`, { after });
add('cursors', [
  ...[
    ['not base64', '!!!'],
    ['plain text', 'abc'],
    ['id:infinity', b64('id:99999999999999999999999999')],
    ['id:NaN', b64('id:NaN')],
    ['negative id', b64('id:-1')],
    ['exponent', b64('id:1e9')],
    ['empty string', ''],
    ['SQL in cursor', b64('id:1; drop table personnel.employee; --')],
    ['SQL quote', b64("id:1' or '1'='1")],
    ['null byte', b64('id:1\u0000')],
    ['unicode digits', b64('id:١٢٣')],
    ['10 KB cursor', 'A'.repeat(10_000)],
    ['hex id', b64('id:0x10')],
    ['leading zeros overflow', b64(`id:${'0'.repeat(40)}1`)],
  ].map(([name, after]) => ({
    name: `after: ${name}`,
    body: afterQuery(after!),
    status: 200,
    code: 'BAD_USER_INPUT',
    message: /after/,
  })),
]);

// ---------- ids and other arguments ----------
add('arguments', [
  {
    name: 'serviceUnit(id: 2147483648)',
    body: q(`{ serviceUnit(id: 2147483648) { name } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'serviceUnit(id: "abc")',
    body: q(`{ serviceUnit(id: "abc") { name } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'id variable as string',
    body: q(`query($id: Int!) { serviceUnit(id: $id) { name } }`, { id: 'abc' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'id variable as object',
    body: q(`query($id: Int!) { serviceUnit(id: $id) { name } }`, { id: { $gt: 0 } }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'missing required variable',
    body: q(`query($id: Int!) { serviceUnit(id: $id) { name } }`),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'variables as a string',
    body: { query: '{ __typename }', variables: 'x' },
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'year out of range',
    body: q(`{ regionTrainingBudget(year: 99999, regionCode: "12.71") { ceiling } }`),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'region code SQL injection',
    body: q(`{ region(code: "12.71' or 1=1 --") { name } }`),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'region code with LIKE wildcard',
    body: q(`{ serviceUnits(regionCode: "%") { nodes { id } } }`),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'region code 60 KB string',
    body: q(`query($c: String!) { region(code: $c) { name } }`, { c: 'x'.repeat(60_000) }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'region code 1 MB string',
    body: q(`query($c: String!) { region(code: $c) { name } }`, { c: MB }),
    status: 413,
    code: 'BAD_REQUEST',
    message: /size limit/,
  },
  {
    name: 'nip injection',
    body: q(`{ employeeByNip(nip: "1' OR '1'='1") { id } }`),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'employee id overflowing safe integer as float',
    body: q(`query($id: Int!) { employee(id: $id) { id } }`, { id: 1e300 }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'enum injection',
    body: q(`{ regions(level: "VILLAGE; drop") { nodes { code } } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /RegionLevel/,
  },
  {
    name: 'trainingImpact with 3000 codes in variables',
    body: q(`query($c: [String!]!) { trainingImpact(regionCodes: $c, year: 2025) { regionCodes } }`, {
      c: Array.from({ length: 3000 }, () => '12.71'),
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'filter with injection strings',
    body: q(`query($f: EmployeeFilter) { employees(regionCode: "12.71", first: 1, filter: $f) { nodes { id } } }`, {
      f: { rankCode: "'; drop table x; --" },
    }),
    status: 200,
  },
]);

// ---------- _entities sent directly to a subgraph ----------
const entities = (representations: unknown, selection = '... on Employee { id }') =>
  q(`query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });
add('entities', [
  {
    target: 'learning',
    name: 'Employee id "abc"',
    body: entities([{ __typename: 'Employee', id: 'abc' }], '... on Employee { jp(year: 2025) { jp } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    message: /integer/,
  },
  {
    target: 'learning',
    name: 'Employee id 1e308',
    body: entities([{ __typename: 'Employee', id: 1e308 }], '... on Employee { jp(year: 2025) { jp } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    target: 'learning',
    name: 'Employee id 2^53',
    body: entities([{ __typename: 'Employee', id: 2 ** 53 }], '... on Employee { jp(year: 2025) { jp } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    target: 'learning',
    name: 'Employee id 1.5',
    body: entities([{ __typename: 'Employee', id: 1.5 }], '... on Employee { jp(year: 2025) { jp } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    target: 'learning',
    name: 'Employee id as array',
    body: entities([{ __typename: 'Employee', id: [1, 2] }], '... on Employee { jp(year: 2025) { jp } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    target: 'personnel',
    name: 'Employee id SQL string',
    body: entities([{ __typename: 'Employee', id: '1 or 1=1' }], '... on Employee { fullName }'),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    target: 'personnel',
    name: 'Region code 10 KB',
    body: entities([{ __typename: 'Region', code: 'x'.repeat(10_000) }], '... on Region { name }'),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    target: 'personnel',
    name: 'unknown __typename',
    body: entities([{ __typename: 'Nope', id: 1 }], '__typename'),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    target: 'personnel',
    name: 'unknown key field',
    body: entities([{ __typename: 'Employee', id: 1, password: 'x' }], '... on Employee { id }'),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    target: 'learning',
    name: '6000 representations',
    body: entities(
      Array.from({ length: 6000 }, (_, i) => ({ __typename: 'Employee', id: i + 1 })),
      '... on Employee { jp(year: 2025) { jp } }',
    ),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /epresentations/,
  },
  {
    target: 'personnel',
    name: '5000 representations with deep fields (cost)',
    body: entities(
      Array.from({ length: 5000 }, (_, i) => ({ __typename: 'Employee', id: (i % 50) + 1 })),
      '... on Employee { rankHistory { nodes { rankCode tmt } } positionHistory { nodes { title positionLevel tmt } } mentors { nodes { startedOn } } mentees { nodes { startedOn } } }',
    ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /cost/i,
  },
  {
    target: 'personnel',
    name: 'representations over the body limit',
    body: q('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      r: [{ __typename: 'Employee', id: 1, pad: 'x'.repeat(9 * 1024 * 1024) }],
    }),
    status: 413,
    code: 'BAD_REQUEST',
  },
  {
    target: 'evaluation',
    name: 'aliased _entities',
    body: q(`query($r: [_Any!]!) { ${repeat(20, (i) => `e${i}: _entities(representations: $r) { __typename }`)} }`, {
      r: [],
    }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    target: 'learning',
    name: 'representations not objects',
    body: entities([1, 'x', null]),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    target: 'learning',
    name: 'representation without __typename',
    body: entities([{ id: 1 }]),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    target: 'personnel',
    name: 'ServiceUnit id negative zero string',
    body: entities([{ __typename: 'ServiceUnit', id: '-0' }], '... on ServiceUnit { name }'),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
]);

// ---------- limits again in each subgraph (called directly) ----------
add('subgraph limits', [
  {
    target: 'personnel',
    name: 'depth at personnel',
    body: q(regionChain(16)),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /depth/i,
  },
  {
    target: 'personnel',
    name: 'aliases at personnel',
    body: q(`{ ${repeat(20, (i) => `a${i}: regions(level: VILLAGE) { nodes { code } }`)} }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /alias/i,
  },
  {
    target: 'personnel',
    name: 'cost at personnel',
    body: q(`{ regions(level: VILLAGE, first: 1000) { nodes { code children(first: 1000) { nodes { code } } } } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /cost/i,
  },
  {
    target: 'personnel',
    name: 'page size at personnel',
    body: q(`{ employees(regionCode: "12.71", first: 100000) { nodes { id } } }`),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /got 100000/,
  },
  {
    target: 'learning',
    name: 'tokens at learning',
    body: q(`{ ${repeat(3000, () => '__typename')} }`),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    target: 'budgeting',
    name: 'directives at budgeting',
    body: q(`{ __typename ${repeat(50, () => '@include(if: true)')} }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { target: 'evaluation', name: 'bad JSON at evaluation', body: '{"query": ', status: 400, code: 'BAD_REQUEST' },
  {
    target: 'evaluation',
    name: 'mutation at evaluation',
    body: q('mutation { x }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    target: 'learning',
    name: 'unknown path at learning',
    method: 'GET',
    path: '/admin',
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    target: 'budgeting',
    name: 'body limit at budgeting (8 MiB)',
    body: q('{ __typename }', { pad: 'x'.repeat(9 * 1024 * 1024) }),
    status: 413,
    code: 'BAD_REQUEST',
  },
]);

// ---------- HTTP: JSON, content types, methods, batching ----------
add('http', [
  { name: 'truncated JSON', body: '{"query": "{ __typename }"', status: 400, code: 'BAD_REQUEST', message: /JSON/ },
  { name: 'empty body', body: '', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON null', body: 'null', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON number', body: '123', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON string', body: '"{ __typename }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'single quotes', body: "{'query': '{ __typename }'}", status: 400, code: 'BAD_REQUEST' },
  { name: 'deeply nested JSON', body: `${'['.repeat(30_000)}${']'.repeat(30_000)}`, status: 400, code: 'BAD_REQUEST' },
  {
    name: 'deeply nested JSON variables',
    body: `{"query":"{ __typename }","variables":{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`,
    status: 200,
  },
  {
    name: 'batched array of 2',
    body: [q('{ __typename }'), q('{ __typename }')],
    status: 400,
    code: 'BAD_REQUEST',
    message: /[Bb]atch/,
  },
  {
    name: 'batched array of 1000',
    body: Array.from({ length: 1000 }, () => q('{ __typename }')),
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'missing query', body: { variables: {} }, status: 400, code: 'BAD_REQUEST' },
  { name: 'query is a number', body: { query: 42 }, status: 400, code: 'BAD_REQUEST' },
  { name: 'empty query', body: { query: '' }, status: 400 },
  { name: 'syntax error', body: q('{ region(code: "12.71") { name '), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'unknown field', body: q('{ passwords { hash } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'unknown operationName',
    body: q('query A { __typename }', undefined, 'B'),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'two operations, no operationName',
    body: q('query A { __typename } query B { __typename }'),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'operationName is an object',
    body: { query: '{ __typename }', operationName: { x: 1 } },
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'unknown mutation',
    body: q('mutation { deleteEverything }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /deleteEverything/,
  },
  {
    name: 'API key revocation without its id',
    body: q('mutation { revokeApiKey }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /id/,
  },
  {
    name: 'curriculum mutation without its input',
    body: q('mutation { createCourse { id } }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /input/,
  },
  { name: 'subscription', body: q('subscription { __typename }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'content-type text/plain',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify(q('{ __typename }')),
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'content-type form',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'query=%7B__typename%7D',
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'content-type multipart',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    body: '--x\r\n\r\n--x--',
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'content-type application/graphql',
    headers: { 'content-type': 'application/graphql' },
    body: '{ __typename }',
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'no content-type',
    headers: { 'content-type': '' },
    body: JSON.stringify(q('{ __typename }')),
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'content-type xml',
    headers: { 'content-type': 'application/xml' },
    body: '<q/>',
    status: 415,
    code: 'BAD_REQUEST',
  },
  { name: 'PUT', method: 'PUT', body: q('{ __typename }'), status: 405, code: 'BAD_REQUEST' },
  { name: 'DELETE', method: 'DELETE', status: 405, code: 'BAD_REQUEST' },
  { name: 'PATCH', method: 'PATCH', body: q('{ __typename }'), status: 405, code: 'BAD_REQUEST' },
  {
    name: '1 MB body',
    body: q(`{ region(code: "${MB}") { name } }`),
    status: 413,
    code: 'BAD_REQUEST',
    message: /size limit/,
  },
  {
    name: '1 MB of whitespace',
    body: `{"query": "{ __typename }"${' '.repeat(1024 * 1024)}}`,
    status: 413,
    code: 'BAD_REQUEST',
  },
  { name: 'POST to /health', path: '/health', body: q('{ __typename }'), status: 405, code: 'BAD_REQUEST' },
  { name: 'POST to /metrics', path: '/metrics', body: q('{ __typename }'), status: 405, code: 'BAD_REQUEST' },
]);

// ---------- GET ----------
const get = (
  params: Record<string, string>,
  headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
) => ({
  method: 'GET',
  path: `/graphql?${new URLSearchParams(params)}`,
  headers,
});
add('get', [
  { name: 'GET mutation', ...get({ query: 'mutation { x }' }), status: 400 },
  { name: 'GET of a valid mutation', ...get({ query: 'mutation { __typename }' }), status: 405, code: 'BAD_REQUEST' },
  { name: 'GET without a query', ...get({}), status: 400, code: 'BAD_REQUEST' },
  { name: 'GET without CSRF header', ...get({ query: '{ __typename }' }, {}), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'GET with variables not JSON',
    ...get({ query: 'query($a: Int) { __typename }', variables: '{a:' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'GET with extensions not JSON',
    ...get({ query: '{ __typename }', extensions: '[' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'GET 100 KB query string',
    ...get({ query: `{ __typename } #${'x'.repeat(100_000)}` }),
    status: 431,
    code: 'BAD_REQUEST',
  },
  {
    name: 'GET 9 KB of tokens',
    ...get({ query: `{ ${repeat(700, (i) => `${String.fromCharCode(97 + (i % 26))}:__typename`)} }` }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'GET depth attack',
    ...get({ query: regionChain(16) }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /depth/i,
  },
  {
    name: 'GET alias attack',
    ...get({ query: `{ ${repeat(20, (i) => `a${i}: regions(level: VILLAGE) { nodes { code } }`)} }` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /alias/i,
  },
  {
    name: 'GET unknown operation name',
    ...get({ query: 'query A { __typename }', operationName: 'Z' }),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'GET repeated query parameters',
    method: 'GET',
    path: '/graphql?query=%7B__typename%7D&query=%7B__typename%7D',
    headers: { 'apollo-require-preflight': 'true' },
    status: 400,
    code: 'BAD_REQUEST',
  },
]);

// ---------- paths ----------
add('paths', [
  ...[
    '/admin',
    '/.env',
    '/graphql/../../etc/passwd',
    '/metrics/../health/x',
    '/%00',
    '/graphql/x',
    '/api',
    '/favicon.ico',
    '/server-status',
    '/.git/config',
  ].map((path) => ({ name: `GET ${path}`, method: 'GET', path, status: 404, code: 'NOT_FOUND' })),
  { name: 'POST to an unknown path', path: '/v1/graphql', body: q('{ __typename }'), status: 404, code: 'NOT_FOUND' },
  {
    target: 'personnel',
    name: 'GET /.env at a subgraph',
    method: 'GET',
    path: '/.env',
    status: 404,
    code: 'NOT_FOUND',
  },
]);

// ---------- CORS ----------
add('cors', [
  {
    name: 'preflight from an unknown origin',
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    status: 403,
    code: 'FORBIDDEN',
  },
]);

const jwtPart = (value: object) => b64(JSON.stringify(value));
const employeeNips = entities([{ __typename: 'Employee', id: 1 }], '... on Employee { nip fullName }');
add('access', [
  ...(['personnel', 'learning', 'budgeting', 'evaluation'] as const).map((target) => ({
    target,
    name: `${target} without the gateway credential`,
    body: q('{ __typename }'),
    gatewayCredential: false as const,
    status: 401,
    code: 'UNAUTHENTICATED',
  })),
  {
    target: 'personnel',
    name: 'forged _entities without the gateway credential',
    body: employeeNips,
    gatewayCredential: false,
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    target: 'evaluation',
    name: 'forged @requires input without the gateway credential',
    body: entities(
      [{ __typename: 'TrainingImpactComparison', id: '2024:12.71', regions: [] }],
      '... on TrainingImpactComparison { regions { verdict } }',
    ),
    gatewayCredential: false,
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    target: 'personnel',
    name: 'internal token that is not a token',
    headers: { 'x-pembinaan-viewer': 'not-a-token' },
    body: employeeNips,
    gatewayCredential: false,
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    target: 'personnel',
    name: 'internal token unsigned (alg none) claiming a national administrator',
    headers: {
      'x-pembinaan-viewer': `${jwtPart({ alg: 'none', typ: 'pembinaan-viewer+jwt' })}.${jwtPart({
        iss: 'pembinaan-gateway',
        aud: 'pembinaan-subgraphs',
        iat: 1_900_000_000,
        exp: 1_900_000_060,
        viewer: { role: 'national-admin', regionCodes: ['*'], universityCode: null, subject: 'x', via: 'jwt' },
      })}.`,
    },
    body: employeeNips,
    gatewayCredential: false,
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'bearer token that is not a JWT',
    gatewayCredential: false,
    headers: { authorization: 'Bearer abc' },
    body: q('{ __typename }'),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'basic authentication',
    gatewayCredential: false,
    headers: { authorization: 'Basic dXNlcjpwYXNz' },
    body: q('{ __typename }'),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'API key unknown',
    gatewayCredential: false,
    headers: { 'x-api-key': 'ak_0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    body: q('{ __typename }'),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'API key malformed',
    gatewayCredential: false,
    headers: { 'x-api-key': 'secret' },
    body: q('{ __typename }'),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'bearer JWT with alg none claiming a national administrator',
    gatewayCredential: false,
    headers: {
      authorization: `Bearer ${jwtPart({ alg: 'none' })}.${jwtPart({ sub: 'x', role: 'national-admin', iss: 'urn:pembinaan:dev', aud: 'pembinaan', exp: 1_900_000_000 })}.`,
    },
    body: q('{ __typename }'),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'two credentials at once',
    gatewayCredential: false,
    headers: { authorization: 'Bearer abc', 'x-api-key': 'ak_0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    body: q('{ __typename }'),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
]);

export const CATALOGUE = cases;

/** The README's first query, read from README.md ("A first query"): the platform must still answer it after every abusive request. */
export const README_FIRST_QUERY = readmeFirstQuery();

function readmeFirstQuery(): string {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  const query = /## A first query[\s\S]*?```graphql\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!query) throw new Error('README.md has no graphql block under "## A first query"');
  return query;
}

/** What must never reach a client: paths, stack frames, SQL words, database addresses. */
export function leaks(text: string, databaseUrl: string): string[] {
  const db = new URL(databaseUrl);
  const patterns: [string, RegExp][] = [
    ['file path', /\/(work|home|usr|tmp|root|app)\/|node_modules|[A-Za-z]:\\\\/],
    ['source file', /\.(ts|js|mjs|cjs):\d+/],
    ['stack frame', /\n\s+at |\bat [\w.<>]+ \(/],
    ['stacktrace key', /stacktrace|"exception"/i],
    ['SQL', /\bcolumn\b|\brelation\b|\bselect\b.*\bfrom\b|syntax error at or near|\bpg_|violates/i],
    ['database address', new RegExp(`127\\.0\\.0\\.1|localhost|:${db.port}\\b|ECONNREFUSED|postgres`, 'i')],
  ];
  return patterns.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
