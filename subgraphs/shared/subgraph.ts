import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import type { EntityManager, EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { RupiahScalar } from './scalars.js';
import { openOrm, StatementCounter } from './orm.js';

/** What every request's resolvers receive: a forked EntityManager and this request's DataLoaders. */
export interface RequestContext<Loaders> {
  em: EntityManager;
  loaders: Loaders;
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
  // type-graphql takes resolver classes; their constructors are untyped by design.
  resolvers: NonEmptyArray<Function>;
  /** Types that no query returns directly (entities other subgraphs reference). */
  orphanedTypes?: Function[];
  /** `__resolveReference` for each entity type this subgraph contributes fields to. */
  references: Record<string, ReferenceResolver<Loaders>>;
  createLoaders(em: EntityManager): Loaders;
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
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference };
  }
  // An array: @apollo/subgraph 2.15 reads a lone object as a document.
  return buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
}

export interface RunningSubgraph {
  name: string;
  url: string;
  orm: MikroORM;
  counter?: StatementCounter;
  stop(): Promise<void>;
}

export interface StartSubgraphOptions {
  databaseUrl: string;
  port?: number;
  /** Count SQL statements (tests). */
  counter?: StatementCounter;
  plugins?: ApolloServerPlugin[];
}

/** Opens the subgraph's database (already migrated: see subgraphs/migrate.ts) and serves it over HTTP. */
export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const orm = await openOrm({
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    url: options.databaseUrl,
    counter: options.counter,
  });
  options.counter?.reset();
  const server = new ApolloServer<RequestContext<Loaders>>({
    schema: await buildFederatedSchema(definition),
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...(options.plugins ?? [])],
    // We stop the database ourselves after the servers: no signal re-raising.
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port ?? 0, host: '127.0.0.1' },
    context: async () => {
      const em = orm.em.fork();
      return { em, loaders: definition.createLoaders(em) };
    },
  });
  return {
    name: definition.name,
    url,
    orm,
    counter: options.counter,
    stop: async () => {
      await server.stop();
      await orm.close();
    },
  };
}
