import { createEvent, DraftedPayload, Topics } from '@draftdesk/contracts';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { inboundEmail, publishInbound } from '../support/inbound';
import { readMailbox, uniqueAddress } from '../support/mail';
import { RunningService, ServiceName, startService } from '../support/services';

interface Item {
  draftId: string;
  status: string;
  decision: string;
  version: number;
  reasons: string[];
  escalated: boolean;
  sendError: string | null;
  to: { address: string };
}

/**
 * Every reply that did not go out comes back to the review desk: conversations, triage, drafter, review and
 * mail-send as processes from dist/, Kafka, PostgreSQL, and the real SMTP relay into Dovecot. Drafts are announced
 * on support.drafted.v1 by the test where the drafter's decision must be fixed (auto_send, review).
 */
describe('replies that did not go out are failed, visible and actionable in the review queue', () => {
  const services: Partial<Record<ServiceName, RunningService>> = {};
  const prefix = `failed-${randomBytes(4).toString('hex')}.`;
  const token = `failed-${randomBytes(24).toString('hex')}`;
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('failed_replies');
    const common = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: prefix,
      MESSAGE_ID_DOMAIN: 'replies.shop.test',
    };
    const specific: Partial<Record<ServiceName, Record<string, string>>> = {
      conversations: {},
      triage: {},
      drafter: {},
      review: { REVIEW_API_TOKEN: token },
      'mail-send': {
        SMTP_HOST: engines.smtpHost,
        SMTP_PORT: String(engines.smtpPort),
        MAIL_FROM: 'Shop <support@shop.test>',
        AUTO_REPLY_CAP: '1',
      },
    };
    for (const [name, env] of Object.entries(specific))
      services[name as ServiceName] = await startService(name as ServiceName, { ...common, ...env }, `failed-${name}`);
    // Five Nest processes booting at once on a small, shared machine: give them time.
    await Promise.all(Object.values(services).map((s) => s.ready(180_000)));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.kill('SIGTERM')));
    await db?.drop();
  });

  async function publishDrafted(
    conversationId: string,
    to: string,
    decision: 'auto_send' | 'review',
    body: string,
  ): Promise<string> {
    const draftId = randomUUID();
    const payload: DraftedPayload = {
      draftId,
      messageId: randomUUID(),
      channel: 'email',
      to: { address: to, name: 'Klant' },
      mailbox: null,
      subject: 'Re: Mijn bestelling',
      body,
      language: 'nl',
      intent: 'order_status',
      confidence: 0.97,
      decision,
      reasons: [],
      citations: [],
      reply: { messageId: `${draftId}@replies.shop.test`, inReplyTo: null, references: [] },
      chat: null,
      customerText: 'Waar blijft mijn bestelling?',
    };
    const producer = new Kafka({
      clientId: 'draftdesk-test',
      brokers: engines.kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
    }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    try {
      const event = createEvent(Topics.drafted, { producer: 'test', conversationId, payload });
      await producer.send({
        topic: prefix + Topics.drafted,
        messages: [{ key: event.key, value: JSON.stringify(event) }],
      });
    } finally {
      await producer.disconnect();
    }
    return draftId;
  }

  async function items(status: string): Promise<Item[]> {
    const res = await fetch(`${services.review!.url}/v1/drafts?status=${status}`, { headers: auth });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Item[] }).items;
  }

  const itemIn = (status: string, draftId: string, timeoutMs = 45_000) =>
    expectEventually(
      async () => {
        const item = (await items(status)).find((i) => i.draftId === draftId);
        expect(item).toBeDefined();
        return item!;
      },
      { timeoutMs, intervalMs: 500 },
    );

  async function act(draftId: string, action: 'approve' | 'reject', body: Record<string, unknown>) {
    const res = await fetch(`${services.review!.url}/v1/drafts/${draftId}/${action}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Item;
  }

  it('an automatic reply over the cap is failed with auto_reply_cap, listed under status=failed, and goes out when a person approves it again', async () => {
    const conversationId = randomUUID();
    const customer = uniqueAddress('loop');
    const first = await publishDrafted(conversationId, customer, 'auto_send', 'Uw pakket komt morgen.');
    await expectEventually(async () => expect((await readMailbox(customer)).length).toBe(1), { timeoutMs: 45_000 });
    const second = await publishDrafted(conversationId, customer, 'auto_send', 'Uw pakket komt morgen, echt waar.');

    const failed = await itemIn('failed', second);
    expect(failed).toMatchObject({ status: 'failed', sendError: 'auto_reply_cap' });
    expect((await items('auto_sent')).map((i) => i.draftId)).toEqual(expect.arrayContaining([first]));
    const [audit] = await db.query<{ actor: string; after: { reason: string } }>(
      `SELECT actor, after FROM audit_log WHERE entity_id = $1 AND action = 'send_failed'`,
      [second],
    );
    expect(audit).toMatchObject({ actor: 'mail-send', after: { reason: 'auto_reply_cap' } });

    const approved = await act(second, 'approve', {
      body: 'Excuses voor het wachten: uw pakket komt morgen.',
      version: failed.version,
    });
    expect(approved.status).toBe('approved');
    const mails = await expectEventually(
      async () => {
        const inbox = await readMailbox(customer);
        expect(inbox).toHaveLength(2);
        return inbox;
      },
      { timeoutMs: 45_000 },
    );
    const resent = mails.find((m) => m.messageId === `<${second}@replies.shop.test>`);
    expect(resent?.source).toContain('Excuses voor het wachten');
    // Approved by a person: not marked as an automatic reply.
    expect(resent?.autoSubmitted).toBe('');
  }, 150_000);

  it("a permanent 550 from the relay is failed with the server's text, and an agent can close it", async () => {
    const nobody = `nobody-${randomBytes(4).toString('hex')}@unknown-domain.test`;
    const draftId = await publishDrafted(randomUUID(), nobody, 'review', 'Uw retour is ontvangen.');
    const pending = await itemIn('pending', draftId);
    await act(draftId, 'approve', { version: pending.version });

    const failed = await itemIn('failed', draftId);
    expect(failed.sendError).toMatch(/^smtp_550: 5\.1\.1 .+/);
    const [row] = await db.query<{ status: string; last_error: string }>(
      `SELECT status, last_error FROM outbound_mails WHERE draft_id = $1`,
      [draftId],
    );
    expect(row).toEqual({ status: 'FAILED', last_error: failed.sendError });

    const closed = await act(draftId, 'reject', {
      reason: 'address does not exist; customer phoned',
      version: failed.version,
    });
    expect(closed.status).toBe('rejected');
    expect((await items('failed')).map((i) => i.draftId)).not.toContain(draftId);
  }, 120_000);

  it('a looping auto-responder the automated-mail detector missed raises repeated_contact, which the policy escalates', async () => {
    const responder = uniqueAddress('vacation');
    // Each is a new thread (no In-Reply-To), as auto-responders that ignore threading write.
    for (let i = 1; i <= 3; i++) {
      await publishInbound(
        prefix,
        inboundEmail({
          externalMessageId: `<away-${i}-${randomBytes(4).toString('hex')}@example.test>`,
          from: { address: responder, name: 'Jan' },
          subject: `Re: Uw bestelling ${100230 + i}`,
          text: 'Bedankt voor uw bericht. Ik ben afwezig tot maandag en lees mijn e-mail dan.',
        }),
      );
      await expectEventually(
        async () => {
          const [row] = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM triage_results t JOIN messages m ON m.id = t.message_id WHERE m.from_address = lower($1)`,
            [responder],
          );
          expect(row.n).toBe(i);
        },
        { timeoutMs: 45_000 },
      );
    }
    const triaged = await db.query<{ flags: string[]; reasons: string[] }>(
      `SELECT t.result->'flags' AS flags, t.result->'reasons' AS reasons FROM triage_results t JOIN messages m ON m.id = t.message_id
        WHERE m.from_address = lower($1) ORDER BY m.created_at`,
      [responder],
    );
    expect(triaged.map((t) => t.flags.includes('repeated_contact'))).toEqual([false, false, true]);
    expect(triaged[2].reasons).toContain('repeated_contact');

    const escalated = await expectEventually(
      async () => {
        const item = (await items('pending')).find(
          (i) => i.to.address.toLowerCase() === responder.toLowerCase() && i.escalated,
        );
        expect(item).toBeDefined();
        return item!;
      },
      { timeoutMs: 45_000 },
    );
    expect(escalated.decision).toBe('escalate');
    expect(escalated.reasons).toContain('escalate:repeated_contact');
  }, 180_000);
});
