import { createEvent, deadLetterTopic, InboundPayload, Topics } from '@draftdesk/contracts';
import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { RunningService, startService } from '../support/services';

function inbound(i: number, run: string, subject = 'Question'): InboundPayload {
  return {
    channel: 'email',
    externalMessageId: `${run}-${i}@example.test`,
    inReplyTo: null,
    references: [],
    from: { address: `customer${i % 50}-${run}@example.test`, name: `Customer ${i % 50}` },
    to: [{ address: 'support@shop.test', name: '' }],
    subject: `${subject} ${i}`,
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

/** The conversations service as a real Kafka consumer: dead letters, and crash-safety under SIGKILL. */
describe('Kafka consumers: dead-letter topic and exactly-once effects across SIGKILL', () => {
  const prefix = `guarantees-${randomBytes(4).toString('hex')}.`;
  const run = randomBytes(3).toString('hex');
  const kafka = new Kafka({
    clientId: 'guarantees-test',
    brokers: engines.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  let producer: Producer;
  let db: TestDatabase;
  let service: RunningService | null = null;

  const env = () => ({ DATABASE_URL: db.url, KAFKA_BROKERS: engines.kafkaBrokers, KAFKA_TOPIC_PREFIX: prefix });

  beforeAll(async () => {
    db = await createTestDatabase('guarantees');
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await service?.kill();
    await producer.disconnect();
    await db.drop();
  });

  it('sends an invalid event to the dead-letter topic with the reason and keeps consuming', async () => {
    service = await (await startService('conversations', env(), 'guarantees-conversations-1')).ready();
    const valid = createEvent(Topics.inbound, {
      producer: 'test',
      conversationId: null,
      key: 'k',
      payload: inbound(100_000, run),
    });
    const missingFields = { ...valid, id: '7c0e5b0e-9a43-4b8e-8a57-1f1df3b0b001', payload: { channel: 'email' } };
    await producer.send({
      topic: prefix + Topics.inbound,
      messages: [
        { key: 'k', value: '{not json' },
        { key: 'k', value: JSON.stringify(missingFields) },
        { key: 'k', value: JSON.stringify(valid) },
      ],
    });

    await expectEventually(async () => {
      const rows = await db.query(`SELECT 1 FROM messages WHERE external_message_id = $1`, [
        valid.payload.externalMessageId,
      ]);
      expect(rows).toHaveLength(1);
    });

    const consumer = kafka.consumer({ groupId: `dlt-reader-${run}` });
    const dead: { value: string; error: string }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: prefix + deadLetterTopic(Topics.inbound), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        dead.push({ value: message.value!.toString(), error: message.headers!['x-error']!.toString() });
      },
    });
    try {
      await expectEventually(() => expect(dead).toHaveLength(2), { timeoutMs: 20_000 });
    } finally {
      await consumer.disconnect();
    }
    expect(dead[0].error).toContain('not JSON');
    expect(dead[1].error).toMatch(/payload\.externalMessageId/);
    const recorded = await db.query<{ error: string }>(`SELECT error FROM dead_letters ORDER BY id`);
    expect(recorded).toHaveLength(2);
    await service.kill('SIGTERM');
    service = null;
  });

  it('loses none and applies none twice when the consumer is SIGKILLed in the middle of 1,000 messages', async () => {
    const total = 1000;
    const events = Array.from({ length: total }, (_, i) => {
      const payload = inbound(i, `${run}-kill`, 'Crash test');
      return createEvent(Topics.inbound, {
        producer: 'test',
        conversationId: null,
        key: payload.from.address,
        payload,
      });
    });
    for (let i = 0; i < total; i += 250) {
      await producer.send({
        topic: prefix + Topics.inbound,
        messages: events.slice(i, i + 250).map((e) => ({ key: e.key, value: JSON.stringify(e) })),
      });
    }
    const count = async () =>
      (
        await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE external_message_id LIKE $1`, [
          `${run}-kill-%`,
        ])
      )[0].n;

    service = await startService('conversations', env(), 'guarantees-conversations-2');
    await expectEventually(async () => expect(await count()).toBeGreaterThan(150), {
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    await service.kill('SIGKILL');
    const atKill = await count();
    expect(atKill).toBeLessThan(total);

    service = await (await startService('conversations', env(), 'guarantees-conversations-3')).ready();
    await expectEventually(async () => expect(await count()).toBe(total), { timeoutMs: 90_000 });

    const [inbox] = await db.query<{ n: number; distinct_ids: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct_ids FROM inbox WHERE consumer = 'conversations' AND topic = $1`,
      [Topics.inbound],
    );
    // +1: the valid event of the dead-letter test above.
    expect(inbox).toEqual({ n: total + 1, distinct_ids: total + 1 });
    const [announced] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE topic = $1 AND value->'payload'->>'subject' LIKE 'Crash test %'`,
      [Topics.messageAdded],
    );
    expect(announced.n).toBe(total);
    process.stdout.write(
      `SIGKILL test: ${atKill} of ${total} applied before the kill, ${total} after restart, 0 duplicates\n`,
    );
  });
});
