import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { RunningService, startService } from '../support/services';
import { seedItem, SessionClient, tokenClient } from './review-fixtures';

const ORDER = {
  orderNumber: '100234',
  status: 'shipped',
  placedAt: '2026-11-20T10:00:00Z',
  total: { amount: 59.95, currency: 'EUR' },
  items: [{ name: 'Fietsbel', quantity: 1 }],
  carrier: 'PostNL',
  trackingUrl: 'https://track.example/3SABC',
};

interface Canned {
  id: string;
  language: string;
  title: string;
  body: string;
}

/** Canned replies, shop settings, roles and API tokens through the review API on the real PostgreSQL. */
describe('desk settings API', () => {
  const password = 'settings password 12';
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  let db: TestDatabase;
  let review: RunningService;
  let admin: ReturnType<typeof tokenClient>;
  let lead: SessionClient;
  let agent: SessionClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('settings_api');
    review = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `st-${randomBytes(4).toString('hex')}.`,
        REVIEW_ADMIN_EMAIL: 'admin@shop.test',
        REVIEW_ADMIN_PASSWORD: password,
        REVIEW_API_TOKEN: apiToken,
        REVIEW_SEND_DELAY_SECONDS: '10',
      },
      'settings-api',
    );
    await review.ready();
    admin = tokenClient(review.url, apiToken);
    await db.query(
      `INSERT INTO shops (id, name, business_hours, sla) SELECT 'b', 'Shop B', business_hours, sla FROM shops WHERE id = 'default'`,
    );
    for (const [email, name, role] of [
      ['lead@shop.test', 'Joris', 'lead'],
      ['agent@shop.test', '', 'agent'],
    ] as const) {
      const res = await admin('/v1/users', { method: 'POST', json: { email, name, password, role } });
      expect(res.status).toBe(201);
      ids[role] = ((await res.json()) as { id: string }).id;
    }
    lead = new SessionClient(review.url);
    agent = new SessionClient(review.url);
    expect((await lead.login('lead@shop.test', password)).status).toBe(200);
    expect((await agent.login('agent@shop.test', password)).status).toBe(200);
    ids.admin = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@shop.test'`))[0].id;
  });

  afterAll(async () => {
    await review?.kill('SIGTERM');
    await db?.drop();
  });

  const create = (c: SessionClient, json: unknown) => c.fetch('/v1/canned-replies', { method: 'POST', json });

  describe('canned replies', () => {
    it('lets a lead add, find, change and delete one, each change in the audit log', async () => {
      const res = await create(lead, {
        language: 'NL',
        title: 'Pakket onderweg',
        body: 'Beste {{customer.name}}, bestelling {{ order.number }} is {{order.status}}. Groet, {{agent.name}}',
      });
      expect(res.status).toBe(201);
      const created = (await res.json()) as Canned;
      expect(created).toMatchObject({ language: 'nl', title: 'Pakket onderweg', updatedBy: 'lead@shop.test' });
      expect(
        (await create(lead, { language: 'en', title: 'Parcel on its way', body: 'Hi {{customer.name}}' })).status,
      ).toBe(201);

      const list = async (query: string) =>
        ((await (await agent.fetch(`/v1/canned-replies${query}`)).json()) as { items: Canned[] }).items.map(
          (c) => c.title,
        );
      expect(await list('')).toEqual(['Parcel on its way', 'Pakket onderweg']);
      expect(await list('?language=nl')).toEqual(['Pakket onderweg']);
      expect(await list('?q=ONDERWEG')).toEqual(['Pakket onderweg']);
      expect(await list('?q=groet')).toEqual(['Pakket onderweg']);
      expect(await list('?q=50%25')).toEqual([]);

      const changed = await lead.fetch(`/v1/canned-replies/${created.id}`, {
        method: 'PATCH',
        json: { title: 'Bestelling onderweg' },
      });
      expect(changed.status).toBe(200);
      expect(await changed.json()).toMatchObject({ title: 'Bestelling onderweg', body: created.body });
      expect((await agent.fetch(`/v1/canned-replies/${created.id}`)).status).toBe(200);

      expect((await lead.fetch(`/v1/canned-replies/${created.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await agent.fetch(`/v1/canned-replies/${created.id}`)).status).toBe(404);
      expect((await lead.fetch(`/v1/canned-replies/${created.id}`, { method: 'DELETE' })).status).toBe(404);
      const audit = await db.query<{ action: string; actor: string }>(
        `SELECT action, actor FROM audit_log WHERE entity = 'canned_reply' AND entity_id = $1 ORDER BY id`,
        [created.id],
      );
      expect(audit).toEqual([
        { action: 'canned_create', actor: 'lead@shop.test' },
        { action: 'canned_update', actor: 'lead@shop.test' },
        { action: 'canned_delete', actor: 'lead@shop.test' },
      ]);
    });

    it('lets an agent read but not write them: 403', async () => {
      const res = await create(agent, { language: 'nl', title: 'Van een agent', body: 'Hallo' });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'ROLE_REQUIRED' });
      const [existing] = ((await (await agent.fetch('/v1/canned-replies')).json()) as { items: Canned[] }).items;
      const patch = await agent.fetch(`/v1/canned-replies/${existing.id}`, { method: 'PATCH', json: { title: 'x' } });
      expect(patch.status).toBe(403);
      expect((await agent.fetch(`/v1/canned-replies/${existing.id}`, { method: 'DELETE' })).status).toBe(403);
      expect(await db.query(`SELECT 1 FROM canned_replies WHERE title = 'Van een agent'`)).toHaveLength(0);
    });

    it('refuses unknown placeholders, bad fields and a title already used, naming the field', async () => {
      const refused = async (json: unknown, status = 400) => {
        const res = await create(lead, json);
        expect(res.status).toBe(status);
        return ((await res.json()) as { errors: { field: string; message: string }[] }).errors;
      };
      expect(await refused({ language: 'nl', title: 'Typo', body: 'Hoi {{customer.naam}}' })).toEqual([
        { field: 'body', message: expect.stringContaining('unknown placeholder {{customer.naam}}') },
      ]);
      expect(await refused({ language: 'nl', title: 'Open', body: 'Hoi {{customer.name' })).toEqual([
        { field: 'body', message: expect.stringContaining('not closed') },
      ]);
      expect(await refused({ language: 'dutch', title: 'Taal', body: 'Hoi' })).toEqual([
        { field: 'language', message: expect.any(String) },
      ]);
      expect(await refused({ language: 'nl', title: ' ', body: 'Hoi', colour: 'red' })).toEqual(
        expect.arrayContaining([
          { field: 'title', message: expect.any(String) },
          { field: 'colour', message: 'is not a known field' },
        ]),
      );
      expect(await refused({ language: 'en', title: 'PARCEL ON ITS WAY', body: 'Hi' }, 409)).toEqual([
        { field: 'title', message: expect.any(String) },
      ]);
      const [existing] = ((await (await lead.fetch('/v1/canned-replies?language=en')).json()) as { items: Canned[] })
        .items;
      const badPatch = await lead.fetch(`/v1/canned-replies/${existing.id}`, {
        method: 'PATCH',
        json: { body: '{{order.total}}' },
      });
      expect(badPatch.status).toBe(400);
      expect(((await badPatch.json()) as { errors: { field: string }[] }).errors[0].field).toBe('body');
      expect((await lead.fetch(`/v1/canned-replies/${existing.id}`, { method: 'PATCH', json: {} })).status).toBe(400);
      expect((await lead.fetch('/v1/canned-replies?language=nl&colour=red')).status).toBe(400);
    });

    it('keeps one shop’s canned replies from another', async () => {
      const other = await admin('/v1/canned-replies', {
        method: 'POST',
        json: { language: 'nl', title: 'Alleen B', body: 'Hoi' },
        headers: { 'x-shop-id': 'b' },
      });
      // The bootstrap admin is not a member of shop b.
      expect(other.status).toBe(403);
      const id = randomUUID();
      await db.query(
        `INSERT INTO canned_replies (id, shop_id, language, title, body, updated_by) VALUES ($1, 'b', 'nl', 'Alleen B', 'Hoi', 'x')`,
        [id],
      );
      expect((await agent.fetch(`/v1/canned-replies/${id}`)).status).toBe(404);
      expect((await lead.fetch(`/v1/canned-replies/${id}`, { method: 'PATCH', json: { title: 'Van A' } })).status).toBe(
        404,
      );
      expect((await lead.fetch(`/v1/canned-replies/${id}`, { method: 'DELETE' })).status).toBe(404);
      const titles = ((await (await agent.fetch('/v1/canned-replies')).json()) as { items: Canned[] }).items.map(
        (c) => c.title,
      );
      expect(titles).not.toContain('Alleen B');
    });

    it('fills the placeholders from the draft’s order facts and the agent, leaving unknown values visible', async () => {
      const canned = (await (
        await create(lead, {
          language: 'nl',
          title: 'Track en trace',
          body: 'Beste {{customer.name}}, bestelling {{order.number}} is {{order.status}}: {{order.tracking_url}}\n{{agent.name}}',
        })
      ).json()) as Canned;
      const grounded = await seedItem(db);
      await db.query(`UPDATE review_items SET payload = jsonb_set(payload, '{orderFacts}', $2) WHERE draft_id = $1`, [
        grounded.draftId,
        JSON.stringify(ORDER),
      ]);
      const render = (c: SessionClient, draftId: string, cannedId = canned.id) =>
        c.fetch(`/v1/drafts/${draftId}/canned/${cannedId}/render`, { method: 'POST' });

      const byLead = await render(lead, grounded.draftId);
      expect(byLead.status).toBe(200);
      expect(await byLead.json()).toEqual({
        cannedId: canned.id,
        title: 'Track en trace',
        language: 'nl',
        text: 'Beste Sanne de Vries, bestelling 100234 is verzonden: https://track.example/3SABC\nJoris',
        missing: [],
      });

      // No order behind this draft, and an agent without a name: those stay for the agent to fill in.
      const ungrounded = await seedItem(db);
      const byAgent = (await (await render(agent, ungrounded.draftId)).json()) as { text: string; missing: string[] };
      expect(byAgent.text).toBe(
        'Beste Sanne de Vries, bestelling {{order.number}} is {{order.status}}: {{order.tracking_url}}\n{{agent.name}}',
      );
      expect(byAgent.missing).toEqual(['order.number', 'order.status', 'order.tracking_url', 'agent.name']);

      // Sending the text with a placeholder still in it is refused, naming the field.
      for (const action of ['approve', 'reply']) {
        const res = await agent.fetch(`/v1/drafts/${ungrounded.draftId}/${action}`, {
          method: 'POST',
          json: { body: byAgent.text },
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({
          errors: [{ field: 'body', message: expect.stringContaining('{{order.number}}') }],
        });
      }

      const elsewhere = await seedItem(db, { shopId: 'b' });
      expect((await render(agent, elsewhere.draftId)).status).toBe(404);
      expect((await render(agent, grounded.draftId, randomUUID())).status).toBe(404);
      expect((await render(agent, grounded.draftId, 'not-a-uuid')).status).toBe(400);
    });
  });

  describe('shop settings', () => {
    it('shows leads the hours, SLA targets and send delay; only admins change them', async () => {
      const res = await lead.fetch('/v1/shop/settings');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        shopId: 'default',
        sendDelaySeconds: null,
        defaultSendDelaySeconds: 10,
        businessHours: { timezone: 'Europe/Amsterdam', days: { '1': ['09:00', '17:30'] } },
        sla: { firstResponse: { urgent: 60 } },
      });
      expect((await agent.fetch('/v1/shop/settings')).status).toBe(403);
      const byLead = await lead.fetch('/v1/shop/settings', { method: 'PATCH', json: { sendDelaySeconds: 30 } });
      expect(byLead.status).toBe(403);
    });

    it('takes a new send delay, which the next approval waits out, and hours and targets', async () => {
      const sla = {
        firstResponse: { urgent: 30, high: 120, normal: 240, low: 480 },
        nextResponse: { urgent: 60, high: 240, normal: 480, low: 960 },
      };
      const businessHours = { timezone: 'Europe/Brussels', days: { '1': ['08:00', '18:00'], '6': ['10:00', '14:00'] } };
      const res = await admin('/v1/shop/settings', {
        method: 'PATCH',
        json: { sendDelaySeconds: 45, sla, businessHours },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ sendDelaySeconds: 45, sla, businessHours });
      expect(await db.query(`SELECT send_delay_seconds, sla, business_hours FROM shops WHERE id = 'default'`)).toEqual([
        { send_delay_seconds: 45, sla, business_hours: businessHours },
      ]);

      const { draftId } = await seedItem(db);
      const approved = await agent.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: { version: 1 } });
      expect(approved.status).toBe(200);
      const { sendAt } = (await approved.json()) as { sendAt: string };
      expect(new Date(sendAt).getTime() - Date.now()).toBeGreaterThan(40_000);

      const back = await admin('/v1/shop/settings', { method: 'PATCH', json: { sendDelaySeconds: null } });
      expect(await back.json()).toMatchObject({ sendDelaySeconds: null, defaultSendDelaySeconds: 10, sla });
      const audit = await db.query<{ actor: string }>(
        `SELECT actor FROM audit_log WHERE entity = 'shop' AND action = 'shop_settings_update'`,
      );
      expect(audit).toHaveLength(2);
    });

    it('refuses bad settings, naming the field', async () => {
      const errors = async (json: unknown) => {
        const res = await admin('/v1/shop/settings', { method: 'PATCH', json });
        expect(res.status).toBe(400);
        return ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
      };
      expect(await errors({ sendDelaySeconds: 601 })).toEqual(['sendDelaySeconds']);
      expect(await errors({ sendDelaySeconds: 2.5 })).toEqual(['sendDelaySeconds']);
      expect(await errors({ businessHours: { timezone: 'Mars/Olympus', days: { '1': ['09:00', '17:00'] } } })).toEqual([
        'businessHours.timezone',
      ]);
      expect(await errors({ businessHours: { timezone: 'Europe/Amsterdam', days: {} } })).toEqual([
        'businessHours.days',
      ]);
      expect(
        await errors({ businessHours: { timezone: 'Europe/Amsterdam', days: { '1': ['17:00', '09:00'] } } }),
      ).toEqual(['businessHours.days.1']);
      expect(
        await errors({ businessHours: { timezone: 'Europe/Amsterdam', days: { '8': ['09:00', '17:00'] } } }),
      ).toEqual(expect.arrayContaining(['businessHours.days.8']));
      const sla = { urgent: 0, high: 1, normal: 1, low: 1 };
      expect(await errors({ sla: { firstResponse: sla, nextResponse: { ...sla, urgent: 1 } } })).toEqual([
        'sla.firstResponse.urgent',
      ]);
      expect(await errors({})).toEqual(['(body)']);
      expect(await errors({ name: 'Another name' })).toEqual(['name', '(body)']);
    });
  });

  describe('users and tokens', () => {
    it('changes a role; an agent may not; the only admin cannot be demoted or removed', async () => {
      const role = (id: string, json: unknown, c: SessionClient | null = null) =>
        c ? c.fetch(`/v1/users/${id}`, { method: 'PATCH', json }) : admin(`/v1/users/${id}`, { method: 'PATCH', json });
      expect((await role(ids.agent, { role: 'lead' }, agent)).status).toBe(403);
      expect((await role(ids.agent, { role: 'lead' }, lead)).status).toBe(403);

      const demote = await role(ids.admin, { role: 'lead' });
      expect(demote.status).toBe(409);
      expect(await demote.json()).toMatchObject({ code: 'LAST_ADMIN', errors: [{ field: 'role' }] });
      const remove = await admin(`/v1/users/${ids.admin}`, { method: 'DELETE' });
      expect(remove.status).toBe(409);

      expect((await role(ids.lead, { role: 'admin' })).status).toBe(200);
      expect((await role(ids.lead, { role: 'lead' })).status).toBe(200);
      const bad = await role(ids.lead, { role: 'owner' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { field: string }[] }).errors[0].field).toBe('role');
      expect((await role(randomUUID(), { role: 'agent' })).status).toBe(404);
      const users = ((await (await lead.fetch('/v1/users')).json()) as { items: { email: string; role: string }[] })
        .items;
      expect(users.map((u) => [u.email, u.role])).toEqual([
        ['admin@shop.test', 'admin'],
        ['agent@shop.test', 'agent'],
        ['lead@shop.test', 'lead'],
      ]);
    });

    it('lists tokens without their secret: an admin every user’s, others their own; anyone revokes their own', async () => {
      const made = (await (await lead.fetch('/v1/tokens', { method: 'POST', json: { name: 'sync' } })).json()) as {
        id: string;
        token: string;
      };
      const listed = await (await lead.fetch('/v1/tokens')).text();
      expect(listed).not.toContain(made.token);
      expect(JSON.parse(listed).items).toEqual([
        expect.objectContaining({ id: made.id, name: 'sync', owner: 'lead@shop.test', own: true, revocable: true }),
      ]);
      const all = ((await (await admin('/v1/tokens')).json()) as { items: { name: string; revocable: boolean }[] })
        .items;
      expect(all.map((t) => [t.name, t.revocable])).toEqual([
        ['sync', true],
        ['REVIEW_API_TOKEN', true],
      ]);
      expect(((await (await agent.fetch('/v1/tokens')).json()) as { items: unknown[] }).items).toEqual([]);

      const byAgent = await agent.fetch(`/v1/tokens/${made.id}`, { method: 'DELETE' });
      expect(byAgent.status).toBe(403);
      expect((await tokenClient(review.url, made.token)('/v1/drafts')).status).toBe(200);
      expect((await lead.fetch(`/v1/tokens/${made.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await tokenClient(review.url, made.token)('/v1/drafts')).status).toBe(401);
      expect(((await (await lead.fetch('/v1/tokens')).json()) as { items: unknown[] }).items).toEqual([]);
    });

    it('marks a token used at most once a minute, so that requests on one token do not queue on its row', async () => {
      const made = (await (await lead.fetch('/v1/tokens', { method: 'POST', json: { name: 'poller' } })).json()) as {
        id: string;
        token: string;
      };
      const usedAt = async () =>
        (
          await db.query<{ last_used_at: Date | null }>(`SELECT last_used_at FROM api_tokens WHERE id = $1`, [made.id])
        )[0].last_used_at;
      const call = tokenClient(review.url, made.token);
      expect(await usedAt()).toBeNull();
      expect((await call('/v1/drafts')).status).toBe(200);
      const first = await usedAt();
      expect(first).not.toBeNull();
      expect((await call('/v1/drafts')).status).toBe(200);
      expect(await usedAt()).toEqual(first);
      await db.query(`UPDATE api_tokens SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [made.id]);
      const before = (await usedAt())!;
      expect((await call('/v1/drafts')).status).toBe(200);
      expect((await usedAt())!.getTime()).toBeGreaterThan(before.getTime());
      expect((await lead.fetch(`/v1/tokens/${made.id}`, { method: 'DELETE' })).status).toBe(204);
    });
  });
});
