import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import type { Logger } from '../subgraphs/shared/logging.js';

/**
 * The reference dashboard at /dashboard: a Vite build of dashboard/ (tools/dashboard/build.ts writes
 * dist/dashboard/ at `npm run build`), served from the gateway's own origin. It calls only the public
 * GraphQL endpoint, with the token a user pastes. Files are served from the build's fixed list, by exact
 * name, so no path reaches another file. `DASHBOARD=off` turns it off.
 */

export const DASHBOARD_PREFIX = '/dashboard/';
export const DASHBOARD_MANIFEST = 'build.json';

/** What the build wrote: the hash of its inputs and every file (paths relative to dist/dashboard, index.html first). */
export interface DashboardManifest {
  inputHash: string;
  files: string[];
}

export function dashboardDirectory(root: string): string {
  return join(root, 'dist', 'dashboard');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Same origin only. Styles may be inline: ECharts positions its tooltips and SVG with style attributes.
 * blob: images and downloads are the CSV export.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer | undefined;
}

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

/** Loads the built dashboard: its route, or the reason it cannot be served. */
export function loadDashboard(root: string): { handle?: Route; problem?: string } {
  const dir = dashboardDirectory(root);
  const manifestFile = join(dir, DASHBOARD_MANIFEST);
  if (!existsSync(manifestFile)) return { problem: `${manifestFile} is missing: run npm run build` };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as DashboardManifest; // written by tools/dashboard/build.ts
  const assets = new Map<string, Asset>();
  for (const file of manifest.files) {
    const type = CONTENT_TYPES[extname(file)];
    if (!type || file.split('/').some((part) => part === '..' || part === '')) continue;
    const gzipFile = join(dir, `${file}.gz`);
    assets.set(file, {
      type,
      body: readFileSync(join(dir, file)),
      gzip: existsSync(gzipFile) ? readFileSync(gzipFile) : undefined,
    });
  }
  const index = assets.get('index.html');
  if (!index) return { problem: `${dir} has no index.html: run npm run build` };
  return {
    handle(req, res, url) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const page = url.pathname === '/dashboard' || url.pathname === DASHBOARD_PREFIX;
      if (!page && !url.pathname.startsWith(DASHBOARD_PREFIX)) return false;
      const asset = page ? index : assets.get(url.pathname.slice(DASHBOARD_PREFIX.length));
      if (!asset) return false;
      const gzip = asset.gzip !== undefined && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = gzip && asset.gzip ? asset.gzip : asset.body;
      res.writeHead(200, {
        'content-type': asset.type,
        'content-length': String(body.length),
        'x-content-type-options': 'nosniff',
        vary: 'Accept-Encoding',
        ...(asset === index
          ? {
              'cache-control': 'no-cache',
              'content-security-policy': DASHBOARD_CSP,
              'referrer-policy': 'no-referrer',
              'x-frame-options': 'DENY',
            }
          : // Vite names assets by content hash: a new build has new names.
            { 'cache-control': 'public, max-age=31536000, immutable' }),
        ...(gzip && { 'content-encoding': 'gzip' }),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}

/**
 * The gateway's extra routes: the explorer's (if on), then the dashboard's (if on and built). A dashboard
 * that was not built is a warning, not a failure: the API works without it.
 */
export function withDashboard(
  explorer: Route | undefined,
  enabled: boolean,
  root: string,
  log: Logger,
): Route | undefined {
  if (!enabled) return explorer;
  const { handle, problem } = loadDashboard(root);
  if (problem) log.warn(`dashboard off: ${problem}`);
  if (!handle) return explorer;
  return (req, res, url) => (explorer?.(req, res, url) ?? false) || handle(req, res, url);
}
