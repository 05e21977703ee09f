import { configOrExit } from '../subgraphs/shared/config.js';
import { onShutdown, reportReady } from '../subgraphs/shared/lifecycle.js';
import { startGateway } from './gateway.js';

/**
 * `npm run start:gateway`: the gateway alone, in front of subgraphs that run elsewhere (for example each
 * started with `npm run start:subgraph -- <name>`), named by PERSONNEL_URL, LEARNING_URL, BUDGETING_URL,
 * EVALUATION_URL. SIGTERM drains: in-flight requests finish, then it exits.
 */
const settings = configOrExit();
// To wire at merge (ops-server's startGateway options): settings.limits, settings.timeouts.subgraphMs,
// settings.gateway.maxSockets, settings.timeouts.shutdownGraceMs, settings.log, settings.server.corsOrigins.
const gateway = await startGateway({
  subgraphUrls: settings.subgraphUrls,
  port: settings.server.port ?? 4000,
  host: settings.server.host,
});
onShutdown({ stop: () => gateway.stop(), graceMs: settings.timeouts.shutdownGraceMs });
console.log(`Gateway at ${gateway.url}, subgraphs: ${Object.entries(settings.subgraphUrls).map(([n, u]) => `${n} ${u}`).join(', ')}`);
reportReady({ name: 'gateway', url: gateway.url });
