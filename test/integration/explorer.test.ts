import { request } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { headersTemplate, prefersHtml, readmeExamples } from '../../gateway/explorer.js';
import { startGateway } from '../../gateway/gateway.js';
import { loadConfig } from '../../subgraphs/shared/config.js';
import { createLogger } from '../../subgraphs/shared/logging.js';
import { README_FIRST_QUERY } from '../support/abuse-catalogue.js';
import { usePlatform } from '../support/platform.js';

const api = usePlatform();
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const stop of cleanup.reverse()) await stop();
});

/** What Chromium sends when it opens a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with the path sent exactly as written: fetch() would resolve `..` and re-encode before sending. */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Settings {
  endpoint: string;
  headers: string;
  tabs: { query: string; headers: string }[];
  workers: Record<'editor' | 'json' | 'graphql', string>;
}

async function openPage(): Promise<{ response: Response; html: string; settings: Settings }> {
  const response = await fetch(api.platform.gateway.url, { headers: { accept: BROWSER_ACCEPT } });
  const html = await response.text();
  const json = /<script type="application\/json" id="explorer-settings">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error('the page has no explorer settings');
  return { response, html, settings: JSON.parse(json) as Settings };
}

/** Every same-origin file the page loads, following the JS modules' static and dynamic imports and CSS url()s. */
async function crawl(base: string, start: string[]): Promise<Map<string, { type: string; body: string }>> {
  const seen = new Map<string, { type: string; body: string }>();
  const queue = [...start];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const response = await fetch(new URL(path, base));
    expect(response.status, path).toBe(200);
    const type = response.headers.get('content-type') ?? '';
    const body = await response.text();
    seen.set(path, { type, body });
    if (path.endsWith('.js')) {
      // No CDN: no module is imported from another origin (absolute or protocol-relative URL).
      expect(body, path).not.toMatch(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)["'`](?:[a-z]+:)?\/\//i);
    }
    const references = path.endsWith('.js')
      ? // esbuild's own imports name hashed files (error messages in the bundle quote `from "./module"`).
        [...body.matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)["'](\.\/[\w.-]+-[A-Z0-9]{8}\.js)["']/g)].map(
          (m) => m[1]!,
        )
      : path.endsWith('.css')
        ? [...body.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/g)].map((m) => (m[1] ?? m[2])!)
        : [];
    for (const reference of references) {
      if (reference.startsWith('data:')) continue;
      expect(reference, `${path} loads ${reference}`).not.toMatch(/^(?:[a-z]+:)?\/\//i);
      queue.push(new URL(reference, new URL(path, base)).pathname);
    }
  }
  return seen;
}

