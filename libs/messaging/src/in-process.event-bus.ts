import { BusRecord, EventBus, Subscription } from './event-bus';

/**
 * The embedded mode's transport. Publishing delivers to every subscribed group before it resolves, so the
 * outbox row is marked published only after each consumer has applied (or dead-lettered) the event: a crash
 * in between leaves the row unpublished, it is delivered again at start-up, and the inbox drops the repeat.
 */
export class InProcessEventBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly subscriptions: Subscription[] = [];
  private running = false;

  async start(): Promise<void> {
    this.running = true;
  }

  async stop(): Promise<void> {
    this.running = false;
  }

  subscribe(subscription: Subscription): void {
    this.subscriptions.push(subscription);
  }

  async startConsumers(): Promise<void> {}

  /** Delivery happens inside publish, which the relay stops calling: nothing else is in hand. */
  async stopConsumers(): Promise<void> {}

  /** Each subscription gets the records of its topics as one batch, in publish order (the relay's order). */
  async publish(records: BusRecord[]): Promise<void> {
    if (!this.running) throw new Error('in-process bus is stopped');
    for (const subscription of this.subscriptions) {
      const batch = records
        .filter((record) => subscription.topics.includes(record.topic))
        .map((record): BusRecord => ({ ...record, partition: 0 }));
      if (batch.length === 0) continue;
      let resolved = 0;
      await subscription.handler(batch, {
        heartbeat: async () => {},
        resolved: async (record) => void (resolved = Math.max(resolved, batch.indexOf(record) + 1)),
        active: () => this.running,
      });
      // The outbox rows are marked published once this resolves: an event left unapplied must fail the publish.
      if (resolved < batch.length)
        throw new Error(`${subscription.group} applied ${resolved} of ${batch.length} events before stopping`);
    }
  }

  async healthy(): Promise<boolean> {
    return this.running;
  }
}
