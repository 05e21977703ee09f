import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { config } from '../../subgraphs/shared/config.js';
import { INTERNAL_TOKEN_HEADER, loadInternalKeys, signViewerToken } from '../../subgraphs/shared/internal-token.js';
import { parseViewer, type Role, type Viewer } from '../../subgraphs/shared/viewer.js';
import { mintDevToken } from '../../tools/dev/dev-token.js';
import { type Platform, type SubgraphName, startPlatform } from '../../tools/dev/platform.js';

/** A viewer for tests: `as('planner', ['12.71'])`, `as('partner-university', 'UNIMED')`. */
export function as(role: Exclude<Role, 'anonymous'>, scope: string[] | string = []): Viewer {
  return parseViewer({
    role,
    regionCodes: Array.isArray(scope) ? scope : [],
    universityCode: typeof scope === 'string' ? scope : null,
    subject: `test-${role}`,
    via: 'jwt',
  });
}

export const NATIONAL_ADMIN = as('national-admin');

/** A development JWT the test platform's gateway accepts (the data folder's dev key, as `npm run token`). */
export async function tokenFor(viewer: Viewer): Promise<string> {
  const jwt = config().auth.jwt;
  if (jwt?.key.kind !== 'dev') throw new Error('tests mint tokens with the development key');
  return mintDevToken(viewer, jwt.key.file, 600);
}

/** The header a subgraph demands: what the gateway would send for this viewer. */
export async function internalHeaders(viewer: Viewer): Promise<Record<string, string>> {
  const { signingKey } = await loadInternalKeys(config().auth.internal, 'sign');
  return { [INTERNAL_TOKEN_HEADER]: await signViewerToken(viewer, signingKey) };
}

/** Who a test request is from: a Viewer (a token is minted), `'anonymous'` (no credential), or raw headers. */
export type Caller = Viewer | 'anonymous' | { headers: Record<string, string> };

export interface GraphqlResponse<Data> {
  data?: Data;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [key: string]: unknown };
  }[];
}

/** Starts the four subgraphs and the gateway for a test file, instrumented, on the shared test database. */
export function usePlatform() {
  const context = {} as {
    platform: Platform;
    db: pg.Pool;
    /** Sends a typed document (or raw query text) through the gateway, as a national administrator by default. */
    query<Data, Variables extends Record<string, unknown>>(
      document: TypedDocumentNode<Data, Variables> | string,
      variables?: Variables,
      caller?: Caller,
    ): Promise<GraphqlResponse<Data>>;
    /** Resets the SQL statement and fetch counters. */
    resetCounters(): void;
    statementCounts(): Record<SubgraphName, number>;
  };
  beforeAll(async () => {
    const databaseUrl = inject('databaseUrl');
    // The read model catches up at start; no timer rounds (they would add to the statement counts).
    context.platform = await startPlatform({ databaseUrl, instrument: true, readModelSyncMs: 600_000 });
    context.db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const tokens = new Map<Viewer, Promise<string>>();
    const headersOf = async (caller: Caller): Promise<Record<string, string>> => {
      if (caller === 'anonymous') return {};
      if ('headers' in caller) return caller.headers;
      let token = tokens.get(caller);
      if (!token) {
        token = tokenFor(caller);
        tokens.set(caller, token);
      }
      return { authorization: `Bearer ${await token}` };
    };
    context.query = async <Data, Variables>(
      document: TypedDocumentNode<Data, Variables> | string,
      variables?: Variables,
      caller: Caller = NATIONAL_ADMIN,
    ) => {
      const response = await fetch(context.platform.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await headersOf(caller)) },
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
