import { createEvent, deadLetterTopic, EventEnvelope, InboundPayload, Topics } from '@draftdesk/contracts';
import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { RunningService, startService } from '../support/services';

function inbound(i: number, run: string, from: string): InboundPayload {
  return {
    channel: 'email',
    externalMessageId: `${run}-${i}@example.test`,
    inReplyTo: null,
    references: [],
    from: { address: from, name: '' },
    to: [{ address: 'support@shop.test', name: '' }],
    subject: `${run} ${i}`,
    text: `Where is my order ${100000 + i}?`,
    newText: `Where is my order ${100000 + i}?`,
    html: null,
    receivedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)).toISOString(),
    automated: { automated: false, kind: null, reasons: [] },
    attachments: [],
    mailbox: 'support@shop.test',
    rawMailId: null,
    chat: null,
  };
}

/**
 * The conversations service applies a partition batch of 200 events in transactions of up to 64: a crash inside a
 * batch loses none of it and applies none of it twice, and one bad event is dead-lettered without its neighbours.
 */
describe('Kafka consumers: batches of events in one transaction', () => {
  const prefix = `batch-${randomBytes(4).toString('hex')}.`;
  const kafka = new Kafka({
    clientId: 'batch-test',
    brokers: engines.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  let producer: Producer;
  let db: TestDatabase;
  let service: RunningService | null = null;

  const env = () => ({ DATABASE_URL: db.url, KAFKA_BROKERS: engines.kafkaBrokers, KAFKA_TOPIC_PREFIX: prefix });

  /** Every event on one key: one partition, in this order. */
  const send = (events: EventEnvelope[]) =>
    producer.send({
      topic: prefix + Topics.inbound,
      messages: events.map((e) => ({ key: 'one-partition', value: JSON.stringify(e) })),
    });

  const event = (i: number, run: string, from = `customer${i}-${run}@example.test`, text?: string) => {
    const payload = { ...inbound(i, run, from), ...(text !== undefined ? { text, newText: text } : {}) };
    return createEvent(Topics.inbound, { producer: 'test', conversationId: null, key: 'one-partition', payload });
  };

  /** The messages the service announced, in the order it applied them (outbox order). */
  const announced = async (run: string) =>
    (
      await db.query<{ subject: string }>(
        `SELECT value->'payload'->>'subject' AS subject FROM outbox WHERE topic = $1 AND value->'payload'->>'subject' LIKE $2 ORDER BY seq`,
        [Topics.messageAdded, `${run} %`],
      )
    ).map((r) => r.subject);

  const stored = async (run: string) =>
    (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE external_message_id LIKE $1`, [
        `${run}-%`,
      ])
    )[0].n;

  beforeAll(async () => {
    db = await createTestDatabase('batch');
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await service?.kill();
    await producer.disconnect();
    await db.drop();
  });

  it('applies every event of a 200-event batch exactly once when the consumer is SIGKILLed in its middle', async () => {
    const run = `kill${randomBytes(3).toString('hex')}`;
    const held = `held-${run}@example.test`;
    service = await (await startService('conversations', env(), 'batch-conversations-1')).ready();
    // The customer of event 100 exists; the test then holds its row, so the batch stops inside event 100.
    await send([event(-1, run, held)]);
    await expectEventually(async () => expect(await stored(run)).toBe(1));

    const lock = new Client({ connectionString: db.url });
    await lock.connect();
    try {
      await lock.query('BEGIN');
      await lock.query(`SELECT 1 FROM customers WHERE address = $1 FOR UPDATE`, [held]);
      const total = 200;
      const events = Array.from({ length: total }, (_, i) => event(i, run, i === 100 ? held : undefined));
      await send(events);
      // The consumer's transaction waits for the held row: events 0–99 are applied in it, not committed.
      await expectEventually(
        async () => {
          const waiting = await db.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          expect(waiting).toHaveLength(1);
        },
        { timeoutMs: 30_000, intervalMs: 50 },
      );
      await service.kill('SIGKILL');
      service = null;
      const atKill = (await stored(run)) - 1;
      expect(atKill).toBeLessThan(100);
      await lock.query('ROLLBACK');

      service = await (await startService('conversations', env(), 'batch-conversations-2')).ready();
      await expectEventually(async () => expect(await stored(run)).toBe(total + 1), { timeoutMs: 60_000 });
      const [inbox] = await db.query<{ n: number; distinct_ids: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct_ids FROM inbox WHERE consumer = 'conversations'`,
      );
      expect(inbox).toEqual({ n: total + 1, distinct_ids: total + 1 });
      // Each message announced once, in the partition's order.
      expect(await announced(run)).toEqual([-1, ...events.map((_, i) => i)].map((i) => `${run} ${i}`));
      process.stdout.write(
        `batch SIGKILL test: killed while a batch transaction waited inside event 100 (${atKill} committed before it); ` +
          `${total} applied once after restart\n`,
      );
    } finally {
      await lock.end();
    }
  });

  it('dead-letters one bad event in the middle of a batch and applies its neighbours in order', async () => {
    service ??= await (await startService('conversations', env(), 'batch-conversations-3')).ready();
    const run = `bad${randomBytes(3).toString('hex')}`;
    // Valid to the event's schema, refused by PostgreSQL (text cannot hold NUL): fails in the handler every time.
    const events = Array.from({ length: 50 }, (_, i) =>
      event(i, run, undefined, i === 25 ? 'order \u0000 42' : undefined),
    );
    await send(events);

    await expectEventually(async () => expect(await stored(run)).toBe(49), { timeoutMs: 60_000 });
    expect(await announced(run)).toEqual(
      events
        .map((_, i) => i)
        .filter((i) => i !== 25)
        .map((i) => `${run} ${i}`),
    );
    await expectEventually(async () => {
      const dead = await db.query<{ value: string; error: string }>(
        `SELECT value, error FROM dead_letters WHERE consumer = 'conversations'`,
      );
      expect(dead).toHaveLength(1);
      expect(JSON.parse(dead[0].value).id).toBe(events[25].id);
      expect(dead[0].error).toMatch(/0x00/);
    });

    const reader = kafka.consumer({ groupId: `batch-dlt-${run}` });
    const onTopic: string[] = [];
    await reader.connect();
    await reader.subscribe({ topic: prefix + deadLetterTopic(Topics.inbound), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => void onTopic.push(JSON.parse(message.value!.toString()).id),
    });
    try {
      await expectEventually(() => expect(onTopic).toEqual([events[25].id]), { timeoutMs: 20_000 });
    } finally {
      await reader.disconnect();
    }
  });
});
