import type { KeyObject } from 'node:crypto';
import { type FetchCounts, type RunningGateway, startGateway } from '../../gateway/gateway.js';
import { type Authenticator, gatewayIdentity } from '../../gateway/identity.js';
import { type ReadModelSync, startReadModelSync } from '../../subgraphs/evaluation/read-model/sync.js';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from '../../subgraphs/index.js';
import { config } from '../../subgraphs/shared/config.js';
import { loadInternalKeys } from '../../subgraphs/shared/internal-token.js';
import { StatementCounter } from '../../subgraphs/shared/orm.js';
import { type RunningSubgraph, startSubgraph } from '../../subgraphs/shared/subgraph.js';

export type { SubgraphName };

export interface PlatformOptions {
  databaseUrl: string;
  /** Fixed ports (npm start); free ports when omitted (tests). */
  fixedPorts?: boolean;
  gatewayPort?: number;
  /** Count SQL statements per subgraph and fetches per subgraph (tests, benchmarks). */
  instrument?: boolean;
  /** How often evaluation pulls the owners' change feeds; default READ_MODEL_SYNC_MS. */
  readModelSyncMs?: number;
}

export interface Platform {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** Statement counters per subgraph, when instrumented. */
  statements: Record<SubgraphName, StatementCounter>;
  /** Gateway fetches per subgraph, when instrumented. */
  fetches: FetchCounts;
  /** What another gateway or subgraph started beside this platform needs to trust and be trusted. */
  keys: {
    authenticator: Authenticator;
    internalSigningKey: KeyObject;
    internalPublicKey: KeyObject;
  };
  /** Evaluation's read-model sync (caught up when startPlatform resolves); `syncNow()` pulls at once. */
  readModel: ReadModelSync;
  stop(): Promise<void>;
}

/**
 * Tests and benchmarks: the four subgraphs and the gateway in this process, each on its own HTTP port
 * (`npm start` runs each in its own process instead: see supervisor.ts).
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const settings = config();
  const names = SUBGRAPH_NAMES;
  const statements = Object.fromEntries(names.map((name) => [name, new StatementCounter()])) as Record<
    SubgraphName,
    StatementCounter
  >;
  const fetches: FetchCounts = {};
  // The development keys of the data folder, as `npm start` uses: `npm run token` works against it too.
  const identity = await gatewayIdentity(settings.auth, options.databaseUrl);
  const { publicKey } = await loadInternalKeys(settings.auth.internal, 'verify');
  const start = (name: SubgraphName, personnelUrl?: string) =>
    startSubgraph(SUBGRAPHS[name], {
      databaseUrl: options.databaseUrl,
      internalPublicKey: publicKey,
      port: options.fixedPorts ? DEFAULT_PORTS[name] : 0,
      counter: options.instrument ? statements[name] : undefined,
      logging: { level: settings.log.level },
      personnelUrl,
    });
  // Personnel first: the others' single-record writes ask it about references.
  const personnel = await start('personnel');
  const others = await Promise.all(
    names.filter((name) => name !== 'personnel').map((name) => start(name, personnel.url)),
  );
  const started = [personnel, ...others];
  const subgraphs = Object.fromEntries(started.map((s) => [s.name, s])) as Record<SubgraphName, RunningSubgraph>;
  const evaluationPool = await subgraphs.evaluation.orm.em.getConnection().getNativeClient();
  const readModel = startReadModelSync({
    pool: evaluationPool,
    ownerUrls: {
      personnel: subgraphs.personnel.url,
      learning: subgraphs.learning.url,
      budgeting: subgraphs.budgeting.url,
    },
    signingKey: identity.internalSigningKey,
    intervalMs: options.readModelSyncMs ?? settings.readModel.syncIntervalMs,
  });
  await readModel.caughtUp;
  const gateway = await startGateway({
    subgraphUrls: Object.fromEntries(started.map((s) => [s.name, s.url])),
    authenticator: identity.authenticator,
    internalSigningKey: identity.internalSigningKey,
    port: options.gatewayPort ?? (options.fixedPorts ? 4000 : 0),
    fetchCounts: options.instrument ? fetches : undefined,
    subgraphTimeoutMs: settings.timeouts.subgraphMs,
    logging: { level: settings.log.level },
  });
  return {
    gateway,
    subgraphs,
    statements,
    fetches,
    readModel,
    keys: {
      authenticator: identity.authenticator,
      internalSigningKey: identity.internalSigningKey,
      internalPublicKey: publicKey,
    },
    stop: async () => {
      await gateway.stop();
      await readModel.stop();
      await Promise.all(started.map((s) => s.stop()));
      await identity.close();
    },
  };
}
