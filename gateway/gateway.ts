import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { Fetcher } from '@apollo/utils.fetcher';

/** The repository root, found from this file whether it runs from source or from dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the gateway');
    dir = parent;
  }
  return dir;
}

/** The checked-in supergraph (schema/supergraph.graphql): the gateway never introspects at run time. */
export function readSupergraph(): string {
  return readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8');
}

/** Fetches the gateway made to each subgraph: the evidence that a query plan does not grow with data. */
export type FetchCounts = Record<string, number>;

export interface GatewayOptions {
  /** URL of each subgraph by name (overrides the URLs composed into the supergraph). */
  subgraphUrls: Record<string, string>;
  port?: number;
  host?: string;
  fetchCounts?: FetchCounts;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { subgraphUrls, fetchCounts } = options;
  const gateway = new ApolloGateway({
    supergraphSdl: readSupergraph(),
    buildService: ({ name }) => {
      const url = subgraphUrls[name];
      if (!url) throw new Error(`No URL configured for subgraph "${name}"`);
      return new RemoteGraphQLDataSource({
        url,
        // Node's fetch (undici) keeps connections to the subgraphs alive; its types differ only nominally.
        fetcher: fetch as unknown as Fetcher,
        willSendRequest: () => {
          if (fetchCounts) fetchCounts[name] = (fetchCounts[name] ?? 0) + 1;
        },
      });
    },
  });
  const server = new ApolloServer({ gateway, stopOnTerminationSignals: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port ?? 0, host: options.host ?? '127.0.0.1' },
  });
  return { url, stop: () => server.stop() };
}
