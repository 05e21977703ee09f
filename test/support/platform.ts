import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { type Platform, type SubgraphName, startPlatform } from '../../tools/dev/platform.js';

export interface GraphqlResponse<Data> {
  data?: Data;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Starts the four subgraphs and the gateway for a test file, instrumented, on the shared test database. */
export function usePlatform() {
  const context = {} as {
    platform: Platform;
    db: pg.Pool;
    /** Sends a typed document (or raw query text) through the gateway. */
    query<Data, Variables extends Record<string, unknown>>(
      document: TypedDocumentNode<Data, Variables> | string,
      variables?: Variables,
    ): Promise<GraphqlResponse<Data>>;
    /** Resets the SQL statement and fetch counters. */
    resetCounters(): void;
    statementCounts(): Record<SubgraphName, number>;
  };
  beforeAll(async () => {
    const databaseUrl = inject('databaseUrl');
    context.platform = await startPlatform({ databaseUrl, instrument: true });
    context.db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    context.query = async <Data, Variables>(
      document: TypedDocumentNode<Data, Variables> | string,
      variables?: Variables,
    ) => {
      const response = await fetch(context.platform.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      return (await response.json()) as GraphqlResponse<Data>;
    };
    context.resetCounters = () => {
      for (const counter of Object.values(context.platform.statements)) counter.reset();
      for (const name of Object.keys(context.platform.fetches)) delete context.platform.fetches[name];
    };
    context.statementCounts = () =>
      Object.fromEntries(Object.entries(context.platform.statements).map(([name, c]) => [name, c.count])) as Record<
        SubgraphName,
        number
      >;
  });
  afterAll(async () => {
    await context.db?.end();
    await context.platform?.stop();
  });
  return context;
}
