import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

/**
 * The built front ends the gateway serves (the explorer, the dashboard): files read once at start-up from
 * a build's manifest and served by exact name, so no request path reaches another file.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** One built file, with its precompressed copy when the build wrote one. */
export interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer | undefined;
}

/**
 * Reads the manifest's files of a known type from `dir`, keyed by their name in the manifest. Names with
 * an empty or `..` segment are skipped; with `flat`, so is any name with a folder.
 */
export function loadAssets(dir: string, files: readonly string[], flat: boolean): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const file of files) {
    const type = CONTENT_TYPES[extname(file)];
    if (!type || (flat ? file.includes('/') : file.split('/').some((part) => part === '..' || part === ''))) continue;
    const gzipFile = join(dir, `${file}.gz`);
    assets.set(file, {
      type,
      body: readFileSync(join(dir, file)),
      gzip: existsSync(gzipFile) ? readFileSync(gzipFile) : undefined,
    });
  }
  return assets;
}

/** Answers with `body` (no body for HEAD), its length and nosniff, beside `headers`. */
export function send(req: IncomingMessage, res: ServerResponse, body: Buffer, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'content-length': String(body.length), 'x-content-type-options': 'nosniff' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Sends an asset, gzipped when the build compressed it and the client accepts gzip. */
export function sendAsset(
  req: IncomingMessage,
  res: ServerResponse,
  asset: Asset,
  headers: Record<string, string>,
): void {
  const gzip = asset.gzip !== undefined && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  send(req, res, gzip && asset.gzip ? asset.gzip : asset.body, {
    'content-type': asset.type,
    ...headers,
    ...(gzip && { 'content-encoding': 'gzip' }),
  });
}
