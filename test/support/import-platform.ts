import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { type ImportReport, runImport } from '../../importer/engine.js';
import type { ImportKind } from '../../importer/kind.js';
import { type PersonnelDirectory, personnelDirectory } from '../../importer/personnel-directory.js';
import { prepareDatabase } from '../../subgraphs/migrate.js';
import { createPool } from '../../subgraphs/shared/database.js';
import type { Viewer } from '../../subgraphs/shared/viewer.js';
import { type Platform, startPlatform } from '../../tools/dev/platform.js';
import { generateDemoData } from '../../tools/seed/generate.js';
import { type GraphqlResponse, NATIONAL_ADMIN, tokenFor } from './platform.js';

/** The small demo data an import test file starts from: Kota Binjai, 2024-2025. */
export const IMPORT_SEED = { seed: 11, regions: ['12.75'], employeesPerRegion: 120, years: { from: 2024, to: 2025 } };

/**
 * Imports change data, and the other integration tests assert on the shared seeded database: so each
 * import test file gets a database of its own on the same server (created, migrated and seeded here,
 * dropped afterwards) and its own platform in front of it.
 */
export function useImportPlatform() {
  const context = {} as {
    databaseUrl: string;
    platform: Platform;
    db: pg.Pool;
    /** The directory the importer asks (counts its calls). */
    personnel: PersonnelDirectory;
    /** A query through the gateway, as a national administrator unless `viewer` says otherwise. */
    query<Data>(text: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphqlResponse<Data>>;
    /** Writes `content` to a file named `name` and imports it. */
    importText(kind: ImportKind, name: string, content: string, options?: { dryRun?: boolean }): Promise<ImportReport>;
    sql<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  };
  let folder = '';
  let databaseName = '';
  const serverUrl = () => inject('databaseUrl');
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pembinaan-import-'));
    databaseName = `pembinaan_import_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`create database ${databaseName}`);
    await admin.end();
    const url = new URL(serverUrl());
    url.pathname = `/${databaseName}`;
    context.databaseUrl = url.toString();
    await prepareDatabase(context.databaseUrl);
    const pool = createPool(context.databaseUrl, 2);
    try {
      await generateDemoData(pool, { ...IMPORT_SEED, truthPath: join(folder, 'truth.json') });
    } finally {
      await pool.end();
    }
    context.platform = await startPlatform({ databaseUrl: context.databaseUrl });
    context.db = new pg.Pool({ connectionString: context.databaseUrl, max: 2 });
    context.personnel = personnelDirectory(context.platform.subgraphs.personnel.url);
    context.query = async <Data>(text: string, variables?: Record<string, unknown>, viewer = NATIONAL_ADMIN) => {
      const response = await fetch(context.platform.gateway.url, {
        method: 'POST',
        // A national administrator by default: the import tests read back people and aggregates.
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(viewer)}` },
        body: JSON.stringify({ query: text, variables }),
      });
      return (await response.json()) as GraphqlResponse<Data>;
    };
    context.sql = async <Row>(text: string, params: unknown[] = []) =>
      (await context.db.query(text, params)).rows as Row[];
    context.importText = async (kind, name, content, options = {}) => {
      const file = join(folder, name);
      await writeFile(file, content);
      return runImport({
        kind,
        file,
        dryRun: options.dryRun,
        databaseUrl: context.databaseUrl,
        personnel: context.personnel,
        importedBy: 'test',
      });
    };
  }, 180_000);
  afterAll(async () => {
    await context.db?.end();
    await context.platform?.stop();
    if (databaseName) {
      const admin = new pg.Client({ connectionString: serverUrl() });
      await admin.connect();
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    }
    if (folder) await rm(folder, { recursive: true, force: true });
  });
  return context;
}
