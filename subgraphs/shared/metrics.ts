import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one server (gateway or subgraph), served at GET /metrics. */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'status'>;
  readonly duration: Histogram<'operation'>;
  readonly errors: Counter<'code'>;
  readonly subgraphFetches: Counter<'subgraph' | 'outcome'>;
  readonly subgraphDuration: Histogram<'subgraph'>;
  readonly inFlight: Gauge;

  constructor(service: string, options: { processMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels({ service });
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests by operation name and HTTP status',
      labelNames: ['operation', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL request duration by operation name',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors returned to clients by code',
      labelNames: ['code'],
      registers,
    });
    this.subgraphFetches = new Counter({
      name: 'gateway_subgraph_fetches_total',
      help: 'Gateway fetches to subgraphs by outcome',
      labelNames: ['subgraph', 'outcome'],
      registers,
    });
    this.subgraphDuration = new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Gateway fetch duration by subgraph',
      labelNames: ['subgraph'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.inFlight = new Gauge({ name: 'http_requests_in_flight', help: 'HTTP requests being served', registers });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  private readonly labels = new Set<string>();

  /** Operation names become label values: odd names and any beyond the first 200 fold into one value. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'invalid';
    if (this.labels.has(name)) return name;
    if (this.labels.size >= 200) return 'other';
    this.labels.add(name);
    return name;
  }

  /** A gauge read when scraped (database pool, gateway sockets). */
  gauge(name: string, help: string, read: () => number | undefined): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        const value = read();
        if (value !== undefined) this.set(value);
      },
    });
  }

  /** Counts errors by code and records the operation name for the request log and metrics. */
  plugin(): ApolloServerPlugin {
    const errors = this.errors;
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (response.body.kind !== 'single') return;
            for (const error of response.body.singleResult.errors ?? []) {
              errors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
            }
          },
        };
      },
    };
  }
}
