import { join } from 'node:path';
import { configOrExit } from '../../subgraphs/shared/config.js';
import { onShutdown } from '../../subgraphs/shared/lifecycle.js';
import { startSupervisor } from './supervisor.js';

/**
 * `npm start`: the supervisor (see supervisor.ts) with PostgreSQL, the four subgraphs and the gateway,
 * each in its own process. Ctrl-C or SIGTERM drains and stops all of it; a second one is ignored.
 */
const startedAt = Date.now();
const settings = configOrExit();
let supervisor: Awaited<ReturnType<typeof startSupervisor>> | undefined;
const grace = settings.timeouts.shutdownGraceMs;
onShutdown({
  stop: async (reason) => supervisor?.stop(reason),
  // The gateway's grace, then the subgraphs', then PostgreSQL's fast shutdown.
  graceMs: 2 * grace + 20_000,
  log: (line) => console.log(`[supervisor] ${line}`),
});

try {
  supervisor = await startSupervisor({ settings, distDir: join(settings.root, 'dist') });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const { state } = supervisor;
console.log(`
Pembinaan is running (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; supervisor pid ${process.pid}).
  Gateway:    ${state.gateway.url}
  Subgraphs:  ${Object.entries(state.subgraphs)
    .map(([name, s]) => `${name} ${s.url}`)
    .join(', ')}
  Database:   ${settings.database.url ? 'DATABASE_URL' : `embedded PostgreSQL in ${join(settings.dev.dataDir, 'postgres')}`}

Try (public data needs no sign-in):
  curl -s ${state.gateway.url} -H 'content-type: application/json' \\
    -d '{"query":"{ region(code: \\"12.71\\") { name agencies(first: 10) { totalCount nodes { name } } } }"}'

Sign in for aggregates and personal data (development tokens, 8 hours):
  npm run -s token -- --role regional-admin --region 12.71     # BKPSDM Medan: people and aggregates there
  npm run -s token -- --role planner --region 12.71            # aggregates only
  npm run -s token -- --university UNIMED                      # a partner university
  npm run -s token                                             # national administrator
then send "Authorization: Bearer <token>" (curl -H, or the Headers tab of the explorer at ${state.gateway.url}).

Ctrl-C stops everything.`);
