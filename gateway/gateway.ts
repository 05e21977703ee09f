import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway, type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { context as otelContext, propagation } from '@opentelemetry/api';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Agent, fetch as undiciFetch } from 'undici';
import { projectRoot } from '../subgraphs/shared/config.js';
import { CLIENT_SAFE_CODES } from '../subgraphs/shared/errors.js';
import {
  type HttpOptions,
  hardenedApolloOptions,
  scopePlugin,
  serveGraphql,
  withTimeout,
} from '../subgraphs/shared/http.js';
import { INTERNAL_TOKEN_HEADER, signViewerToken } from '../subgraphs/shared/internal-token.js';
import { type CostModel, DEFAULT_LIMITS, limitProtection, type RequestLimits } from '../subgraphs/shared/limits.js';
import { createLogger, currentRequest, type Logger, type LoggingOptions } from '../subgraphs/shared/logging.js';
import { ServerMetrics } from '../subgraphs/shared/metrics.js';
import type { Viewer } from '../subgraphs/shared/viewer.js';
import { withDashboard } from './dashboard.js';
import { loadExplorer } from './explorer.js';
import type { Authenticator } from './identity.js';

// The gateway and each subgraph (subgraphs/shared/subgraph.ts) are assembled from the same shared server
// pieces (http.ts, limits.ts, logging.ts, metrics.ts), so their import lists look alike; the assembly differs
// (plugins and their order, request context, readiness) and stays in each.

/** The checked-in supergraph (schema/supergraph.graphql): the gateway never introspects at run time. */
export function readSupergraph(): string {
  return readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8');
}

/** A gateway request's context: the Viewer and the internal token that carries it to every subgraph fetch. */
export interface GatewayContext {
  viewer: Viewer;
  internalToken: string;
}

/** Fetches the gateway made to each subgraph: the evidence that a query plan does not grow with data. */
export type FetchCounts = Record<string, number>;

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;
export const DEFAULT_GATEWAY_MAX_SOCKETS = 50;

export interface GatewayOptions extends HttpOptions {
  /** URL of each subgraph by name (overrides the URLs composed into the supergraph). */
  subgraphUrls: Record<string, string>;
  /** Who is asking: JWT, API key or nobody (identity.ts). */
  authenticator: Authenticator;
  /** The gateway's private key: it signs the Viewer for the subgraphs (internal-token.ts). */
  internalSigningKey: KeyObject;
  fetchCounts?: FetchCounts;
  /** A fetch to a subgraph that takes longer fails with SUBGRAPH_TIMEOUT. Default 10 s. */
  subgraphTimeoutMs?: number;
  /** Identical in-flight query fetches of one viewer share one subgraph request. Default true. */
  deduplicate?: boolean;
  /** Keep-alive sockets per subgraph (undici pool). Default 50. */
  maxSockets?: number;
  /** Request limits; any field left out takes its DEFAULT_LIMITS value. */
  limits?: Partial<RequestLimits>;
  costModel?: CostModel;
  /** Node process metrics (memory, CPU, event loop) in /metrics; default true (once per process). */
  processMetrics?: boolean;
  /** A logger to use (tests); else one is made from `logging`. */
  logger?: Logger;
  logging?: LoggingOptions;
  /** The offline explorer at `/` for browsers (gateway/explorer.ts); default true. */
  explorer?: boolean;
  /** The reference dashboard at `/dashboard` (gateway/dashboard.ts); default true. */
  dashboard?: boolean;
  /** Its hint names production credentials rather than `npm run token`. */
  production?: boolean;
}

export interface RunningGateway {
  url: string;
  metrics?: ServerMetrics;
  /** Drains (see HttpOptions.shutdownGraceMs), then closes the subgraph connection pool. */
  stop(): Promise<void>;
}

interface SubgraphSourceOptions {
  name: string;
  /** Identical query fetches in flight for the same viewer share one subgraph request (see process). */
  deduplicate: boolean;
  url: string;
  fetcher: Fetcher;
  fetchCounts?: FetchCounts;
  metrics: ServerMetrics;
  timeoutMs: number;
}

