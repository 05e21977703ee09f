import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';
import { EXPLORER_MANIFEST, type ExplorerManifest, explorerDirectory } from '../../gateway/explorer.js';
import { projectRoot } from '../../subgraphs/shared/config.js';

/**
 * `npm run build` (after tsc): bundles the offline explorer (gateway/explorer/client.js: GraphiQL, React,
 * Monaco and its three language workers) with esbuild into dist/explorer/, content-hashed, each file also
 * gzipped, with the manifest the gateway serves from (gateway/explorer.ts). Nothing is fetched at run time.
 * Skipped when its inputs (the lockfile, the client sources, this script) are unchanged since the last build.
 */

const root = projectRoot();
const outdir = explorerDirectory(root);
const sources = join(root, 'gateway', 'explorer');

function inputHash(): string {
  const hash = createHash('sha256');
  for (const file of [
    join(root, 'package-lock.json'),
    ...readdirSync(sources)
      .sort()
      .map((name) => join(sources, name)),
    new URL(import.meta.url).pathname,
  ]) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

function upToDate(hash: string): boolean {
  const manifestFile = join(outdir, EXPLORER_MANIFEST);
  if (!existsSync(manifestFile)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Partial<ExplorerManifest>;
    return manifest.inputHash === hash && (manifest.files ?? []).every((file) => existsSync(join(outdir, file)));
  } catch {
    return false;
  }
}

/** Output file names (relative to outdir) of a build, from its metafile. */
function outputs(metafile: Metafile | undefined): string[] {
  if (!metafile) throw new Error('explorer build: esbuild returned no metafile');
  return Object.keys(metafile.outputs)
    .filter((file) => !file.endsWith('.map'))
    .map((file) => basename(file));
}

const started = performance.now();
const hash = inputHash();
if (upToDate(hash)) process.exit(0);
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const common: BuildOptions = {
  bundle: true,
  // Minified for the browser, esbuild also defines NODE_ENV as production: React's production build.
  minify: true,
  outdir,
  metafile: true,
  legalComments: 'linked',
  target: ['es2022', 'chrome111', 'firefox115', 'safari16'],
  logLevel: 'warning',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
};

/** graphiql/style.css already holds Monaco's styles; the CSS files Monaco's modules import would be duplicates. */
const skipMonacoCss: Plugin = {
  name: 'skip-monaco-css',
  setup(builder) {
    builder.onResolve({ filter: /\.css$/ }, (args) =>
      /[\\/]node_modules[\\/]monaco-editor[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'skipped-css' }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'skipped-css' }, () => ({ contents: '', loader: 'css' }));
  },
};

const page = await build({
  ...common,
  plugins: [skipMonacoCss],
  entryPoints: { explorer: join(sources, 'client.js') },
  format: 'esm',
  splitting: true,
});
// Classic worker scripts: Monaco creates them with `new Worker(url)` (client.js's MonacoEnvironment).
const workerEntries = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};
const workers = await build({ ...common, entryPoints: workerEntries, format: 'iife' });

const files = [...outputs(page.metafile), ...outputs(workers.metafile)];
const find = (prefix: string, extension: string) => {
  const file = files.find((name) => name.startsWith(`${prefix}-`) && name.endsWith(extension));
  if (!file) throw new Error(`explorer build: no output ${prefix}-*${extension}`);
  return file;
};
for (const file of files) {
  const content = readFileSync(join(outdir, file));
  writeFileSync(join(outdir, `${file}.gz`), gzipSync(content, { level: 9 }));
}
const manifest: ExplorerManifest = {
  inputHash: hash,
  script: find('explorer', '.js'),
  style: find('explorer', '.css'),
  workers: {
    editor: find('editor.worker', '.js'),
    json: find('json.worker', '.js'),
    graphql: find('graphql.worker', '.js'),
  },
  files,
};
writeFileSync(join(outdir, EXPLORER_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`explorer built into ${outdir} in ${Math.round(performance.now() - started)} ms`);
