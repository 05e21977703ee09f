import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ApolloServer,
  type ApolloServerPlugin,
  type BaseContext,
  HeaderMap,
  type HTTPGraphQLResponse,
} from '@apollo/server';
import { context as otelContext, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { GraphQLError, type ValidationRule } from 'graphql';
import { formatError } from './errors.js';
import { type Logger, type RequestScope, requestIdFrom, requestScope } from './logging.js';
import type { ServerMetrics } from './metrics.js';

/** HTTP options shared by the gateway and the subgraphs. */
export interface HttpOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /**
   * Origins allowed to call from a browser (exact `https://host[:port]` values, or `*` for any). Default:
   * none, so browsers refuse cross-origin calls; same-origin and server-to-server calls are unaffected.
   */
  corsOrigins?: string[];
  /** How long stop() lets in-flight requests finish before closing their connections. Default 10 s. */
  shutdownGraceMs?: number;
}

const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** How long a draining server must see no new connection or request (and none in flight) before closing. */
const QUIET_MS = 100;

/** Everything serveGraphql needs besides HttpOptions. */
export interface ServeOptions<Context extends BaseContext> extends HttpOptions {
  apollo: ApolloServer<Context>;
  context: (scope: RequestScope, request: IncomingMessage) => Promise<Context>;
  /** Resolves when the server can serve GraphQL; rejects with a client-safe reason otherwise. */
  ready: () => Promise<void>;
  bodyBytes: number;
  log: Logger;
  metrics: ServerMetrics;
  /** Span name prefix for traces (`gateway`, `personnel`...). */
  name: string;
  /** Answers requests of its own before GraphQL (the gateway's explorer); returns true when it did. */
  routes?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
}

export interface HttpServer {
  /** Base URL, e.g. http://127.0.0.1:4001/ (GraphQL is served at / and /graphql). */
  url: string;
  server: Server;
  /** Answers 503 to new requests while in-flight ones finish (grace period), then closes and resolves. */
  stop(): Promise<void>;
}

const GRAPHQL_PATHS = new Set(['/', '/graphql']);
const JSON_TYPES = new Set(['application/json', 'application/graphql-response+json']);

/** The request-scope plugin: operation name and returned error codes, for the request log and metrics. */
export function scopePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, request }) {
          const scope = requestScope.getStore();
          if (scope) scope.operation = operationName ?? undefined;
          // Without this the gateway's executor throws on it: a 500 for the client's mistake.
          if (!operation) {
            throw new GraphQLError(
              request.operationName
                ? `Unknown operation named "${request.operationName.slice(0, 100)}".`
                : 'The document has several operations: name one in operationName.',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
            );
          }
        },
        async willSendResponse({ response }) {
          const scope = requestScope.getStore();
          if (!scope || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? [])
            scope.errorCodes.push(String(error.extensions?.code ?? 'UNKNOWN'));
        },
      };
    },
  };
}

