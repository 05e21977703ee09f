import { describe, expect, inject, it } from 'vitest';
import { type AbuseCase, CATALOGUE, leaks, README_FIRST_QUERY } from '../support/abuse-catalogue.js';
import { internalHeaders, NATIONAL_ADMIN, tokenFor, usePlatform } from '../support/platform.js';

const api = usePlatform();

function targetUrl(testCase: AbuseCase): string {
  const target = testCase.target ?? 'gateway';
  const base = target === 'gateway' ? api.platform.gateway.url : api.platform.subgraphs[target].url;
  return new URL(testCase.path ?? '/graphql', base).toString();
}

async function send(testCase: AbuseCase): Promise<{ status: number; type: string; text: string }> {
  const method = testCase.method ?? 'POST';
  const credential =
    testCase.gatewayCredential === false
      ? {}
      : (testCase.target ?? 'gateway') === 'gateway'
        ? { authorization: `Bearer ${await tokenFor(NATIONAL_ADMIN)}` }
        : await internalHeaders(NATIONAL_ADMIN);
  const headers: Record<string, string> = {
    ...(method === 'POST' && { 'content-type': 'application/json' }),
    ...credential,
    ...testCase.headers,
  };
  if (headers['content-type'] === '') delete headers['content-type'];
  let body: string | undefined;
  if (testCase.body !== undefined)
    body = typeof testCase.body === 'string' ? testCase.body : JSON.stringify(testCase.body);
  if (method !== 'POST' && body !== undefined && !['GET', 'OPTIONS'].includes(method))
    headers['content-type'] ??= 'application/json';
  const response = await fetch(targetUrl(testCase), {
    method,
    headers,
    body: method === 'GET' || method === 'OPTIONS' ? undefined : body,
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe('catalogue of bad and abusive requests', () => {
  it('has at least 120 cases', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(120);
  });

  // Five at a time (vitest's maxConcurrency): the catalogue stays a few seconds on two cores.
  it.concurrent.for(CATALOGUE.map((c) => [`${c.category}: ${c.name}`, c] as const))(
    '%s',
    async ([, testCase], { expect }) => {
      const started = performance.now();
      const response = await send(testCase);
      const context = `${testCase.category}: ${testCase.name} -> ${response.status} ${response.text.slice(0, 400)}`;
      expect(response.status, context).toBe(testCase.status);
      expect(response.type, context).toMatch(/json/);
      const json = JSON.parse(response.text) as {
        errors?: { message: string; locations?: unknown; extensions?: { code?: string } }[];
      };
      // Locations ({"line":1,"column":3}) are the client's own document, not a leak.
      const visible = JSON.stringify({ ...json, errors: json.errors?.map(({ locations: _l, ...error }) => error) });
      expect(leaks(visible, inject('databaseUrl')), context).toEqual([]);
      const first = json.errors?.[0];
      if (testCase.code) expect(first?.extensions?.code, context).toBe(testCase.code);
      if (testCase.message) expect(first?.message, context).toMatch(testCase.message);
      for (const error of json.errors ?? []) expect(error.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
      // Rejections of abusive sizes happen before execution: cheap.
      if (response.status >= 400) expect(performance.now() - started, context).toBeLessThan(3000);

      const after = await api.query<{ serviceUnit: { name: string } | null }, Record<string, never>>(
        README_FIRST_QUERY,
      );
      expect(after.errors, context).toBeUndefined();
      expect(after.data?.serviceUnit?.name, context).toBeTruthy();
    },
  );
});
