import { createEvent, DEFAULT_PARTITIONS, InboundPayload, Topics } from '@draftdesk/contracts';
import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { inboundEmail } from '../support/inbound';
import { RunningService, startService } from '../support/services';

/**
 * What a rolling update does to a consumer: SIGTERM in the middle of a stream. The service finishes the events in
 * hand, publishes what they wrote, commits its offsets and exits within Kubernetes' 30 s grace period; its
 * successor neither misses nor repeats anything.
 */
describe('graceful shutdown under load (SIGTERM)', () => {
  const prefix = `term-${randomBytes(4).toString('hex')}.`;
  const run = randomBytes(3).toString('hex');
  const kafka = new Kafka({
    clientId: 'term-test',
    brokers: engines.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const group = `${prefix}draftdesk.conversations`;
  let producer: Producer;
  let db: TestDatabase;
  let service: RunningService | null = null;
  const env = () => ({ DATABASE_URL: db.url, KAFKA_BROKERS: engines.kafkaBrokers, KAFKA_TOPIC_PREFIX: prefix });

  beforeAll(async () => {
    db = await createTestDatabase('graceful');
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    // The backlog is produced before the service first starts (and would create the topics): create them as it does.
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: prefix + Topics.inbound, numPartitions: DEFAULT_PARTITIONS, replicationFactor: 1 }],
    });
    await admin.disconnect();
  });

  afterAll(async () => {
    await service?.kill();
    await producer.disconnect();
    await db.drop();
  });

  const mail = (i: number): InboundPayload =>
    inboundEmail({
      externalMessageId: `${run}-${i}@example.test`,
      from: { address: `c${i % 40}-${run}@example.test`, name: '' },
      subject: `Term ${i}`,
      text: `Question ${i}`,
    });

  async function committedOffsets(): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [topic] = await admin.fetchOffsets({ groupId: group, topics: [prefix + Topics.inbound] });
      return topic.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    } finally {
      await admin.disconnect();
    }
  }

  it('finishes in-flight work, publishes its outbox, commits offsets and exits in time; nothing lost or doubled', async () => {
    const total = 1000;
    const events = Array.from({ length: total }, (_, i) =>
      createEvent(Topics.inbound, {
        producer: 'test',
        conversationId: null,
        key: mail(i).from.address,
        payload: mail(i),
      }),
    );
    for (let i = 0; i < total; i += 250) {
      await producer.send({
        topic: prefix + Topics.inbound,
        messages: events.slice(i, i + 250).map((e) => ({ key: e.key, value: JSON.stringify(e) })),
      });
    }
    const stored = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE subject LIKE 'Term %'`))[0].n;

    service = await startService('conversations', env(), 'graceful-conversations-1');
    await expectEventually(async () => expect(await stored()).toBeGreaterThan(100), {
      timeoutMs: 120_000,
      intervalMs: 20,
    });
    const started = Date.now();
    service.process.kill('SIGTERM');
    // Nest runs the shutdown hooks, then re-raises the signal: "terminated by SIGTERM" after a clean shutdown.
    const exit = await new Promise<string>((resolve) =>
      service!.process.once('exit', (c, signal) => resolve(signal ?? `code ${c}`)),
    );
    const exitMs = Date.now() - started;
    service = null;

    const atExit = await stored();
    expect(['code 0', 'SIGTERM']).toContain(exit);
    expect(exitMs).toBeLessThan(30_000);
    expect(atExit).toBeLessThan(total);
    // Everything the stopped instance applied was announced before it exited, and its offsets say so too.
    const [unpublished] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
    );
    expect(unpublished.n).toBe(0);
    expect(await committedOffsets()).toBe(atExit);

    service = await (await startService('conversations', env(), 'graceful-conversations-2')).ready();
    await expectEventually(async () => expect(await stored()).toBe(total), { timeoutMs: 90_000 });
    const [inbox] = await db.query<{ n: number; distinct_ids: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct_ids FROM inbox WHERE consumer = 'conversations'`,
    );
    expect(inbox).toEqual({ n: total, distinct_ids: total });
    const [announced] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE topic = $1`, [
      Topics.messageAdded,
    ]);
    expect(announced.n).toBe(total);
    process.stdout.write(
      `SIGTERM test: ${atExit} of ${total} applied and announced before a clean exit (${exit}) after ${exitMs} ms; ${total} after restart, 0 duplicates\n`,
    );
  });
});
