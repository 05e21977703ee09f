import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../../../gateway/identity.js';
import { loadConfig } from '../../../subgraphs/shared/config.js';
import { mintDevToken, parseTokenArgs } from '../../../tools/dev/dev-token.js';

/** `npm run token`: what it prints, the gateway's development configuration accepts. */
let dataDir = '';
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pembinaan-token-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run token', () => {
  it('reads the options of each role', () => {
    expect(parseTokenArgs(['--role', 'planner', '--region', '12.71'])?.viewer).toMatchObject({
      role: 'planner',
      regionCodes: ['12.71'],
    });
    expect(parseTokenArgs(['--role', 'planner'])?.viewer.regionCodes).toEqual(['*']);
    expect(parseTokenArgs(['--role', 'regional-admin', '--region', '12.71,12.75'])?.viewer.regionCodes).toEqual([
      '12.71',
      '12.75',
    ]);
    expect(parseTokenArgs(['--university', 'UNIMED'])?.viewer).toMatchObject({
      role: 'partner-university',
      universityCode: 'UNIMED',
    });
    expect(parseTokenArgs(['--role', 'national-admin'])?.viewer.regionCodes).toEqual(['*']);
    expect(parseTokenArgs(['--api-key', '--role', 'planner', '--region', '93.01'])).toMatchObject({
      apiKey: true,
      viewer: { via: 'api-key' },
    });
    expect(parseTokenArgs(['--help'])).toBeNull();
    expect(() => parseTokenArgs(['--role', 'regional-admin'])).toThrow(/regionCodes is required/);
    expect(() => parseTokenArgs(['--role', 'root'])).toThrow(/role/);
    expect(() => parseTokenArgs(['--region', '12.7', '--role', 'planner'])).toThrow(/Kemendagri/);
  });

  it('prints a token the development gateway accepts; the production configuration does not', async () => {
    const development = loadConfig({ DATA_DIR: dataDir });
    if (development.auth.jwt?.key.kind !== 'dev') throw new Error('development uses the dev key');
    const request = parseTokenArgs(['--role', 'regional-admin', '--region', '12.71,12.75']);
    if (!request) throw new Error('options expected');
    const token = await mintDevToken(request.viewer, development.auth.jwt.key.file, 60);
    expect((await stat(join(dataDir, 'dev-jwt-key.json'))).mode & 0o777).toBe(0o600);
    const verify = await createJwtVerifier(development.auth.jwt);
    expect(await verify(token)).toEqual({
      role: 'regional-admin',
      regionCodes: ['12.71', '12.75'],
      universityCode: null,
      subject: 'dev-regional-admin',
      via: 'jwt',
    });
    // Production never points at the development key, even with the same data folder.
    expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir }).auth.jwt).toBeUndefined();
  });
});
