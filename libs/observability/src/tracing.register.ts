/**
 * Starts OpenTelemetry tracing before the rest of a service loads, so the pg and http instrumentations can patch
 * their modules. Imported first by every main.ts. Nothing starts unless OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: then spans go over OTLP/HTTP (protobuf, or JSON with
 * OTEL_EXPORTER_OTLP_PROTOCOL=http/json), with the standard OTEL_* settings of the SDK. Without an endpoint the SDK is
 * not even loaded (it costs seconds and tens of MB at every start).
 */
const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT;

// A plain require, not import(): the instrumentations must patch http and pg before the importer's next line loads them.
if (endpoint) (require('./tracing.sdk') as typeof import('./tracing.sdk')).startTracingSdk();
