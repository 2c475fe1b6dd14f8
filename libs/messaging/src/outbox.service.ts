import { EventEnvelope } from '@draftdesk/contracts';
import { traceHeaders } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { EntityManager, QueryRunner } from 'typeorm';

/**
 * Writes events into the outbox inside the caller's transaction, so a state change and the event announcing it
 * are committed together or not at all. The relay publishes them afterwards.
 */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<() => void>();
  /** Transactions that added events; each is forgotten when it is reported committed, or with its query runner. */
  private readonly writers = new WeakSet<QueryRunner | EntityManager>();

  async add(manager: EntityManager, ...events: EventEnvelope[]): Promise<void> {
    // The trace this write belongs to travels with the event, so its consumers continue it.
    const trace = traceHeaders();
    for (const event of events) {
      await manager.query(
        `INSERT INTO outbox (id, producer, topic, key, value, trace_headers) VALUES ($1, $2, $3, $4, $5, $6)`,
        [event.id, event.producer, event.topic, event.key, JSON.stringify(event), trace && JSON.stringify(trace)],
      );
    }
    if (events.length > 0) this.writers.add(transactionOf(manager));
  }

  /** Called after a transaction that added events has committed: the relay need not wait for its next poll. */
  committed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Called after `manager`'s transaction has committed: wakes the relay only if that transaction added events. */
  committedIn(manager: EntityManager): void {
    if (this.writers.delete(transactionOf(manager))) this.committed();
  }

  onCommitted(listener: () => void): void {
    this.listeners.add(listener);
  }
}

/** A nested manager of the same transaction shares its query runner. */
function transactionOf(manager: EntityManager): QueryRunner | EntityManager {
  return manager.queryRunner ?? manager;
}
