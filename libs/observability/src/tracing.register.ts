/**
 * Starts OpenTelemetry tracing before the rest of a service loads, so the pg and http instrumentations can patch
 * their modules. Imported first by every main.ts. Nothing starts unless OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: then spans go over OTLP/HTTP (protobuf, or JSON with
 * OTEL_EXPORTER_OTLP_PROTOCOL=http/json), with the standard OTEL_* settings of the SDK.
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT;

/** The app's name from its entry point (dist/apps/<app>/src/main.js), unless OTEL_SERVICE_NAME says otherwise. */
function serviceName(): string {
  const app = /apps[\\/]([a-z-]+)[\\/]src[\\/]main\.[jt]s$/.exec(process.argv[1] ?? '')?.[1];
  return process.env.OTEL_SERVICE_NAME ?? `draftdesk-${app ?? 'service'}`;
}

if (endpoint) {
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ 'service.name': serviceName() }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 1_000 })],
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes every few seconds would drown the traces of customer messages.
        ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? ''),
      }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  // Spans are exported every second; a graceful exit flushes the rest (signals are the services' own to handle).
  process.once('beforeExit', () => void sdk.shutdown().catch(() => undefined));
}
