import { seal } from '@draftdesk/config';
import { ImapFlow } from 'imapflow';
import { randomBytes, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { uniqueAddress } from '../support/mail';
import { RunningService, startService } from '../support/services';

/**
 * mail-send from dist/ against a local `smtp-server` (smtp-server package) that answers as each test scripts it:
 * the automated-reply cap, a permanent 550 recorded with the server's reason, a temporary 451 that succeeds on
 * retry, and the copy into the mailbox's Sent folder on the real Dovecot (IMAP APPEND).
 */
describe('mail-send guards (local smtp-server package as the SMTP server, real Dovecot for Sent)', () => {
  const key = randomBytes(32);
  const received: { to: string[]; data: string }[] = [];
  /** Per recipient: the answers to give, in order; an empty list accepts. */
  const script = new Map<string, { code: number; message: string }[]>();
  let smtp: SMTPServer;
  let db: TestDatabase;
  let sender: RunningService;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const answer = script.get(address.address)?.shift();
        if (answer) return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString() });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    db = await createTestDatabase('send_guards');
    sender = await startService(
      'mail-send',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `guards-${randomBytes(4).toString('hex')}.`,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
        MAIL_FROM: 'Shop <support@shop.test>',
        AUTO_REPLY_CAP: '2',
        MAILBOX_SECRETS_KEY: key.toString('base64'),
      },
      'send-guards',
    );
    await sender.ready();
  }, 60_000);

  afterAll(async () => {
    await sender?.kill('SIGTERM');
    await db?.drop();
    await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
  });

  async function queue(
    to: string,
    opts: { autoSent?: boolean; conversationId?: string; mailbox?: string | null; token?: string } = {},
  ) {
    const draftId = randomUUID();
    const payload = {
      draftId,
      channel: 'email',
      to: { address: to, name: 'Klant' },
      mailbox: opts.mailbox ?? null,
      ...(opts.token ? { conversationToken: opts.token } : {}),
      subject: 'Re: Bestelling',
      body: 'Uw pakket komt morgen.',
      reply: { messageId: `${draftId}@replies.shop.test`, inReplyTo: null, references: [] },
      chat: null,
      approvedBy: opts.autoSent ? 'policy' : 'agent@shop.test',
      autoSent: opts.autoSent ?? false,
      quotedText: null,
    };
    await db.query(
      `INSERT INTO outbound_mails (draft_id, conversation_id, message_id, to_address, status, payload) VALUES ($1, $2, $3, $4, 'PENDING', $5)`,
      [draftId, opts.conversationId ?? randomUUID(), payload.reply.messageId, to, JSON.stringify(payload)],
    );
    return draftId;
  }

  const outcome = (draftId: string) =>
    expectEventually(
      async () => {
        const [row] = await db.query<{ status: string; last_error: string | null; attempts: number }>(
          `SELECT status, last_error, attempts FROM outbound_mails WHERE draft_id = $1`,
          [draftId],
        );
        expect(['SENT', 'FAILED']).toContain(row.status);
        return row;
      },
      { timeoutMs: 30_000 },
    );

  const sentEvent = async (draftId: string) => {
    const [row] = await db.query<{ value: { payload: { status: string; error: string | null } } }>(
      `SELECT value FROM outbox WHERE topic LIKE '%reply-sent%' AND value->'payload'->>'draftId' = $1`,
      [draftId],
    );
    return row?.value.payload;
  };

  it('caps automatic replies per conversation (2 in 24 h here): the third is FAILED with auto_reply_cap, a person takes over', async () => {
    const conversationId = randomUUID();
    const first = await queue(uniqueAddress('loop'), { autoSent: true, conversationId });
    expect((await outcome(first)).status).toBe('SENT');
    const second = await queue(uniqueAddress('loop'), { autoSent: true, conversationId });
    expect((await outcome(second)).status).toBe('SENT');
    const third = await queue(uniqueAddress('loop'), { autoSent: true, conversationId });
    expect(await outcome(third)).toMatchObject({ status: 'FAILED', last_error: 'auto_reply_cap' });
    expect(await sentEvent(third)).toMatchObject({ status: 'failed', error: 'auto_reply_cap' });
    // A reply a person approved is never capped.
    const human = await queue(uniqueAddress('loop'), { autoSent: false, conversationId });
    expect((await outcome(human)).status).toBe('SENT');
  }, 60_000);

  it('caps automatic replies per recipient address across conversations', async () => {
    const to = uniqueAddress('autoresponder');
    for (let i = 0; i < 2; i++) expect((await outcome(await queue(to, { autoSent: true }))).status).toBe('SENT');
    expect(await outcome(await queue(to.toUpperCase(), { autoSent: true }))).toMatchObject({
      status: 'FAILED',
      last_error: 'auto_reply_cap',
    });
  }, 60_000);

  it('records a permanent 550 with the server reason and hands it to a person', async () => {
    const to = uniqueAddress('gone');
    script.set(to, [{ code: 550, message: '5.1.1 <gone> User unknown in virtual mailbox table' }]);
    const draftId = await queue(to);
    const row = await outcome(draftId);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row.last_error).toBe('smtp_550: 5.1.1 <gone> User unknown in virtual mailbox table');
    expect((await sentEvent(draftId))?.error).toContain('User unknown');
  }, 60_000);

  it('retries a temporary 451 and then sends', async () => {
    const to = uniqueAddress('greylisted');
    script.set(to, [{ code: 451, message: '4.7.1 Greylisted, try again later' }]);
    const draftId = await queue(to);
    const row = await outcome(draftId);
    expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(received.some((m) => m.to.includes(to))).toBe(true);
  }, 60_000);

  it("sends From/Reply-To of the table's mailbox with the conversation token, and copies the reply to its Sent folder on Dovecot", async () => {
    const box = uniqueAddress('winkel', 'shop.test');
    const id = randomUUID();
    await db.query(
      `INSERT INTO mailboxes (id, name, imap_host, imap_port, tls_mode, auth_kind, username, secrets_enc, sent_folder, from_address, reply_to)
       VALUES ($1, $2, $3, $4, 'plain', 'password', $2, $5, 'Sent', $6, NULL)`,
      [
        id,
        box,
        engines.imapHost,
        engines.imapPort,
        seal(key, JSON.stringify({ password: engines.catchAllPassword }), id),
        `Winkel <${box}>`,
      ],
    );
    const to = uniqueAddress('klant');
    const draftId = await queue(to, { mailbox: box, token: 'tok42' });
    expect((await outcome(draftId)).status).toBe('SENT');
    const sent = received.find((m) => m.to.includes(to))!;
    expect(sent.data).toMatch(new RegExp(`^From: Winkel <${box.replace(/[.+]/g, '\\$&')}>`, 'm'));
    expect(sent.data).toMatch(
      new RegExp(`^Reply-To: Winkel <${box.replace('@', '+tok42@').replace(/[.+]/g, '\\$&')}>`, 'm'),
    );

    const client = new ImapFlow({
      host: engines.imapHost,
      port: engines.imapPort,
      secure: false,
      auth: { user: box, pass: engines.catchAllPassword },
      logger: false,
    });
    await client.connect();
    try {
      await expectEventually(async () => {
        const status = await client.status('Sent', { messages: true });
        expect(status && status.messages).toBe(1);
      });
      await client.mailboxOpen('Sent');
      const [found] =
        (await client.search({ header: { 'message-id': `${draftId}@replies.shop.test` } }, { uid: true })) || [];
      expect(found).toBeGreaterThan(0);
    } finally {
      await client.logout();
    }
  }, 60_000);
});
