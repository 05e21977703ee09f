import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../../subgraphs/names.js';
import { config } from '../../subgraphs/shared/config.js';
import { type Service, startService } from '../../tools/dev/service.js';
import { as, type Caller, type GraphqlResponse, NATIONAL_ADMIN, tokenFor, usePlatform } from '../support/platform.js';

/**
 * The checked-in supergraph served by a second federation gateway, Hive Gateway from npm
 * (tools/dev/hive-gateway.ts), in front of the same running subgraphs: it must answer exactly as the
 * project's Apollo gateway does, access rules included. Nothing in the subgraphs or the supergraph is
 * specific to one gateway; what a gateway must add is the internal token (the Viewer, signed), which
 * the runner does with the same identity code. Moving to Apollo Router is then a matter of its
 * configuration (a coprocessor doing that signing).
 */
const api = usePlatform();
let hive: Service;

beforeAll(async () => {
  const urls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, api.platform.subgraphs[name].url]),
  );
  hive = await startService('hive gateway', 'tools/dev/hive-gateway.js', [], {
    ...urls,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: config().dev.dataDir,
    LOG_LEVEL: 'error',
  });
});

afterAll(async () => {
  await hive?.stop();
});

async function viaHive<Data>(query: string, caller: Caller): Promise<GraphqlResponse<Data>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller !== 'anonymous' && !('headers' in caller)) headers.authorization = `Bearer ${await tokenFor(caller)}`;
  const response = await fetch(hive.url, { method: 'POST', headers, body: JSON.stringify({ query }) });
  return (await response.json()) as GraphqlResponse<Data>;
}

/** What a client acts on: the data, and each error's path and code (the message wording is each gateway's). */
function outcome(response: GraphqlResponse<unknown>) {
  return {
    data: response.data,
    errors: (response.errors ?? [])
      .map((error) => ({ path: error.path?.join('.'), code: error.extensions?.code }))
      .sort((a, b) => String(a.path).localeCompare(String(b.path))),
  };
}

const CROSS_SUBGRAPH = `{ employees(regionCode: "12.71", first: 100) { nodes {
  nip fullName unit { id name ikm(year: 2025) { score grade } } agency { name trainingBudgetSummary(year: 2025) { ceiling realised } }
  jp(year: 2025) { jp reachedMinimum } skp(year: 2025) { predicate } } } }`;

type CrossData = {
  employees: {
    nodes: {
      unit: { ikm: { score: number } | null } | null;
      agency: { trainingBudgetSummary: { realised: string } | null };
      jp: { jp: number };
    }[];
  };
};

describe('a second gateway (Hive Gateway) serving schema/supergraph.graphql', () => {
  it('answers a cross-subgraph query of 100 employees exactly as the Apollo gateway does', async () => {
    const [apollo, other] = await Promise.all([
      api.query<CrossData, Record<string, never>>(CROSS_SUBGRAPH),
      viaHive<CrossData>(CROSS_SUBGRAPH, NATIONAL_ADMIN),
    ]);
    expect(apollo.errors).toBeUndefined();
    const nodes = apollo.data?.employees.nodes ?? [];
    // Real figures from all four subgraphs, not an empty page that two gateways trivially agree on.
    expect(nodes).toHaveLength(100);
    expect(nodes.some((n) => (n.unit?.ikm?.score ?? 0) > 0)).toBe(true);
    expect(nodes.some((n) => Number(n.agency.trainingBudgetSummary?.realised ?? 0) > 0)).toBe(true);
    expect(nodes.some((n) => n.jp.jp > 0)).toBe(true);
    expect(other).toEqual(apollo);
  });

  it('answers @requires fields (trainingImpact) as the Apollo gateway does', async () => {
    const query = `{ trainingImpact(regionCodes: ["12.71", "12.75"], year: 2025) {
      regions { regionCode verdict exposure { staff jpPerStaff } serviceQuality { meanIkm } } } }`;
    const [apollo, other] = await Promise.all([api.query(query), viaHive(query, NATIONAL_ADMIN)]);
    expect(apollo.errors).toBeUndefined();
    const regions = (apollo.data as { trainingImpact: { regions: { exposure: { staff: number } }[] } }).trainingImpact
      .regions; // the query's shape
    expect(regions).toHaveLength(2);
    expect(regions.every((r) => r.exposure.staff > 0)).toBe(true);
    expect(other).toEqual(apollo);
  });

  it('enforces the same access: a regional administrator of Medan sees Medan, not Merauke', async () => {
    const query = `{ employees(regionCode: "93.01", first: 3) { nodes { nip } }
      medan: employees(regionCode: "12.71", first: 3) { nodes { nip jp(year: 2025) { jp } } } }`;
    const medanAdmin = as('regional-admin', ['12.71']);
    const [apollo, other] = await Promise.all([api.query(query, {}, medanAdmin), viaHive(query, medanAdmin)]);
    expect(outcome(apollo).errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect((apollo.data as { medan: { nodes: unknown[] } }).medan.nodes).toHaveLength(3); // the query's shape
    expect(outcome(other)).toEqual(outcome(apollo));
  });

  it('serves anonymous callers the same: public aggregates yes, people no', async () => {
    const query =
      '{ regions(level: PROVINCE, first: 2) { nodes { code name } } employees(first: 1) { nodes { nip } } }';
    const [apollo, other] = await Promise.all([api.query(query, {}, 'anonymous'), viaHive(query, 'anonymous')]);
    expect(outcome(apollo).errors.map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
    expect(outcome(other)).toEqual(outcome(apollo));
  });

  it('refuses a credential it cannot accept with the same 401 UNAUTHENTICATED and reason', async () => {
    const send = async (url: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
        body: JSON.stringify({ query: '{ employees(first: 1) { nodes { nip } } }' }),
      });
      return { status: response.status, body: (await response.json()) as GraphqlResponse<unknown> };
    };
    const [apollo, other] = await Promise.all([send(api.platform.gateway.url), send(hive.url)]);
    expect(apollo.status).toBe(401);
    expect(apollo.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'MALFORMED' });
    expect(other).toEqual(apollo);
  });
});
