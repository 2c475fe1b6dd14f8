import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { RunningService, startService } from '../support/services';
import { seedItem, SessionClient, tokenClient } from './review-fixtures';

/** The shop's order API as the REST connector speaks it: GET /orders?email=… answers every order of that address. */
function orderApi(orders: Record<string, unknown>[]) {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    asked.push(url.searchParams.get('email') ?? '');
    if (req.headers['x-api-key'] !== 'order-key') return res.writeHead(401).end();
    // Answers more than was asked for: the connector keeps only the address's own orders.
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ orders }));
  });
  return { server, asked };
}

interface Panel {
  customer: Record<string, unknown>;
  conversations: { id: string; current: boolean }[];
  orders: { source: string; items: Record<string, unknown>[]; reason: string | null };
}
interface Mentions {
  unread: number;
  items: { noteId: string }[];
}
interface Refusal {
  code: string;
  errors: { field: string; message: string }[];
}

/** A response's JSON body, read as the shape the test expects of it. */
async function read<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

const order = (orderNumber: string, customerEmail: string, placedAt: string, extra: Record<string, unknown> = {}) => ({
  orderNumber,
  status: 'shipped',
  placedAt,
  total: { amount: 59.95, currency: 'EUR' },
  items: [{ name: 'Bike bell', quantity: 1 }],
  customerEmail,
  shippingAddress: 'Damrak 1, 1012 LG Amsterdam, NL',
  ...extra,
});

