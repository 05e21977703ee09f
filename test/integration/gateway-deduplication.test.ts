import { describe, expect, it } from 'vitest';
import { deduplicateRepresentations } from '../../gateway/gateway.js';
import { as, NATIONAL_ADMIN, usePlatform } from '../support/platform.js';

/**
 * The gateway's two deduplications (gateway/gateway.ts): each distinct entity representation is sent
 * once per fetch, and identical query fetches in flight for the same viewer share one subgraph request.
 */
const api = usePlatform();

describe('representations sent once per fetch', () => {
  it('sends each distinct representation once and gives every parent its answer and its errors', () => {
    const unit = (id: number) => ({ __typename: 'ServiceUnit', id });
    const unique = deduplicateRepresentations({ year: 2025, representations: [unit(1), unit(2), unit(1), unit(1)] });
    expect(unique?.variables).toEqual({ year: 2025, representations: [unit(1), unit(2)] });
    const expanded = unique?.expand({
      data: { _entities: [{ ikm: { score: 81 } }, null] },
      errors: [{ message: 'no access', path: ['_entities', 1, 'ikm'], extensions: { code: 'FORBIDDEN' } }],
    });
    expect(expanded?.data).toEqual({
      _entities: [{ ikm: { score: 81 } }, null, { ikm: { score: 81 } }, { ikm: { score: 81 } }],
    });
    expect(expanded?.errors).toEqual([
      { message: 'no access', path: ['_entities', 1, 'ikm'], extensions: { code: 'FORBIDDEN' } },
    ]);
    const second = deduplicateRepresentations({ representations: [unit(2), unit(2)] })?.expand({
      data: { _entities: [null] },
      errors: [{ message: 'gone', path: ['_entities', 0] }],
    });
    expect(second?.errors?.map((e) => e.path)).toEqual([
      ['_entities', 0],
      ['_entities', 1],
    ]);
  });

  it('leaves a fetch without repeats as it is', () => {
    expect(deduplicateRepresentations({ representations: [{ __typename: 'Agency', id: 1 }] })).toBeUndefined();
    expect(deduplicateRepresentations({ first: 10 })).toBeUndefined();
  });

  it('gives the same answer as before through the gateway, with fewer entities asked for', async () => {
    const query = `{ employees(regionCode: "12.71", first: 200) { nodes { nip unit { id ikm(year: 2025) { score } }
      agency { id trainingBudgetSummary(year: 2025) { realised } } } } }`;
    const response = await api.query(query);
    expect(response.errors).toBeUndefined();
    type Node = { unit: { id: number; ikm: unknown } | null; agency: { id: number; trainingBudgetSummary: unknown } };
    const nodes = (response.data as { employees: { nodes: Node[] } }).employees.nodes; // the query's shape
    expect(nodes).toHaveLength(200);
    // Every employee of one unit carries that unit's IKM, though the unit was asked for once.
    const byUnit = new Map<number, string>();
    for (const node of nodes) {
      if (!node.unit) continue;
      const seen = byUnit.get(node.unit.id);
      const ikm = JSON.stringify(node.unit.ikm);
      if (seen !== undefined) expect(ikm).toBe(seen);
      byUnit.set(node.unit.id, ikm);
    }
    expect(byUnit.size).toBeLessThan(nodes.length);
    expect([...byUnit.values()].some((ikm) => ikm !== 'null')).toBe(true);
  });
});

describe('identical fetches in flight', () => {
  const query = '{ employees(regionCode: "12.71", first: 50) { nodes { nip jp(year: 2025) { jp } } } }';

  it('share one subgraph request among requests of the same viewer, all answered alike', async () => {
    api.resetCounters();
    const answers = await Promise.all(Array.from({ length: 8 }, () => api.query(query, {}, NATIONAL_ADMIN)));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer).toEqual(answers[0]);
    }
    const first = answers[0]?.data as { employees: { nodes: unknown[] } } | undefined; // the query's shape
    expect(first?.employees.nodes).toHaveLength(50);
    expect(api.platform.fetches.personnel).toBeLessThan(8);
    expect(api.platform.fetches.learning).toBeLessThan(8);
  });

  it('never share between viewers: each scope gets its own fetch and its own answer', async () => {
    api.resetCounters();
    const medan = as('regional-admin', ['12.71']);
    const binjai = as('regional-admin', ['12.75']);
    const [forMedan, forBinjai] = await Promise.all([api.query(query, {}, medan), api.query(query, {}, binjai)]);
    expect(forMedan.errors).toBeUndefined();
    expect(forBinjai.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(api.platform.fetches.personnel).toBe(2);
  });
});
