import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '../subgraphs/shared/logging.js';
import { loadAssets, sendAsset } from './static-assets.js';

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

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

/** Loads the built dashboard: its route, or the reason it cannot be served. */
export function loadDashboard(root: string): { handle?: Route; problem?: string } {
  const dir = dashboardDirectory(root);
  const manifestFile = join(dir, DASHBOARD_MANIFEST);
  if (!existsSync(manifestFile)) return { problem: `${manifestFile} is missing: run npm run build` };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as DashboardManifest; // written by tools/dashboard/build.ts
  const assets = loadAssets(dir, manifest.files, false);
  const index = assets.get('index.html');
  if (!index) return { problem: `${dir} has no index.html: run npm run build` };
  return {
    handle(req, res, url) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const page = url.pathname === '/dashboard' || url.pathname === DASHBOARD_PREFIX;
      if (!page && !url.pathname.startsWith(DASHBOARD_PREFIX)) return false;
      const asset = page ? index : assets.get(url.pathname.slice(DASHBOARD_PREFIX.length));
      if (!asset) return false;
      sendAsset(req, res, asset, {
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
      });
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
