import 'reflect-metadata';
import type { KeyObject } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import type { EntityManager, EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import {
  type FormattedExecutionResult,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  parse,
} from 'graphql';
import { buildSchema, type ClassType, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { recordSensitiveRead } from '../access/store.js';
import { authChecker, SensitiveReads } from './access.js';
import { badUserInput } from './errors.js';
import { type HttpOptions, hardenedApolloOptions, scopePlugin, serveGraphql } from './http.js';
import { callerFromInternalHeaders } from './internal-token.js';
import {
  type CostModel,
  DEFAULT_LIMITS,
  DEFAULT_SUBGRAPH_BODY_BYTES,
  limitProtection,
  type RequestLimits,
} from './limits.js';
import { createLogger, type Logger, type LoggingOptions, type RequestScope } from './logging.js';
import { ServerMetrics } from './metrics.js';
import { openOrm, StatementCounter } from './orm.js';
import { configurePageSize } from './pagination.js';
import { RupiahScalar } from './scalars.js';
import type { Viewer } from './viewer.js';

/** What every request's resolvers receive: who asks, a forked EntityManager and this request's DataLoaders. */
export interface RequestContext<Loaders> {
  /** Who is asking, as the gateway vouched for it (the internal token); see access.ts. */
  viewer: Viewer;
  em: EntityManager;
  loaders: Loaders;
  /** Person-level fields this request read: logged to access.sensitive_read when it ends. */
  sensitiveReads: SensitiveReads;
  /** This request's id (also the gateway's, which passes it on) and its logger. */
  requestId?: string;
  log?: Logger;
  /** Personnel's GraphQL URL: single-record writes of other subgraphs ask it about references. */
  personnelUrl?: string;
  /** True for a service token (another subgraph's background call), never for an end user's request. */
  service?: boolean;
}

/** Resolves a federated entity from its key fields (the `representation` the gateway sends). */
export type ReferenceResolver<Loaders> = (
  representation: Record<string, unknown>,
  context: RequestContext<Loaders>,
) => unknown;

/** Everything that makes one subgraph: the four subgraphs differ only in these values. */
export interface SubgraphDefinition<Loaders> {
  /** Also the PostgreSQL schema the subgraph owns. */
  name: string;
  entities: EntitySchema[];
  migrations: Constructor<Migration>[];
  resolvers: NonEmptyArray<ClassType>;
  /** Types that no query returns directly (entities other subgraphs reference). */
  orphanedTypes?: ClassType[];
  /** `__resolveReference` for each entity type this subgraph contributes fields to. */
  references: Record<string, ReferenceResolver<Loaders>>;
  /** This request's loaders; list loaders apply the viewer's region scope in their SQL. */
  createLoaders(em: EntityManager, viewer: Viewer): Loaders;
  /** Apollo Server plugins of this subgraph's own (after the shared ones). */
  plugins?: ApolloServerPlugin<RequestContext<Loaders>>[];
  /** How a result is written as JSON; default Apollo Server's (`JSON.stringify` and a newline). */
  stringifyResult?: (value: FormattedExecutionResult) => string;
}

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

/** The subgraph's SDL as composition sees it: type-graphql's schema with its federation directives. */
export async function subgraphSdl(definition: SubgraphDefinition<unknown>): Promise<string> {
  return `${sdlOf(await buildTypeGraphqlSchema(definition))}\n`;
}

function sdlOf(schema: GraphQLSchema): string {
  return `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
}

async function buildTypeGraphqlSchema(definition: SubgraphDefinition<unknown>): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    scalarsMap: [{ type: BigInt, scalar: RupiahScalar }],
    // `@Authorized(capability)` on types and fields; a refusal is an error with its path (access.ts).
    authChecker,
    authMode: 'error',
    // The federation directives are defined by @apollo/subgraph, not here.
    skipCheck: true,
    validate: false,
  });
}

/** Builds the executable federated schema: SDL from type-graphql, resolvers plus __resolveReference. */
export async function buildFederatedSchema<Loaders>(definition: SubgraphDefinition<Loaders>): Promise<GraphQLSchema> {
  const schema = await buildTypeGraphqlSchema(definition as SubgraphDefinition<unknown>);
  const sdl = sdlOf(schema);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<RequestContext<Loaders>>;
  for (const [typeName, resolveReference] of Object.entries(definition.references)) {
    const check = representationCheck(schema, typeName);
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      __resolveReference: (representation: Record<string, unknown>, context: RequestContext<Loaders>) =>
        resolveReference(check(representation), context),
    };
  }
  // An array: @apollo/subgraph 2.15 reads a lone object as a document.
  return buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
}

/**
 * Validates an `_entities` representation's key fields against the entity type before any resolver or
 * SQL sees them: Int keys must be safe integers, String and ID keys short strings. Anything else is
 * BAD_USER_INPUT naming the type and field (a forged representation, sent to the subgraph directly).
 */
function representationCheck(schema: GraphQLSchema, typeName: string) {
  const type = schema.getType(typeName);
  const fields = type && isObjectType(type) ? type.getFields() : {};
  const fail = (key: string, what: string) =>
    badUserInput(`Representation of ${typeName}: \`${key.slice(0, 64)}\` must be ${what}`, 'representations');
  const checkScalar = (key: string, scalar: string, value: unknown): void => {
    if (value === null) return;
    if (scalar === 'Int' && !(typeof value === 'number' && Number.isSafeInteger(value))) throw fail(key, 'an integer');
    if (scalar === 'Float' && !(typeof value === 'number' && Number.isFinite(value))) throw fail(key, 'a number');
    if (scalar === 'Boolean' && typeof value !== 'boolean') throw fail(key, 'a boolean');
    if (
      (scalar === 'String' || scalar === 'ID') &&
      !((typeof value === 'string' || typeof value === 'number') && String(value).length <= 256)
    ) {
      throw fail(key, 'a string of at most 256 characters');
    }
  };
  return (representation: Record<string, unknown>): Record<string, unknown> => {
    for (const [key, value] of Object.entries(representation)) {
      if (key === '__typename') continue;
      const field = fields[key];
      if (!field) throw fail(key, 'a field of the type');
      const named = getNamedType(field.type);
      // Nested keys and @requires objects (an object type's fields) are the resolver's to read.
      if (isObjectType(named)) continue;
      if (isListType(getNullableType(field.type))) {
        if (value === null) continue;
        if (!Array.isArray(value)) throw fail(key, 'a list');
        for (const item of value) checkScalar(key, named.name, item);
      } else {
        checkScalar(key, named.name, value);
      }
    }
    return representation;
  };
}

export interface RunningSubgraph {
  name: string;
  url: string;
  orm: MikroORM;
  counter?: StatementCounter;
  metrics?: ServerMetrics;
  /** Drains (see HttpOptions.shutdownGraceMs), then closes the database. */
  stop(): Promise<void>;
}

export interface StartSubgraphOptions extends HttpOptions {
  databaseUrl: string;
  /** The gateway's public key: every GraphQL request must carry an internal token it verifies. */
  internalPublicKey: KeyObject;
  /** Count SQL statements (tests). */
  counter?: StatementCounter;
  plugins?: ApolloServerPlugin[];
  /**
   * Request limits; any field left out takes its DEFAULT_LIMITS value, except `bodyBytes`, which defaults
   * to DEFAULT_SUBGRAPH_BODY_BYTES: the gateway's `_entities` calls carry many representations.
   */
  limits?: Partial<RequestLimits>;
  costModel?: CostModel;
  /** Node process metrics in /metrics; default false (a standalone subgraph process sets it). */
  processMetrics?: boolean;
  /** A logger to use (tests); else one is made from `logging`. */
  logger?: Logger;
  logging?: LoggingOptions;
  /**
   * GET /ready: resolves when the subgraph can serve, rejects with a client-safe reason otherwise.
   * Default: the database answers and every migration of the subgraph is applied.
   */
  ready?: (orm: MikroORM) => Promise<void>;
  /** Personnel's GraphQL URL, for the single-record writes' reference checks (PERSONNEL_URL). */
  personnelUrl?: string;
}

/**
 * Person-level reads are logged: who, when, which fields and regions, once per request, before the
 * answer leaves. The personal data itself is never logged.
 */
function sensitiveReadLog<Loaders>(orm: MikroORM): ApolloServerPlugin<RequestContext<Loaders>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName }) {
          const reads = contextValue.sensitiveReads;
          if (!reads || reads.empty) return;
          try {
            const pool = await orm.em.getConnection().getNativeClient();
            await recordSensitiveRead(pool, contextValue.viewer, {
              operation: [...reads.fields].sort().join(', '),
              regionCodes: [...reads.regionCodes].sort(),
              detail: { requestId: contextValue.requestId, operationName: operationName ?? null },
            });
          } catch (error) {
            contextValue.log?.error({ err: error }, 'sensitive read not logged');
          }
        },
      };
    },
  };
}

