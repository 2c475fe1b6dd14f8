import { deadLetterTopic, EventEnvelope, parseEvent, Topic } from '@draftdesk/contracts';
import {
  createLogger,
  eventAge,
  eventsConsumed,
  handlerDuration,
  inSpan,
  lazyChild,
  SpanKind,
} from '@draftdesk/observability';
import { withAmbientTransaction } from '@draftdesk/database';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { BusRecord, EventBus } from './event-bus';
import { isInfrastructureError, isPermanent } from './messaging.errors';

export interface EventContext {
  /** The transaction in which the inbox records this event: write every effect through it. */
  manager: EntityManager;
  record: BusRecord;
  log: Logger;
  /** Runs once the transaction has committed (e.g. to wake a worker that acts on the new state). */
  afterCommit: (fn: () => void) => void;
}

export type EventHandler<T extends Topic = Topic> = (event: EventEnvelope<T>, context: EventContext) => Promise<void>;

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 200, maxDelayMs: 5_000 };

/**
 * Applies one event for one consumer: validates it, then in a single transaction records its id in the inbox
 * and runs the handler. A repeat is skipped; a transient failure is retried with backoff; an invalid event or
 * one that keeps failing goes to the dead-letter topic with the reason, and the partition moves on.
 */
export class ConsumerRunner {
  private readonly log: Logger;

  constructor(
    private readonly consumer: string,
    private readonly topic: Topic,
    private readonly handler: EventHandler,
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    /** Told of each committed handler transaction, e.g. to wake the relay when it added outbox rows. */
    private readonly committed: (manager: EntityManager) => void,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.log = createLogger(`consumer:${consumer}`).child({ topic });
  }

  /** Handles the event in a consumer span that continues the trace of the transaction that produced it. */
  handle(record: BusRecord, heartbeat: () => Promise<void>): Promise<void> {
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': this.topic,
      'messaging.consumer.group.name': this.consumer,
      ...(record.partition !== undefined ? { 'messaging.destination.partition.id': String(record.partition) } : {}),
      ...(record.offset !== undefined ? { 'messaging.kafka.offset': Number(record.offset) } : {}),
    };
    return inSpan(`process ${this.topic}`, { kind: SpanKind.CONSUMER, attributes, parent: traceParent(record) }, () =>
      this.handleInSpan(record, heartbeat),
    );
  }

  private async handleInSpan(record: BusRecord, heartbeat: () => Promise<void>): Promise<void> {
    const position = { partition: record.partition, offset: record.offset };
    let event: EventEnvelope;
    try {
      event = parseEvent(this.topic, record.value);
    } catch (error) {
      return this.deadLetter(record, error, this.log.child(position));
    }
    const eventLog = lazyChild(this.log, () => ({
      ...position,
      eventId: event.id,
      conversationId: event.conversationId,
    }));
    const beat = setInterval(() => heartbeat().catch(() => undefined), 3_000);
    const timer = handlerDuration.startTimer({ consumer: this.consumer, topic: this.topic });
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const applied = await this.applyOnce(event, record, eventLog);
          eventsConsumed.inc({
            consumer: this.consumer,
            topic: this.topic,
            outcome: applied ? 'applied' : 'duplicate',
          });
          if (applied) eventAge.observe({ consumer: this.consumer, topic: this.topic }, ageSeconds(event.occurredAt));
          return;
        } catch (error) {
          if (isInfrastructureError(error)) throw error;
          if (isPermanent(error) || attempt >= this.retry.attempts)
            return await this.deadLetter(record, error, eventLog);
          eventsConsumed.inc({ consumer: this.consumer, topic: this.topic, outcome: 'retried' });
          const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
          eventLog.warn({ err: error, attempt }, 'handler failed; retrying');
          await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random() / 2)));
        }
      }
    } finally {
      clearInterval(beat);
      timer();
    }
  }

  private async applyOnce(event: EventEnvelope, record: BusRecord, log: Logger): Promise<boolean> {
    const callbacks: (() => void)[] = [];
    const applied = await this.dataSource.transaction(async (manager): Promise<EntityManager | null> => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id, topic) VALUES ($1, $2, $3)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [this.consumer, event.id, this.topic],
      );
      if (inserted.length === 0) {
        log.debug('already applied; skipping');
        return null;
      }
      await withAmbientTransaction(manager, () =>
        this.handler(event, { manager, record, log, afterCommit: (fn) => callbacks.push(fn) }),
      );
      return manager;
    });
    if (!applied) return false;
    this.committed(applied);
    for (const fn of callbacks) fn();
    return true;
  }

  private async deadLetter(record: BusRecord, error: unknown, log: Logger): Promise<void> {
    const reason = String((error as Error)?.message ?? error).slice(0, 4000);
    log.error({ reason }, 'event dead-lettered');
    await this.dataSource.query(
      `INSERT INTO dead_letters (consumer, topic, key, value, error) VALUES ($1, $2, $3, $4, $5)`,
      [this.consumer, this.topic, record.key, record.value, reason],
    );
    await this.bus.publish([
      {
        topic: deadLetterTopic(this.topic),
        key: record.key,
        value: record.value,
        headers: {
          'x-error': reason,
          'x-consumer': this.consumer,
          'x-original-topic': this.topic,
          'x-original-partition': String(record.partition ?? ''),
          'x-original-offset': String(record.offset ?? ''),
        },
      },
    ]);
    eventsConsumed.inc({ consumer: this.consumer, topic: this.topic, outcome: 'dead_lettered' });
  }
}

function ageSeconds(occurredAt: string): number {
  return Math.max(0, (Date.now() - Date.parse(occurredAt)) / 1000);
}

/** The W3C trace headers an event was published with, if any (other headers, like x-error, are not context). */
function traceParent(record: BusRecord): Record<string, string> | null {
  const traceparent = record.headers?.traceparent;
  if (!traceparent) return null;
  return record.headers?.tracestate ? { traceparent, tracestate: record.headers.tracestate } : { traceparent };
}
