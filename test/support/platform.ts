import { afterAll, beforeAll, inject } from 'vitest';
import pg from 'pg';
import { startPlatform, type Platform, type SubgraphName } from '../../gateway/platform.js';

export interface GraphqlResponse<Data> {
  data?: Data;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Starts the four subgraphs and the gateway for a test file, instrumented, on the shared test database. */
export function usePlatform() {
  const context = {} as {
    platform: Platform;
    db: pg.Pool;
    /** Sends a query through the gateway. */
    query<Data>(document: string | { toString(): string }, variables?: Record<string, unknown>): Promise<GraphqlResponse<Data>>;
    /** Resets the SQL statement and fetch counters. */
    resetCounters(): void;
    statementCounts(): Record<SubgraphName, number>;
  };
  beforeAll(async () => {
    const databaseUrl = inject('databaseUrl');
    context.platform = await startPlatform({ databaseUrl, instrument: true });
    context.db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    context.query = async (document, variables) => {
      const response = await fetch(context.platform.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: String(document), variables }),
      });
      return (await response.json()) as GraphqlResponse<never>;
    };
    context.resetCounters = () => {
      for (const counter of Object.values(context.platform.statements)) counter.reset();
      for (const name of Object.keys(context.platform.fetches)) delete context.platform.fetches[name];
    };
    context.statementCounts = () =>
      Object.fromEntries(Object.entries(context.platform.statements).map(([name, c]) => [name, c.count])) as Record<SubgraphName, number>;
  });
  afterAll(async () => {
    await context.db?.end();
    await context.platform?.stop();
  });
  return context;
}