describe('the offline explorer at the gateway', () => {
  it('answers a browser at / with the page: same-origin assets only, a strict CSP, no URL of another origin', async () => {
    const { response, html, settings } = await openPage();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script(?![^>]*\b(?:src="\/explorer\/|type="application\/json"))/);
    const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThanOrEqual(2);
    for (const reference of [...references, ...Object.values(settings.workers)])
      expect(reference).toMatch(/^(?:\/explorer\/[A-Za-z0-9._-]+|data:,)$/);
    expect(settings.endpoint).toBe('/graphql');
    // A page view is not a GraphQL request in the metrics.
    const counted = async () => {
      const text = await (await fetch(new URL('/metrics', api.platform.gateway.url))).text();
      return [...text.matchAll(/^graphql_requests_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    };
    const before = await counted();
    await openPage();
    expect(await counted()).toBe(before);
    // /graphql opened in a browser shows it too, as Apollo's landing page did.
    const atGraphql = await fetch(new URL('/graphql', api.platform.gateway.url), {
      headers: { accept: BROWSER_ACCEPT },
    });
    expect(atGraphql.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('serves every asset the page loads (modules, chunks, workers, styles) with its type, hashed and cached long', async () => {
    const { html, settings } = await openPage();
    const start = [
      ...[...html.matchAll(/\b(?:src|href)="(\/[^"]*)"/g)].map((m) => m[1]!),
      ...Object.values(settings.workers),
    ];
    const files = await crawl(api.platform.gateway.url, start);
    expect(files.size).toBeGreaterThan(5);
    for (const [path, { type }] of files) {
      if (path.endsWith('.js')) expect(type, path).toBe('text/javascript; charset=utf-8');
      else if (path.endsWith('.css')) expect(type, path).toBe('text/css; charset=utf-8');
      else expect(type, path).toMatch(/^(font|image)\//);
    }
    const script = start.find((path) => path.endsWith('.js'))!;
    const response = await fetch(new URL(script, api.platform.gateway.url), { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const gzip = await rawGet(api.platform.gateway.url, script, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    // The GraphiQL bundle itself fetches only what it is given: the gateway's own /graphql.
    const bundle = [...files.values()].map((file) => file.body).join('\n');
    expect(bundle).not.toMatch(/esm\.sh|unpkg\.com|jsdelivr|cdnjs|fonts\.googleapis/);
  });

  it("opens the README's first query, its trainingImpact query and its analytics charts as tabs, with a token template under Headers", async () => {
    const { html, settings } = await openPage();
    expect(settings.tabs[0]!.query).toContain(README_FIRST_QUERY.trim());
    expect(
      settings.tabs.some((tab) => /trainingImpact\(regionCodes: \["12\.71", "12\.75", "93\.01"\]/.test(tab.query)),
    ).toBe(true);
    // The three reference charts of the analytics section, in README order.
    const charts = settings.tabs.filter((tab) => /\banalytics\(query:/.test(tab.query));
    expect(charts.map((tab) => /measures: \[([A-Z0-9_, ]+)\]/.exec(tab.query)?.[1])).toEqual([
      'IKM_MEAN',
      'JP_PER_STAFF, HEADCOUNT',
      'JP20_COMPLIANCE_SHARE, HEADCOUNT',
    ]);
    expect(charts.every((tab) => tab.query.startsWith('# From README.md, "Analytics: measures by dimensions'))).toBe(
      true,
    );
    for (const tab of settings.tabs) expect(tab.headers).toBe(settings.headers);
    expect(settings.headers).toContain('npm run -s token -- --role regional-admin --region 12.71');
    expect(settings.headers).toContain('// "Authorization": "Bearer <token>"');
    expect(html).toContain('npm run -s token -- --role regional-admin --region 12.71');
    // Every tab's query is valid against the API: the examples run as they are (the first with a token).
    for (const tab of settings.tabs) {
      const result = await api.query(tab.query);
      expect(result.errors ?? [], tab.query.slice(0, 60)).toEqual([]);
    }
  });

  it("the explorer's introspection and a query work for an anonymous caller, as GraphiQL sends them", async () => {
    const introspection = await fetch(new URL('/graphql', api.platform.gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        query: getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: false }),
        operationName: 'IntrospectionQuery',
      }),
    });
    expect(introspection.status).toBe(200);
    const body = (await introspection.json()) as { data?: { __schema: { types: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.__schema.types.length).toBeGreaterThan(20);
  });

  it('never serves a file outside its list: traversal and encoded variants are 404', async () => {
    const { html } = await openPage();
    const script = /src="\/explorer\/([^"]+)"/.exec(html)![1]!;
    for (const path of [
      '/explorer/../package.json',
      '/explorer/%2e%2e/package.json',
      '/explorer/%2E%2E/%2E%2E/etc/passwd',
      '/explorer/..%2fpackage.json',
      '/explorer/..%2Fpackage.json',
      '/explorer/%2e%2e%2fpackage.json',
      '/explorer/..%5cpackage.json',
      '/explorer/....//package.json',
      '/explorer//etc/passwd',
      '/explorer/%2fetc%2fpasswd',
      '/explorer/',
      '/explorer',
      '/explorer/manifest.json',
      `/explorer/${script}.gz`,
      `/explorer/${script}%00`,
      `/explorer/x/../${script}x`,
      '/package.json',
      '/dist/explorer/manifest.json',
    ]) {
      const response = await rawGet(api.platform.gateway.url, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"pembinaan"');
      expect(response.body, path).not.toContain('root:');
    }
    expect((await rawGet(api.platform.gateway.url, `/explorer/${script}`)).status).toBe(200);
  });

  it('leaves JSON GraphQL at / and /graphql as it was: GET and POST, whatever the Accept', async () => {
    const { url } = api.platform.gateway;
    for (const path of ['/', '/graphql']) {
      for (const accept of [undefined, 'application/json', 'application/graphql-response+json', '*/*']) {
        const get = await fetch(new URL(`${path}?query=${encodeURIComponent('{ __typename }')}`, url), {
          // Apollo's CSRF prevention asks a GET for a header a form cannot send, as before the explorer.
          headers: { 'apollo-require-preflight': 'true', ...(accept && { accept }) },
        });
        expect(get.status, `${path} ${accept}`).toBe(200);
        expect(get.headers.get('content-type'), `${path} ${accept}`).toMatch(/json/);
        expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
      }
      const post = await fetch(new URL(path, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/html;q=0.5' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    }
    // A GET without a query from curl (Accept */*) is GraphQL's answer, not a page.
    const bare = await fetch(url, { headers: { accept: '*/*' } });
    expect(bare.headers.get('content-type')).toMatch(/json/);
  });

  it('is served by the gateway only: no subgraph answers a browser with a page or an asset', async () => {
    const { html } = await openPage();
    const script = /src="(\/explorer\/[^"]+)"/.exec(html)![1]!;
    for (const subgraph of Object.values(api.platform.subgraphs)) {
      const page = await fetch(subgraph.url, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.headers.get('content-type'), subgraph.name).not.toMatch(/html/);
      const body = await page.text();
      expect(body, subgraph.name).not.toMatch(/<html|https?:\/\/[^"]*(apollo|cdn)/i);
      expect((await fetch(new URL(script, subgraph.url))).status, subgraph.name).toBe(404);
    }
  });

  it('EXPLORER=off turns it off: a browser gets no page and no asset, and no CDN landing page either', async () => {
    expect(loadConfig({ EXPLORER: 'off' }).gateway.explorer).toBe(false);
    expect(loadConfig({}).gateway.explorer).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', EXPLORER: 'on' }).gateway.explorer).toBe(true);
    const { platform } = api;
    const gateway = await startGateway({
      subgraphUrls: Object.fromEntries(Object.values(platform.subgraphs).map((s) => [s.name, s.url])),
      authenticator: platform.keys.authenticator,
      internalSigningKey: platform.keys.internalSigningKey,
      explorer: false,
      processMetrics: false,
      logger: createLogger('test', { level: 'silent' }),
    });
    cleanup.push(() => gateway.stop());
    const { html } = await openPage();
    const script = /src="(\/explorer\/[^"]+)"/.exec(html)![1]!;
    const page = await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    expect(await page.text()).not.toMatch(/<html/i);
    expect((await fetch(new URL(script, gateway.url))).status).toBe(404);
    const query = await fetch(new URL('/graphql', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('explorer helpers', () => {
  it('tells a browser navigation from a GraphQL client by its Accept header', () => {
    expect(prefersHtml(BROWSER_ACCEPT)).toBe(true);
    expect(prefersHtml('text/html')).toBe(true);
    expect(prefersHtml(undefined)).toBe(false);
    expect(prefersHtml('*/*')).toBe(false);
    expect(prefersHtml('application/json')).toBe(false);
    expect(prefersHtml('application/json, text/html')).toBe(false);
    expect(prefersHtml('application/graphql-response+json, application/json;q=0.9, text/html;q=0.8')).toBe(false);
    expect(prefersHtml('text/html;q=0')).toBe(false);
  });

  it("reads the README's examples: the first query, the trainingImpact and analytics ones, with their section", () => {
    const readme = [
      '## A first query',
      '```graphql',
      '{ a }',
      '```',
      '## Other',
      '```graphql',
      '{ b }',
      '```',
      '```graphql',
      '{ trainingImpact(regionCodes: ["12"], year: 2025) { ranking { rank } } }',
      '```',
      '```bash',
      'trainingImpact(',
      '```',
      '## Charts',
      '```graphql',
      '{ analytics(query: { measures: [IKM_MEAN], dimensions: [], regionCode: "12" }) { totalCount } }',
      '```',
      '```graphql',
      '{ analyticsCatalogue { measures { measure } } }',
      '```',
    ].join('\n');
    expect(readmeExamples(readme)).toEqual([
      { title: 'A first query', query: '{ a }\n' },
      { title: 'Other', query: '{ trainingImpact(regionCodes: ["12"], year: 2025) { ranking { rank } } }\n' },
      {
        title: 'Charts',
        query: '{ analytics(query: { measures: [IKM_MEAN], dimensions: [], regionCode: "12" }) { totalCount } }\n',
      },
    ]);
    expect(headersTemplate(true)).not.toContain('npm run');
    expect(headersTemplate(false)).toContain('npm run -s token');
  });
});
