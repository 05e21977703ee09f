import { configOrExit } from '../subgraphs/shared/config.js';
import { onShutdown, reportReady } from '../subgraphs/shared/lifecycle.js';
import { startTelemetry } from '../subgraphs/shared/telemetry.js';

/**
 * `npm run start:gateway`: the gateway alone, in front of subgraphs that run elsewhere (for example each
 * started with `npm run start:subgraph -- <name>`), named by PERSONNEL_URL, LEARNING_URL, BUDGETING_URL,
 * EVALUATION_URL. SIGTERM drains: in-flight requests finish, then it exits.
 */
const settings = configOrExit();
const telemetry = await startTelemetry({ endpoint: settings.log.otlpEndpoint, serviceName: 'gateway' });
// Loaded after telemetry starts, so that its instrumentation sees the HTTP and gateway modules.
const [{ startGateway }, { gatewayIdentity }] = await Promise.all([import('./gateway.js'), import('./identity.js')]);
const { subgraphBodyBytes: _subgraphsOnly, ...limits } = settings.limits;
// With the owner's DATABASE_URL the gateway brings the access schema up to date and grants its own role.
const ownerUrl = settings.database.url;
const accessUrl = settings.database.accessUrl;
if (ownerUrl && accessUrl) {
  const { prepareAccessSchema } = await import('../subgraphs/access/migrate.js');
  const role = decodeURIComponent(new URL(accessUrl).username);
  await prepareAccessSchema(ownerUrl, {
    service: role !== decodeURIComponent(new URL(ownerUrl).username) ? role : undefined,
  });
}
const identity = await gatewayIdentity(settings.auth, accessUrl);
const gateway = await startGateway({
  subgraphUrls: settings.subgraphUrls,
  authenticator: identity.authenticator,
  internalSigningKey: identity.internalSigningKey,
  port: settings.server.port ?? 4000,
  host: settings.server.host,
  corsOrigins: settings.server.corsOrigins,
  shutdownGraceMs: settings.timeouts.shutdownGraceMs,
  subgraphTimeoutMs: settings.timeouts.subgraphMs,
  maxSockets: settings.gateway.maxSockets,
  explorer: settings.gateway.explorer,
  dashboard: settings.gateway.dashboard,
  production: settings.env === 'production',
  limits,
  logging: { level: settings.log.level, pretty: settings.env === 'development' },
  processMetrics: true,
});
onShutdown({
  stop: async () => {
    await gateway.stop();
    await identity.close();
    await telemetry?.shutdown();
  },
  graceMs: settings.timeouts.shutdownGraceMs,
});
console.log(
  `Gateway at ${gateway.url}, subgraphs: ${Object.entries(settings.subgraphUrls)
    .map(([n, u]) => `${n} ${u}`)
    .join(', ')}`,
);
reportReady({ name: 'gateway', url: gateway.url });
