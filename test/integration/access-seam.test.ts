import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type GraphQLSchema, graphql, parse } from 'graphql';
import { Arg, Authorized, buildSchema, Ctx, Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../gateway/identity.js';
import { type AccessContext, authChecker } from '../../subgraphs/shared/access.js';
import {
  INTERNAL_TOKEN_HEADER,
  setViewerHeader,
  viewerFromInternalHeaders,
} from '../../subgraphs/shared/internal-token.js';
import { ANONYMOUS, parseViewer, type Viewer } from '../../subgraphs/shared/viewer.js';

/**
 * The seams the servers will wire, exercised end to end without a database: `@Authorized` through type-graphql
 * with `authChecker`; a gateway that authenticates and signs the Viewer for a subgraph that trusts
 * nothing else.
 */
const viewer = (role: Viewer['role'], regionCodes: string[] = []) =>
  parseViewer({ role, regionCodes, universityCode: null, subject: 's', via: 'jwt' });

@Resolver()
class StaffResolver {
  @Authorized('PERSON_LEVEL')
  @Query(() => String)
  staffName(@Arg('regionCode') regionCode: string): string {
    return `staff of ${regionCode}`;
  }

  @Authorized('AGGREGATE')
  @Query(() => Number)
  staffCount(@Arg('regionCodes', () => [String]) regionCodes: string[]): number {
    return regionCodes.length;
  }

  @Query(() => String)
  whoAmI(@Ctx() context: AccessContext): string {
    return context.viewer?.role ?? 'nobody';
  }
}

describe('@Authorized with authChecker (type-graphql)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [StaffResolver], authChecker, authMode: 'error', validate: false });
  });
  const run = async (v: Viewer, source: string) =>
    graphql({ schema, source, contextValue: { viewer: v } satisfies AccessContext });

  it('lets a viewer with the capability in scope through', async () => {
    expect((await run(viewer('regional-admin', ['12.71']), '{ staffName(regionCode: "12.71.01") }')).data).toEqual({
      staffName: 'staff of 12.71.01',
    });
    expect((await run(viewer('planner', ['12']), '{ staffCount(regionCodes: ["12.71", "12.75"]) }')).data).toEqual({
      staffCount: 2,
    });
  });

  it('refuses with the typed errors, naming the region', async () => {
    const person = await run(viewer('planner', ['12.71']), '{ staffName(regionCode: "12.71") }');
    expect(person.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', capability: 'PERSON_LEVEL' });
    const wider = await run(viewer('planner', ['12.71']), '{ staffCount(regionCodes: ["12.71", "12"]) }');
    expect(wider.errors?.[0]?.message).toBe('Region 12 is wider than your scope (12.71).');
    const anonymous = await run(ANONYMOUS, '{ staffCount(regionCodes: ["12"]) }');
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('gateway -> subgraph credential', () => {
  const gatewayKeys = generateKeyPairSync('ed25519');
  const intruderKeys = generateKeyPairSync('ed25519');
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { whoAmI: String }
    type Employee @key(fields: "id") { id: ID! name: String }
  `);
  const stops: (() => Promise<void>)[] = [];
  let subgraphUrl = '';
  let gatewayUrl = '';
  const planner = viewer('planner', ['12.71']);

  beforeAll(async () => {
    const subgraph = new ApolloServer<{ viewer: Viewer }>({
      plugins: [ApolloServerPluginInlineTraceDisabled()],
      schema: buildSubgraphSchema([
        {
          typeDefs,
          resolvers: {
            Query: {
              whoAmI: (_root: unknown, _args: unknown, context: { viewer: Viewer }) =>
                `${context.viewer.role} ${context.viewer.regionCodes.join(',')}`,
            },
            Employee: { __resolveReference: (reference: { id: string }) => ({ id: reference.id, name: 'Siti' }) },
          },
        },
      ]),
    });
    const started = await startStandaloneServer(subgraph, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => ({ viewer: await viewerFromInternalHeaders(req.headers, gatewayKeys.publicKey) }),
    });
    subgraphUrl = started.url;
    stops.push(() => subgraph.stop());

    const composed = composeServices([{ name: 'personnel', typeDefs, url: subgraphUrl }]);
    if (!composed.supergraphSdl) throw new Error(composed.errors?.map((error) => error.message).join('\n'));
    const authenticator = createAuthenticator({
      apiKey: async (id) => (id === 'ak_0123456789abcdef' ? { ...planner, via: 'api-key', subject: id } : undefined),
    });
    const gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<{ viewer: Viewer }>({
          url,
          willSendRequest: async ({ request, context }) => {
            if (request.http)
              await setViewerHeader(request.http.headers, context.viewer ?? ANONYMOUS, gatewayKeys.privateKey);
          },
        }),
    });
    const server = new ApolloServer<{ viewer: Viewer }>({ gateway });
    const gatewayStarted = await startStandaloneServer(server, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => ({ viewer: await authenticator.authenticate(req.headers) }),
    });
    gatewayUrl = gatewayStarted.url;
    stops.push(() => server.stop());
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  const post = async (url: string, query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: Record<string, unknown>;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      },
    };
  };

  it('carries the authenticated Viewer to the subgraph', async () => {
    expect(
      (await post(gatewayUrl, '{ whoAmI }', { 'x-api-key': `ak_0123456789abcdef.${'s'.repeat(43)}` })).body.data,
    ).toEqual({ whoAmI: 'planner 12.71' });
    expect((await post(gatewayUrl, '{ whoAmI }')).body.data).toEqual({ whoAmI: 'anonymous ' });
  });

  it('refuses a bad credential at the gateway with UNAUTHENTICATED', async () => {
    const { status, body } = await post(gatewayUrl, '{ whoAmI }', {
      'x-api-key': `ak_ffffffffffffffff.${'s'.repeat(43)}`,
    });
    expect(status).toBe(401);
    expect(body.errors?.[0]).toMatchObject({
      message: 'The API key is unknown or revoked.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses whoever goes around the gateway: no token, a forged token, _entities included', async () => {
    const entities =
      '{ _entities(representations: [{ __typename: "Employee", id: "1" }]) { ... on Employee { name } } }';
    const withoutValidToken: Record<string, string>[] = [{}, { [INTERNAL_TOKEN_HEADER]: 'x.y.z' }];
    for (const headers of withoutValidToken) {
      const { status, body } = await post(subgraphUrl, entities, headers);
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(body.data).toBeUndefined();
    }
    const forged = new Headers();
    await setViewerHeader(forged, viewer('national-admin'), intruderKeys.privateKey);
    const { status } = await post(subgraphUrl, entities, Object.fromEntries(forged.entries()));
    expect(status).toBe(401);
    const genuine = new Headers();
    await setViewerHeader(genuine, planner, gatewayKeys.privateKey);
    expect((await post(subgraphUrl, entities, Object.fromEntries(genuine.entries()))).body.data).toEqual({
      _entities: [{ name: 'Siti' }],
    });
  });
});
