import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger } from 'pino';

export interface LoggingOptions {
  /** pino level: fatal, error, warn, info, debug, trace or silent. Default `info`. */
  level?: string;
  /**
   * One readable line per entry instead of JSON (development). Done here in a few lines rather than
   * with pino-pretty, so production installs carry no formatter and its dependencies. Default false.
   */
  pretty?: boolean;
  /** Where lines go; stdout when omitted (tests pass a stream to read them). */
  destination?: NodeJS.WritableStream;
}

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'variables'];

/** One JSON line per event; `service` names the gateway or subgraph. */
export function createLogger(service: string, options: LoggingOptions = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    base: { service },
    redact: REDACT,
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.pretty) return pino(config, prettyStream(options.destination ?? process.stdout));
  return options.destination ? pino(config, options.destination as pino.DestinationStream) : pino(config);
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** `12:00:01.123 INFO  gateway [req-id] message {rest as JSON}`: enough for a terminal. */
function prettyStream(out: NodeJS.WritableStream): pino.DestinationStream {
  return {
    write(line: string) {
      try {
        const {
          time,
          level,
          service,
          requestId,
          msg,
          pid: _pid,
          hostname: _host,
          ...rest
        } = JSON.parse(line) as Record<string, unknown>;
        const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
        const clock = typeof time === 'string' ? time.slice(11, 23) : '';
        out.write(
          `${clock} ${(LEVELS[level as number] ?? String(level)).padEnd(5)} ${service}${requestId ? ` [${requestId}]` : ''} ${msg ?? ''}${extra}\n`,
        );
      } catch {
        out.write(line);
      }
    },
  };
}

/** What the server knows about the request being served, wherever the code runs in it. */
export interface RequestScope {
  requestId: string;
  log: Logger;
  /** The GraphQL operation name once resolved (logs and metrics). */
  operation?: string;
  /** Error codes returned to the client. */
  errorCodes: string[];
  /** The gateway's fetches to subgraphs for this request. */
  fetches: { subgraph: string; ms: number; outcome: string }[];
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentRequest(): RequestScope | undefined {
  return requestScope.getStore();
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's `x-request-id` when it is a sane token (the gateway passes its own on), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}
