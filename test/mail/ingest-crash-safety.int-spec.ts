import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { RunningService, startService } from '../support/services';
import { InboundCollector, ResilientAppender, sleep, testMessage } from './mail-test.util';
import { PrivateDovecot } from './private-dovecot';

/**
 * Issue 3's crash-safety acceptance against a real (private) Dovecot, real Kafka and PostgreSQL: mail-ingest is
 * SIGKILLed and the IMAP server restarted mid-stream, and every message still arrives exactly once.
 */
describe('mail-ingest against a real Dovecot: nothing lost, nothing doubled', () => {
  let dovecot: PrivateDovecot;

  beforeAll(async () => {
    dovecot = await PrivateDovecot.start();
  });

  afterAll(async () => {
    await dovecot?.stop();
  });

  async function setup(label: string) {
    const run = randomBytes(4).toString('hex');
    const db = await createTestDatabase(label);
    const prefix = `${label}-${run}.`;
    const support = `support-${run}@shop.test`;
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: prefix,
      IMAP_HOST: dovecot.host,
      IMAP_PORT: String(dovecot.port),
      IMAP_SECURE: 'false',
      IMAP_USER: support,
      IMAP_PASSWORD: dovecot.password,
      IMAP_RESYNC_SECONDS: '600',
      MESSAGE_ID_DOMAIN: 'replies.shop.test',
    };
    const appender = new ResilientAppender(dovecot, support);
    const collector = new InboundCollector(prefix);
    const services: RunningService[] = [];
    const start = async (name: 'mail-ingest' | 'conversations', suffix = '') => {
      const service = await (await startService(name, env, `${label}-${name}${suffix}`)).ready();
      services.push(service);
      return service;
    };
    const teardown = async () => {
      await Promise.all(services.map((s) => s.kill('SIGTERM')));
      await collector.stop();
      await appender.close();
      await db.drop();
    };
    return { run, db, env, appender, collector, start, teardown };
  }

  const counts = (db: TestDatabase) =>
    db.query<{ status: string; n: number; ids: number }>(
      `SELECT status, count(*)::int AS n, count(DISTINCT message_id)::int AS ids FROM raw_mails GROUP BY status`,
    );

  it('(a) brings an appended message to Kafka through IDLE, not the resync', async () => {
    const t = await setup('mail-append');
    try {
      await t.start('mail-ingest');
      await t.collector.start();
      const message = testMessage(1, t.run);
      await t.appender.append(message);
      // The resync interval is 10 minutes: arriving within seconds proves IDLE carried it.
      await expectEventually(() => expect(t.collector.has(message.messageId)).toBe(true), { timeoutMs: 10_000 });
    } finally {
      await t.teardown();
    }
  });

  it('(b) imports 2,000 messages exactly once across SIGKILLs of mail-ingest and a Dovecot restart', async () => {
    const t = await setup('mail-crash');
    const total = 2000;
    try {
      await t.start('conversations');
      let ingest = await t.start('mail-ingest', '-0');
      await t.collector.start();
      let appended = 0;
      const appending = (async () => {
        for (; appended < total; appended++) await t.appender.append(testMessage(appended, t.run));
      })();
      // Kill at random points while mail flows; restart Dovecot once in the middle.
      const kills = 4;
      for (let k = 1; k <= kills; k++) {
        await sleep(1000 + Math.random() * 3000);
        await ingest.kill('SIGKILL');
        if (k === 2) await dovecot.restart();
        ingest = await t.start('mail-ingest', `-${k}`);
      }
      await appending;
      await expectEventually(
        async () => {
          const rows = await counts(t.db);
          expect(rows).toEqual([{ status: 'accepted', n: total, ids: total }]);
        },
        { timeoutMs: 120_000, intervalMs: 1000 },
      );
      await expectEventually(() => expect(t.collector.distinctMessageIds().size).toBe(total), {
        timeoutMs: 60_000,
        intervalMs: 500,
      });
      const messages = await expectEventually(
        async () => {
          const [row] = await t.db.query<{ n: number; ids: number }>(
            `SELECT count(*)::int AS n, count(DISTINCT external_message_id)::int AS ids FROM messages WHERE direction = 'inbound'`,
          );
          expect(row).toEqual({ n: total, ids: total });
          return row;
        },
        { timeoutMs: 120_000, intervalMs: 1000 },
      );
      const expected = new Set(Array.from({ length: total }, (_, n) => testMessage(n, t.run).messageId));
      expect([...t.collector.distinctMessageIds()].filter((id) => !expected.has(id))).toEqual([]);
      process.stdout.write(
        `${JSON.stringify({ test: 'crash-safety', appended, kills, dovecotRestarts: 1, rawMailsAccepted: total, kafkaEvents: t.collector.events.length, kafkaDistinctMessageIds: t.collector.distinctMessageIds().size, conversationMessages: messages.n })}\n`,
      );
    } finally {
      await t.teardown();
    }
  }, 600_000);

  it('(c) imports on return everything that arrived while mail-ingest was down', async () => {
    const t = await setup('mail-down');
    try {
      const ingest = await t.start('mail-ingest');
      await t.collector.start();
      await t.appender.append(testMessage(0, t.run));
      await expectEventually(() => expect(t.collector.has(testMessage(0, t.run).messageId)).toBe(true));
      await ingest.kill('SIGKILL');
      for (let n = 1; n <= 50; n++) await t.appender.append(testMessage(n, t.run));
      await sleep(2000);
      expect(t.collector.distinctMessageIds().size).toBe(1);
      await t.start('mail-ingest', '-back');
      await expectEventually(() => expect(t.collector.distinctMessageIds().size).toBe(51), { timeoutMs: 30_000 });
      expect(await counts(t.db)).toEqual([{ status: 'accepted', n: 51, ids: 51 }]);
    } finally {
      await t.teardown();
    }
  });

  it('(d) resyncs without duplicates after a UIDVALIDITY change, and raises an alert', async () => {
    const t = await setup('mail-uidv');
    try {
      let ingest = await t.start('mail-ingest');
      await t.collector.start();
      for (let n = 0; n < 20; n++) await t.appender.append(testMessage(n, t.run));
      await expectEventually(() => expect(t.collector.distinctMessageIds().size).toBe(20));
      await ingest.kill('SIGTERM');
      await t.appender.close();
      await dovecot.doveadm(
        'mailbox',
        'update',
        '--uid-validity',
        String(Math.floor(Date.now() / 1000) + 7),
        '-u',
        t.env.IMAP_USER,
        'INBOX',
      );
      ingest = await t.start('mail-ingest', '-renumbered');
      await t.appender.append(testMessage(20, t.run));
      await expectEventually(() => expect(t.collector.distinctMessageIds().size).toBe(21));
      const metrics = await expectEventually(async () => {
        const text = await (await fetch(`${ingest.url}/metrics`)).text();
        expect(text).toMatch(/draftdesk_mailbox_uidvalidity_changes_total\{[^}]*\} 1\b/);
        return text;
      });
      expect(metrics).toBeTruthy();
      const rows = await counts(t.db);
      expect(rows).toEqual(
        expect.arrayContaining([
          { status: 'accepted', n: 21, ids: 21 },
          { status: 'duplicate', n: 20, ids: 20 },
        ]),
      );
      expect(rows).toHaveLength(2);
      expect(t.collector.events.filter((e) => e.externalMessageId === testMessage(3, t.run).messageId)).toHaveLength(1);
    } finally {
      await t.teardown();
    }
  });
});
