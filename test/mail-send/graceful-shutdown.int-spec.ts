import { randomBytes } from 'node:crypto';
import { countByMessageId, queueReplies } from '../../bench/support/send-crash-run';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { RunningService, startService } from '../support/services';

/**
 * mail-send in a rolling update: SIGTERM while 200 replies go out through the SMTP relay into Dovecot. The replies in
 * hand finish and record their outcome before the process exits (none is left mid-send for a lease to expire), and
 * the next instance sends the rest: every reply arrives exactly once.
 */
describe('mail-send stops gracefully while replies go out (SMTP relay → Dovecot)', () => {
  let db: TestDatabase;
  let sender: RunningService | null = null;

  beforeAll(async () => {
    db = await createTestDatabase('send_term');
  });

  afterAll(async () => {
    await sender?.kill();
    await db?.drop();
  });

  it('finishes the replies in hand, exits cleanly, and the successor sends the rest once each', async () => {
    const total = 200;
    const to = `term-${randomBytes(5).toString('hex')}@example.test`;
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `sendterm-${randomBytes(4).toString('hex')}.`,
      SMTP_HOST: engines.smtpHost,
      SMTP_PORT: String(engines.smtpPort),
      MAIL_FROM: 'Shop <support@shop.test>',
      LOG_LEVEL: 'warn',
    };
    await queueReplies(db, to, total);
    const recorded = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbound_mails WHERE status = 'SENT'`))[0].n;

    sender = await startService('mail-send', env, 'send-term-1');
    await sender.ready(90_000);
    await expectEventually(async () => expect(await recorded()).toBeGreaterThan(20), {
      timeoutMs: 120_000,
      intervalMs: 20,
    });
    const exited = new Promise<string>((resolve) =>
      sender!.process.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)),
    );
    sender.process.kill('SIGTERM');
    expect(['code 0', 'SIGTERM']).toContain(await exited);
    sender = null;

    const atExit = await recorded();
    expect(atExit).toBeLessThan(total);
    // Nothing was left mid-send: every attempt the stopped instance started has its outcome.
    const [open] = await db.query<{ sending: number; unfinished: number }>(
      `SELECT (SELECT count(*)::int FROM outbound_mails WHERE status = 'SENDING') AS sending,
              (SELECT count(*)::int FROM send_attempts WHERE outcome IS NULL) AS unfinished`,
    );
    expect(open).toEqual({ sending: 0, unfinished: 0 });

    sender = await startService('mail-send', env, 'send-term-2');
    await sender.ready(90_000);
    await expectEventually(async () => expect(await recorded()).toBe(total), { timeoutMs: 180_000, intervalMs: 500 });
    const counts = await countByMessageId(to);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(counts.size).toBe(total);
    process.stdout.write(
      `mail-send SIGTERM: ${atExit} of ${total} sent before a clean exit, ${total} delivered once each after the restart\n`,
    );
  }, 420_000);
});
