import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLError, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../subgraphs/shared/config.js';
import { DEFAULT_COST_MODEL, DEFAULT_LIMITS, operationCost } from '../../subgraphs/shared/limits.js';

/** The cost model of subgraphs/shared/limits.ts on the API schema, without a limit getting in the way. */
const schema = buildSchema(readFileSync(join(projectRoot(), 'schema', 'api.graphql'), 'utf8'));
const cost = (
  query: string,
  variables: Record<string, unknown> = {},
  limits = { ...DEFAULT_LIMITS, cost: Number.MAX_SAFE_INTEGER },
) => {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables, limits, DEFAULT_COST_MODEL);
};

describe('cost of connections (DEFAULT_COST_MODEL)', () => {
  it('counts a page as `first` items; nodes and pageInfo are structure, totalCount and pageInfo fields count once', () => {
    expect(cost('{ courses(first: 10) { nodes { id title } } }')).toBe(1 + 10 * 2);
    expect(cost('{ courses(first: 10) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } }')).toBe(
      1 + 3 + 10,
    );
    expect(cost('query ($n: Int!) { courses(first: $n) { nodes { id } } }', { n: 1000 })).toBe(1 + 1000);
  });

  it('multiplies by the default page size (50) when `first` is omitted, not by the largest', () => {
    expect(cost('{ courses { nodes { id } } }')).toBe(1 + 50);
    expect(cost('{ region(code: "12.71") { children { totalCount nodes { code } } } }')).toBe(1 + 1 + 1 + 50);
  });

  it('multiplies nested connections: each parent item has its own page', () => {
    expect(cost('{ regions(first: 10) { nodes { children(first: 20) { totalCount nodes { code } } } } }')).toBe(
      1 + 10 * (1 + 1 + 20),
    );
    expect(cost('{ regions { nodes { children { nodes { children { nodes { code } } } } } } }')).toBe(
      1 + 50 * (1 + 50 * (1 + 50)),
    );
  });

  it('estimates only the remaining plain lists, and weighs a training impact comparison', () => {
    expect(cost('{ course(id: 1) { modules { seq } learningOutcomes { statement } } }')).toBe(1 + 1 + 10 + 1 + 10);
    expect(cost('{ trainingImpact(regionCodes: ["12.71"], year: 2025) { regionCodes } }')).toBe(20_000 + 1);
  });

  it('rejects a page size out of range before counting on: BAD_USER_INPUT naming `first`, the limit and the value', () => {
    for (const first of [0, -1, 1001]) {
      let error: unknown;
      try {
        cost(`{ region(code: "12.71") { children(first: ${first}) { nodes { code } } } }`);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).message).toBe(
        `\`first\` must be between 1 and 1000 (page size limit), got ${first} (Region.children).`,
      );
      expect((error as GraphQLError).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
        limit: 'pageSize',
        value: first,
        http: { status: 400 },
      });
    }
  });

  it('keeps the documented catalogue at the largest page under the default limit, and a page per region of 50', () => {
    const learning = readFileSync(join(projectRoot(), 'test', 'documents', 'learning.graphql'), 'utf8');
    const document = parse(learning);
    const catalogue = operationCost(
      schema,
      document,
      getOperationAST(document, 'Catalogue')!,
      { regionCode: '12.71', year: 2025, first: 1000 },
      DEFAULT_LIMITS,
      DEFAULT_COST_MODEL,
    );
    expect(catalogue).toBeLessThanOrEqual(DEFAULT_LIMITS.cost);
    expect(
      cost('{ regions(parentCode: "12.71") { nodes { code offerings(year: 2025, first: 1000) { nodes { id } } } } }'),
    ).toBe(1 + 50 * (1 + 1 + 1000));
  });
});
