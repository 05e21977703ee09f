import { DEFAULT_PORTS, isSubgraphName, SUBGRAPH_NAMES } from './names.js';
import { ConfigError, config, sameDatabase, withServerFlags } from './shared/config.js';
import { onShutdown, reportReady } from './shared/lifecycle.js';
import { startTelemetry } from './shared/telemetry.js';

/**
 * `npm run start:subgraph -- <name> [--host H] [--port N]`: one subgraph in its own process, as production
 * deploys them (and as `npm start`'s supervisor runs them). It connects with <NAME>_DATABASE_URL (its own read-only role)
 * or else DATABASE_URL. When DATABASE_URL (the schema owner) is set, it first migrates its own schema
 * under an advisory lock and grants its role; when <NAME>_DATABASE_URL names another server (or database)
 * than DATABASE_URL, that URL owns the subgraph's schema there and migrates it. SIGTERM drains: in-flight requests finish, then it exits.
 */
const usage = `Usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}> [--host ADDRESS] [--port N]`;
let parsed: ReturnType<typeof withServerFlags>;
try {
  parsed = withServerFlags(config(), process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
const { settings } = parsed;
const name = parsed.rest[0];
if (!isSubgraphName(name) || parsed.rest.length !== 1) {
  console.error(usage);
  process.exit(2);
}
const ownerUrl = settings.database.url;
const databaseUrl = settings.database.subgraphUrls[name] ?? ownerUrl;
if (!databaseUrl) {
  console.error(
    `Set DATABASE_URL (the schema owner) or ${name.toUpperCase()}_DATABASE_URL: a subgraph needs its PostgreSQL.`,
  );
  process.exit(2);
}
const telemetry = await startTelemetry({ endpoint: settings.log.otlpEndpoint, serviceName: name });
// Loaded after telemetry starts, so that its instrumentation sees pg, HTTP and the ORM.
const [{ prepareSubgraph }, { SUBGRAPHS }, { startSubgraph }, { loadInternalKeys }] = await Promise.all([
  import('./migrate.js'),
  import('./index.js'),
  import('./shared/subgraph.js'),
  import('./shared/internal-token.js'),
]);
if (ownerUrl && !sameDatabase(ownerUrl, databaseUrl)) {
  // Its own PostgreSQL server: the subgraph's URL owns its schema there (and the access logs it writes).
  await prepareSubgraph(databaseUrl, name);
} else if (ownerUrl) {
  const role = new URL(databaseUrl).username;
  await prepareSubgraph(ownerUrl, name, {
    role: role !== new URL(ownerUrl).username ? decodeURIComponent(role) : undefined,
  });
}
const { subgraphBodyBytes, ...limits } = settings.limits;
// Stateless: any number of replicas of one subgraph may serve the same database behind a load balancer.
const { publicKey } = await loadInternalKeys(settings.auth.internal, 'verify');
const subgraph = await startSubgraph(SUBGRAPHS[name], {
  databaseUrl,
  internalPublicKey: publicKey,
  port: settings.server.port ?? DEFAULT_PORTS[name],
  host: settings.server.host,
  corsOrigins: settings.server.corsOrigins,
  shutdownGraceMs: settings.timeouts.shutdownGraceMs,
  limits: { ...limits, bodyBytes: subgraphBodyBytes },
  logging: { level: settings.log.level, pretty: settings.env === 'development' },
  processMetrics: true,
  personnelUrl: settings.subgraphUrls.personnel,
});
// Evaluation keeps its read model: it pulls the owners' change feeds (catch-up now, then on a timer).
const readModel =
  name === 'evaluation'
    ? await (async () => {
        const { startReadModelSync } = await import('./evaluation/read-model/sync.js');
        const { createLogger } = await import('./shared/logging.js');
        const { signingKey } = await loadInternalKeys(settings.auth.internal, 'sign');
        return startReadModelSync({
          pool: await subgraph.orm.em.getConnection().getNativeClient(),
          ownerUrls: settings.subgraphUrls,
          signingKey,
          intervalMs: settings.readModel.syncIntervalMs,
          log: createLogger('evaluation-read-model', { level: settings.log.level }),
        });
      })()
    : undefined;
onShutdown({
  stop: async () => {
    await readModel?.stop();
    await subgraph.stop();
    await telemetry?.shutdown();
  },
  graceMs: settings.timeouts.shutdownGraceMs,
});
console.log(`Subgraph ${name} at ${subgraph.url}`);
reportReady({ name, url: subgraph.url });
