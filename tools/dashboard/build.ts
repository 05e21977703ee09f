import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { DASHBOARD_MANIFEST, type DashboardManifest, dashboardDirectory } from '../../gateway/dashboard.js';
import { projectRoot } from '../../subgraphs/shared/config.js';

/**
 * `npm run build` (after tsc and the explorer): builds the reference dashboard (dashboard/, Vite with
 * ECharts) into dist/dashboard/, gzips each file, and writes the list of files the gateway serves
 * (gateway/dashboard.ts). Skipped when its inputs (the lockfile, dashboard/, this script) are unchanged.
 */

const root = projectRoot();
const outdir = dashboardDirectory(root);
const sources = join(root, 'dashboard');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function inputHash(): string {
  const hash = createHash('sha256');
  for (const file of [join(root, 'package-lock.json'), ...filesUnder(sources), new URL(import.meta.url).pathname]) {
    hash.update(relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function upToDate(hash: string): boolean {
  const manifestFile = join(outdir, DASHBOARD_MANIFEST);
  if (!existsSync(manifestFile)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Partial<DashboardManifest>; // our own file, checked below
    return manifest.inputHash === hash && (manifest.files ?? []).every((file) => existsSync(join(outdir, file)));
  } catch {
    return false;
  }
}

const started = performance.now();
const hash = inputHash();
if (!upToDate(hash)) {
  await build({ configFile: join(sources, 'vite.config.ts'), logLevel: 'warn' });
  const files = filesUnder(outdir)
    .map((file) => relative(outdir, file))
    .filter((file) => !file.endsWith('.gz') && file !== DASHBOARD_MANIFEST);
  for (const file of files)
    writeFileSync(join(outdir, `${file}.gz`), gzipSync(readFileSync(join(outdir, file)), { level: 9 }));
  const manifest: DashboardManifest = {
    inputHash: hash,
    files: ['index.html', ...files.filter((file) => file !== 'index.html')],
  };
  writeFileSync(join(outdir, DASHBOARD_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`dashboard built into ${outdir} in ${Math.round(performance.now() - started)} ms`);
}
