import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { readSupergraph } from '../../gateway/gateway.js';
import { gatewayIdentity } from '../../gateway/identity.js';
import { SUBGRAPH_NAMES } from '../../subgraphs/names.js';
import { configOrExit } from '../../subgraphs/shared/config.js';
import { INTERNAL_TOKEN_HEADER, signViewerToken } from '../../subgraphs/shared/internal-token.js';
import { onShutdown, reportReady } from '../../subgraphs/shared/lifecycle.js';
import { AuthenticationError } from '../../subgraphs/shared/viewer.js';

/**
 * A second federation gateway, Hive Gateway (npm), serving the checked-in supergraph in front of the
 * same subgraphs, configured from the same variables as `start:gateway` (PERSONNEL_URL..., PORT, HOST).
 * The supergraph is unchanged; what the project's gateway adds in code is here two hooks: the caller's
 * credential is verified by the same authenticator (gateway/identity.ts) when the request arrives (401
 * when refused), and the Viewer, signed into the internal token every subgraph requires once per client
 * request, goes with every subgraph fetch. Used by the gateway benchmark
 * and by test/integration/second-gateway.test.ts; moving to another gateway (Apollo Router with a
 * coprocessor or a Rhai script doing the same signing) is a configuration of the same kind.
 *
 * Not product code: it lives with the development tools and uses devDependencies.
 */
const settings = configOrExit(process.argv.slice(2));
const identity = await gatewayIdentity(settings.auth, settings.database.accessUrl);
/** The internal token of each client request, signed once its caller is known (onRequest below). */
const tokens = new WeakMap<Request, Promise<string>>();
/**
 * Who is asking, before anything runs: a credential present but refused is a 401 UNAUTHENTICATED with
 * the same body the project's gateway sends, never an anonymous request.
 */
const authenticate: GatewayPlugin = {
  onRequest: async ({ request, endResponse, fetchAPI }) => {
    try {
      const viewer = await identity.authenticator.authenticate(request.headers);
      tokens.set(request, signViewerToken(viewer, identity.internalSigningKey));
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      const { code, reason } = error.extensions;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: error.message, extensions: { code, reason } }] }), {
          status: 401,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      );
    }
  },
};
const runtime = createGatewayRuntime({
  supergraph: readSupergraph(),
  transportEntries: Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      name,
      // GATEWAY_DEDUPLICATE as for the project's gateway (Hive's own default is on).
      { location: settings.subgraphUrls[name], options: { deduplicateInflightRequests: settings.gateway.deduplicate } },
    ]),
  ),
  plugins: () => [authenticate],
  propagateHeaders: {
    fromClientToSubgraphs: async ({ request }) => {
      const token = tokens.get(request);
      if (!token) throw new Error('no internal token for this request');
      return { [INTERNAL_TOKEN_HEADER]: await token };
    },
  },
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
  logging: 'error',
});
const server = createServer(runtime);
await new Promise<void>((resolve) => server.listen(settings.server.port ?? 4100, settings.server.host, resolve));
const { port } = server.address() as AddressInfo;
const url = `http://${settings.server.host}:${port}/graphql`;
onShutdown({
  stop: async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await runtime.dispose();
    await identity.close();
  },
  graceMs: settings.timeouts.shutdownGraceMs,
});
console.log(`Hive Gateway at ${url}`);
reportReady({ name: 'hive-gateway', url });
