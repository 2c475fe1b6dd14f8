import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The app's name from its entry point (dist/apps/<app>/src/main.js), unless OTEL_SERVICE_NAME says otherwise. */
function serviceName(): string {
  const app = /apps[\\/]([a-z-]+)[\\/]src[\\/]main\.[jt]s$/.exec(process.argv[1] ?? '')?.[1];
  return process.env.OTEL_SERVICE_NAME ?? `draftdesk-${app ?? 'service'}`;
}

/** Starts the OpenTelemetry SDK with the http and pg instrumentations; see tracing.register.ts. */
export function startTracingSdk(): void {
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
