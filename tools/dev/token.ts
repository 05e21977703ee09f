import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { prepareAccessSchema } from '../../subgraphs/access/migrate.js';
import { createApiKey } from '../../subgraphs/access/store.js';
import { configOrExit } from '../../subgraphs/shared/config.js';
import { parseCommandLine } from '../command-line.js';
import { mintDevToken, parseTokenArgs, TOKEN_USAGE } from './dev-token.js';
import { isAlive, startDatabase } from './embedded-postgres.js';

/**
 * `npm run -s token -- --role planner --region 12.71`: prints a development JWT (or, with --api-key, a
 * stored API key) that the local stack accepts. Refuses in production: there the identity provider
 * issues tokens and API keys are created by an administrator.
 */
async function main(): Promise<number> {
  const settings = configOrExit();
  const commandLine = parseCommandLine(parseTokenArgs, TOKEN_USAGE);
  if (!('args' in commandLine)) return commandLine.exitCode;
  const request = commandLine.args;
  const jwt = settings.auth.jwt;
  if (settings.env === 'production' || jwt?.key.kind !== 'dev') {
    console.error(
      'npm run token mints development credentials only (NODE_ENV is not production and no AUTH_* key is configured).',
    );
    return 2;
  }
  if (!request.apiKey) {
    console.log(await mintDevToken(request.viewer, jwt.key.file, request.ttlSeconds));
    return 0;
  }
  const { url, stop } = await devDatabaseUrl(settings.dev.dataDir);
  try {
    await prepareAccessSchema(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      if (request.viewer.role === 'anonymous') throw new Error('an API key needs a role');
      const created = await createApiKey(client, {
        role: request.viewer.role,
        regionCodes: [...request.viewer.regionCodes],
        universityCode: request.viewer.universityCode,
        label: request.label,
      });
      console.error(`API key ${created.id} (${created.viewer.role}); shown once:`);
      console.log(created.key);
    } finally {
      await client.end();
    }
  } finally {
    await stop();
  }
  return 0;
}

/** The owner URL of the dev database: DATABASE_URL, the running `npm start` cluster, or one started for the moment. */
async function devDatabaseUrl(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const pid = await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').catch(() => undefined);
  const lines = pid?.split('\n') ?? [];
  const port = Number(lines[3]);
  if (lines[0] && isAlive(Number(lines[0])) && Number.isInteger(port) && port > 0) {
    const credentials = JSON.parse(await readFile(join(dataDir, 'credentials.json'), 'utf8')) as { owner?: string }; // written by embedded-postgres.ts
    if (credentials.owner) {
      return {
        url: `postgres://pembinaan_owner:${encodeURIComponent(credentials.owner)}@127.0.0.1:${port}/pembinaan`,
        stop: async () => {},
      };
    }
  }
  const server = await startDatabase({ dataDir: join(dataDir, 'postgres'), log: (line) => console.error(line) });
  return { url: server.url, stop: () => server.stop() };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