/**
 * One subgraph as the gateway sees it: passes on the request id and trace context, and turns every
 * failure (refused, timed out, non-2xx) into an error naming the subgraph and the path, with no URL.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly inflight = new Map<string, Promise<GatewayGraphQLResponse>>();

  constructor(private readonly source: SubgraphSourceOptions) {
    super({ url: source.url, fetcher: source.fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { fetchCounts, name } = this.source;
    if (fetchCounts) fetchCounts[name] = (fetchCounts[name] ?? 0) + 1;
    const headers = request.http?.headers;
    // The subgraphs trust this token only; a health check of the gateway's own has no request context.
    if (headers && 'internalToken' in context) headers.set(INTERNAL_TOKEN_HEADER, context.internalToken);
    const scope = currentRequest();
    if (headers && scope) headers.set('x-request-id', scope.requestId);
    if (headers)
      propagation.inject(otelContext.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
  }

  /**
   * In-flight deduplication: a query fetch identical to one already in flight for the same viewer (the
   * same role, scope, university and subject) waits for that one's answer instead of
   * sending its own, as Hive Gateway's HTTP executor and Apollo Router's `deduplicate_query` do. Many
   * clients opening the same dashboard at once cost the subgraphs one request. Mutations are always sent.
   * Each waiter gets its own copy: the executor merges later fetches into what it receives.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables } = options.request;
    const viewer = 'viewer' in options.context ? options.context.viewer : undefined;
    if (!this.source.deduplicate || viewer === undefined || query === undefined || !READ_ONLY.test(query))
      return this.fetch(options);
    const key = `${JSON.stringify(viewer)}\n${query}\n${JSON.stringify(variables ?? {})}`;
    const shared = this.inflight.get(key);
    if (shared) {
      // The HTTP response (a stream already read) is shared as is; the data the executor mutates is not.
      const { http, ...answer } = await shared;
      return { ...structuredClone(answer), http };
    }
    const sent = this.fetch(options).finally(() => this.inflight.delete(key));
    this.inflight.set(key, sent);
    return sent;
  }

  private async fetch(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { name, metrics } = this.source;
    const started = performance.now();
    let outcome = 'ok';
    try {
      const unique = deduplicateRepresentations(options.request.variables);
      if (!unique) return await super.process(options);
      options.request.variables = unique.variables;
      return unique.expand(await super.process(options));
    } catch (error) {
      const path = 'pathInIncomingRequest' in options ? responsePath(options.pathInIncomingRequest) : undefined;
      const clientError = this.clientError(error, path);
      outcome = String(clientError.extensions.code);
      if (outcome !== 'BAD_USER_INPUT' && outcome !== 'GRAPHQL_VALIDATION_FAILED') {
        currentRequest()?.log.warn(
          { subgraph: name, err: error instanceof Error ? error.message : String(error) },
          'subgraph fetch failed',
        );
      }
      throw clientError;
    } finally {
      const ms = performance.now() - started;
      metrics.subgraphFetches.inc({ subgraph: name, outcome });
      metrics.subgraphDuration.observe({ subgraph: name }, ms / 1000);
      currentRequest()?.fetches.push({ subgraph: name, ms: Math.round(ms * 10) / 10, outcome });
    }
  }

  private clientError(error: unknown, path: (string | number)[] | undefined): GraphQLError {
    const { name, timeoutMs } = this.source;
    const base = { path, extensions: { serviceName: name } };
    if (
      error instanceof GraphQLError &&
      typeof error.extensions.code === 'string' &&
      CLIENT_SAFE_CODES.has(error.extensions.code)
    ) {
      return new GraphQLError(error.message, {
        ...base,
        extensions: { ...base.extensions, code: error.extensions.code },
      });
    }
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return new GraphQLError(`Subgraph "${name}" did not answer within ${timeoutMs} ms.`, {
        ...base,
        extensions: { ...base.extensions, code: 'SUBGRAPH_TIMEOUT' },
      });
    }
    return new GraphQLError(`Subgraph "${name}" is unavailable.`, {
      ...base,
      extensions: { ...base.extensions, code: 'SUBGRAPH_UNAVAILABLE' },
    });
  }

  /** A non-2xx answer: the subgraph's own client error (e.g. a limit) when it sent one, else unavailable. */
  override async errorFromResponse(response: Awaited<ReturnType<Fetcher>>): Promise<GraphQLError> {
    const body = (await response.json().catch(() => undefined)) as { errors?: GraphQLFormattedError[] } | undefined;
    const first = body?.errors?.[0];
    const code = first?.extensions?.code;
    if (first && typeof code === 'string' && CLIENT_SAFE_CODES.has(code)) {
      return new GraphQLError(first.message, { extensions: { code } });
    }
    return new GraphQLError(`Subgraph "${this.source.name}" answered HTTP ${response.status}.`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
    });
  }
}

