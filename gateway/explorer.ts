import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { loadAssets, send, sendAsset } from './static-assets.js';

/**
 * The offline explorer at the gateway's root: GraphiQL bundled from npm (tools/explorer/build.ts writes
 * dist/explorer/ at `npm run build`), served from the gateway's own origin only. A browser's GET of `/`
 * (or `/graphql`) that prefers HTML gets the page; JSON GraphQL requests are untouched. Assets are served
 * from a fixed list (the build's manifest), by exact name under /explorer/, so no path can reach another
 * file. The README's first query, its trainingImpact queries and its three analytics charts open as tabs, and
 * the Headers tab holds a template for a token.
 */

export const EXPLORER_MANIFEST = 'manifest.json';
/** Where the assets are served: /explorer/<file>. */
export const EXPLORER_PREFIX = '/explorer/';

/** What the build wrote: the page's script and style, the Monaco workers, and every file (all hashed). */
export interface ExplorerManifest {
  inputHash: string;
  script: string;
  style: string;
  workers: { editor: string; json: string; graphql: string };
  files: string[];
}

/** The built assets' folder. */
export function explorerDirectory(root: string): string {
  return join(root, 'dist', 'explorer');
}

export interface ExplorerExample {
  /** The README section it comes from. */
  title: string;
  query: string;
}

/**
 * The README's examples: the graphql block under "## A first query" and every graphql block that calls
 * trainingImpact or analytics (the three dashboard charts), in README order, each with the heading of its section.
 */
export function readmeExamples(readme: string): ExplorerExample[] {
  const examples: ExplorerExample[] = [];
  let section = '';
  const pattern = /^## (.+)$|^```graphql\n([\s\S]*?)^```/gm;
  for (const match of readme.matchAll(pattern)) {
    if (match[1] !== undefined) {
      section = match[1].trim();
      continue;
    }
    const query = match[2];
    if (query === undefined) continue;
    if (section === 'A first query' || /\b(trainingImpact|analytics)\s*\(/.test(query))
      examples.push({ title: section, query });
  }
  return examples;
}

/** The Headers tab on opening: JSON with comments (GraphiQL sends only what is not commented out). */
export function headersTemplate(production: boolean): string {
  const how = production
    ? [
        '  // A token from your identity provider, or an API key ("Authorization": "ApiKey <id>.<secret>").',
        '  // Remove the // before "Authorization" and paste it in place of <token>.',
      ]
    : [
        '  // Get a token in the project folder: npm run -s token -- --role regional-admin --region 12.71',
        '  // then remove the // before "Authorization" and paste it in place of <token>.',
      ];
  return ['{', ...how, '  // "Authorization": "Bearer <token>"', '}', ''].join('\n');
}

/** Same origin only; styles may be inline (Monaco sets them at run time), scripts and everything else may not. */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface Explorer {
  /** Answers the request when it is the explorer's (the page or one of its assets); false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
}

export interface ExplorerOptions {
  /** The repository root: README.md and dist/explorer/ are read from it, once. */
  root: string;
  /** The production hint (identity provider, API keys) instead of `npm run token`. */
  production?: boolean;
}

/** Loads the built explorer; undefined (with the reason) when it has not been built. */
export function loadExplorer(options: ExplorerOptions): { explorer?: Explorer; problem?: string } {
  const dir = explorerDirectory(options.root);
  const manifestFile = join(dir, EXPLORER_MANIFEST);
  if (!existsSync(manifestFile)) return { problem: `${manifestFile} is missing: run npm run build` };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ExplorerManifest;
  const assets = loadAssets(dir, manifest.files, true);
  const readmeFile = join(options.root, 'README.md');
  const examples = existsSync(readmeFile) ? readmeExamples(readFileSync(readmeFile, 'utf8')) : [];
  const page = Buffer.from(renderPage(manifest, examples, options.production ?? false));

  return {
    explorer: {
      handle(req, res, url) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return false;
        if ((url.pathname === '/' || url.pathname === '/graphql') && prefersHtml(req.headers.accept)) {
          send(req, res, page, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-cache',
            'content-security-policy': EXPLORER_CSP,
            'referrer-policy': 'no-referrer',
            'x-frame-options': 'DENY',
          });
          return true;
        }
        if (!url.pathname.startsWith(EXPLORER_PREFIX)) return false;
        // An exact name from the manifest: `..`, encoded separators and anything else simply are not in it.
        const asset = assets.get(url.pathname.slice(EXPLORER_PREFIX.length));
        if (!asset) return false;
        sendAsset(req, res, asset, {
          // The names carry a content hash: a new build has new names.
          'cache-control': 'public, max-age=31536000, immutable',
          vary: 'Origin, Accept-Encoding',
        });
        return true;
      },
    },
  };
}

/** True when the Accept header ranks text/html above JSON (a browser's navigation), as Apollo's landing page did. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = -1;
  let json = -1;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const qParam = params.find((param) => param.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (type === 'text/html') html = Math.max(html, q);
    else if (type === 'application/json' || type === 'application/graphql-response+json') json = Math.max(json, q);
  }
  return html > 0 && html > json;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON safe inside a <script type="application/json"> block. */
const jsonForHtml = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** An example as a tab: named after its README section (GraphiQL titles a tab by its operation's name). */
function tabQuery(example: ExplorerExample): string {
  const name = example.title
    .replace(/[^A-Za-z0-9 ]/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  const query = example.query.trimStart();
  const named = query.startsWith('{') && /^[A-Za-z]/.test(name) ? `query ${name} ${query}` : query;
  return `# From README.md, "${example.title}"\n${named}`;
}

function renderPage(manifest: ExplorerManifest, examples: ExplorerExample[], production: boolean): string {
  const asset = (file: string) => `${EXPLORER_PREFIX}${encodeURIComponent(file)}`;
  const headers = headersTemplate(production);
  const tabs = examples.map((example) => ({ query: tabQuery(example), headers }));
  const settings = {
    endpoint: '/graphql',
    headers,
    tabs: tabs.length > 0 ? tabs : [{ query: '{ regions { code name } }', headers }],
    workers: {
      editor: asset(manifest.workers.editor),
      json: asset(manifest.workers.json),
      graphql: asset(manifest.workers.graphql),
    },
  };
  const hint = production
    ? 'Data about people needs a credential: under <b>Headers</b>, uncomment <code>"Authorization"</code> and paste a token from your identity provider (or an API key) over <code>&lt;token&gt;</code>.'
    : 'Data about people needs a token: <code>npm run -s token -- --role regional-admin --region 12.71</code>, then under <b>Headers</b> uncomment <code>"Authorization"</code> and paste it over <code>&lt;token&gt;</code>.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pembinaan API explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(asset(manifest.style))}">
<script type="module" src="${escapeHtml(asset(manifest.script))}"></script>
<script type="application/json" id="explorer-settings">${jsonForHtml(settings)}</script>
</head>
<body>
<div class="explorer-hint">${hint} Each tab has its own headers, and they are not saved; queries and history stay in this browser's local storage. The tabs hold the README's examples.</div>
<div id="graphiql">Loading the explorer...</div>
</body>
</html>
`;
}
