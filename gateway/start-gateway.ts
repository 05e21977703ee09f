import cluster from 'node:cluster';
import { configOrExit } from '../subgraphs/shared/config.js';
import { onShutdown, reportReady } from '../subgraphs/shared/lifecycle.js';
import { startTelemetry } from '../subgraphs/shared/telemetry.js';

/**
 * `npm run start:gateway`: the gateway alone, in front of subgraphs that run elsewhere (for example each
 * started with `npm run start:subgraph -- <name>`), named by PERSONNEL_URL, LEARNING_URL, BUDGETING_URL,
 * EVALUATION_URL. `--host H` and `--port N` win over HOST and PORT. SIGTERM drains: in-flight requests
 * finish, then it exits.
 *
 * With GATEWAY_WORKERS=N above 1 it runs N gateway processes on the one port (node:cluster: the primary
 * accepts and hands connections round-robin to the workers); the gateway is stateless, so this is the
 * same as N replicas behind a load balancer, on one machine.
 */
const settings = configOrExit(process.argv.slice(2));
if (settings.gateway.workers > 1 && cluster.isPrimary) {
  await runPrimary(settings.gateway.workers, settings.timeouts.shutdownGraceMs);
} else {
  await runGateway();
}

/** The cluster's primary: starts the workers, reports ready once all are, and stops them on shutdown. */
async function runPrimary(workers: number, graceMs: number): Promise<void> {
  const urls = await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<string>((resolve, reject) => {
          const worker = cluster.fork();
          worker.on('message', (message: { type?: string; url?: string }) => {
            if (message.type === 'ready' && message.url) resolve(message.url);
          });
          worker.once('exit', (code) => reject(new Error(`a gateway worker exited (${code}) before it was ready`)));
        }),
    ),
  );
  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    // A worker that dies is replaced: the others keep serving meanwhile.
    console.error(`gateway worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  onShutdown({
    stop: async () => {
      stopping = true;
      await Promise.all(
        Object.values(cluster.workers ?? {}).map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (!worker || worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
    graceMs,
  });
  const url = urls[0] as string; // workers >= 2
  console.log(`Gateway at ${url}, ${workers} workers`);
  reportReady({ name: 'gateway', url });
}

async function runGateway(): Promise<void> {
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
    deduplicate: settings.gateway.deduplicate,
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
}
