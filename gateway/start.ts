import { join } from 'node:path';
import { prepareDatabase } from '../subgraphs/migrate.js';
import { createPool, startDatabase } from '../subgraphs/shared/database.js';
import { DEMO_DEFAULTS, generateDemoData } from '../tools/seed/generate.js';
import { projectRoot } from './gateway.js';
import { startPlatform } from './platform.js';

/**
 * `npm start`: PostgreSQL (embedded in .data/postgres unless DATABASE_URL is set), migrations, demo data
 * when the database is empty, the four subgraphs and the gateway. Ctrl-C or SIGTERM stops all of it.
 */
const startedAt = Date.now();
const root = projectRoot();
const database = await startDatabase({
  dataDir: join(root, '.data', 'postgres'),
  port: process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined,
  log: (line) => console.error(line),
});
let stopping = false;
let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the gateway, the subgraphs and ${database.embedded ? 'PostgreSQL' : 'the database pool'}...`);
  await platform?.stop().catch((error: unknown) => console.error(error));
  await database.stop().catch((error: unknown) => console.error(error));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await prepareDatabase(database.url);
  const pool = createPool(database.url, 4);
  try {
    const { rows } = await pool.query<{ seeded: boolean }>('select exists (select 1 from personnel.employee) as seeded');
    if (!rows[0]?.seeded) {
      console.log('Empty database: loading demo data (Kota Medan, Kota Binjai, Kabupaten Merauke, 2021-2025)...');
      await generateDemoData(pool, { ...DEMO_DEFAULTS, truthPath: join(root, '.data', 'truth.json'), log: (line) => console.log(`  ${line}`) });
    }
  } finally {
    await pool.end();
  }
  platform = await startPlatform({
    databaseUrl: database.url,
    fixedPorts: true,
    gatewayPort: process.env.PORT ? Number(process.env.PORT) : undefined,
  });
} catch (error) {
  console.error(error);
  await platform?.stop().catch(() => {});
  await database.stop();
  process.exit(1);
}

const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
console.log(`
Pembinaan is running (ready in ${seconds} s).
  Gateway:    ${platform.gateway.url}
  Subgraphs:  ${Object.values(platform.subgraphs).map((s) => `${s.name} ${s.url}`).join(', ')}
  Database:   ${database.embedded ? `embedded PostgreSQL, ${database.url}` : 'DATABASE_URL'}

Try:
  curl -s ${platform.gateway.url} -H 'content-type: application/json' \\
    -d '{"query":"{ region(code: \\"12.71\\") { name agencies { name } } }"}'

Ctrl-C stops everything.`);
