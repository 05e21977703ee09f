import { t } from './i18n.js';

/**
 * The dashboard's only way to data: POST /graphql on the gateway that served it, with the token the user
 * pasted (kept in this browser's localStorage, sent as a Bearer token).
 */

const TOKEN_KEY = 'pembinaan.dashboard.token';
const ENDPOINT = '/graphql';

export function storedToken(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function storeToken(token: string): void {
  // Accept a pasted "Bearer xyz" as well as the bare token.
  const bare = token.trim().replace(/^Bearer\s+/i, '');
  if (bare) localStorage.setItem(TOKEN_KEY, bare);
  else localStorage.removeItem(TOKEN_KEY);
}

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A request that produced no data: the network failed, or every field was refused or invalid. */
export class ApiError extends Error {
  constructor(
    readonly kind: 'network' | 'unauthenticated' | 'forbidden' | 'input' | 'other',
    readonly detail: string,
  ) {
    super(detail);
  }

  /** What the user reads: what went wrong in their language, and the server's own message. */
  describe(): string {
    const headline = t(`error.${this.kind === 'unauthenticated' ? 'unauthenticated' : this.kind}`);
    return this.detail ? `${headline} (${this.detail})` : headline;
  }
}

export interface Result<Data> {
  data: Data;
  /** Errors of single fields (the rest of the data arrived). */
  errors: GraphqlError[];
}

function kindOf(errors: GraphqlError[]): ApiError['kind'] {
  const codes = new Set(errors.map((error) => error.extensions?.code));
  if (codes.has('UNAUTHENTICATED')) return 'unauthenticated';
  if (codes.has('FORBIDDEN')) return 'forbidden';
  if (codes.has('BAD_USER_INPUT') || codes.has('GRAPHQL_VALIDATION_FAILED')) return 'input';
  return 'other';
}

export async function graphql<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Result<Data>> {
  const token = storedToken();
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError('network', error instanceof Error ? error.message : String(error));
  }
  let body: { data?: Data | null; errors?: GraphqlError[] };
  try {
    body = (await response.json()) as typeof body; // the gateway answers GraphQL JSON, errors included
  } catch {
    throw new ApiError(response.status >= 500 ? 'network' : 'other', `HTTP ${response.status}`);
  }
  const errors = body.errors ?? [];
  if (body.data === null || body.data === undefined) {
    throw new ApiError(kindOf(errors), errors.map((error) => error.message).join('; ') || `HTTP ${response.status}`);
  }
  return { data: body.data, errors };
}

/** A field-level error in words, for a notice above partial data. */
export function describeFieldErrors(errors: GraphqlError[]): string {
  return errors
    .map((error) => {
      const where = error.path?.join('.') ?? '';
      const region = typeof error.extensions?.regionCode === 'string' ? ` [${error.extensions.regionCode}]` : '';
      return `${where ? `${where}: ` : ''}${error.message}${region}`;
    })
    .join('; ');
}