/** The default readiness check: database reachable, no pending migration. Reasons name no address. */
export async function databaseReady(orm: MikroORM): Promise<void> {
  try {
    await orm.em.getConnection().execute('select 1');
  } catch (cause) {
    throw new Error('database unreachable', { cause });
  }
  let pending: unknown[];
  try {
    pending = await orm.migrator.getPending();
  } catch (cause) {
    throw new Error('migration state unreadable', { cause });
  }
  if (pending.length > 0) throw new Error(`${pending.length} migration(s) not applied`);
}

/** Opens the subgraph's database (already migrated: see subgraphs/migrate.ts) and serves it over HTTP. */
export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const limits: RequestLimits = { ...DEFAULT_LIMITS, bodyBytes: DEFAULT_SUBGRAPH_BODY_BYTES, ...options.limits };
  const log = options.logger ?? createLogger(definition.name, options.logging);
  configurePageSize(limits.pageSize);
  const metrics = new ServerMetrics(definition.name, { processMetrics: options.processMetrics ?? false });
  const orm = await openOrm({
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    url: options.databaseUrl,
    counter: options.counter,
  });
  options.counter?.reset();
  try {
    const pool = await orm.em.getConnection().getNativeClient();
    metrics.gauge('db_pool_connections', 'PostgreSQL pool: open connections', () => pool.totalCount);
    metrics.gauge('db_pool_idle', 'PostgreSQL pool: idle connections', () => pool.idleCount);
    metrics.gauge('db_pool_waiting', 'PostgreSQL pool: requests waiting for a connection', () => pool.waitingCount);
  } catch (error) {
    log.warn({ err: error }, 'database pool metrics unavailable');
  }
  // The gateway nests entity fields under `_entities { ... on Type }`: two levels more than the client asked.
  const protection = limitProtection({ ...limits, depth: limits.depth + 2 }, options.costModel);
  const server = new ApolloServer<RequestContext<Loaders>>({
    schema: await buildFederatedSchema(definition),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // Nothing sets or reads cache hints; the default plugin would still visit every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads from a CDN; subgraphs serve no page (the gateway has the explorer).
      ApolloServerPluginLandingPageDisabled(),
      scopePlugin(),
      metrics.plugin(),
      ...protection.plugins,
      sensitiveReadLog(orm),
      ...(definition.plugins ?? []),
      ...(options.plugins ?? []),
    ],
    // Apollo does not re-raise signals: the entry point stops the database after the server.
    ...hardenedApolloOptions(protection),
    ...(definition.stringifyResult && { stringifyResult: definition.stringifyResult }),
  });
  await server.start();
  const ready = options.ready ?? databaseReady;
  const http = await serveGraphql({
    ...options,
    name: definition.name,
    apollo: server,
    bodyBytes: limits.bodyBytes,
    log,
    metrics,
    ready: async () => {
      try {
        await ready(orm);
      } catch (error) {
        log.warn({ err: error }, 'not ready');
        throw error;
      }
    },
    context: async (scope: RequestScope, request) => {
      // Nobody is served around the gateway: no valid internal token, no data (`_entities` included).
      const { viewer, service } = await callerFromInternalHeaders(request.headers, options.internalPublicKey);
      const em = orm.em.fork();
      return {
        viewer,
        em,
        loaders: definition.createLoaders(em, viewer),
        sensitiveReads: new SensitiveReads(),
        requestId: scope.requestId,
        log: scope.log,
        personnelUrl: options.personnelUrl,
        service,
      };
    },
  });
  return {
    name: definition.name,
    url: http.url,
    orm,
    counter: options.counter,
    metrics,
    stop: async () => {
      await http.stop();
      await orm.close();
    },
  };
}
