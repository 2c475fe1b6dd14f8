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
import { BatchControl, BusRecord, EventBus } from './event-bus';
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

export interface BatchLimits {
  /** Events applied in one transaction at most. */
  maxEvents: number;
  /** A transaction takes no further event once it has run this long: its locks and effects wait for the commit. */
  maxMs: number;
}

/**
 * 64 events per transaction, not more: each event runs in a savepoint, and PostgreSQL keeps only 64 subtransactions
 * per backend in shared memory. Past that, every other session's visibility checks against this transaction read
 * pg_subtrans from disk while it runs. A partition batch of 200 events is applied as transactions of 64; measured
 * alone (bench/consumer-batch.bench.ts) 64 and 200 run at the same rate.
 */
export const DEFAULT_BATCH: BatchLimits = { maxEvents: 64, maxMs: 1_000 };

interface ParsedRecord {
  record: BusRecord;
  event: EventEnvelope;
  log: Logger;
}

interface InvalidRecord {
  record: BusRecord;
  invalid: unknown;
  log: Logger;
}

/** How far one transaction got through its run: `done` events are applied or skipped; the next one failed, if any. */
interface RunOutcome {
  done: number;
  failure?: { error: unknown };
}

const SAVEPOINT = 'consumer_event';

/**
 * Applies events for one consumer: validates each, then in one transaction records the ids in the inbox and runs
 * the handlers, each in a savepoint. A repeat is skipped; an invalid event is dead-lettered and its neighbours go
 * on. A handler that fails ends the transaction before its event: what came before commits, the failed event is
 * retried alone with backoff and dead-lettered if it keeps failing, and the rest follows in a new transaction, so
 * each partition keeps its order. A database or broker outage rolls the whole transaction back and is rethrown.
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
    private readonly limits: BatchLimits = DEFAULT_BATCH,
  ) {
    this.log = createLogger(`consumer:${consumer}`).child({ topic });
  }

  /** Applies one event in its own transaction (a redelivery, or a test). */
  handle(record: BusRecord, heartbeat: () => Promise<void>): Promise<void> {
    return keepAlive(heartbeat, async () => {
      const item = this.parse(record);
      if ('invalid' in item) await this.deadLetter(item, item.invalid);
      else await this.applyAlone(item);
    });
  }

  /**
   * Applies records of one partition in order, up to `limits.maxEvents` per transaction, and tells `control` of
   * each record once it is applied for good. Stops between transactions when the transport takes the records back.
   */
  handleBatch(records: BusRecord[], control: BatchControl): Promise<void> {
    return keepAlive(
      () => control.heartbeat(),
      async () => {
        const items = records.map((record) => this.parse(record));
        let next = 0;
        while (next < items.length && control.active()) {
          const item = items[next];
          if ('invalid' in item) {
            await this.deadLetter(item, item.invalid);
            await control.resolved(item.record);
            next++;
            continue;
          }
          const run = validRun(items, next, this.limits.maxEvents);
          const { done, failure } = await this.applyRun(run).catch((error: unknown): RunOutcome => {
            // Not a handler's failure (the inbox insert, the commit): the first event takes it as its first attempt.
            if (isInfrastructureError(error)) throw error;
            return { done: 0, failure: { error } };
          });
          if (done > 0) await control.resolved(run[done - 1].record);
          next += done;
          if (failure) {
            await this.applyAlone(run[done], failure.error);
            await control.resolved(run[done].record);
            next++;
          }
        }
      },
    );
  }

  private parse(record: BusRecord): ParsedRecord | InvalidRecord {
    const position = { partition: record.partition, offset: record.offset };
    try {
      const event = parseEvent(this.topic, record.value);
      const log = lazyChild(this.log, () => ({ ...position, eventId: event.id, conversationId: event.conversationId }));
      return { record, event, log };
    } catch (error) {
      return { record, invalid: error, log: this.log.child(position) };
    }
  }

  /**
   * The per-event path: one transaction for the event, retried with backoff while it fails transiently, then
   * dead-lettered. `failure` is a first attempt that already failed within a batch.
   */
  private async applyAlone(item: ParsedRecord, failure?: unknown): Promise<void> {
    let error = failure;
    for (let attempt = 1; ; attempt++) {
      if (error === undefined) {
        try {
          const { failure: failed } = await this.applyRun([item]);
          if (!failed) return;
          error = failed.error;
        } catch (thrown) {
          if (isInfrastructureError(thrown)) throw thrown;
          error = thrown;
        }
      }
      if (isPermanent(error) || attempt >= this.retry.attempts) return this.deadLetter(item, error);
      eventsConsumed.inc({ consumer: this.consumer, topic: this.topic, outcome: 'retried' });
      const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
      item.log.warn({ err: error, attempt }, 'handler failed; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random() / 2)));
      error = undefined;
    }
  }

  /**
   * One transaction over `run`: a single inbox insert tells which events are new, then each new one is handled in
   * a savepoint. It ends early when a handler fails or time is up; the inbox rows of the events it did not get to
   * are deleted before the commit, so they count as new when they come again. A run of one needs no savepoint: its
   * failure rolls the transaction back. Infrastructure errors (and any error outside a handler) are thrown.
   */
  private async applyRun(run: ParsedRecord[]): Promise<RunOutcome> {
    const started = Date.now();
    const savepoints = run.length > 1;
    const applied: { item: ParsedRecord; ms: number }[] = [];
    const callbacks: (() => void)[] = [];
    let duplicates = 0;
    let outcome: RunOutcome = { done: run.length };
    const manager = await this.dataSource.transaction(async (manager) => {
      const fresh = await this.recordInInbox(manager, run);
      for (let i = 0; i < run.length; i++) {
        const item = run[i];
        if (!fresh.has(item.event.id)) {
          duplicates++;
          item.log.debug('already applied; skipping');
          continue;
        }
        if (applied.length > 0 && Date.now() - started >= this.limits.maxMs) {
          outcome = { done: i };
          break;
        }
        const own: (() => void)[] = [];
        const handlerStarted = Date.now();
        try {
          if (savepoints) await manager.query(`SAVEPOINT ${SAVEPOINT}`);
          await this.runHandler(manager, item, own);
          if (savepoints) await manager.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
        } catch (error) {
          if (!savepoints || isInfrastructureError(error)) throw error;
          await manager.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
          outcome = { done: i, failure: { error } };
          break;
        }
        fresh.delete(item.event.id);
        applied.push({ item, ms: Date.now() - handlerStarted });
        callbacks.push(...own);
      }
      if (fresh.size > 0)
        await manager.query(`DELETE FROM inbox WHERE consumer = $1 AND event_id = ANY($2::uuid[])`, [
          this.consumer,
          [...fresh],
        ]);
      return manager;
    });
    if (applied.length > 0) this.committed(manager);
    for (const fn of callbacks) fn();
    this.countRun(applied, duplicates, Date.now() - started);
    return outcome;
  }

  /** The ids of `run` that the inbox did not hold yet: the events to apply now. */
  private async recordInInbox(manager: EntityManager, run: ParsedRecord[]): Promise<Set<string>> {
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO inbox (consumer, event_id, topic) SELECT $1, unnest($2::uuid[]), $3
       ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
      [this.consumer, run.map((item) => item.event.id), this.topic],
    );
    return new Set(inserted.map((row) => row.event_id));
  }

  /** The handler in a consumer span that continues the trace of the transaction that produced the event. */
  private runHandler(manager: EntityManager, item: ParsedRecord, callbacks: (() => void)[]): Promise<void> {
    const { event, record, log } = item;
    return this.inConsumerSpan(record, () =>
      withAmbientTransaction(manager, () =>
        this.handler(event, { manager, record, log, afterCommit: (fn) => callbacks.push(fn) }),
      ),
    );
  }

  /**
   * Metrics of a committed transaction. Each applied event's duration is its handler's time plus an even share of
   * what the transaction spent outside handlers (the inbox insert, the commit).
   */
  private countRun(applied: { item: ParsedRecord; ms: number }[], duplicates: number, totalMs: number): void {
    const labels = { consumer: this.consumer, topic: this.topic };
    if (duplicates > 0) eventsConsumed.inc({ ...labels, outcome: 'duplicate' }, duplicates);
    if (applied.length === 0) return;
    eventsConsumed.inc({ ...labels, outcome: 'applied' }, applied.length);
    const shared = Math.max(0, totalMs - applied.reduce((sum, a) => sum + a.ms, 0)) / applied.length;
    for (const { item, ms } of applied) {
      handlerDuration.observe(labels, (ms + shared) / 1000);
      eventAge.observe(labels, ageSeconds(item.event.occurredAt));
    }
  }

  private deadLetter(item: ParsedRecord | InvalidRecord, error: unknown): Promise<void> {
    const { record, log } = item;
    const reason = String((error as Error)?.message ?? error).slice(0, 4000);
    return this.inConsumerSpan(record, async () => {
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
    });
  }

  private inConsumerSpan<T>(record: BusRecord, fn: () => Promise<T>): Promise<T> {
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': this.topic,
      'messaging.consumer.group.name': this.consumer,
      ...(record.partition !== undefined ? { 'messaging.destination.partition.id': String(record.partition) } : {}),
      ...(record.offset !== undefined ? { 'messaging.kafka.offset': Number(record.offset) } : {}),
    };
    return inSpan(`process ${this.topic}`, { kind: SpanKind.CONSUMER, attributes, parent: traceParent(record) }, fn);
  }
}

/** The valid records from `start` up to the next invalid one, at most `max`. */
function validRun(items: (ParsedRecord | InvalidRecord)[], start: number, max: number): ParsedRecord[] {
  const run: ParsedRecord[] = [];
  for (let i = start; i < items.length && run.length < max; i++) {
    const item = items[i];
    if ('invalid' in item) break;
    run.push(item);
  }
  return run;
}

/** Heartbeats every 3 s while `work` runs: a long batch (or a language-model call) must not cost the membership. */
async function keepAlive<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
  const beat = setInterval(() => heartbeat().catch(() => undefined), 3_000);
  try {
    return await work();
  } finally {
    clearInterval(beat);
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
