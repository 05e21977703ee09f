import { register } from 'node:module';

/** OpenTelemetry tracing of the gateway, the subgraphs and their SQL, exported over OTLP (HTTP/protobuf). */
export interface TelemetryOptions {
  /**
   * OTLP endpoint base, e.g. http://otel-collector:4318 (spans go to `${endpoint}/v1/traces`). When
   * absent nothing is loaded or started: the OpenTelemetry API stays a no-op, so tracing costs nothing.
   */
  endpoint?: string;
  /** `service.name` of the spans: `gateway`, `personnel`, ... or `pembinaan` for everything in one process. */
  serviceName: string;
  /** Share of new traces kept (0-1); a trace started upstream keeps its parent's decision. Default 1. */
  sampleRatio?: number;
}

export interface Telemetry {
  /** Flushes the spans still buffered and stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing. Call it first in an entry point, before the modules that import `pg` are loaded (import
 * them dynamically afterwards): the PostgreSQL instrumentation patches `pg` as it is loaded, through the
 * ESM loader hook registered here. Spans: one server span per HTTP request (gateway and subgraphs, with
 * W3C trace context passed from the gateway to subgraphs), the gateway's query planning and fetch spans
 * (@apollo/gateway emits them), and one span per SQL statement.
 */
export async function startTelemetry(options: TelemetryOptions): Promise<Telemetry | undefined> {
  if (!options.endpoint) return undefined;
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [{ NodeSDK }, { OTLPTraceExporter }, { PgInstrumentation }, { ParentBasedSampler, TraceIdRatioBasedSampler }] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/exporter-trace-otlp-proto'),
      import('@opentelemetry/instrumentation-pg'),
      import('@opentelemetry/sdk-trace'),
    ]);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    autoDetectResources: false,
    // Traces only: without these the SDK sets up OTLP log and metric exporters of its own (metrics are
    // Prometheus's, at /metrics).
    logRecordProcessors: [],
    metricReaders: [],
    traceExporter: new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/$/, '')}/v1/traces` }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1) }),
    instrumentations: [
      new PgInstrumentation({
        enhancedDatabaseReporting: false,
        requireParentSpan: true,
        // MikroORM inlines parameters as literals and they hold personal data (names, NIPs): the span
        // keeps the statement's shape only.
        requestHook: (span, { query }) => span.setAttribute('db.query.text', statementShape(query.text)),
      }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/** A SQL statement with its string and number literals replaced by `?`. */
export function statementShape(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\b\d+(?:\.\d+)?\b/g, '?')
    .slice(0, 2000);
}
