import { Attributes, context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Tracing through OpenTelemetry's API. Without a registered SDK (tracing.register.ts starts one only when an
 * OTLP endpoint is configured) every call here is a no-op: no context is injected and no span is recorded.
 *
 * A trace crosses services through the outbox, not through kafkajs: the context of the transaction that wrote an
 * event is stored with its outbox row, published as Kafka headers by the relay, and continued by the consumer.
 * (Kafka client instrumentation would stamp the relay's own context, which belongs to no customer message.)
 */
const tracer = () => trace.getTracer('draftdesk');

/** The active trace context as W3C headers (traceparent, tracestate), or null when nothing is being traced. */
export function traceHeaders(): Record<string, string> | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : null;
}

/** Runs `fn` in a new span, as a child of the context in `headers` when given, else of the active context. */
export async function inSpan<T>(
  name: string,
  options: {
    kind?: SpanKind;
    attributes?: Attributes;
    parent?: Record<string, string> | null;
    /** With a `parent`: link the span active now (e.g. an agent's request) to the new one. */
    linkActive?: boolean;
  },
  fn: () => Promise<T>,
): Promise<T> {
  const parent = options.parent ? propagation.extract(ROOT_CONTEXT, options.parent) : context.active();
  const active = options.linkActive ? trace.getSpan(context.active())?.spanContext() : undefined;
  const links = active ? [{ context: active }] : undefined;
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links },
    parent,
    async (span) => {
      try {
        return await fn();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** trace_id and span_id of the active span for log lines (pino mixin); empty when nothing is traced. */
export function traceLogFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return traceFlags === 0 && traceId === '00000000000000000000000000000000'
    ? {}
    : { trace_id: traceId, span_id: spanId };
}

export { SpanKind };
