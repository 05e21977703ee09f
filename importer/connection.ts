import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../subgraphs/shared/config.js';

/**
 * Where an import writes and asks: the owner connection (DATABASE_URL: the subgraphs' own roles only read)
 * and personnel's API (PERSONNEL_URL). In development, without DATABASE_URL, the database and the personnel
 * subgraph of a running `npm start` are found in its data folder (the way the internal key pair is), so
 * `npm run import` works beside `npm start` with nothing to set; never in production.
 */
export interface ImportTargets {
  databaseUrl: string;
  personnelUrl: string;
}

export class ImportSetupError extends Error {}

/** What `importTargets` needs of the configuration. */
export interface ImportSettings {
  env: Config['env'];
  databaseUrl: string | undefined;
  personnelUrl: string;
  dataDir: string;
}

export function importSettings(settings: Config): ImportSettings {
  return {
    env: settings.env,
    databaseUrl: settings.database.url,
    personnelUrl: settings.subgraphUrls.personnel,
    dataDir: settings.dev.dataDir,
  };
}

export async function importTargets(settings: ImportSettings): Promise<ImportTargets> {
  if (settings.databaseUrl) return { databaseUrl: settings.databaseUrl, personnelUrl: settings.personnelUrl };
  if (settings.env === 'production') {
    throw new ImportSetupError("DATABASE_URL must name the database owner's connection (the role that migrates)");
  }
  const { dataDir } = settings;
  const credentials = await readJson<{ owner?: string }>(join(dataDir, 'credentials.json'));
  // postmaster.pid: pid, data folder, start time, port, ... (one a line).
  const pid = await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').catch(() => undefined);
  const port = pid?.split('\n')[3]?.trim();
  if (!credentials?.owner || !port) {
    throw new ImportSetupError(
      'DATABASE_URL is not set and no development database is running: start `npm start` first',
    );
  }
  const run = await readJson<{ subgraphs?: { personnel?: { url?: string } } }>(join(dataDir, 'run.json'));
  const url = new URL(`postgres://127.0.0.1:${port}/pembinaan`);
  url.username = 'pembinaan_owner';
  url.password = credentials.owner;
  return { databaseUrl: url.toString(), personnelUrl: run?.subgraphs?.personnel?.url ?? settings.personnelUrl };
}

async function readJson<T>(path: string): Promise<T | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as T); // files the development tooling writes
}