/**
 * The gateway sends an entity fetch one representation per parent: 100 employees of 12 units ask for
 * the units' IKM 100 times, and the subgraph resolves (and checks access on) each. Sending each distinct
 * representation once (as Hive Gateway and Apollo Router do) and copying the answers back to every
 * parent cuts the subgraph's work to the distinct entities. Representations are compared by their JSON:
 * the gateway builds them from one selection set, so equal entities give equal strings.
 */
export function deduplicateRepresentations(
  variables: Record<string, unknown> | undefined,
):
  | { variables: Record<string, unknown>; expand(response: GatewayGraphQLResponse): GatewayGraphQLResponse }
  | undefined {
  const representations = variables?.representations;
  if (!Array.isArray(representations) || representations.length < 2) return undefined;
  const indexOf = new Map<string, number>();
  const unique: unknown[] = [];
  const slot = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = unique.push(representation) - 1;
      indexOf.set(key, index);
    }
    return index;
  });
  if (unique.length === representations.length) return undefined;
  return {
    variables: { ...variables, representations: unique },
    expand: (response) => {
      const entities = (response.data as { _entities?: unknown } | null | undefined)?._entities; // the _entities answer's shape
      if (!Array.isArray(entities)) return response;
      const data = { ...response.data, _entities: slot.map((index) => entities[index] ?? null) };
      // An error on a distinct entity belongs to every parent that asked for it.
      const errors = response.errors?.flatMap((error) => {
        const [head, at, ...rest] = error.path ?? [];
        if (head !== '_entities' || typeof at !== 'number') return [error];
        return slot.flatMap((index, original) =>
          index === at ? [{ ...error, path: ['_entities', original, ...rest] }] : [],
        );
      });
      return { ...response, data, ...(errors && { errors }) };
    },
  };
}

