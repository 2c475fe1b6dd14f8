import { createHmac, randomBytes } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';
import { startFakeProvider, whatsAppNotification } from '../chat/fake-provider.util';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { RunningService, ServiceName, startService } from '../support/services';

type Fake = Awaited<ReturnType<typeof startFakeProvider>>;

interface PendingItem {
  draftId: string;
  conversationId: string;
  body: string;
  version: number;
  channel: string;
  language: string;
  customerText: string;
}

// Secrets of the test's own channels; the Standard Webhooks secret is `whsec_` + base64 of the key bytes.
const WEB_KEY = randomBytes(24);
const WEB_SECRET = `whsec_${WEB_KEY.toString('base64')}`;
const WA_APP_SECRET = `wa-app-${randomBytes(12).toString('hex')}`;
const WA_ACCESS_TOKEN = `EAAG-${randomBytes(12).toString('hex')}`;
const WA_PHONE_NUMBER_ID = '106540352242922';

/** Standard Webhooks, computed here rather than with the gateway's own helper so a shared bug cannot hide. */
function standardSignature(key: Buffer, id: string, timestamp: string, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

function signedCallbackIsValid(headers: IncomingHttpHeaders, body: string): boolean {
  const id = headers['webhook-id'] as string;
  const timestamp = headers['webhook-timestamp'] as string;
  const expected = standardSignature(WEB_KEY, id, timestamp, body);
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && String(headers['webhook-signature']).split(' ').includes(expected);
}

/**
 * A chat message through every service on the real engines: signed webhook → chat-gateway (quiet window) → Kafka →
 * conversations → triage → drafter → review API → approval → chat-gateway → the provider's API (a local fake that
 * fails twice before it accepts) → reply-sent → the conversation.
 */
describe('a chat message travels end to end through Kafka and PostgreSQL to the provider', () => {
  const services: Partial<Record<ServiceName, RunningService>> = {};
  const reviewToken = `e2e-${randomBytes(24).toString('hex')}`;
  const reviewAuth = { authorization: `Bearer ${reviewToken}` };
  // Each fake fails the first two calls for a recipient and accepts the third.
  const failTwice = (index: number) => (index < 2 ? 500 : 200);
  let db: TestDatabase;
  let callback: Fake;
  let whatsApp: Fake;

  beforeAll(async () => {
    callback = await startFakeProvider((req) => {
      const { sessionId } = JSON.parse(req.body);
      const status = failTwice(callback.requests.filter((r) => JSON.parse(r.body).sessionId === sessionId).length);
      return { status, body: status === 200 ? { ok: true } : { error: 'temporarily unavailable' } };
    });
    whatsApp = await startFakeProvider((req) => {
      const { to } = JSON.parse(req.body);
      const status = failTwice(whatsApp.requests.filter((r) => JSON.parse(r.body).to === to).length);
      return status === 200
        ? {
            status,
            body: {
              messaging_product: 'whatsapp',
              contacts: [{ input: to, wa_id: to }],
              messages: [{ id: `wamid.${randomBytes(8).toString('hex')}` }],
            },
          }
        : { status, body: { error: { message: 'temporarily unavailable', code: 2 } } };
    });
    db = await createTestDatabase('e2e_chat');
    const channels = [
      { id: 'shop-web', kind: 'generic', secrets: [WEB_SECRET], callbackUrl: `${callback.url}/draftdesk/replies` },
      {
        id: 'wa-nl',
        kind: 'whatsapp',
        secrets: [WA_APP_SECRET],
        verifyToken: `verify-${randomBytes(6).toString('hex')}`,
        accessToken: WA_ACCESS_TOKEN,
        phoneNumberId: WA_PHONE_NUMBER_ID,
        apiBaseUrl: `${whatsApp.url}/v21.0`,
      },
    ];
    const common = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `e2e-chat-${randomBytes(4).toString('hex')}.`,
    };
    const specific: Partial<Record<ServiceName, Record<string, string>>> = {
      'chat-gateway': {
        CHAT_SECRETS_KEY: randomBytes(32).toString('base64'),
        CHAT_CHANNELS_JSON: JSON.stringify(channels),
        // Wider than the gap between the burst's messages plus a loaded machine's latency, so they form one turn.
        CHAT_QUIET_WINDOW_MS: '1000',
        CHAT_DELIVERY_RETRY_BASE_MS: '200',
        CHAT_DELIVERY_MAX_ATTEMPTS: '5',
      },
      review: { REVIEW_API_TOKEN: reviewToken },
    };
    const names: ServiceName[] = ['conversations', 'triage', 'drafter', 'review', 'chat-gateway'];
    for (const name of names)
      services[name] = await startService(name, { ...common, ...specific[name] }, `e2e-chat-${name}`);
    await Promise.all(names.map((n) => services[n]!.ready()));
  });

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.kill('SIGTERM')));
    await db?.drop();
    await callback?.close();
    await whatsApp?.close();
  });

  const gateway = () => services['chat-gateway']!.url;
  const review = () => services.review!.url;

  async function conversationOf(chatSession: string): Promise<string> {
    const [row] = await db.query<{ id: string }>(`SELECT id FROM conversations WHERE chat_session = $1`, [chatSession]);
    expect(row).toBeDefined();
    return row.id;
  }

  async function pendingDrafts(conversationId: string): Promise<PendingItem[]> {
    const res = await fetch(`${review()}/v1/drafts?status=pending`, { headers: reviewAuth });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: PendingItem[] };
    return items.filter((i) => i.conversationId === conversationId);
  }

  /** Waits for the conversation's one pending draft, makes sure no second one follows, and approves it. */
  async function approveOnlyDraft(conversationId: string): Promise<PendingItem> {
    const [draft] = await expectEventually(
      async () => {
        const items = await pendingDrafts(conversationId);
        expect(items).toHaveLength(1);
        return items;
      },
      { timeoutMs: 60_000 },
    );
    // Longer than the quiet window and a pipeline hop: a per-line draft would have shown up by now.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await pendingDrafts(conversationId)).toHaveLength(1);
    const res = await fetch(`${review()}/v1/drafts/${draft.draftId}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...reviewAuth },
      body: JSON.stringify({ version: draft.version }),
    });
    expect(res.status).toBe(200);
    return draft;
  }

  /** The conversation ends up with the customer's turn and our reply, marked sent. */
  async function expectConversation(conversationId: string, reply: string) {
    const rows = await expectEventually(async () => {
      const r = await db.query<{ direction: string; channel: string; text: string; status: string | null }>(
        `SELECT direction, channel, text, status FROM messages WHERE conversation_id = $1 ORDER BY occurred_at, created_at`,
        [conversationId],
      );
      expect(r.map((x) => x.direction)).toEqual(['inbound', 'outbound']);
      return r;
    });
    expect(rows.every((r) => r.channel === 'chat')).toBe(true);
    expect(rows[1]).toMatchObject({ text: reply, status: 'sent' });
  }

  async function expectDeliveredOnce(draftId: string, requests: () => Fake['requests']) {
    await expectEventually(async () => expect(requests().map((r) => r.answeredWith)).toEqual([500, 500, 200]));
    const [row] = await expectEventually(async () => {
      const r = await db.query<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM chat_deliveries WHERE draft_id = $1`,
        [draftId],
      );
      expect(r[0]?.status).toBe('SENT');
      return r;
    });
    expect(row.attempts).toBe(3);
    // Well past the retry backoff: a duplicate would have gone out by now.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(requests()).toHaveLength(3);
  }

  it('drafts a burst of two generic webhooks as one turn and delivers the approved reply after two failed tries, once', async () => {
    const sessionId = `sess-${randomBytes(6).toString('hex')}`;
    const lines = ['Hoi! Waar blijft mijn bestelling 100234?', 'Ik heb nog steeds niets ontvangen.'];
    for (const [i, text] of lines.entries()) {
      // A customer typing a second line: longer apart than the flusher's poll interval, so only the quiet window joins them.
      if (i > 0) await new Promise((r) => setTimeout(r, 400));
      const body = JSON.stringify({
        sessionId,
        messageId: `${sessionId}-m${i}`,
        customer: { id: `cust-${sessionId}`, name: 'Sanne de Vries' },
        text,
        timestamp: new Date().toISOString(),
      });
      const id = `msg_${randomBytes(8).toString('hex')}`;
      const timestamp = String(Math.floor(Date.now() / 1000));
      const res = await fetch(`${gateway()}/v1/channels/shop-web/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': timestamp,
          'webhook-signature': standardSignature(WEB_KEY, id, timestamp, body),
        },
        body,
      });
      expect(res.status).toBe(202);
    }

    const conversationId = await expectEventually(() => conversationOf(`shop-web:${sessionId}`));
    const draft = await approveOnlyDraft(conversationId);
    expect(draft.channel).toBe('chat');
    expect(draft.language).toBe('nl');
    expect(draft.customerText).toContain(lines[0]);
    expect(draft.customerText).toContain(lines[1]);

    const mine = () => callback.requests.filter((r) => JSON.parse(r.body).sessionId === sessionId);
    await expectDeliveredOnce(draft.draftId, mine);
    for (const call of mine()) {
      expect(call.url).toBe('/draftdesk/replies');
      expect(call.headers['webhook-id']).toBe(draft.draftId);
      expect(call.headers['idempotency-key']).toBe(draft.draftId);
      expect(signedCallbackIsValid(call.headers, call.body)).toBe(true);
      expect(JSON.parse(call.body)).toEqual(
        expect.objectContaining({
          type: 'message.reply',
          channelId: 'shop-web',
          sessionId,
          draftId: draft.draftId,
          conversationId,
          text: draft.body,
        }),
      );
    }
    await expectConversation(conversationId, draft.body);
  });

  it('answers a WhatsApp Cloud API notification through its send-message API after two failed tries, once', async () => {
    const waId = `316${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const text = 'Hello, I would like to cancel my order 100235 please.';
    const notification = whatsAppNotification({
      phoneNumberId: WA_PHONE_NUMBER_ID,
      waId,
      name: 'Tom Baker',
      messageId: `wamid.${randomBytes(8).toString('hex')}`,
      text,
    });
    const res = await fetch(`${gateway()}/v1/channels/wa-nl/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': `sha256=${createHmac('sha256', WA_APP_SECRET).update(notification).digest('hex')}`,
      },
      body: notification,
    });
    expect(res.status).toBe(200);

    const conversationId = await expectEventually(() => conversationOf(`wa-nl:${waId}`));
    const draft = await approveOnlyDraft(conversationId);
    expect(draft.language).toBe('en');
    expect(draft.customerText).toContain(text);

    const mine = () => whatsApp.requests.filter((r) => JSON.parse(r.body).to === waId);
    await expectDeliveredOnce(draft.draftId, mine);
    for (const call of mine()) {
      expect(call.url).toBe(`/v21.0/${WA_PHONE_NUMBER_ID}/messages`);
      expect(call.headers.authorization).toBe(`Bearer ${WA_ACCESS_TOKEN}`);
      expect(JSON.parse(call.body)).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: waId,
        type: 'text',
        text: { preview_url: false, body: draft.body },
      });
    }
    await expectConversation(conversationId, draft.body);
  });
});