/** The customer panel and notes with @mentions on the real PostgreSQL, orders from a local order API. */
describe('customer panel and mentions API', () => {
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  const password = 'agent password 123';
  const sanne = `sanne-${randomBytes(3).toString('hex')}@example.test`;
  const orders = orderApi([
    order('100200', sanne, '2026-10-01T10:00:00Z'),
    order('100300', sanne, '2026-11-20T10:00:00Z', {
      carrier: 'PostNL',
      trackingNumber: '3SABC123',
      trackingUrl: 'https://tracking.example.test/3SABC123',
    }),
    order('100400', 'someone-else@example.test', '2026-11-25T10:00:00Z'),
  ]);
  let db: TestDatabase;
  let review: RunningService;
  let admin: ReturnType<typeof tokenClient>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await new Promise<void>((resolve) => orders.server.listen(0, '127.0.0.1', resolve));
    const orderBase = `http://127.0.0.1:${(orders.server.address() as AddressInfo).port}`;
    db = await createTestDatabase('customer_panel');
    review = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `cp-${randomBytes(4).toString('hex')}.`,
        REVIEW_ADMIN_EMAIL: 'admin@shop.test',
        REVIEW_ADMIN_PASSWORD: 'correct horse battery staple',
        REVIEW_API_TOKEN: apiToken,
        ORDERS_CONNECTOR: 'rest',
        ORDERS_REST_BY_EMAIL_URL: `${orderBase}/orders?email={email}`,
        ORDERS_REST_HEADERS: 'X-Api-Key: order-key',
      },
      'customer-panel',
    );
    await review.ready();
    admin = tokenClient(review.url, apiToken);
    await db.query(
      `INSERT INTO shops (id, name, business_hours, sla) SELECT 'b', 'Shop B', business_hours, sla FROM shops WHERE id = 'default'`,
    );
    // The bootstrap admin administers shop b too, to create b's admin.
    const [{ id: adminId }] = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@shop.test'`);
    await db.query(`INSERT INTO memberships (user_id, shop_id, role) VALUES ($1, 'b', 'admin')`, [adminId]);
    for (const [email, role, shop] of [
      ['agent1@shop.test', 'agent', 'default'],
      ['agent2@shop.test', 'agent', 'default'],
      ['other@shop-b.test', 'admin', 'b'],
    ] as const) {
      const res = await admin('/v1/users', {
        method: 'POST',
        json: { email, password, role },
        headers: { 'x-shop-id': shop },
      });
      expect(res.status).toBe(201);
    }
    for (const u of await db.query<{ id: string; email: string }>(`SELECT id, email FROM users`)) ids[u.email] = u.id;
  });

  afterAll(async () => {
    await review?.kill('SIGTERM');
    await db?.drop();
    await new Promise((resolve) => orders.server.close(resolve));
  });

  async function signIn(email: string) {
    const c = new SessionClient(review.url);
    expect((await c.login(email, password)).status).toBe(200);
    return c;
  }

  /** Another conversation of an existing customer, with one inbound message and a draft in `shopId`'s queue. */
  async function anotherConversation(customerAddress: string, shopId: string, subject: string, text: string, at: Date) {
    const [{ id: customerId }] = await db.query<{ id: string }>(`SELECT id FROM customers WHERE address = $1`, [
      customerAddress,
    ]);
    const conversationId = randomUUID();
    const messageId = randomUUID();
    const draftId = randomUUID();
    await db.query(
      `INSERT INTO conversations (id, customer_id, channel, mailbox, subject, normalized_subject, token, status, updated_at)
       VALUES ($1, $2, 'email', 'support@shop.test', $3, lower($3), $4, 'closed', $5)`,
      [conversationId, customerId, subject, randomBytes(8).toString('hex'), at],
    );
    await db.query(
      `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, occurred_at)
       VALUES ($1, $2, 'inbound', 'email', $3, $4, $5, $6, $6, $7)`,
      [messageId, conversationId, `<${messageId}@example.test>`, customerAddress, subject, text, at],
    );
    await db.query(
      `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id)
       VALUES ($1, $2, 'approved', 'review', $3, 'Done.', $4)`,
      [draftId, conversationId, JSON.stringify({ subject: `Re: ${subject}`, messageId }), shopId],
    );
    return { customerId, conversationId, draftId };
  }

  describe('GET /v1/drafts/:id/customer and /v1/customers/:customerId', () => {
    let current: { draftId: string; conversationId: string };
    let earlier: { customerId: string; conversationId: string };
    let inShopB: { conversationId: string; draftId: string };

    beforeAll(async () => {
      current = await seedItem(db, { customer: sanne });
      earlier = await anotherConversation(
        sanne,
        'default',
        'Retour fietsbel',
        'Ik wil mijn fietsbel terugsturen.\n\n> quoted',
        new Date('2026-10-05T09:00:00Z'),
      );
      inShopB = await anotherConversation(sanne, 'b', 'Other shop question', 'A question to shop B', new Date());
      await seedItem(db); // another customer of the same shop
    });

    it('shows the customer, only their conversations in this shop (newest first, this one marked) and their orders', async () => {
      const c = await signIn('agent1@shop.test');
      const res = await c.fetch(`/v1/drafts/${current.draftId}/customer`);
      expect(res.status).toBe(200);
      const panel = await read<Panel>(res);
      expect(panel.customer).toMatchObject({
        id: earlier.customerId,
        name: 'Sanne de Vries',
        kind: 'email',
        email: sanne,
        chat: null,
      });
      expect(panel.conversations.map((x: { id: string }) => x.id)).toEqual([
        current.conversationId,
        earlier.conversationId,
      ]);
      expect(panel.conversations[0]).toMatchObject({
        current: true,
        status: 'open',
        channel: 'email',
        messageCount: 1,
      });
      expect(panel.conversations[1]).toMatchObject({
        current: false,
        subject: 'Retour fietsbel',
        firstLine: 'Ik wil mijn fietsbel terugsturen.\n\n> quoted',
        status: 'closed',
        lastActivityAt: '2026-10-05T09:00:00.000Z',
      });
      // From the order API through the REST connector: this address's orders only, newest first, no address.
      expect(panel.orders).toMatchObject({ source: 'cached:rest', reason: null });
      expect(panel.orders.items).toEqual([
        expect.objectContaining({
          orderNumber: '100300',
          status: 'shipped',
          total: { amount: 59.95, currency: 'EUR' },
          trackingUrl: 'https://tracking.example.test/3SABC123',
          trackingNumber: '3SABC123',
        }),
        expect.objectContaining({ orderNumber: '100200', trackingUrl: null }),
      ]);
      expect(JSON.stringify(panel)).not.toContain('Damrak');
      expect(orders.asked).toContain(sanne);

      const byId = await read<Panel>(c.fetch(`/v1/customers/${earlier.customerId}`));
      expect(byId.conversations.map((x: { id: string }) => x.id)).toEqual([
        current.conversationId,
        earlier.conversationId,
      ]);
      expect(byId.conversations.every((x: { current: boolean }) => !x.current)).toBe(true);
    });

    it("keeps shops apart: shop B sees only its own conversation of the customer, and another shop's customer is a 404", async () => {
      const b = await signIn('other@shop-b.test');
      const panel = await read<Panel>(b.fetch(`/v1/customers/${earlier.customerId}`));
      expect(panel.conversations.map((x: { id: string }) => x.id)).toEqual([inShopB.conversationId]);
      expect((await b.fetch(`/v1/drafts/${current.draftId}/customer`)).status).toBe(404);

      const onlyDefault = await seedItem(db);
      const [{ customer_id: customerId }] = await db.query<{ customer_id: string }>(
        `SELECT customer_id FROM conversations WHERE id = $1`,
        [onlyDefault.conversationId],
      );
      const res = await b.fetch(`/v1/customers/${customerId}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
      const a = await signIn('agent1@shop.test');
      expect((await a.fetch(`/v1/customers/${customerId}`)).status).toBe(200);
      expect((await a.fetch(`/v1/customers/${customerId}`, { headers: { 'x-shop-id': 'b' } })).status).toBe(403);
    });

    it('answers 404 for an unknown customer, 400 for a malformed id and 401 without signing in', async () => {
      const c = await signIn('agent1@shop.test');
      expect((await c.fetch(`/v1/customers/${randomUUID()}`)).status).toBe(404);
      expect((await c.fetch(`/v1/drafts/${randomUUID()}/customer`)).status).toBe(404);
      expect((await c.fetch(`/v1/customers/not-a-uuid`)).status).toBe(400);
      expect((await fetch(`${review.url}/v1/customers/${earlier.customerId}`)).status).toBe(401);
      expect((await fetch(`${review.url}/v1/drafts/${current.draftId}/customer`)).status).toBe(401);
    });

    it('names a chat customer by channel and handle, and asks the order source nothing for them', async () => {
      const chat = await seedItem(db, { customer: 'chat:shop-web:cust-99', channel: 'chat' });
      const before = orders.asked.length;
      const panel = await read<Panel>((await signIn('agent1@shop.test')).fetch(`/v1/drafts/${chat.draftId}/customer`));
      expect(panel.customer).toMatchObject({
        kind: 'chat',
        email: null,
        chat: { channel: 'shop-web', handle: 'cust-99' },
      });
      expect(panel.orders).toEqual({ source: 'cached:rest', items: [], reason: 'no_order_reference' });
      expect(orders.asked.length).toBe(before);
    });
  });

  describe('notes with @mentions', () => {
    it('stores whom a note mentions; the mentioned colleague sees it unread until they mark it read', async () => {
      const { draftId, conversationId } = await seedItem(db);
      const one = await signIn('agent1@shop.test');
      const two = await signIn('agent2@shop.test');
      const colleagues = (await read<{ items: { email: string }[] }>(one.fetch('/v1/colleagues'))).items.map(
        (u) => u.email,
      );
      expect(colleagues).toEqual(expect.arrayContaining(['agent1@shop.test', 'agent2@shop.test', 'admin@shop.test']));
      expect(colleagues).not.toContain('other@shop-b.test');
      const before = (await read<Mentions>(two.fetch('/v1/mentions'))).unread;

      const res = await one.fetch(`/v1/drafts/${draftId}/notes`, {
        method: 'POST',
        json: { body: '@agent2 can you call the carrier?', mentions: [ids['agent2@shop.test']] },
      });
      expect(res.status).toBe(201);
      const note = await read<{ id: string; mentions: string[] }>(res);
      expect(note.mentions).toEqual([ids['agent2@shop.test']]);

      const mine = await read<Mentions>(two.fetch('/v1/mentions'));
      expect(mine.unread).toBe(before + 1);
      expect(mine.items[0]).toMatchObject({
        noteId: note.id,
        draftId,
        conversationId,
        body: '@agent2 can you call the carrier?',
        author: 'agent1@shop.test',
      });
      expect((await read<Mentions>(one.fetch('/v1/mentions'))).items.map((m) => m.noteId)).not.toContain(note.id);
      const detail = await read<{ notes: unknown[] }>(two.fetch(`/v1/drafts/${draftId}`));
      expect(detail.notes.at(-1)).toMatchObject({
        body: '@agent2 can you call the carrier?',
        mentions: [{ id: ids['agent2@shop.test'], email: 'agent2@shop.test', name: '' }],
      });

      // Only the mentioned user can mark their mention read.
      const byOther = await one.fetch('/v1/mentions/read', { method: 'POST', json: { noteIds: [note.id] } });
      expect(await byOther.json()).toMatchObject({ marked: 0 });
      const marked = await two.fetch('/v1/mentions/read', { method: 'POST', json: { noteIds: [note.id] } });
      expect(marked.status).toBe(200);
      expect(await marked.json()).toEqual({ marked: 1, unread: before });
      expect((await read<Mentions>(two.fetch('/v1/mentions'))).unread).toBe(before);
    });

    it('refuses a mention of someone outside the shop, or not an id, with a 400 naming the field', async () => {
      const { draftId } = await seedItem(db);
      const one = await signIn('agent1@shop.test');
      const stranger = await one.fetch(`/v1/drafts/${draftId}/notes`, {
        method: 'POST',
        json: { body: 'ask them', mentions: [ids['agent2@shop.test'], ids['other@shop-b.test']] },
      });
      expect(stranger.status).toBe(400);
      expect(await stranger.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'mentions.1', message: 'is not a colleague in this shop' }],
      });
      const malformed = await one.fetch(`/v1/drafts/${draftId}/notes`, {
        method: 'POST',
        json: { body: 'ask them', mentions: ['agent2'] },
      });
      expect(malformed.status).toBe(400);
      expect((await read<Refusal>(malformed)).errors[0].field).toBe('mentions.0');
      const badRead = await one.fetch('/v1/mentions/read', { method: 'POST', json: { noteIds: ['x'] } });
      expect(badRead.status).toBe(400);
      expect((await read<Refusal>(badRead)).errors[0].field).toBe('noteIds.0');
      // Nothing was stored for the refused notes.
      expect(await db.query(`SELECT 1 FROM review_notes WHERE draft_id = $1`, [draftId])).toHaveLength(0);
    });

    it('needs a signed-in member for mentions and colleagues', async () => {
      expect((await fetch(`${review.url}/v1/mentions`)).status).toBe(401);
      expect((await fetch(`${review.url}/v1/colleagues`)).status).toBe(401);
      const res = await fetch(`${review.url}/v1/mentions/read`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ noteIds: ['1'] }),
      });
      expect(res.status).toBe(401);
    });
  });
});