/** A subgraph operation the gateway generated that only reads: a query (`{ ... }` or `query ...`). */
const READ_ONLY = /^\s*(\{|query\b)/;

/** The gateway's cursor path (with `@` for list items) as a GraphQL error path. */
function responsePath(path: readonly unknown[] | undefined): (string | number)[] | undefined {
  if (!path) return undefined;
  const clean = path.filter(
    (key): key is string | number => (typeof key === 'string' && key !== '@') || typeof key === 'number',
  );
  return clean.length > 0 ? clean : undefined;
}

/**
 * The gateway drops a non-null field that cannot be completed into `extensions.valueCompletion` (and
 * nulls its parent); clients read `errors`, so every such failure is moved there.
 */
function valueCompletionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const completion = result.extensions?.valueCompletion;
          if (!Array.isArray(completion)) return;
          const moved: GraphQLFormattedError[] = completion.map((error: GraphQLError) => ({
            message: error.message,
            ...(error.path && { path: error.path }),
            extensions: { code: 'VALUE_COMPLETION_FAILED' },
          }));
          result.errors = [...(result.errors ?? []), ...moved];
          const { valueCompletion: _dropped, ...rest } = result.extensions ?? {};
          result.extensions = Object.keys(rest).length > 0 ? rest : undefined;
        },
      };
    },
  };
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { subgraphUrls, fetchCounts } = options;
  const limits: RequestLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const timeoutMs = options.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
  const log = options.logger ?? createLogger('gateway', options.logging);
  const metrics = new ServerMetrics('gateway', { processMetrics: options.processMetrics ?? true });
  // One bounded keep-alive pool per subgraph origin (Apollo's advice for the Node gateway, TN0009).
  const agent = new Agent({
    connections: options.maxSockets ?? DEFAULT_GATEWAY_MAX_SOCKETS,
    keepAliveTimeout: 10_000,
    connectTimeout: Math.min(timeoutMs, 5000),
  });
  const fetcher = ((url: string, init: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(url, { ...init, dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
  for (const stat of ['connected', 'free', 'pending', 'queued'] as const) {
    metrics.gauge(`gateway_subgraph_sockets_${stat}`, `Gateway to subgraph sockets: ${stat} (all subgraphs)`, () =>
      Object.values(agent.stats).reduce((sum, s) => sum + ((s as unknown as Record<string, number>)[stat] ?? 0), 0),
    );
  }
  const gateway = new ApolloGateway({
    supergraphSdl: readSupergraph(),
    buildService: ({ name }) => {
      const url = subgraphUrls[name];
      if (!url) throw new Error(`No URL configured for subgraph "${name}"`);
      return new SubgraphDataSource({
        name,
        url,
        fetcher,
        fetchCounts,
        metrics,
        timeoutMs,
        deduplicate: options.deduplicate ?? true,
      });
    },
  });
  const protection = limitProtection(limits, options.costModel);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      scopePlugin(),
      metrics.plugin(),
      valueCompletionPlugin(),
      ...protection.plugins,
      // Apollo's landing page loads from a CDN; the explorer (or nothing) answers browsers instead.
      ApolloServerPluginLandingPageDisabled(),
      // Nothing sets or reads cache hints; the default plugin would still visit every field.
      ApolloServerPluginCacheControlDisabled(),
    ],
    ...hardenedApolloOptions(protection),
  });
  await server.start();
  let explorer: ReturnType<typeof loadExplorer>['explorer'];
  if (options.explorer ?? true) {
    const loaded = loadExplorer({ root: projectRoot(), production: options.production });
    explorer = loaded.explorer;
    if (loaded.problem) log.warn(`explorer off: ${loaded.problem}`);
  }
  const http = await serveGraphql({
    ...options,
    name: 'gateway',
    apollo: server,
    bodyBytes: limits.bodyBytes,
    log,
    metrics,
    routes: withDashboard(explorer?.handle, options.dashboard ?? true, projectRoot(), log),
    // Once per request: a present but wrong credential is UNAUTHENTICATED (401), never silently anonymous.
    context: async (_scope, request) => {
      const viewer = await options.authenticator.authenticate(request.headers);
      return { viewer, internalToken: await signViewerToken(viewer, options.internalSigningKey) };
    },
    ready: async () => {
      const results = await Promise.all(
        Object.entries(subgraphUrls).map(async ([name, url]) => {
          try {
            const response = await withTimeout(
              undiciFetch(new URL('/health', url), { dispatcher: agent, signal: AbortSignal.timeout(2000) }),
              2500,
              'timeout',
            );
            await response.body?.cancel();
            return response.ok ? undefined : name;
          } catch {
            return name;
          }
        }),
      );
      const down = results.filter((name) => name !== undefined);
      if (down.length > 0) throw new Error(`subgraphs unreachable: ${down.join(', ')}`);
    },
  });
  return {
    url: http.url,
    metrics,
    stop: async () => {
      await http.stop();
      // Drained: nothing of ours is in flight; close the sockets at once (a frozen subgraph never answers).
      await agent.destroy();
    },
  };
}
