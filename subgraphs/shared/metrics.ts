import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Histogram buckets in seconds, up to 5 s; each histogram adds its longest. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

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
    const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
      new Counter<L>({ name, help, labelNames, registers });
    // Two families, GraphQL requests and the gateway's subgraph fetches, each counted and timed: the two pairs of
    // calls look alike to a duplicate finder, but they declare different metrics. The histograms differ only in
    // their longest bucket: 30 s for a request, 10 s for a subgraph fetch.
    const histogram = <L extends string>(name: string, help: string, labelNames: L[], longest: number) =>
      new Histogram<L>({ name, help, labelNames, buckets: [...DURATION_BUCKETS, longest], registers });
    this.requests = counter('graphql_requests_total', 'GraphQL requests by operation name and HTTP status', [
      'operation',
      'status',
    ]);
    this.duration = histogram(
      'graphql_request_duration_seconds',
      'GraphQL request duration by operation name',
      ['operation'],
      30,
    );
    this.errors = counter('graphql_errors_total', 'Errors returned to clients by code', ['code']);
    this.subgraphFetches = counter('gateway_subgraph_fetches_total', 'Gateway fetches to subgraphs by outcome', [
      'subgraph',
      'outcome',
    ]);
    this.subgraphDuration = histogram(
      'gateway_subgraph_fetch_duration_seconds',
      'Gateway fetch duration by subgraph',
      ['subgraph'],
      10,
    );
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
