import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { uniqueAddress } from '../support/mail';
import { freePort, RunningService, startService } from '../support/services';
import { RawSmtpClient } from './smtp-client.util';

/**
 * The inbound SMTP listener of mail-ingest (from dist/, real PostgreSQL and Kafka) against misbehaving peers and
 * hostile content: one client's broken connection or bytes never take the listener down or lose the mail.
 */
describe('mail-ingest SMTP listener under abuse', () => {
  let db: TestDatabase;
  let ingest: RunningService;
  let smtpPort: number;

  beforeAll(async () => {
    db = await createTestDatabase('smtp_abuse');
    smtpPort = await freePort();
    ingest = await startService(
      'mail-ingest',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `smtp-abuse-${randomBytes(4).toString('hex')}.`,
        IMAP_HOST: engines.imapHost,
        IMAP_PORT: String(engines.imapPort),
        IMAP_SECURE: 'false',
        IMAP_USER: uniqueAddress('smtpabuse', 'shop.test'),
        IMAP_PASSWORD: engines.catchAllPassword,
        IMAP_RESYNC_SECONDS: '600',
        SMTP_INBOUND_PORT: String(smtpPort),
        MAIL_PARSE_TIMEOUT_MS: '5000',
      },
      'smtp-abuse-ingest',
    );
    await ingest.ready();
  }, 60_000);

  afterAll(async () => {
    await ingest?.kill('SIGTERM');
    await db?.drop();
  });

  const mail = (
    messageId: string,
    extra: { subject?: string; fromName?: string; body?: string; headers?: string[] } = {},
  ) =>
    [
      `From: ${extra.fromName ?? 'Klant'} <customer@example.test>`,
      'To: support@shop.test',
      `Subject: ${extra.subject ?? 'Waar blijft mijn bestelling?'}`,
      `Message-ID: <${messageId}>`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      ...(extra.headers ?? ['Content-Type: text/plain; charset=utf-8']),
      '',
      extra.body ?? 'Hallo, bestelling 100234 is nog niet aangekomen.',
      '',
    ].join('\r\n');

  const stored = (messageId: string) =>
    db.query<{ status: string; error: string | null }>(`SELECT status, error FROM raw_mails WHERE message_id = $1`, [
      messageId,
    ]);

  it('keeps serving after many clients reset the connection in the middle of DATA', async () => {
    for (let i = 0; i < 40; i++) {
      const client = await RawSmtpClient.open(smtpPort);
      await client.beginData();
      client.socket.write(mail(`reset-${i}@example.test`).slice(0, 120 + i * 7));
      // Let the partial message reach the server's DATA stream before the reset tears it down.
      await new Promise((resolve) => setTimeout(resolve, 5));
      client.socket.resetAndDestroy();
    }
    const messageId = `after-resets-${randomBytes(4).toString('hex')}@example.test`;
    const client = await RawSmtpClient.open(smtpPort);
    expect(await client.sendMessage(mail(messageId))).toMatch(/^250 /);
    await client.quit();
    expect(ingest.process.exitCode).toBeNull();
    expect(await stored(messageId)).toEqual([{ status: 'accepted', error: null }]);
    // None of the torn-off messages was stored as if it were whole.
    expect(await db.query(`SELECT id FROM raw_mails WHERE message_id LIKE 'reset-%'`)).toEqual([]);
  });

  it('accepts mail with NUL bytes everywhere and stores it without them', async () => {
    const messageId = `nul-${randomBytes(4).toString('hex')}@example.test`;
    const boundary = 'b0undary';
    const raw = mail(messageId, {
      subject: 'Bestelling\u0000 kapot',
      fromName: '"Kl\u0000ant"',
      headers: ['X-Order: 100\u0000234', `Content-Type: multipart/mixed; boundary="${boundary}"`],
      body: [
        `--${boundary}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'De doos\u0000 was leeg.',
        `--${boundary}`,
        'Content-Type: application/pdf; name="bon\u0000.pdf"',
        'Content-Disposition: attachment; filename="bon\u0000.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 fake').toString('base64'),
        `--${boundary}--`,
      ].join('\r\n'),
    });
    const client = await RawSmtpClient.open(smtpPort);
    expect(await client.sendMessage(raw)).toMatch(/^250 /);
    await client.quit();
    expect(await stored(messageId)).toEqual([{ status: 'accepted', error: null }]);
    const [event] = await db.query<{ value: { payload: Record<string, unknown> } }>(
      `SELECT value FROM outbox WHERE topic LIKE '%support.inbound.v1' AND value->'payload'->>'externalMessageId' = $1`,
      [messageId],
    );
    const payload = event.value.payload as {
      subject: string;
      from: { name: string };
      text: string;
      attachments: { filename: string }[];
    };
    expect(JSON.stringify(payload)).not.toContain('\\u0000');
    expect(payload.subject).toBe('Bestelling kapot');
    expect(payload.from.name).toBe('Klant');
    expect(payload.text).toContain('De doos was leeg.');
    expect(payload.attachments.map((a) => a.filename)).toEqual(['bon.pdf']);
  });

  // A quarantined mail has no parsed Message-ID: find it by its kept source.
  const quarantined = async (messageId: string) => {
    const rows = await db.query<{ status: string; error: string | null; source_gz: Buffer }>(
      `SELECT status, error, source_gz FROM raw_mails WHERE status = 'quarantined'`,
    );
    return rows
      .map((row) => ({ ...row, source: gunzipSync(row.source_gz) }))
      .filter((row) => row.source.includes(`<${messageId}>`));
  };

  it('answers health checks while a deeply nested HTML mail is parsed, then keeps the mail quarantined', async () => {
    const depth = 200_000;
    const raw = mail('nested-html@example.test', {
      headers: ['Content-Type: text/html; charset=utf-8'],
      body: `${'<div>'.repeat(depth)}Waar is mijn bestelling?${'</div>'.repeat(depth)}`,
    });
    const client = await RawSmtpClient.open(smtpPort);
    let reply: string | null = null;
    const sending = client.sendMessage(raw, 90_000).then((line) => (reply = line));
    // Health answers again and again while the message is still being parsed: the event loop is free.
    let answeredDuringParse = 0;
    while (reply === null && answeredDuringParse < 20) {
      const res = await fetch(`${ingest.url}/health/live`);
      if (res.status === 200 && reply === null) answeredDuringParse++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(answeredDuringParse).toBe(20);
    expect(await sending).toMatch(/^250 /);
    await client.quit();
    // Nothing lost: the source is kept byte for byte, quarantined with the reason.
    const [row, ...more] = await quarantined('nested-html@example.test');
    expect(more).toEqual([]);
    expect(row.error).toBe('TIMEOUT: parsing took longer than 5000 ms');
    expect(row.source.toString('utf8')).toBe(raw);
  });

  it('keeps a 20 MB plain-text mail quarantined as too large instead of passing its body on', async () => {
    const messageId = `huge-text-${randomBytes(4).toString('hex')}@example.test`;
    const line = 'Dit is een heel lange regel tekst over een bestelling die maar niet komt. ';
    const body = Array.from(
      { length: Math.ceil((20 * 1024 * 1024) / (line.length + 2)) },
      (_, i) => `${i} ${line}`,
    ).join('\r\n');
    const client = await RawSmtpClient.open(smtpPort);
    expect(await client.sendMessage(mail(messageId, { body }), 90_000)).toMatch(/^250 /);
    await client.quit();
    const [row, ...more] = await quarantined(messageId);
    expect(more).toEqual([]);
    // Which limit stops it first depends on the machine's speed; either way the mail is kept and its body not passed on.
    expect(row.error).toMatch(
      /^(TOO_LARGE: text body is \d+ characters, limit 1000000|TIMEOUT: parsing took longer than 5000 ms)$/,
    );
    expect(row.source.length).toBeGreaterThan(20 * 1024 * 1024);
    expect(
      await db.query(`SELECT id FROM outbox WHERE value->'payload'->>'externalMessageId' = $1`, [messageId]),
    ).toEqual([]);
  });

  it('still answers after the resets and NUL mail: the process never exited', async () => {
    await expectEventually(async () => expect((await fetch(`${ingest.url}/health/live`)).status).toBe(200), {
      timeoutMs: 5_000,
    });
    expect(ingest.process.exitCode).toBeNull();
  });
});
