import { EventEnvelope } from '@draftdesk/contracts';
import { traceHeaders } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Writes events into the outbox inside the caller's transaction, so a state change and the event announcing it
 * are committed together or not at all. The relay publishes them afterwards.
 */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<() => void>();

  async add(manager: EntityManager, ...events: EventEnvelope[]): Promise<void> {
    // The trace this write belongs to travels with the event, so its consumers continue it.
    const trace = traceHeaders();
    for (const event of events) {
      await manager.query(
        `INSERT INTO outbox (id, producer, topic, key, value, trace_headers) VALUES ($1, $2, $3, $4, $5, $6)`,
        [event.id, event.producer, event.topic, event.key, JSON.stringify(event), trace && JSON.stringify(trace)],
      );
    }
  }

  /** Called after a transaction that added events has committed: the relay need not wait for its next poll. */
  committed(): void {
    for (const listener of this.listeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.listeners.add(listener);
  }
}
