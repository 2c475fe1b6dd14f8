import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { readMailbox, sendMail, uniqueAddress } from '../support/mail';
import { RunningService, ServiceName, startService } from '../support/services';

/**
 * One customer email through every service and the real engines: SMTP → Dovecot → mail-ingest (IMAP IDLE) →
 * Kafka → conversations → triage → drafter → review API → approval → mail-send → SMTP → the customer's mailbox.
 */
describe('an email travels end to end through Kafka, PostgreSQL and Dovecot', () => {
  const support = uniqueAddress('support', 'shop.test');
  const customer = uniqueAddress('sanne', 'example.test');
  const services: Partial<Record<ServiceName, RunningService>> = {};
  // Every review endpoint is authorised: the test acts as an integration with the bootstrap API token.
  const reviewToken = `e2e-${randomBytes(24).toString('hex')}`;
  const reviewAuth = { authorization: `Bearer ${reviewToken}` };
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('e2e');
    const common = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `e2e-${randomBytes(4).toString('hex')}.`,
      MESSAGE_ID_DOMAIN: 'replies.shop.test',
    };
    const specific: Record<ServiceName, Record<string, string>> = {
      // A resync far beyond the test's deadlines: only IDLE can bring the mail in on time.
      'mail-ingest': {
        IMAP_HOST: engines.imapHost,
        IMAP_PORT: String(engines.imapPort),
        IMAP_SECURE: 'false',
        IMAP_USER: support,
        IMAP_PASSWORD: engines.catchAllPassword,
        IMAP_RESYNC_SECONDS: '600',
      },
      conversations: {},
      triage: {},
      drafter: {},
      review: { REVIEW_API_TOKEN: reviewToken },
      'mail-send': {
        SMTP_HOST: engines.smtpHost,
        SMTP_PORT: String(engines.smtpPort),
        MAIL_FROM: `Fietsenwinkel Hollandia <${support}>`,
      },
      'chat-gateway': {},
    };
    const names: ServiceName[] = ['conversations', 'triage', 'drafter', 'review', 'mail-send', 'mail-ingest'];
    for (const name of names)
      services[name] = await startService(name, { ...common, ...specific[name] }, `e2e-${name}`);
    await Promise.all(names.map((n) => services[n]!.ready()));
  });

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.kill('SIGTERM')));
    await db?.drop();
  });

  const review = () => services.review!.url;

  async function pendingDrafts() {
    const res = await fetch(`${review()}/v1/drafts?status=pending`, { headers: reviewAuth });
    expect(res.status).toBe(200);
    return (
      (await res.json()) as {
        items: {
          draftId: string;
          conversationId: string;
          body: string;
          language: string;
          version: number;
          intent: string;
        }[];
      }
    ).items;
  }

  it('drafts a reply, sends it on approval, threads it, and keeps the follow-up in the same conversation', async () => {
    const originalId = `<order-question-${randomBytes(6).toString('hex')}@example.test>`;
    await sendMail({
      from: `Sanne de Vries <${customer}>`,
      to: support,
      subject: 'Waar is mijn bestelling 100234?',
      text: 'Hallo,\n\nIk heb vorige week bestelling 100234 geplaatst maar nog niets ontvangen. Waar blijft mijn pakket?\n\nGroeten,\nSanne',
      messageId: originalId,
    });

    const [draft] = await expectEventually(async () => {
      const items = await pendingDrafts();
      expect(items).toHaveLength(1);
      return items;
    });
    expect(draft.language).toBe('nl');
    expect(draft.body).toEqual(expect.any(String));

    const approval = await fetch(`${review()}/v1/drafts/${draft.draftId}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...reviewAuth },
      body: JSON.stringify({ version: draft.version }),
    });
    expect(approval.status).toBe(200);

    const [reply] = await expectEventually(async () => {
      const inbox = await readMailbox(customer);
      expect(inbox).toHaveLength(1);
      return inbox;
    });
    expect(reply.inReplyTo).toBe(originalId);
    expect(reply.references).toContain(originalId);
    expect(reply.subject).toMatch(/^Re: Waar is mijn bestelling 100234\?/);
    // Approved by a person: no Auto-Submitted header, so the customer's own auto-responder may answer normally.
    expect(reply.autoSubmitted).toBe('');

    const rows = await expectEventually(async () => {
      const r = await db.query<{ conversation_id: string; direction: string; external_message_id: string }>(
        `SELECT conversation_id, direction, external_message_id FROM messages ORDER BY occurred_at, created_at`,
      );
      expect(r.map((x) => x.direction)).toEqual(['inbound', 'outbound']);
      return r;
    });
    expect(new Set(rows.map((r) => r.conversation_id)).size).toBe(1);
    expect(`<${rows[1].external_message_id}>`).toBe(reply.messageId);

    // The customer answers in the same thread: it joins the conversation and gets a draft of its own.
    await sendMail({
      from: `Sanne de Vries <${customer}>`,
      to: support,
      subject: `Re: ${reply.subject.replace(/^Re: /, '')}`,
      text: `Dank je! Kan ik het pakket ook bij de buren laten bezorgen?\n\nOp ${new Date().toDateString()} schreef Fietsenwinkel Hollandia:\n> eerdere tekst`,
      inReplyTo: reply.messageId,
      references: [originalId, reply.messageId],
    });
    const followUp = await expectEventually(async () => {
      const items = await pendingDrafts();
      expect(items).toHaveLength(1);
      return items[0];
    });
    expect(followUp.conversationId).toBe(draft.conversationId);
    const all = await db.query<{ n: number; conversations: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT conversation_id)::int AS conversations FROM messages`,
    );
    expect(all[0]).toEqual({ n: 3, conversations: 1 });
  });
});
