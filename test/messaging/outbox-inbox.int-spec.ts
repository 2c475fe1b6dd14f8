import { createEvent, EventEnvelope, ReplySentPayload, Topics } from '@draftdesk/contracts';
import {
  ConsumerRunner,
  EventBus,
  InProcessEventBus,
  OutboxRelay,
  OutboxService,
  PermanentEventError,
} from '@draftdesk/messaging';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../support/database';

const payload: ReplySentPayload = {
  draftId: '2b8f1f8e-4c1a-4a57-9f5e-0c3a1d6e7b10',
  channel: 'email',
  to: { address: 'sanne@example.test', name: '' },
  subject: 'Re: x',
  body: 'hi',
  messageId: 'm@replies.shop.test',
  status: 'sent',
  error: null,
  sentAt: new Date().toISOString(),
  autoSent: false,
};
const conversationId = '0d6c9c56-3f0a-4d5e-9a86-1e4f1c2a7b33';

/** The outbox relay and the inbox on real PostgreSQL, with the in-process transport. */
describe('outbox relay and inbox on PostgreSQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const fast = { attempts: 3, baseDelayMs: 5, maxDelayMs: 10 };

  beforeAll(async () => {
    db = await createTestDatabase('outbox');
    dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  function runner(consumer: string, bus: EventBus, handler: (event: EventEnvelope) => Promise<void>) {
    return new ConsumerRunner(
      consumer,
      Topics.replySent,
      async (event, { manager }) => {
        await handler(event);
        await manager.query(
          `INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ($1, 'applied', 'event', $2)`,
          [consumer, event.id],
        );
      },
      dataSource,
      bus,
      () => undefined,
      fast,
    );
  }

  const applied = async (consumer: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actor = $1`, [consumer]))[0].n;

  it('publishes committed events and marks them only after every subscriber applied them; repeats are no-ops', async () => {
    const bus = new InProcessEventBus();
    await bus.start();
    const seen: string[] = [];
    const r = runner('c1', bus, async (e) => void seen.push(e.id));
    bus.subscribe({
      group: 'c1',
      topics: [Topics.replySent],
      handler: (records, control) => r.handleBatch(records, control),
    });
    const outbox = new OutboxService();
    const event = createEvent(Topics.replySent, { producer: 'p1', conversationId, payload });
    await dataSource.transaction((m) => outbox.add(m, event));

    const relay = new OutboxRelay(dataSource, bus, {
      producers: ['p1'],
      batchSize: 10,
      pollIntervalMs: 50,
      claimSeconds: 30,
    });
    expect(await relay.drain()).toBe(1);
    expect(seen).toEqual([event.id]);
    const [row] = await db.query<{ published: boolean }>(
      `SELECT published_at IS NOT NULL AS published FROM outbox WHERE id = $1`,
      [event.id],
    );
    expect(row.published).toBe(true);

    // The same event delivered again (a redelivery after a crash) changes nothing.
    await r.handle({ topic: Topics.replySent, key: event.key, value: JSON.stringify(event) }, async () => {});
    expect(await applied('c1')).toBe(1);
  });

  it('leaves a row unpublished when the bus fails, and publishes it on the next pass', async () => {
    const bus = new InProcessEventBus();
    await bus.start();
    let fail = true;
    bus.subscribe({
      group: 'flaky-bus',
      topics: [Topics.replySent],
      handler: async (records, control) => {
        if (fail) throw new Error('broker unavailable');
        for (const record of records) await control.resolved(record);
      },
    });
    const event = createEvent(Topics.replySent, { producer: 'p2', conversationId, payload });
    await dataSource.transaction((m) => new OutboxService().add(m, event));
    const relay = new OutboxRelay(dataSource, bus, {
      producers: ['p2'],
      batchSize: 10,
      pollIntervalMs: 50,
      claimSeconds: 0,
    });
    await expect(relay.drain()).rejects.toThrow('broker unavailable');
    const [before] = await db.query<{ published: boolean; last_error: string }>(
      `SELECT published_at IS NOT NULL AS published, last_error FROM outbox WHERE id = $1`,
      [event.id],
    );
    expect(before).toEqual({ published: false, last_error: 'broker unavailable' });
    fail = false;
    expect(await relay.drain()).toBe(1);
  });

  it('retries a transient failure and dead-letters an event that keeps failing or is invalid', async () => {
    const bus = new InProcessEventBus();
    await bus.start();
    let calls = 0;
    const flaky = runner('c2', bus, async () => {
      if (++calls < 3) throw new Error('deadlock detected');
    });
    const good = createEvent(Topics.replySent, { producer: 'p', conversationId, payload });
    await flaky.handle({ topic: Topics.replySent, key: 'k', value: JSON.stringify(good) }, async () => {});
    expect(calls).toBe(3);
    expect(await applied('c2')).toBe(1);

    const permanent = runner('c3', bus, async () => {
      throw new PermanentEventError('customer unknown');
    });
    await permanent.handle({ topic: Topics.replySent, key: 'k', value: JSON.stringify(good) }, async () => {});
    await permanent.handle({ topic: Topics.replySent, key: 'k', value: '{"nope":true}' }, async () => {});
    const dead = await db.query<{ error: string }>(`SELECT error FROM dead_letters WHERE consumer = 'c3' ORDER BY id`);
    expect(dead.map((d) => d.error)).toEqual(['customer unknown', expect.stringContaining('invalid envelope')]);
    // Nothing of the failed effect was committed: the inbox entry rolled back with it.
    expect(await applied('c3')).toBe(0);
    const inbox = await db.query(`SELECT 1 FROM inbox WHERE consumer = 'c3'`);
    expect(inbox).toHaveLength(0);
  });

  it('wakes the relay after a handler transaction only when it added outbox rows', async () => {
    const bus = new InProcessEventBus();
    await bus.start();
    const outbox = new OutboxService();
    let wakes = 0;
    outbox.onCommitted(() => wakes++);
    const announce = new Set<string>();
    const r = new ConsumerRunner(
      'c4',
      Topics.replySent,
      async (event, { manager }) => {
        if (announce.has(event.id)) {
          await outbox.add(manager, createEvent(Topics.replySent, { producer: 'p4', conversationId, payload }));
        }
      },
      dataSource,
      bus,
      (m) => outbox.committedIn(m),
      fast,
    );
    const events = Array.from({ length: 4 }, () =>
      createEvent(Topics.replySent, { producer: 'p', conversationId, payload }),
    );
    announce.add(events[1].id);
    announce.add(events[3].id);
    for (const event of events) {
      await r.handle({ topic: Topics.replySent, key: event.key, value: JSON.stringify(event) }, async () => {});
    }
    // A repeat that adds nothing (the inbox skips it) wakes nothing either.
    await r.handle({ topic: Topics.replySent, key: events[1].key, value: JSON.stringify(events[1]) }, async () => {});
    expect(wakes).toBe(2);
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE producer = 'p4'`);
    expect(row.n).toBe(2);
  });
});
