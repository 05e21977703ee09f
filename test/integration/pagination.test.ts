import { describe, expect, it } from 'vitest';
import { validatePageSize } from '../../subgraphs/shared/pagination.js';
import { RegionPageDocument } from '../generated/graphql.js';
import { internalHeaders, NATIONAL_ADMIN, tokenFor, usePlatform } from '../support/platform.js';

/** Bounded by design: every list that grows with data is a keyset-paginated connection. */
const api = usePlatform();
const YEAR = 2025;

async function sql<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
  return (await api.db.query(text, params)).rows as Row[]; // pg types rows as any: the SQL names the columns
}

interface Connection<Node> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: Node[];
}

/** Follows `endCursor` until `hasNextPage` is false; checks every page and returns the keys in page order. */
async function walk<Node>(
  page: (after: string | null) => Promise<Connection<Node>>,
  keyOf: (node: Node) => string | number,
  size: number,
): Promise<{ keys: (string | number)[]; totalCount: number; pages: number }> {
  const keys: (string | number)[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = -1;
  for (;;) {
    const connection: Connection<Node> = await page(after);
    pages += 1;
    if (totalCount < 0) totalCount = connection.totalCount;
    expect(connection.totalCount, 'totalCount is the same on every page').toBe(totalCount);
    expect(connection.nodes.length).toBeLessThanOrEqual(size);
    if (connection.pageInfo.hasNextPage) expect(connection.nodes).toHaveLength(size);
    keys.push(...connection.nodes.map(keyOf));
    if (!connection.pageInfo.hasNextPage) break;
    expect(connection.pageInfo.endCursor).not.toBeNull();
    after = connection.pageInfo.endCursor;
  }
  return { keys, totalCount, pages };
}

/** Sends a query whose data holds one connection at `path`; fails on any error. */
async function connectionAt<Node>(
  document: string,
  variables: Record<string, unknown>,
  path: string[],
): Promise<Connection<Node>> {
  const response = await api.query<Record<string, unknown>, Record<string, unknown>>(document, variables);
  expect(JSON.stringify(response.errors)).toBeUndefined();
  let value: unknown = response.data;
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return value as Connection<Node>;
}

describe('paging walks a whole list exactly once, in key order', () => {
  it('over text cursors: the districts of Indonesia, and the districts of Kota Medan', async () => {
    const expected = await sql<{ code: string }>(
      "select code from personnel.region where level = 'DISTRICT' order by code",
    );
    const districts = await walk(
      async (after) => (await api.query(RegionPageDocument, { level: 'DISTRICT', first: 1000, after })).data!.regions,
      (r) => r.code,
      1000,
    );
    expect(districts.keys).toEqual(expected.map((r) => r.code));
    expect(districts.totalCount).toBe(expected.length);
    expect(districts.pages).toBe(Math.ceil(expected.length / 1000));

    const medan = await sql<{ code: string }>(
      "select code from personnel.region where parent_code = '12.71' order by code",
    );
    const walked = await walk(
      async (after) => (await api.query(RegionPageDocument, { parentCode: '12.71', first: 4, after })).data!.regions,
      (r) => r.code,
      4,
    );
    expect(walked.keys).toEqual(medan.map((r) => r.code));
    expect(walked.totalCount).toBe(21);
  });

  const lists: {
    name: string;
    document: string;
    variables: Record<string, unknown>;
    path: string[];
    size: number;
    oracle: () => Promise<{ id: number }[]>;
  }[] = [
    {
      name: 'serviceUnits(regionCode:) of a city',
      document:
        'query ($after: String) { serviceUnits(regionCode: "12.71", first: 17, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } }',
      variables: {},
      path: ['serviceUnits'],
      size: 17,
      oracle: () => sql("select id from personnel.service_unit where region_code like '12.71.%' order by id"),
    },
    {
      name: 'offeringCatalogue of a city for a year',
      document: `query ($after: String) { offeringCatalogue(regionCode: "12.71", year: ${YEAR}, first: 9, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } }`,
      variables: {},
      path: ['offeringCatalogue'],
      size: 9,
      oracle: () =>
        sql(
          `select id from learning.course_offering
            where year = $1 and (region_code = '12.71' or region_code like '12.71.%' or '12.71' like region_code || '.%') order by id`,
          [YEAR],
        ),
    },
    {
      name: 'courses',
      document:
        'query ($after: String) { courses(first: 7, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } }',
      variables: {},
      path: ['courses'],
      size: 7,
      oracle: () => sql('select id from learning.course order by id'),
    },
  ];
  for (const list of lists) {
    it(`over integer cursors: ${list.name}`, async () => {
      const expected = await list.oracle();
      expect(expected.length).toBeGreaterThan(list.size);
      const walked = await walk(
        (after) => connectionAt<{ id: number }>(list.document, { ...list.variables, after }, list.path),
        (node) => node.id,
        list.size,
      );
      expect(walked.keys).toEqual(expected.map((r) => r.id));
      expect(walked.totalCount).toBe(expected.length);
    });
  }

  it('over a nested list: the enrolments of the most trained employee, two at a time', async () => {
    const [top] = await sql<{ employee_id: number; n: string }>(
      'select employee_id, count(*) as n from learning.enrolment group by employee_id order by count(*) desc, employee_id limit 1',
    );
    const expected = await sql<{ id: number }>('select id from learning.enrolment where employee_id = $1 order by id', [
      top!.employee_id,
    ]);
    const walked = await walk(
      (after) =>
        connectionAt<{ id: number }>(
          'query ($id: Int!, $after: String) { employee(id: $id) { enrolments(first: 2, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } } }',
          { id: top!.employee_id, after },
          ['employee', 'enrolments'],
        ),
      (node) => node.id,
      2,
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(walked.keys).toEqual(expected.map((r) => r.id));
    expect(walked.totalCount).toBe(Number(top!.n));
  });
});

/**
 * A nested page per parent costs the same statements for one parent as for many: each case asks a page of
 * `$n` parents, each with a page of its nested list and its totalCount, and checks every page against SQL.
 */
const NESTED: {
  list: string;
  subgraph: string;
  document: string;
  parents: string[];
  many: number;
  oracle: string;
}[] = [
  {
    list: 'Region.serviceUnits',
    subgraph: 'personnel',
    document:
      'query ($n: Int!) { regions(parentCode: "12.71", first: $n) { nodes { key: code nested: serviceUnits(first: 2) { totalCount nodes { id } } } } }',
    parents: ['regions'],
    many: 21,
    oracle: "select id from personnel.service_unit where region_code = $1 or region_code like $1 || '.%' order by id",
  },
  {
    list: 'Agency.serviceUnits',
    subgraph: 'personnel',
    document:
      'query ($n: Int!) { agencies(regionCode: "12", first: $n) { nodes { key: id nested: serviceUnits(first: 2) { totalCount nodes { id } } } } }',
    parents: ['agencies'],
    many: 12,
    oracle: 'select id from personnel.service_unit where agency_id = $1 order by id',
  },
  {
    list: 'Employee.rankHistory',
    subgraph: 'personnel',
    document:
      'query ($n: Int!) { employees(regionCode: "12.75", first: $n) { nodes { key: id nested: rankHistory(first: 2) { totalCount nodes { tmt } } } } }',
    parents: ['employees'],
    many: 40,
    oracle: 'select id from personnel.rank_history where employee_id = $1 order by id',
  },
  {
    list: 'Employee.enrolments',
    subgraph: 'learning',
    document:
      'query ($n: Int!) { employees(regionCode: "12.75", first: $n) { nodes { key: id nested: enrolments(first: 2) { totalCount nodes { id } } } } }',
    parents: ['employees'],
    many: 40,
    oracle: 'select id from learning.enrolment where employee_id = $1 order by id',
  },
  {
    list: 'CourseOffering.enrolments',
    subgraph: 'learning',
    document: `query ($n: Int!) { offeringCatalogue(regionCode: "12.71", year: ${YEAR}, first: $n) { nodes { key: id nested: enrolments(first: 2) { totalCount nodes { id } } } } }`,
    parents: ['offeringCatalogue'],
    many: 25,
    oracle: 'select id from learning.enrolment where offering_id = $1 order by id',
  },
  {
    list: 'ServiceUnit.ikmSurveys',
    subgraph: 'evaluation',
    document:
      'query ($n: Int!) { serviceUnits(regionCode: "93.01", first: $n) { nodes { key: id nested: ikmSurveys(first: 2) { totalCount nodes { id } } } } }',
    parents: ['serviceUnits'],
    many: 30,
    oracle: 'select id from evaluation.ikm_survey where unit_id = $1 order by id',
  },
  {
    list: 'Employee.skpHistory',
    subgraph: 'evaluation',
    document:
      'query ($n: Int!) { employees(agencyId: 1, first: $n) { nodes { key: id nested: skpHistory(first: 2) { totalCount nodes { year } } } } }',
    parents: ['employees'],
    many: 40,
    oracle: 'select id from evaluation.skp_appraisal where employee_id = $1 order by id',
  },
  {
    list: 'Agency.trainingBudget',
    subgraph: 'budgeting',
    document: `query ($n: Int!) { agencies(regionCode: "12", first: $n) { nodes { key: id nested: trainingBudget(year: ${YEAR}, first: 2) { totalCount nodes { id } } } } }`,
    parents: ['agencies'],
    many: 12,
    oracle: `select id from budgeting.budget_line where agency_id = $1 and year = ${YEAR} order by id`,
  },
];

describe('a nested page per parent', () => {
  for (const nested of NESTED) {
    it(`of ${nested.list} costs the same ${nested.subgraph} statements for 1 and for ${nested.many} parents`, async () => {
      type Parent = { key: string | number; nested: { totalCount: number; nodes: unknown[] } };
      const measured: Record<
        number,
        { statements: Record<string, number>; fetches: Record<string, number>; parents: Parent[] }
      > = {};
      for (const n of [1, nested.many]) {
        api.resetCounters();
        const connection = await connectionAt<Parent>(nested.document, { n }, nested.parents);
        measured[n] = {
          statements: api.statementCounts(),
          fetches: { ...api.platform.fetches },
          parents: connection.nodes,
        };
      }
      const many = measured[nested.many]!;
      expect(many.parents).toHaveLength(nested.many);
      // The nested list's rows and its counts: one statement each, however many parents.
      expect(measured[1]!.statements[nested.subgraph]).toBeGreaterThanOrEqual(2);
      expect(many.statements).toEqual(measured[1]!.statements);
      expect(many.fetches).toEqual(measured[1]!.fetches);
      let nonEmpty = 0;
      for (const parent of many.parents) {
        const expected = await sql<{ id: number }>(nested.oracle, [parent.key]);
        expect(parent.nested.totalCount, `${nested.list} of ${parent.key}`).toBe(expected.length);
        expect(parent.nested.nodes).toHaveLength(Math.min(2, expected.length));
        if (expected.length > 0) nonEmpty += 1;
      }
      expect(nonEmpty, 'parents with a non-empty list').toBeGreaterThan(1);
    });
  }

  it('returns the first rows by key of each parent, as SQL does', async () => {
    const response = await api.query<
      { agencies: { nodes: { id: number; serviceUnits: { nodes: { id: number }[] } }[] } },
      Record<string, never>
    >('{ agencies(regionCode: "12.71", first: 100) { nodes { id serviceUnits(first: 3) { nodes { id } } } } }');
    expect(JSON.stringify(response.errors)).toBeUndefined();
    for (const agency of response.data!.agencies.nodes) {
      const expected = await sql<{ id: number }>(
        'select id from personnel.service_unit where agency_id = $1 order by id limit 3',
        [agency.id],
      );
      expect(agency.serviceUnits.nodes.map((u) => u.id)).toEqual(expected.map((u) => u.id));
    }
  });
});

describe('connections', () => {
  it('count only when totalCount is asked', async () => {
    api.resetCounters();
    await api.query('{ serviceUnits(regionCode: "12.71", first: 5) { nodes { id } } }');
    const withoutCount = api.statementCounts().personnel;
    api.resetCounters();
    await api.query('{ serviceUnits(regionCode: "12.71", first: 5) { totalCount nodes { id } } }');
    const withCount = api.statementCounts().personnel;
    expect(withoutCount).toBe(1);
    expect(withCount).toBe(2);
  });

  // A page size out of range is the request's fault, known before anything runs: the limits plugin
  // (subgraphs/shared/limits.ts) rejects the whole request, at the gateway and in each subgraph alike.
  it('reject a page size out of range before execution: HTTP 400, BAD_USER_INPUT naming `first`, the limit and the value', async () => {
    const post = async (url: string, query: string, variables?: Record<string, unknown>) => {
      // Signed in at the gateway; vouched for by the gateway's credential at a subgraph.
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await tokenFor(NATIONAL_ADMIN)}`,
          ...(await internalHeaders(NATIONAL_ADMIN)),
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        body: (await response.json()) as {
          data?: unknown;
          errors?: { message: string; extensions?: Record<string, unknown> }[];
        },
      };
    };
    const gateway = api.platform.gateway.url;
    const cases: [
      url: string,
      query: string,
      variables: Record<string, unknown> | undefined,
      value: number,
      coordinate: string,
    ][] = [
      [gateway, '{ serviceUnits(regionCode: "12.71", first: 0) { nodes { id } } }', undefined, 0, 'Query.serviceUnits'],
      [
        gateway,
        '{ medan: region(code: "12.71") { children(first: 5000) { nodes { code } } } binjai: region(code: "12.75") { name } }',
        undefined,
        5000,
        'Region.children',
      ],
      [
        gateway,
        'query ($n: Int!) { employee(id: 1) { enrolments(first: $n) { nodes { id } } } }',
        { n: 1001 },
        1001,
        'Employee.enrolments',
      ],
      [
        gateway,
        'query ($n: Int!) { employee(id: 1) { enrolments(first: $n) { nodes { id } } } }',
        { n: -3 },
        -3,
        'Employee.enrolments',
      ],
      [
        api.platform.subgraphs.personnel.url,
        '{ regions(level: PROVINCE, first: 1001) { nodes { code } } }',
        undefined,
        1001,
        'Query.regions',
      ],
    ];
    for (const [url, query, variables, value, coordinate] of cases) {
      const { status, body } = await post(url, query, variables);
      expect(status, query).toBe(400);
      expect(body.data, query).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
        limit: 'pageSize',
        value,
      });
      expect(body.errors?.[0]?.message).toBe(
        `\`first\` must be between 1 and 1000 (page size limit), got ${value} (${coordinate}).`,
      );
    }
    // The field-level check behind it (for a schema executed without the plugin) says the same.
    expect(() => validatePageSize(0)).toThrow('`first` must be between 1 and 1000 (page size limit), got 0');
    expect(validatePageSize(1000)).toBe(1000);
  });

  // A cursor can only be checked by decoding it while the field resolves: the field that asked fails.
  it('reject a cursor the API did not return on the field that asked: BAD_USER_INPUT naming `after`', async () => {
    // A region-code cursor given to a list paged by id, and a made-up one.
    const codes = await api.query(RegionPageDocument, { parentCode: '12.71', first: 1 });
    const foreign = await api.query(
      'query ($after: String) { serviceUnits(regionCode: "12.71", after: $after) { nodes { id } } }',
      { after: codes.data!.regions.pageInfo.endCursor },
    );
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(foreign.errors?.[0]?.message).toMatch(/`after`/);
    const madeUp = await api.query('{ regions(level: PROVINCE, after: "bm9wZQ") { nodes { code } } }');
    expect(madeUp.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // The error nulls only the region whose children got the bad cursor (its nearest nullable parent).
    const nested = await api.query(
      '{ medan: region(code: "12.71") { children(after: "bm9wZQ") { nodes { code } } } binjai: region(code: "12.75") { name } }',
    );
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((nested.errors?.[0] as { path?: unknown } | undefined)?.path).toEqual(['medan', 'children']);
    expect(nested.data).toEqual({ medan: null, binjai: { name: 'Kota Binjai' } });
  });

  it('resolve through federation entity references (_entities) of a subgraph', async () => {
    const [agency] = await sql<{ id: number; units: string }>(
      'select agency_id as id, count(*) as units from personnel.service_unit group by agency_id order by agency_id limit 1',
    );
    const response = await fetch(api.platform.subgraphs.personnel.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await internalHeaders(NATIONAL_ADMIN)) },
      body: JSON.stringify({
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on Region { code children(first: 3) { totalCount nodes { code } } }
          ... on Agency { id serviceUnits(first: 2) { totalCount nodes { id } } }
        } }`,
        variables: {
          representations: [
            { __typename: 'Region', code: '12.71' },
            { __typename: 'Agency', id: agency!.id },
          ],
        },
      }),
    });
    const body = (await response.json()) as { data?: { _entities: Record<string, unknown>[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const [region, resolved] = body.data!._entities;
    expect(region).toMatchObject({
      code: '12.71',
      children: { totalCount: 21, nodes: [{ code: '12.71.01' }, { code: '12.71.02' }, { code: '12.71.03' }] },
    });
    expect(resolved).toMatchObject({ id: agency!.id, serviceUnits: { totalCount: Number(agency!.units) } });
  });
});
