import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../../subgraphs/names.js';
import { config } from '../../subgraphs/shared/config.js';
import type { DatabaseServer } from '../../subgraphs/shared/database.js';
import { startScratchDatabase } from '../../tools/dev/embedded-postgres.js';
import { type Service, startService } from '../../tools/dev/service.js';
import { NATIONAL_ADMIN, tokenFor, usePlatform } from '../support/platform.js';

/**
 * Beyond one process: the production entry points (`start:subgraph`, `start:gateway`, from dist/) run
 * as several stateless replicas on ports given by flags, against the same database, and a subgraph may
 * have a PostgreSQL server of its own. The Apollo gateway takes one URL per subgraph (a load balancer's
 * in production), so the test runs two replicas of personnel each behind its own gateway replica, one of
 * them with two worker processes, and checks that every one of them answers, and answers alike.
 */
const api = usePlatform();
const services: Service[] = [];
let otherServer: DatabaseServer | undefined;

const QUERY = `{ employees(regionCode: "12.71", first: 20) { nodes {
  nip fullName unit { name ikm(year: 2025) { score } } agency { trainingBudgetSummary(year: 2025) { realised } }
  jp(year: 2025) { jp } skp(year: 2025) { predicate } } } }`;

const base = () => ({ DATA_DIR: config().dev.dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'error', EXPLORER: 'off' });

async function start(name: string, script: string, args: string[], env: Record<string, string | undefined>) {
  const service = await startService(name, script, args, { ...base(), ...env });
  services.push(service);
  return service;
}

async function ask(url: string, query = QUERY): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(NATIONAL_ADMIN)}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** GraphQL requests a server has answered, from its /metrics. */
async function served(url: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  return [...text.matchAll(/^graphql_requests_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
}

const subgraphUrls = (personnel: string) =>
  Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      `${name.toUpperCase()}_URL`,
      name === 'personnel' ? personnel : api.platform.subgraphs[name].url,
    ]),
  );

beforeAll(async () => {
  const databaseUrl = inject('databaseUrl');
  // Serving only (no DATABASE_URL: no migration), on the test database, ports from the flags.
  const serve = { DATABASE_URL: undefined, PERSONNEL_DATABASE_URL: databaseUrl, PORT: undefined };
  const [a, b] = await Promise.all([
    start('personnel a', 'subgraphs/start-subgraph.js', ['personnel', '--port', '0'], serve),
    start('personnel b', 'subgraphs/start-subgraph.js', ['personnel', '--port=0'], serve),
  ]);
  const noDatabase = { DATABASE_URL: undefined, ACCESS_DATABASE_URL: undefined };
  await Promise.all([
    start('gateway a', 'gateway/start-gateway.js', ['--port', '0'], {
      ...noDatabase,
      ...subgraphUrls(a.url),
      GATEWAY_WORKERS: '2',
    }),
    start('gateway b', 'gateway/start-gateway.js', ['--host', '127.0.0.1', '--port', '0'], {
      ...noDatabase,
      ...subgraphUrls(b.url),
    }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
  await otherServer?.stop();
});

describe('replicas of the stateless processes', () => {
  it('two personnel replicas behind two gateway replicas (one with two workers) all answer, and alike', async () => {
    const [personnelA, personnelB, gatewayA, gatewayB] = services as [Service, Service, Service, Service];
    expect(new URL(personnelA.url).port).not.toBe(new URL(personnelB.url).port);
    const reference = await api.query(QUERY);
    expect(reference.errors).toBeUndefined();
    expect((reference.data as { employees: { nodes: unknown[] } }).employees.nodes).toHaveLength(20); // the query's shape
    const before = await Promise.all([served(personnelA.url), served(personnelB.url)]);
    // Enough concurrent requests that both workers of gateway A take some.
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, () => ask(gatewayA.url)),
      ...Array.from({ length: 4 }, () => ask(gatewayB.url)),
    ]);
    for (const answer of answers) expect(answer).toEqual(reference);
    const after = await Promise.all([served(personnelA.url), served(personnelB.url)]);
    expect(after[0] - before[0]).toBeGreaterThan(0);
    expect(after[1] - before[1]).toBeGreaterThan(0);
  });

  it('a subgraph with a PostgreSQL server of its own migrates its schema there and serves from it', async () => {
    otherServer = await startScratchDatabase('pembinaan_own_server');
    const budgeting = await start(
      'budgeting, own server',
      'subgraphs/start-subgraph.js',
      ['budgeting', '--port', '0'],
      {
        DATABASE_URL: inject('databaseUrl'),
        BUDGETING_DATABASE_URL: otherServer.url,
      },
    );
    const gateway = await start('gateway, budgeting elsewhere', 'gateway/start-gateway.js', ['--port', '0'], {
      DATABASE_URL: undefined,
      ACCESS_DATABASE_URL: undefined,
      ...subgraphUrls(api.platform.subgraphs.personnel.url),
      BUDGETING_URL: budgeting.url,
    });
    const client = new pg.Client({ connectionString: otherServer.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ tables: string }>(
        "select count(*) as tables from pg_tables where schemaname = 'budgeting'",
      );
      expect(Number(rows[0]?.tables)).toBeGreaterThan(0);
      // The other server holds budgeting's schema only; budget lines live where budgeting's URL points.
      const { rows: others } = await client.query<{ schemas: string }>(
        "select count(*) as schemas from pg_namespace where nspname in ('personnel', 'learning', 'evaluation')",
      );
      expect(Number(others[0]?.schemas)).toBe(0);
      await client.query(
        `insert into budgeting.budget_line (agency_id, region_code, year, sub_activity_code, description, ceiling, realised)
         values (1, '12.71', 2025, '5.01.01.2.01.0001', 'own server', 123000000, 45000000)`,
      );
    } finally {
      await client.end();
    }
    const query = `{ agency(id: 1) { name trainingBudgetSummary(year: 2025) { ceiling realised } } }`;
    const [elsewhere, usual] = await Promise.all([ask(gateway.url, query), api.query(query)]);
    const summary = (answer: { data?: unknown }) =>
      (answer.data as { agency: { trainingBudgetSummary: { ceiling: string; realised: string } } }).agency
        .trainingBudgetSummary; // the query's shape
    expect(summary(elsewhere)).toEqual({ ceiling: '123000000', realised: '45000000' });
    expect(summary(usual)).not.toEqual(summary(elsewhere));
  });
});
