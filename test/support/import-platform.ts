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
import { createScratchDatabase } from '../../tools/dev/embedded-postgres.js';
import { type Platform, startPlatform } from '../../tools/dev/platform.js';
import { generateDemoData } from '../../tools/seed/generate.js';
import { type GraphqlResponse, NATIONAL_ADMIN, tokenFor } from './platform.js';

/** The small demo data an import test file starts from: Kota Binjai, 2024-2025. */
export const IMPORT_SEED = { seed: 11, regions: ['12.75'], employeesPerRegion: 120, years: { from: 2024, to: 2025 } };

/** A database of its own with a platform in front of it (see `useImportPlatform`). */
export interface ImportDatabase {
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
  /** Stops the platform and drops the database. */
  close(): Promise<void>;
}

/**
 * Creates a database on the test server, migrates it, seeds `IMPORT_SEED` unless `seeded` is false (an
 * empty database: regions and reference tables only), and starts a platform in front of it.
 */
export async function openImportDatabase(options: { seeded?: boolean } = {}): Promise<ImportDatabase> {
  const folder = await mkdtemp(join(tmpdir(), 'pembinaan-import-'));
  const database = await createScratchDatabase(inject('databaseUrl'), 'pembinaan_import');
  const databaseUrl = database.url;
  await prepareDatabase(databaseUrl);
  if (options.seeded !== false) {
    const pool = createPool(databaseUrl, 2);
    try {
      await generateDemoData(pool, { ...IMPORT_SEED, truthPath: join(folder, 'truth.json') });
    } finally {
      await pool.end();
    }
  }
  const platform = await startPlatform({ databaseUrl });
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const personnel = personnelDirectory(platform.subgraphs.personnel.url);
  return {
    databaseUrl,
    platform,
    db,
    personnel,
    async query<Data>(text: string, variables?: Record<string, unknown>, viewer = NATIONAL_ADMIN) {
      const response = await fetch(platform.gateway.url, {
        method: 'POST',
        // A national administrator by default: the import tests read back people and aggregates.
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(viewer)}` },
        body: JSON.stringify({ query: text, variables }),
      });
      return (await response.json()) as GraphqlResponse<Data>;
    },
    sql: async <Row>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as Row[],
    async importText(kind, name, content, importOptions = {}) {
      const file = join(folder, name);
      await writeFile(file, content);
      return runImport({
        kind,
        file,
        dryRun: importOptions.dryRun,
        databaseUrl,
        personnel,
        importedBy: 'test',
      });
    },
    async close() {
      await db.end();
      await platform.stop();
      await database.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Imports change data, and the other integration tests assert on the shared seeded database: so each
 * import test file gets a database of its own on the same server (created, migrated and seeded here,
 * dropped afterwards) and its own platform in front of it.
 */
export function useImportPlatform(): ImportDatabase {
  const context = {} as ImportDatabase;
  let opened: ImportDatabase | undefined;
  beforeAll(async () => {
    opened = await openImportDatabase();
    Object.assign(context, opened);
  }, 180_000);
  afterAll(async () => {
    await opened?.close();
  });
  return context;
}
