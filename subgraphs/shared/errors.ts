import { GraphQLError } from 'graphql';

/** The error codes clients can rely on; the same in every subgraph. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

export function graphqlError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** Invalid input: the message says what is wrong, `field` names the argument or part at fault. */
export function badUserInput(message: string, field?: string): GraphQLError {
  return graphqlError('BAD_USER_INPUT', message, field ? { field } : {});
}
