import { join } from 'node:path';
import { prepareSubgraph } from '../subgraphs/migrate.js';
import { DEFAULT_PORTS, SUBGRAPHS } from '../subgraphs/index.js';
import { startDatabase } from '../subgraphs/shared/database.js';
import { startSubgraph } from '../subgraphs/shared/subgraph.js';
import { projectRoot } from './gateway.js';

/**
 * `npm run start:subgraph -- <name>`: one subgraph in its own process, as production deploys them.
 * Uses DATABASE_URL (or the embedded database in .data/postgres when it is not running elsewhere);
 * PORT overrides the default port.
 */
const name = process.argv[2] as keyof typeof SUBGRAPHS | undefined;
if (!name || !(name in SUBGRAPHS)) {
  console.error(`Usage: npm run start:subgraph -- <${Object.keys(SUBGRAPHS).join('|')}>`);
  process.exit(2);
}
const database = await startDatabase({ dataDir: join(projectRoot(), '.data', 'postgres') });
// Only this subgraph's schema: the others may be deployed (and migrated) elsewhere.
await prepareSubgraph(database.url, name);
const subgraph = await startSubgraph(SUBGRAPHS[name], {
  databaseUrl: database.url,
  port: process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORTS[name],
});
console.log(`Subgraph ${name} at ${subgraph.url}`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await subgraph.stop();
    await database.stop();
    process.exit(0);
  });
}
