import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

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

export const eventAge = new Histogram({
  name: 'draftdesk_event_age_seconds',
  help: 'Time from an event being created to a consumer having applied it: the latency of each pipeline stage.',
  labelNames: ['consumer', 'topic'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300],
  registers: [registry],
});

export const consumerLag = new Gauge({
  name: 'draftdesk_consumer_lag',
  help: 'Messages on a partition that the consumer group has not committed yet (log end offset minus committed).',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [registry],
});

export const outboxPending = new Gauge({
  name: 'draftdesk_outbox_pending',
  help: "Outbox rows of this process's producers not yet published to the event bus.",
  registers: [registry],
});

export const outboxOldestAge = new Gauge({
  name: 'draftdesk_outbox_oldest_age_seconds',
  help: 'Age of the oldest unpublished outbox row of this process (0 when none).',
  registers: [registry],
});

export const draftsCreated = new Counter({
  name: 'draftdesk_drafts_total',
  help: "Drafts written, by the policy's decision (auto_send, review, escalate, ignore) and channel.",
  labelNames: ['decision', 'channel'] as const,
  registers: [registry],
});

export const draftsSuperseded = new Counter({
  name: 'draftdesk_drafts_superseded_total',
  help: 'Open drafts replaced by the draft for a newer customer message, by channel and whether an agent held a claim on it.',
  labelNames: ['channel', 'claimed'] as const,
  registers: [registry],
});

export const repliesFinished = new Counter({
  name: 'draftdesk_replies_total',
  help: 'Approved or auto-sent replies that reached an end, by channel and result (sent, failed), and whether auto-sent.',
  labelNames: ['channel', 'result', 'auto'] as const,
  registers: [registry],
});

export const modelTokens = new Counter({
  name: 'draftdesk_model_tokens_total',
  help: 'Language-model tokens spent (prompt + completion), by component (drafter, triage).',
  labelNames: ['component'] as const,
  registers: [registry],
});

export const modelFallbacks = new Counter({
  name: 'draftdesk_model_fallbacks_total',
  help: 'Language-model work done offline instead, by component and cause (llm_budget_exhausted, llm_fallback:<why>).',
  labelNames: ['component', 'cause'] as const,
  registers: [registry],
});

/** Counts the `llm_*` reasons a draft or triage result carries: each is one model call that fell back offline. */
export function countModelFallbacks(component: 'drafter' | 'triage', reasons: readonly string[]): void {
  for (const reason of reasons) if (reason.startsWith('llm_')) modelFallbacks.inc({ component, cause: reason });
}
