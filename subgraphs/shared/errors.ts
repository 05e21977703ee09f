import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { currentRequest } from './logging.js';

/** The error codes clients can rely on; the same in every subgraph. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

export function graphqlError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** Invalid input: the message says what is wrong, `field` names the argument or part at fault. */
export function badUserInput(message: string, field?: string): GraphQLError {
  return graphqlError('BAD_USER_INPUT', message, field ? { field } : {});
}

/**
 * Codes whose message is written for clients (ours, Apollo's request errors, the gateway's subgraph
 * errors). Any other error is unexpected: its message may hold SQL, paths or addresses.
 */
export const CLIENT_SAFE_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'LIMIT_EXCEEDED',
  'SUBGRAPH_UNAVAILABLE',
  'SUBGRAPH_TIMEOUT',
  'VALUE_COMPLETION_FAILED',
]);

/** Extensions that may reach clients; everything else (stacktrace, exception, response...) is dropped. */
const SAFE_EXTENSIONS = [
  'code',
  'field',
  'limit',
  'value',
  'serviceName',
  'requestId',
  // Access refusals: why a credential failed, which capability, region or university was refused.
  'reason',
  'capability',
  'regionCode',
  'universityCode',
];

/**
 * Apollo's formatError for the gateway and every subgraph: client errors keep their message and the safe
 * extensions; anything else becomes INTERNAL_SERVER_ERROR with the request id, and its detail (message,
 * stack) goes to the server log under that id.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const scope = currentRequest();
  const requestId = scope?.requestId;
  const code = formatted.extensions?.code;
  const extensions: Record<string, unknown> = {};
  for (const key of SAFE_EXTENSIONS) {
    const value = formatted.extensions?.[key];
    if (value !== undefined && (typeof value !== 'object' || value === null)) extensions[key] = value;
  }
  if (typeof code === 'string' && CLIENT_SAFE_CODES.has(code)) {
    return {
      message: formatted.message,
      ...(formatted.locations && { locations: formatted.locations }),
      ...(formatted.path && { path: formatted.path }),
      extensions,
    };
  }
  const original = unwrapResolverError(error);
  scope?.log.error(
    { err: original instanceof Error ? original : new Error(String(original)), path: formatted.path, code },
    'unexpected error',
  );
  extensions.code = 'INTERNAL_SERVER_ERROR';
  if (requestId) extensions.requestId = requestId;
  return {
    message: `Internal server error${requestId ? ` (request id ${requestId})` : ''}`,
    ...(formatted.path && { path: formatted.path }),
    extensions,
  };
}
