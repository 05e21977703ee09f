import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, createServer as createNetServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildSchema, type DocumentNode, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type RunningGateway, startGateway } from '../../gateway/gateway.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import { projectRoot } from '../../subgraphs/shared/config.js';
import { INTERNAL_TOKEN_HEADER } from '../../subgraphs/shared/internal-token.js';
import { DEFAULT_COST_MODEL, DEFAULT_LIMITS, limitProtection, operationCost } from '../../subgraphs/shared/limits.js';
import { createLogger } from '../../subgraphs/shared/logging.js';
import { type RunningSubgraph, startSubgraph } from '../../subgraphs/shared/subgraph.js';
import { leaks, README_FIRST_QUERY } from '../support/abuse-catalogue.js';
import { internalHeaders, NATIONAL_ADMIN, tokenFor, usePlatform } from '../support/platform.js';

const api = usePlatform();
const silent = createLogger('test', { level: 'silent' });
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const stop of cleanup.reverse()) await stop();
});

type Mode = 'pass' | 'frozen' | 'corrupt';

/** Personnel's fields survive a failing learning subgraph; the employees' non-null `jp` nulls serviceUnit. */
const PARTIAL_QUERY =
  '{ region(code: "12.71") { name } serviceUnit(id: 1) { employees(first: 2) { nodes { id jp(year: 2025) { jp } } } } }';

/** Stands in for a subgraph: passes requests on, never answers (frozen, like SIGSTOP), or answers wrongly. */
async function controllableSubgraph(
  target: string,
): Promise<{ url: string; setMode(mode: Mode): void; server: Server }> {
  let mode: Mode = 'pass';
  const hanging: ServerResponse[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (mode === 'frozen') {
      hanging.push(res);
      return;
    }
    if (mode === 'corrupt') {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        variables?: { representations?: { __typename?: string }[] };
      };
      // Each entity asked for, with its type and none of its fields.
      const entities = (body.variables?.representations ?? []).map(({ __typename }) => ({ __typename }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { _entities: entities } }));
      return;
    }
    const credential = req.headers[INTERNAL_TOKEN_HEADER];
    const upstream = await fetch(new URL(req.url ?? '/', target), {
      method: req.method,
      headers: {
        'content-type': 'application/json',
        ...(typeof credential === 'string' && { [INTERNAL_TOKEN_HEADER]: credential }),
      },
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, setMode: (m) => (mode = m), server };
}

