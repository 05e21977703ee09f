import { startDatabase } from '../subgraphs/shared/database.js';
import { prepareDatabase } from '../subgraphs/migrate.js';
const t0 = Date.now();
const db = await startDatabase({ dataDir: '/tmp/smoke-pg' });
await prepareDatabase(db.url);
console.log('prepared', Date.now() - t0);
await db.stop();
