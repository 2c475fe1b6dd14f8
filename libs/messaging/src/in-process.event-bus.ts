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

  async publish(records: BusRecord[]): Promise<void> {
    if (!this.running) throw new Error('in-process bus is stopped');
    for (const record of records) {
      for (const subscription of this.subscriptions) {
        if (subscription.topics.includes(record.topic)) {
          await subscription.handler({ ...record, partition: 0 }, async () => {});
        }
      }
    }
  }

  async healthy(): Promise<boolean> {
    return this.running;
  }
}
