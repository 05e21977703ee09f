import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importTargets } from '../../importer/connection.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function dataFolder(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'pembinaan-targets-'));
  folders.push(folder);
  await mkdir(join(folder, 'postgres'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
  return folder;
}

const base = { env: 'development' as const, databaseUrl: undefined, personnelUrl: 'http://127.0.0.1:4001/' };

describe('where an import writes and asks', () => {
  it('uses DATABASE_URL and PERSONNEL_URL when set', async () => {
    expect(await importTargets({ ...base, databaseUrl: 'postgres://o@db/p', dataDir: '/nowhere' })).toEqual({
      databaseUrl: 'postgres://o@db/p',
      personnelUrl: 'http://127.0.0.1:4001/',
    });
  });

  it("finds a running npm start's database and personnel subgraph in development", async () => {
    const dataDir = await dataFolder({
      'credentials.json': JSON.stringify({ owner: 's3cret/+', postgres: 'x' }),
      'postgres/postmaster.pid': '123\n/data/postgres\n1700000000\n54321\n/tmp\n',
      'run.json': JSON.stringify({ subgraphs: { personnel: { url: 'http://127.0.0.1:40123/' } } }),
    });
    expect(await importTargets({ ...base, dataDir })).toEqual({
      databaseUrl: 'postgres://pembinaan_owner:s3cret%2F+@127.0.0.1:54321/pembinaan',
      personnelUrl: 'http://127.0.0.1:40123/',
    });
  });

  it('refuses without DATABASE_URL in production, or without a running development database', async () => {
    const dataDir = await dataFolder({ 'credentials.json': JSON.stringify({ owner: 'x' }) });
    await expect(importTargets({ ...base, env: 'production', dataDir })).rejects.toThrow('DATABASE_URL must name');
    await expect(importTargets({ ...base, dataDir })).rejects.toThrow('no development database is running');
  });
});
