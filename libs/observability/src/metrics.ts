import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per process; in embedded mode every service shares it. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'draftdesk_' });

export const eventsConsumed = new Counter({
  name: 'draftdesk_events_consumed_total',
  help: 'Events handled by a consumer, by outcome (applied, duplicate, retried, dead_lettered).',
  labelNames: ['consumer', 'topic', 'outcome'] as const,
  registers: [registry],
});

export const eventsPublished = new Counter({
  name: 'draftdesk_events_published_total',
  help: 'Events relayed from the outbox to the event bus.',
  labelNames: ['topic'] as const,
  registers: [registry],
});

export const handlerDuration = new Histogram({
  name: 'draftdesk_event_handler_seconds',
  help: 'Time spent applying one event, including its database transaction.',
  labelNames: ['consumer', 'topic'] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  registers: [registry],
});

export const outboxLag = new Histogram({
  name: 'draftdesk_outbox_relay_lag_seconds',
  help: 'Time between an event being committed to the outbox and being published.',
  buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
  registers: [registry],
});