/** Serves a started ApolloServer over node:http with health, readiness, metrics, limits, CORS and draining. */
export async function serveGraphql<Context extends BaseContext>(options: ServeOptions<Context>): Promise<HttpServer> {
  const { apollo, log, metrics } = options;
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const tracer = trace.getTracer('pembinaan');
  let stopping = false;
  let inFlight = 0;
  /** When a connection or request last arrived: the drain waits for a quiet moment, not only inFlight 0. */
  let lastArrival = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse, scope: RequestScope): Promise<void> => {
    res.setHeader('x-request-id', scope.requestId);
    if (stopping) {
      res.shouldKeepAlive = false;
      return sendError(res, 503, 'SHUTTING_DOWN', 'The server is shutting down; retry on another instance.', {
        'retry-after': '1',
      });
    }
    if (!applyCors(req, res, corsOrigins)) return sendError(res, 403, 'FORBIDDEN', 'Origin not allowed.');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (options.routes?.(req, res, url)) return;
    switch (url.pathname) {
      case '/health':
        return req.method === 'GET' ? sendJson(res, 200, { status: 'ok' }) : methodNotAllowed(res, 'GET');
      case '/ready':
        if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
        try {
          await withTimeout(options.ready(), 5000, 'readiness check timed out');
          return sendJson(res, 200, { status: 'ready' });
        } catch (error) {
          return sendJson(res, 503, {
            status: 'not ready',
            reason: error instanceof Error ? error.message : 'not ready',
          });
        }
      case '/metrics':
        if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(await metrics.registry.metrics());
        return;
    }
    if (!GRAPHQL_PATHS.has(url.pathname))
      return sendError(res, 404, 'NOT_FOUND', 'Not found: GraphQL is served at /graphql.');
    if (req.method !== 'GET' && req.method !== 'POST') return methodNotAllowed(res, 'GET, POST');

    let body: unknown;
    if (req.method === 'GET') {
      if (url.search.length > options.bodyBytes) {
        return sendError(res, 414, 'BAD_REQUEST', `Request size limit of ${options.bodyBytes} bytes exceeded.`);
      }
    } else {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!JSON_TYPES.has(type)) {
        return sendError(res, 415, 'BAD_REQUEST', 'Content-Type must be application/json.');
      }
      const text = await readBody(req, options.bodyBytes);
      if (text === undefined) {
        res.setHeader('connection', 'close');
        return sendError(res, 413, 'BAD_REQUEST', `Request size limit of ${options.bodyBytes} bytes exceeded.`);
      }
      try {
        body = JSON.parse(text);
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
      if (Array.isArray(body))
        return sendError(
          res,
          400,
          'BAD_REQUEST',
          'Batched requests are not supported: send one operation per request.',
        );
      if (body === null || typeof body !== 'object')
        return sendError(res, 400, 'BAD_REQUEST', 'The request body must be a JSON object.');
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
      context: () => options.context(scope, req),
    });
    await writeResponse(res, response);
  };

  // Idle keep-alive sockets live 15 s: longer than the gateway's pool keeps them (10 s), so the gateway
  // never reuses a socket the subgraph is closing.
  const server = createServer(
    { requestTimeout: 60_000, headersTimeout: 20_000, keepAliveTimeout: 15_000 },
    (req, res) => {
      const started = performance.now();
      lastArrival = started;
      const requestId = requestIdFrom(req.headers['x-request-id']);
      const scope: RequestScope = { requestId, log: log.child({ requestId }), errorCodes: [], fetches: [] };
      inFlight += 1;
      metrics.inFlight.inc();
      const parent = propagation.extract(otelContext.active(), req.headers);
      const span = tracer.startSpan(
        `${options.name} ${req.method} ${(req.url ?? '/').split('?')[0]}`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '' } },
        parent,
      );
      otelContext.with(trace.setSpan(parent, span), () =>
        requestScope.run(scope, () =>
          handle(req, res, scope)
            .catch((error: unknown) => {
              scope.log.error({ err: error }, 'request failed');
              if (!res.headersSent)
                sendError(
                  res,
                  500,
                  'INTERNAL_SERVER_ERROR',
                  `Internal server error (request id ${requestId})`,
                  {},
                  { requestId },
                );
              else res.destroy();
            })
            .finally(() => {
              inFlight -= 1;
              metrics.inFlight.dec();
              const seconds = (performance.now() - started) / 1000;
              const path = (req.url ?? '/').split('?')[0] ?? '/';
              // The gateway's explorer page at / is no GraphQL request (nor counted as one).
              const isGraphql =
                GRAPHQL_PATHS.has(path) && !String(res.getHeader('content-type') ?? '').startsWith('text/html');
              const operation = metrics.operationLabel(scope.operation);
              if (isGraphql) {
                metrics.requests.inc({ operation, status: String(res.statusCode) });
                metrics.duration.observe({ operation }, seconds);
              }
              span.setAttribute('http.response.status_code', res.statusCode);
              if (scope.operation) span.setAttribute('graphql.operation.name', scope.operation);
              if (res.statusCode >= 500 || scope.errorCodes.length > 0) span.setStatus({ code: SpanStatusCode.ERROR });
              span.end();
              if (isGraphql || res.statusCode >= 400) {
                const level =
                  res.statusCode >= 500
                    ? 'error'
                    : res.statusCode >= 400 || scope.errorCodes.length > 0
                      ? 'warn'
                      : 'info';
                scope.log[level](
                  {
                    method: req.method,
                    path: path.slice(0, 200),
                    status: res.statusCode,
                    operation: scope.operation,
                    durationMs: Math.round(seconds * 10_000) / 10,
                    ...(scope.fetches.length > 0 && { fetches: scope.fetches }),
                    ...(scope.errorCodes.length > 0 && { errors: scope.errorCodes }),
                  },
                  'request',
                );
              }
            }),
        ),
      );
    },
  );
  server.on('connection', () => {
    lastArrival = performance.now();
  });
  // Malformed requests Node rejects before our handler (headers too large, bad HTTP): JSON, not an empty body.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, reason] =
      error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
    const body = JSON.stringify({
      errors: [
        {
          message:
            error.code === 'HPE_HEADER_OVERFLOW'
              ? 'Request headers (or GET query string) too large.'
              : 'Malformed HTTP request.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    server,
    stop: async () => {
      if (stopping) return;
      // Draining: the port stays open so that new requests get a clear 503 (and load balancers see
      // /ready fail) while the requests in flight finish; then the listener and every socket close.
      stopping = true;
      server.closeIdleConnections();
      const deadline = Date.now() + (options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
      // Done when nothing is in flight and nothing arrived for QUIET_MS. inFlight 0 alone is not enough:
      // this check runs in the event loop's timers phase, before the poll phase accepts the connections
      // waiting in the kernel's backlog, and closing the listener then resets them (clients that connected
      // during the drain would see ECONNRESET instead of the 503 below). The quiet period lets them in.
      const quiet = () => inFlight === 0 && performance.now() - lastArrival >= QUIET_MS;
      while (!quiet() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}

/** Sets CORS headers for an allowed Origin; false for a disallowed cross-origin preflight. */
function applyCors(req: IncomingMessage, res: ServerResponse, allowed: Set<string>): boolean {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (!origin) return true;
  if (allowed.has('*') || allowed.has(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'x-request-id');
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, POST');
      res.setHeader(
        'access-control-allow-headers',
        'authorization, content-type, x-api-key, x-request-id, apollo-require-preflight',
      );
      res.setHeader('access-control-max-age', '600');
    }
    return true;
  }
  // No CORS headers: the browser refuses the response. A preflight is refused outright.
  return req.method !== 'OPTIONS';
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** An HTTP-level error in the GraphQL response shape, so clients parse one format. */
function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  extensions: Record<string, unknown> = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions: { code, ...extensions } }] }, headers);
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendError(res, 405, 'BAD_REQUEST', `Method not allowed; use ${allow}.`, { allow });
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The Apollo Server settings the gateway and every subgraph share: the request limits, masked errors, no
 * batches, and no signal handling of Apollo's own (the process entry points drain and stop in order).
 */
export function hardenedApolloOptions(protection: {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
}) {
  return {
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false,
  } as const;
}