async function gatewayWith(
  overrides: Record<string, string>,
  options: Partial<Parameters<typeof startGateway>[0]> = {},
): Promise<RunningGateway> {
  const subgraphUrls = Object.fromEntries(
    Object.entries(api.platform.subgraphs).map(([name, s]) => [name, overrides[name] ?? s.url]),
  );
  const { authenticator, internalSigningKey } = api.platform.keys;
  const gateway = await startGateway({ subgraphUrls, authenticator, internalSigningKey, logger: silent, ...options });
  cleanup.push(() => gateway.stop());
  return gateway;
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  // A national administrator at the gateway; at a subgraph, the gateway's credential for one.
  const response = await fetch(new URL('/graphql', url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenFor(NATIONAL_ADMIN)}`,
      ...(await internalHeaders(NATIONAL_ADMIN)),
      ...headers,
    },
    body: JSON.stringify({ query }),
  });
  return {
    response,
    json: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
    },
  };
}

describe('health, readiness, 404 and metrics', () => {
  it('answers /health and /ready on the gateway and every subgraph, outside GraphQL', async () => {
    const urls = [api.platform.gateway.url, ...Object.values(api.platform.subgraphs).map((s) => s.url)];
    for (const url of urls) {
      const health = await fetch(new URL('/health', url));
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(new URL('/ready', url));
      expect(ready.status, url).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
      const missing = await fetch(new URL('/nope', url));
      expect(missing.status).toBe(404);
      expect(
        ((await missing.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
      ).toBe('NOT_FOUND');
    }
  });

  it('reports a subgraph it cannot reach as not ready, by name', async () => {
    const frozen = await controllableSubgraph(api.platform.subgraphs.budgeting.url);
    frozen.setMode('frozen');
    const gateway = await gatewayWith({ budgeting: frozen.url });
    const started = performance.now();
    const ready = await fetch(new URL('/ready', gateway.url));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', reason: 'subgraphs unreachable: budgeting' });
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('serves Prometheus metrics: requests and durations by operation, errors, subgraph fetches and sockets', async () => {
    await api.query(`query MetricsProbe ${README_FIRST_QUERY}`);
    await api.query('query Broken { nope }');
    const text = await (await fetch(new URL('/metrics', api.platform.gateway.url))).text();
    expect(text).toMatch(/graphql_requests_total\{operation="MetricsProbe",status="200",service="gateway"\} 1/);
    expect(text).toMatch(/graphql_request_duration_seconds_count\{service="gateway",operation="MetricsProbe"\} 1/);
    expect(text).toMatch(/graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED",service="gateway"\} \d+/);
    expect(text).toMatch(/gateway_subgraph_fetches_total\{subgraph="learning",outcome="ok",service="gateway"\} \d+/);
    expect(text).toMatch(/gateway_subgraph_sockets_connected\{service="gateway"\} \d+/);
    const subgraph = await (await fetch(new URL('/metrics', api.platform.subgraphs.personnel.url))).text();
    expect(subgraph).toMatch(/db_pool_connections\{service="personnel"\} \d+/);
    expect(subgraph).toMatch(/graphql_requests_total\{operation="[^"]+",status="200",service="personnel"\} \d+/);
  });
});

describe('logs', () => {
  it('prints one readable line per entry when pretty, JSON otherwise', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createLogger('gateway', { pretty: true, destination }).child({ requestId: 'r-1' }).warn({ status: 400 }, 'request');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}gateway \[r-1\] request \{"status":400\}\n$/);
    createLogger('gateway', { destination }).info({ variables: { nip: '199001012015011001' } }, 'request');
    const json = JSON.parse(lines[1]!) as Record<string, unknown>;
    expect(json).toMatchObject({ level: 30, service: 'gateway', msg: 'request', variables: '[Redacted]' });
  });
});

describe('errors', () => {
  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const { response } = await post(api.platform.gateway.url, '{ __typename }', { 'x-request-id': 'probe-123' });
    expect(response.headers.get('x-request-id')).toBe('probe-123');
    const odd = await post(api.platform.gateway.url, '{ __typename }', { 'x-request-id': 'bad id <script>' });
    expect(odd.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns a database failure into INTERNAL_SERVER_ERROR with a request id; the log holds the detail', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    // The subgraph reaches PostgreSQL through a TCP relay; closing the relay is a stopped database.
    const database = new URL(inject('databaseUrl'));
    const sockets = new Set<Socket>();
    const relay = createNetServer((client) => {
      const upstream = connect(Number(database.port), database.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const relayPort = (relay.address() as AddressInfo).port;
    const relayed = new URL(database);
    relayed.port = String(relayPort);
    const subgraph: RunningSubgraph = await startSubgraph(SUBGRAPHS.personnel, {
      databaseUrl: relayed.toString(),
      internalPublicKey: api.platform.keys.internalPublicKey,
      logging: { destination },
    });
    cleanup.push(() => subgraph.stop());
    expect((await fetch(new URL('/ready', subgraph.url))).status).toBe(200);
    await new Promise((resolve) => {
      relay.close(resolve);
      for (const socket of sockets) socket.destroy();
    });
    const ready = await fetch(new URL('/ready', subgraph.url));
    expect(ready.status).toBe(503);
    const readyText = await ready.text();
    expect(leaks(readyText, inject('databaseUrl'))).toEqual([]);
    expect(readyText).not.toContain(String(relayPort));
    const { json, response } = await post(subgraph.url, '{ region(code: "12.71") { name } }', {
      'x-request-id': 'db-down-1',
    });
    const text = JSON.stringify(json);
    expect(response.status).toBe(200);
    expect(json.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'db-down-1' });
    expect(json.errors?.[0]?.message).toBe('Internal server error (request id db-down-1)');
    expect(leaks(text, inject('databaseUrl'))).toEqual([]);
    expect(text).not.toContain(String(relayPort));
    const logged = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.requestId === 'db-down-1');
    expect(logged.some((entry) => entry.msg === 'unexpected error' && JSON.stringify(entry.err).length > 20)).toBe(
      true,
    );
    expect(logged.some((entry) => entry.msg === 'request' && entry.status === 200 && Array.isArray(entry.errors))).toBe(
      true,
    );
  });

  it('moves a field the gateway cannot complete into errors', async () => {
    const learning = await controllableSubgraph(api.platform.subgraphs.learning.url);
    learning.setMode('corrupt');
    const gateway = await gatewayWith({ learning: learning.url });
    // The corrupt answer lacks `offerings`, a non-null connection: the gateway cannot complete it.
    const { json } = await post(
      gateway.url,
      '{ region(code: "12.71") { name offerings(year: 2025, first: 2) { nodes { id } } } }',
    );
    expect(json.errors?.length).toBeGreaterThan(0);
    expect(json.errors?.[0]?.extensions?.code).toBe('VALUE_COMPLETION_FAILED');
    expect(json.errors?.[0]?.path).toEqual(['region', 'offerings']);
    expect(JSON.stringify(json)).not.toContain('valueCompletion');
  });
});

describe('a frozen subgraph', () => {
  it('is answered within the timeout with the data there is and an error naming it, then recovers by itself', async () => {
    const learning = await controllableSubgraph(api.platform.subgraphs.learning.url);
    const gateway = await gatewayWith({ learning: learning.url }, { subgraphTimeoutMs: 800 });
    learning.setMode('frozen');
    const started = performance.now();
    const { json, response } = await post(gateway.url, PARTIAL_QUERY);
    const took = performance.now() - started;
    expect(response.status).toBe(200);
    expect(took).toBeLessThan(3000);
    expect((json.data?.region as { name: string } | undefined)?.name).toBe('Kota Medan');
    const error = json.errors?.find((e) => e.extensions?.serviceName === 'learning');
    expect(error?.extensions?.code).toBe('SUBGRAPH_TIMEOUT');
    expect(error?.message).toBe('Subgraph "learning" did not answer within 800 ms.');
    expect(error?.path?.[0]).toBe('serviceUnit');
    expect(leaks(JSON.stringify(json), inject('databaseUrl'))).toEqual([]);

    learning.setMode('pass');
    const again = await post(gateway.url, README_FIRST_QUERY);
    expect(again.json.errors).toBeUndefined();
  });

  it('names a subgraph that refuses connections', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));
    const gateway = await gatewayWith({ evaluation: url });
    const { json } = await post(gateway.url, '{ serviceUnit(id: 1) { name ikm(year: 2025) { score } } }');
    expect((json.data?.serviceUnit as { name: string } | undefined)?.name).toBeTruthy();
    expect(json.errors?.[0]).toMatchObject({
      message: 'Subgraph "evaluation" is unavailable.',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'evaluation' },
    });
    expect(JSON.stringify(json)).not.toContain(url);
  });
});

describe('shutdown and CORS', () => {
  it('when stopped, lets an in-flight request finish, answers 503 to new ones meanwhile, then closes', async () => {
    const learning = await controllableSubgraph(api.platform.subgraphs.learning.url);
    const gateway = await startGateway({
      subgraphUrls: {
        ...Object.fromEntries(Object.entries(api.platform.subgraphs).map(([n, s]) => [n, s.url])),
        learning: learning.url,
      },
      authenticator: api.platform.keys.authenticator,
      internalSigningKey: api.platform.keys.internalSigningKey,
      logger: silent,
      subgraphTimeoutMs: 600,
      shutdownGraceMs: 5000,
    });
    learning.setMode('frozen');
    const inFlight = post(gateway.url, PARTIAL_QUERY);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = gateway.stop();
    const meanwhile = await fetch(new URL('/ready', gateway.url));
    expect(meanwhile.status).toBe(503);
    expect(await meanwhile.json()).toMatchObject({ errors: [{ extensions: { code: 'SHUTTING_DOWN' } }] });
    const { response, json } = await inFlight;
    expect(response.status).toBe(200);
    expect((json.data?.region as { name: string } | undefined)?.name).toBeTruthy();
    await stopped;
    await expect(fetch(new URL('/health', gateway.url))).rejects.toThrow();
  });

  it('allows no cross-origin browser calls by default, and the configured origins', async () => {
    const origin = 'https://dashboard.example.go.id';
    const closedByDefault = await fetch(new URL('/graphql', api.platform.gateway.url), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(closedByDefault.status).toBe(403);
    expect(closedByDefault.headers.get('access-control-allow-origin')).toBeNull();
    const gateway = await gatewayWith({}, { corsOrigins: [origin] });
    const preflight = await fetch(new URL('/graphql', gateway.url), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    const other = await post(gateway.url, '{ __typename }', { origin: 'https://elsewhere.example' });
    expect(other.response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('default limits', () => {
  const root = projectRoot();
  const schema = buildSchema(readFileSync(join(root, 'schema', 'api.graphql'), 'utf8'));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const documents: [string, string][] = [
    ...[...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map(
      (m, i) => [`README block ${i + 1}`, m[1]!] as [string, string],
    ),
    ...readdirSync(join(root, 'test', 'documents')).map(
      (file) => [file, readFileSync(join(root, 'test', 'documents', file), 'utf8')] as [string, string],
    ),
  ];
  const protection = limitProtection(DEFAULT_LIMITS);

  it.each(documents)('%s passes every limit (with `first` at the page size)', (_name, text) => {
    const document: DocumentNode = parse(text, { maxTokens: DEFAULT_LIMITS.tokens });
    expect(validate(schema, document, [...specifiedRules, ...protection.validationRules])).toEqual([]);
    for (const definition of document.definitions) {
      if (definition.kind !== 'OperationDefinition') continue;
      const operation = getOperationAST(document, definition.name?.value)!;
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => [
          v.variable.name.value,
          v.variable.name.value === 'first' ? DEFAULT_LIMITS.pageSize : sample(v.type),
        ]),
      );
      const cost = operationCost(schema, document, operation, variables, DEFAULT_LIMITS, DEFAULT_COST_MODEL);
      expect(cost, definition.name?.value).toBeLessThanOrEqual(DEFAULT_LIMITS.cost);
    }
  });

  it('README queries run through the gateway without errors', async () => {
    for (const [name, text] of documents.filter(([n]) => n.startsWith('README'))) {
      const result = await api.query(text);
      expect(result.errors, name).toBeUndefined();
    }
  });
});

/** A stand-in value for a variable: 1 for Int, a region code for String, and lists of those. */
function sample(type: { kind: string; type?: unknown; name?: { value: string } }): unknown {
  if (type.kind === 'NonNullType') return sample(type.type as typeof type);
  if (type.kind === 'ListType') return [sample(type.type as typeof type)];
  return type.name?.value === 'Int' ? 1 : type.name?.value === 'String' ? '12.71' : null;
}
