import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getOperationAST, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as queries from '../../dashboard/src/queries.js';
import { PAGE_SIZE } from '../../dashboard/src/queries.js';
import { projectRoot } from '../../subgraphs/shared/config.js';
import { DEFAULT_COST_MODEL, DEFAULT_LIMITS, operationCost } from '../../subgraphs/shared/limits.js';

/**
 * Every request of the reference dashboard (dashboard/src/queries.ts) against the API schema clients see:
 * valid, and within the default request limits with the variables the pages send. A schema change that
 * breaks the dashboard fails here, without a browser.
 */

const schema = buildSchema(readFileSync(join(projectRoot(), 'schema', 'api.graphql'), 'utf8'));

/** The variables each page sends (the largest it sends, where it varies). */
const VARIABLES: Record<string, Record<string, unknown>> = {
  TRAINING_IMPACT: { regionCodes: ['12.71', '12.75', '93.01'], year: 2025 },
  TREND: { measure: 'IKM_MEAN', regionCode: '12', from: '2021', to: '2025' },
  COMPLIANCE: {
    regionCode: '12.71',
    year: '2025',
    sort: [{ measure: 'JP20_COMPLIANCE_SHARE', direction: 'ASC' }],
    first: PAGE_SIZE,
  },
  COMPLIANCE_CSV: { regionCode: '12.71', year: '2025', sort: [{ dimension: 'UNIT', direction: 'DESC' }] },
  UNIVERSITIES: {},
  COURSES: { universityId: 1 },
  CURRICULUM: { courseId: 1 },
};

const documents: [string, string][] = Object.entries(queries).flatMap(([name, value]): [string, string][] =>
  typeof value === 'string' ? [[name, value]] : [],
);

describe('the dashboard queries', () => {
  it('are all covered here', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(Object.keys(VARIABLES).sort());
  });

  it.each(documents)('%s is valid against schema/api.graphql and within the default limits', (name, text) => {
    const document = parse(text);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    const operation = getOperationAST(document);
    expect(operation?.name?.value).toMatch(/^Dashboard/);
    const cost = operationCost(schema, document, operation!, VARIABLES[name]!, DEFAULT_LIMITS, DEFAULT_COST_MODEL);
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(DEFAULT_LIMITS.cost);
  });
});
