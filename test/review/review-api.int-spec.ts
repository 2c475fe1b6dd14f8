import { createEvent, Topics } from '@draftdesk/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { RunningService, startService } from '../support/services';
import { publishEvents } from '../support/inbound';
import { draftedFor, seedItem, SessionClient, tokenClient } from './review-fixtures';

/** The review API on the real PostgreSQL: sign-in, roles, shop isolation, the claim lock, versions, every action. */
describe('review API', () => {
  const adminEmail = 'admin@shop.test';
  const adminPassword = 'correct horse battery staple';
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  let db: TestDatabase;
  let review: RunningService;
  let admin: ReturnType<typeof tokenClient>;
  const agent = () => new SessionClient(review.url);
  const password = 'agent password 123';
  const topicPrefix = `rv-${randomBytes(4).toString('hex')}.`;

  beforeAll(async () => {
    db = await createTestDatabase('review_api');
    review = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: topicPrefix,
        REVIEW_ADMIN_EMAIL: adminEmail,
        REVIEW_ADMIN_PASSWORD: adminPassword,
        REVIEW_API_TOKEN: apiToken,
        REVIEW_SLA_SWEEP_SECONDS: '1',
      },
      'review-api',
    );
    await review.ready();
    admin = tokenClient(review.url, apiToken);
    await db.query(
      `INSERT INTO shops (id, name, business_hours, sla) SELECT 'b', 'Shop B', business_hours, sla FROM shops WHERE id = 'default'`,
    );
    for (const [email, role, shop] of [
      ['agent1@shop.test', 'agent', 'default'],
      ['agent2@shop.test', 'agent', 'default'],
      ['lead@shop.test', 'lead', 'default'],
    ] as const) {
      const res = await admin('/v1/users', {
        method: 'POST',
        json: { email, password, role },
        headers: { 'x-shop-id': shop },
      });
      expect(res.status).toBe(201);
    }
    const adminId = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [adminEmail]))[0].id;
    await db.query(`INSERT INTO memberships (user_id, shop_id, role) VALUES ($1, 'b', 'admin')`, [adminId]);
    expect(
      (
        await admin('/v1/users', {
          method: 'POST',
          json: { email: 'other@shop-b.test', password, role: 'admin' },
          headers: { 'x-shop-id': 'b' },
        })
      ).status,
    ).toBe(201);
  });

  afterAll(async () => {
    await review?.kill('SIGTERM');
    await db?.drop();
  });

  async function signIn(email: string) {
    const c = agent();
    expect((await c.login(email, password)).status).toBe(200);
    return c;
  }

  describe('sign-in and sessions', () => {
    it('refuses anonymous calls, wrong passwords and unknown tokens', async () => {
      expect((await fetch(`${review.url}/v1/drafts`)).status).toBe(401);
      expect((await agent().login('agent1@shop.test', 'wrong password')).status).toBe(401);
      expect((await agent().login('nobody@shop.test', password)).status).toBe(401);
      expect((await tokenClient(review.url, 'ddt_not-a-token')('/v1/drafts')).status).toBe(401);
    });

    it('sets an http-only SameSite=Lax session cookie (not Secure on loopback) and stores only hashes', async () => {
      const res = await agent().login('agent1@shop.test', password);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^dd_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; SameSite=Lax; HttpOnly$/);
      const value = cookie.split(';')[0].split('=')[1];
      expect(await db.query(`SELECT 1 FROM sessions WHERE id_hash = $1`, [value])).toHaveLength(0);
      const hash = (
        await db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'agent1@shop.test'`)
      )[0].password_hash;
      expect(hash).toMatch(/^\$argon2id\$/);
    });

    it('requires the CSRF token for cookie-authenticated writes', async () => {
      const c = await signIn('agent1@shop.test');
      const { draftId } = await seedItem(db);
      expect(
        (await c.fetch(`/v1/drafts/${draftId}/notes`, { method: 'POST', json: { body: 'x' }, csrf: false })).status,
      ).toBe(403);
      expect(
        (
          await c.fetch(`/v1/drafts/${draftId}/notes`, {
            method: 'POST',
            json: { body: 'x' },
            headers: { 'x-csrf-token': 'forged' },
          })
        ).status,
      ).toBe(403);
      expect(
        (await c.fetch(`/v1/drafts/${draftId}/notes`, { method: 'POST', json: { body: 'checked the carrier' } }))
          .status,
      ).toBe(201);
    });

    it('ends the session on logout', async () => {
      const c = await signIn('agent1@shop.test');
      expect((await c.fetch('/v1/auth/me')).status).toBe(200);
      expect((await c.fetch('/v1/auth/logout', { method: 'POST' })).status).toBe(204);
      expect((await c.fetch('/v1/auth/me')).status).toBe(401);
    });

    it('issues API tokens, hashed at rest, that can be revoked', async () => {
      const c = await signIn('lead@shop.test');
      const created = (await (
        await c.fetch('/v1/tokens', { method: 'POST', json: { name: 'helpdesk sync' } })
      ).json()) as { id: string; token: string };
      expect(await db.query(`SELECT 1 FROM api_tokens WHERE token_hash = $1`, [created.token])).toHaveLength(0);
      const lead = tokenClient(review.url, created.token);
      expect((await lead('/v1/drafts')).status).toBe(200);
      expect((await admin(`/v1/tokens/${created.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await lead('/v1/drafts')).status).toBe(401);
    });
  });

  describe('roles and shops', () => {
    it('lets only admins manage users and only leads reassign', async () => {
      const a = await signIn('agent1@shop.test');
      expect(
        (await a.fetch('/v1/users', { method: 'POST', json: { email: 'x@shop.test', role: 'admin' } })).status,
      ).toBe(403);
      expect((await a.fetch('/v1/users')).status).toBe(403);
      const { draftId } = await seedItem(db);
      expect(
        (await a.fetch(`/v1/drafts/${draftId}/reassign`, { method: 'POST', json: { assigneeId: null } })).status,
      ).toBe(403);
      expect((await a.fetch('/v1/audit')).status).toBe(403);
      const lead = await signIn('lead@shop.test');
      expect((await lead.fetch('/v1/users')).status).toBe(200);
      expect(
        (await lead.fetch('/v1/users', { method: 'POST', json: { email: 'x@shop.test', role: 'admin' } })).status,
      ).toBe(403);
    });

    it('keeps one shop from seeing or touching another shop’s drafts', async () => {
      const mine = await seedItem(db, { shopId: 'default' });
      const theirs = await seedItem(db, { shopId: 'b' });
      const b = await signIn('other@shop-b.test');
      const listed = ((await (await b.fetch('/v1/drafts')).json()) as { items: { draftId: string }[] }).items.map(
        (i) => i.draftId,
      );
      expect(listed).toContain(theirs.draftId);
      expect(listed).not.toContain(mine.draftId);
      expect((await b.fetch(`/v1/drafts/${mine.draftId}`)).status).toBe(404);
      expect((await b.fetch(`/v1/drafts/${mine.draftId}/approve`, { method: 'POST', json: {} })).status).toBe(404);
      expect((await b.fetch(`/v1/drafts/${mine.draftId}/audit`)).status).toBe(404);
      expect((await b.fetch('/v1/drafts', { headers: { 'x-shop-id': 'default' } })).status).toBe(403);
      const a = await signIn('agent1@shop.test');
      expect((await a.fetch(`/v1/drafts/${theirs.draftId}`)).status).toBe(404);
      expect((await a.fetch('/v1/drafts?shop=b')).status).toBe(403);
      const stillPending = await db.query(`SELECT status FROM review_items WHERE draft_id = $1`, [mine.draftId]);
      expect(stillPending).toEqual([{ status: 'pending' }]);
    });

    it('sends an escalated draft to a lead', async () => {
      const { draftId } = await seedItem(db);
      const a = await signIn('agent1@shop.test');
      expect(
        (await a.fetch(`/v1/drafts/${draftId}/escalate`, { method: 'POST', json: { reason: 'refund above limit' } }))
          .status,
      ).toBe(200);
      const refused = await a.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: {} });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('ESCALATED_TO_LEAD');
      const lead = await signIn('lead@shop.test');
      expect((await lead.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: {} })).status).toBe(200);
    });
  });

  describe('the queue', () => {
    it('filters, sorts by due time and counts', async () => {
      const c = await signIn('agent2@shop.test');
      const tag = `intent_${randomBytes(3).toString('hex')}`;
      const late = await seedItem(db, { intent: tag, priority: 'low', dueAt: new Date(Date.now() + 7200_000) });
      const soon = await seedItem(db, {
        intent: tag,
        priority: 'urgent',
        dueAt: new Date(Date.now() + 600_000),
        language: 'en',
        channel: 'chat',
      });
      const items = ((await (await c.fetch(`/v1/drafts?intent=${tag}`)).json()) as { items: { draftId: string }[] })
        .items;
      expect(items.map((i) => i.draftId)).toEqual([soon.draftId, late.draftId]);
      const urgent = (
        (await (await c.fetch(`/v1/drafts?intent=${tag}&priority=urgent&language=en&channel=chat`)).json()) as {
          items: { draftId: string }[];
        }
      ).items;
      expect(urgent.map((i) => i.draftId)).toEqual([soon.draftId]);
      const counts = (await (await c.fetch('/v1/drafts/counts')).json()) as {
        total: number;
        intent: Record<string, number>;
        priority: Record<string, number>;
      };
      expect(counts.intent[tag]).toBe(2);
      expect(counts.total).toBeGreaterThanOrEqual(2);
      expect(Object.values(counts.priority).reduce((a, b) => a + b, 0)).toBe(counts.total);
      expect((await c.fetch('/v1/drafts?status=bogus')).status).toBe(400);
    });

    it('shows the conversation, triage, reasons, citations and order facts with an ETag', async () => {
      const { draftId, conversationId } = await seedItem(db);
      const c = await signIn('agent2@shop.test');
      const res = await c.fetch(`/v1/drafts/${draftId}`);
      expect(res.headers.get('etag')).toBe('"1"');
      const detail = (await res.json()) as any;
      expect(detail.conversation.id).toBe(conversationId);
      expect(detail.conversation.messages).toHaveLength(1);
      expect(detail.conversation.customer.name).toBe('Sanne de Vries');
      expect(detail.triage.intent).toBe('track_order');
      expect(detail.item.citations).toContain('kb:shipping');
      expect(detail.orderFacts.entities).toEqual([{ type: 'order_number', value: '100234' }]);
      expect(detail.orderFacts.citedRecords).toEqual(['order:100234']);
    });
  });

  describe('claims and versions', () => {
    it('lets one agent hold a draft; the second gets 409 until the claim expires', async () => {
      const { draftId } = await seedItem(db);
      const one = await signIn('agent1@shop.test');
      const two = await signIn('agent2@shop.test');
      const claimed = await one.fetch(`/v1/drafts/${draftId}/claim`, { method: 'POST', json: {} });
      expect(claimed.status).toBe(200);
      expect(claimed.headers.get('etag')).toBe('"2"');
      const second = await two.fetch(`/v1/drafts/${draftId}/claim`, { method: 'POST', json: {} });
      expect(second.status).toBe(409);
      expect(((await second.json()) as { code: string }).code).toBe('DRAFT_CLAIMED');
      expect((await two.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: {} })).status).toBe(409);
      // The claim times out: the lock is released without anyone releasing it.
      await db.query(`UPDATE review_items SET claim_expires_at = now() - interval '1 second' WHERE draft_id = $1`, [
        draftId,
      ]);
      expect((await two.fetch(`/v1/drafts/${draftId}/claim`, { method: 'POST', json: {} })).status).toBe(200);
      expect((await one.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: {} })).status).toBe(409);
      expect((await two.fetch(`/v1/drafts/${draftId}/release`, { method: 'POST', json: {} })).status).toBe(200);
      expect((await one.fetch(`/v1/drafts/${draftId}/claim`, { method: 'POST', json: {} })).status).toBe(200);
    });

    it('refuses stale versions: 412 with If-Match, 409 with a body version', async () => {
      const { draftId } = await seedItem(db);
      const c = await signIn('agent1@shop.test');
      expect(
        (await c.fetch(`/v1/drafts/${draftId}/notes`, { method: 'POST', json: { body: 'no version needed' } })).status,
      ).toBe(201);
      expect(
        (
          await c.fetch(`/v1/drafts/${draftId}/snooze`, {
            method: 'POST',
            json: { until: new Date(Date.now() + 60_000).toISOString() },
            headers: { 'if-match': '"1"' },
          })
        ).status,
      ).toBe(200);
      expect(
        (await c.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: {}, headers: { 'if-match': '"1"' } }))
          .status,
      ).toBe(412);
      expect((await c.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: { version: 1 } })).status).toBe(
        409,
      );
      expect(
        (
          await c.fetch(`/v1/drafts/${draftId}/approve`, {
            method: 'POST',
            json: {},
            headers: { 'if-match': 'nonsense' },
          })
        ).status,
      ).toBe(400);
      const ok = await c.fetch(`/v1/drafts/${draftId}/approve`, {
        method: 'POST',
        json: {},
        headers: { 'if-match': '"2"' },
      });
      expect(ok.status).toBe(200);
      expect((await c.fetch(`/v1/drafts/${draftId}/reject`, { method: 'POST', json: { reason: 'late' } })).status).toBe(
        409,
      );
    });

    it('lets exactly one of two simultaneous approvals win', async () => {
      const { draftId } = await seedItem(db);
      const [a, b] = [await signIn('agent1@shop.test'), await signIn('agent2@shop.test')];
      const results = await Promise.all(
        [a, b].map((c) => c.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: { version: 1 } })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(
        await db.query(`SELECT count(*)::int AS n FROM outbox WHERE value->'payload'->>'draftId' = $1`, [draftId]),
      ).toEqual([{ n: 1 }]);
    });
  });

  describe('actions', () => {
    it('approves as is and writes the reply-approved event through the outbox', async () => {
      const { draftId } = await seedItem(db);
      const c = await signIn('agent1@shop.test');
      const res = await c.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: { version: 1 } });
      expect(await res.json()).toMatchObject({ status: 'approved', version: 2, decidedBy: 'agent1@shop.test' });
      const [event] = await db.query<{ topic: string; value: any }>(
        `SELECT topic, value FROM outbox WHERE value->'payload'->>'draftId' = $1`,
        [draftId],
      );
      expect(event.topic).toBe('support.reply-approved.v1');
      expect(event.value.payload).toMatchObject({
        approvedBy: 'agent1@shop.test',
        autoSent: false,
        body: 'Beste Sanne, je pakket 100234 is onderweg.',
      });
    });

    it('edits and approves', async () => {
      const { draftId } = await seedItem(db);
      const c = await signIn('agent1@shop.test');
      const body = 'Beste Sanne, je pakket komt morgen.';
      expect((await c.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: { body } })).status).toBe(200);
      const [event] = await db.query<{ value: any }>(
        `SELECT value FROM outbox WHERE value->'payload'->>'draftId' = $1`,
        [draftId],
      );
      expect(event.value.payload.body).toBe(body);
      const audit = (await (await c.fetch(`/v1/drafts/${draftId}/audit`)).json()) as {
        items: { action: string; actor: string; before: any; after: any }[];
      };
      expect(audit.items[0]).toMatchObject({
        action: 'edit_and_approve',
        actor: 'agent1@shop.test',
        before: { body: 'Beste Sanne, je pakket 100234 is onderweg.' },
        after: { body },
      });
    });

    it('refuses to approve a draft without text until it is edited', async () => {
      const { draftId } = await seedItem(db, { body: null });
      const c = await signIn('agent1@shop.test');
      expect((await c.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: {} })).status).toBe(409);
      expect(
        (await c.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: { body: 'Hallo!' } })).status,
      ).toBe(200);
    });

    it('refuses to approve a draft the customer’s next message superseded: 409 that says why and names the replacement', async () => {
      const first = await seedItem(db);
      const c = await signIn('agent1@shop.test');
      const claimed = await c.fetch(`/v1/drafts/${first.draftId}/claim`, { method: 'POST', json: {} });
      const version = ((await claimed.json()) as { version: number }).version;
      // The customer wrote again; the draft for that message reaches the review consumer through Kafka.
      const next = draftedFor({
        messageId: randomUUID(),
        sequence: 2,
        address: 'sanne@example.test',
        text: 'En kan ik het adres nog wijzigen?',
      });
      await publishEvents(topicPrefix, [
        createEvent(Topics.drafted, { producer: 'drafter', conversationId: first.conversationId, payload: next }),
      ]);
      await expectEventually(
        async () =>
          expect(
            ((await (await c.fetch(`/v1/drafts/${first.draftId}`)).json()) as { item: { status: string } }).item.status,
          ).toBe('superseded'),
        { timeoutMs: 30_000 },
      );

      const edited = 'Beste Sanne, ik heb het nagekeken.';
      const refused = await c.fetch(`/v1/drafts/${first.draftId}/approve`, {
        method: 'POST',
        json: { body: edited },
        headers: { 'if-match': `"${version}"` },
      });
      expect(refused.status).toBe(409);
      const answer = (await refused.json()) as {
        code: string;
        message: string;
        supersededBy: { draftId: string; messageId: string };
      };
      expect(answer).toMatchObject({
        code: 'DRAFT_SUPERSEDED',
        supersededBy: { draftId: next.draftId, messageId: next.messageId },
      });
      expect(answer.message).toContain('the customer wrote again');
      const audit = (await (await c.fetch(`/v1/drafts/${first.draftId}/audit`)).json()) as {
        items: { action: string; after: any }[];
      };
      expect(audit.items[0]).toMatchObject({
        action: 'approve_refused',
        after: { reason: 'superseded', body: edited },
      });

      const superseded = (
        (await (await c.fetch('/v1/drafts?status=superseded')).json()) as { items: { draftId: string }[] }
      ).items;
      expect(superseded.map((i) => i.draftId)).toContain(first.draftId);
      const pending = (
        (await (await c.fetch('/v1/drafts?status=pending&limit=200')).json()) as { items: { draftId: string }[] }
      ).items.map((i) => i.draftId);
      expect(pending).toContain(next.draftId);
      expect(pending).not.toContain(first.draftId);
    });

    it('rejects with a reason, asks for a redraft, snoozes, reassigns, notes and corrects the triage', async () => {
      const c = await signIn('agent1@shop.test');
      const lead = await signIn('lead@shop.test');
      const agentId = ((await (await c.fetch('/v1/auth/me')).json()) as { userId: string }).userId;

      const rejected = await seedItem(db);
      expect(
        await (
          await c.fetch(`/v1/drafts/${rejected.draftId}/reject`, { method: 'POST', json: { reason: 'wrong order' } })
        ).json(),
      ).toMatchObject({ status: 'rejected', rejectReason: 'wrong order' });
      expect(
        (await c.fetch(`/v1/drafts/${rejected.draftId}/reject`, { method: 'POST', json: { reason: 'again' } })).status,
      ).toBe(409);

      const redraft = await seedItem(db);
      expect(
        (
          await c.fetch(`/v1/drafts/${redraft.draftId}/redraft`, {
            method: 'POST',
            json: { instruction: 'mention the pickup point' },
          })
        ).status,
      ).toBe(200);
      expect(await db.query(`SELECT instruction FROM redraft_requests WHERE draft_id = $1`, [redraft.draftId])).toEqual(
        [{ instruction: 'mention the pickup point' }],
      );
      expect(
        await db.query(
          `SELECT value->'payload' AS p FROM outbox WHERE topic LIKE '%support.redraft-requested.v1' AND value->'payload'->>'itemId' = $1`,
          [redraft.draftId],
        ),
      ).toEqual([
        {
          p: expect.objectContaining({
            draftId: redraft.draftId,
            itemId: redraft.draftId,
            instruction: 'mention the pickup point',
            shopId: 'default',
          }),
        },
      ]);

      const snoozed = await seedItem(db);
      await c.fetch(`/v1/drafts/${snoozed.draftId}/snooze`, {
        method: 'POST',
        json: { until: new Date(Date.now() + 3600_000).toISOString() },
      });
      const visible = async (q: string) =>
        ((await (await c.fetch(`/v1/drafts?limit=200${q}`)).json()) as { items: { draftId: string }[] }).items.map(
          (i) => i.draftId,
        );
      expect(await visible('')).not.toContain(snoozed.draftId);
      expect(await visible('&includeSnoozed=true')).toContain(snoozed.draftId);
      expect(
        (
          await c.fetch(`/v1/drafts/${snoozed.draftId}/snooze`, {
            method: 'POST',
            json: { until: '2000-01-01T00:00:00Z' },
          })
        ).status,
      ).toBe(400);

      const assigned = await seedItem(db);
      expect(
        (await lead.fetch(`/v1/drafts/${assigned.draftId}/reassign`, { method: 'POST', json: { assigneeId: agentId } }))
          .status,
      ).toBe(200);
      expect(await visible('&assignee=me')).toContain(assigned.draftId);
      const otherShopUser = (
        await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'other@shop-b.test'`)
      )[0].id;
      expect(
        (
          await lead.fetch(`/v1/drafts/${assigned.draftId}/reassign`, {
            method: 'POST',
            json: { assigneeId: otherShopUser },
          })
        ).status,
      ).toBe(409);

      const noted = await seedItem(db);
      expect(
        (await c.fetch(`/v1/drafts/${noted.draftId}/notes`, { method: 'POST', json: { body: 'customer called too' } }))
          .status,
      ).toBe(201);
      const detail = (await (await c.fetch(`/v1/drafts/${noted.draftId}`)).json()) as {
        notes: { body: string; author: string }[];
      };
      expect(detail.notes).toEqual([
        expect.objectContaining({ body: 'customer called too', author: 'agent1@shop.test' }),
      ]);

      // Seeded a week out, so the due time the correction recomputes (urgent: within the hour) cannot coincide with it.
      const corrected = await seedItem(db, { priority: 'low', dueAt: new Date(Date.now() + 7 * 86_400_000) });
      const before = (
        await db.query<{ due_at: Date }>(`SELECT due_at FROM review_items WHERE draft_id = $1`, [corrected.draftId])
      )[0].due_at;
      const res = await c.fetch(`/v1/drafts/${corrected.draftId}/triage-correction`, {
        method: 'POST',
        json: { intent: 'return_request', priority: 'urgent', version: 1 },
      });
      expect(await res.json()).toMatchObject({ intent: 'return_request', priority: 'urgent', version: 2 });
      const [row] = await db.query<any>(`SELECT * FROM triage_corrections WHERE draft_id = $1`, [corrected.draftId]);
      expect(row).toMatchObject({
        intent: 'return_request',
        priority: 'urgent',
        language: null,
        message_id: corrected.messageId,
        before: { intent: 'track_order', priority: 'low', language: 'nl' },
      });
      const after = (
        await db.query<{ due_at: Date }>(`SELECT due_at FROM review_items WHERE draft_id = $1`, [corrected.draftId])
      )[0].due_at;
      expect(new Date(after).getTime()).not.toBe(new Date(before).getTime());
      expect(
        (await c.fetch(`/v1/drafts/${corrected.draftId}/triage-correction`, { method: 'POST', json: {} })).status,
      ).toBe(400);

      const audit = (await (await lead.fetch('/v1/audit?limit=1000')).json()) as { items: { action: string }[] };
      const actions = new Set(audit.items.map((i) => i.action));
      for (const a of ['reject', 'request_redraft', 'snooze', 'reassign', 'note', 'correct_triage'])
        expect(actions).toContain(a);
    });
  });

  describe('send with undo', () => {
    it("waits out the shop's own send delay as sending; undo within it is versioned, shop-bound and leaves no event", async () => {
      await db.query(`UPDATE shops SET send_delay_seconds = 30 WHERE id = 'b'`);
      const { draftId } = await seedItem(db, { shopId: 'b' });
      const c = await signIn('other@shop-b.test');
      const approved = await c.fetch(`/v1/drafts/${draftId}/approve`, {
        method: 'POST',
        json: { body: 'Tot morgen!' },
      });
      expect(approved.status).toBe(200);
      const item = (await approved.json()) as { sendAt: string };
      expect(item).toMatchObject({ status: 'sending', version: 2, body: 'Tot morgen!' });
      expect(new Date(item.sendAt).getTime() - Date.now()).toBeGreaterThan(25_000);

      expect((await fetch(`${review.url}/v1/drafts/${draftId}/undo`, { method: 'POST' })).status).toBe(401);
      const elsewhere = await signIn('agent1@shop.test');
      expect((await elsewhere.fetch(`/v1/drafts/${draftId}/undo`, { method: 'POST', json: {} })).status).toBe(404);
      const stale = await c.fetch(`/v1/drafts/${draftId}/undo`, { method: 'POST', headers: { 'if-match': '"1"' } });
      expect(stale.status).toBe(412);
      const undone = await c.fetch(`/v1/drafts/${draftId}/undo`, { method: 'POST', headers: { 'if-match': '"2"' } });
      expect(undone.status).toBe(200);
      expect(await undone.json()).toMatchObject({ status: 'pending', version: 3, body: 'Tot morgen!' });
      const again = await c.fetch(`/v1/drafts/${draftId}/undo`, { method: 'POST', json: {} });
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ statusCode: 409, code: 'DRAFT_NOT_SENDING' });
      expect(await db.query(`SELECT 1 FROM outbox WHERE value->'payload'->>'draftId' = $1`, [draftId])).toEqual([]);
      const trail = await db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [draftId],
      );
      expect(trail.map((a) => a.action)).toEqual(['edit_and_approve', 'undo_approve']);
    });

    it('answers 409 SEND_ALREADY_STARTED for a reply already sent', async () => {
      const { draftId } = await seedItem(db);
      const c = await signIn('agent1@shop.test');
      expect((await c.fetch(`/v1/drafts/${draftId}/approve`, { method: 'POST', json: {} })).status).toBe(200);
      const late = await c.fetch(`/v1/drafts/${draftId}/undo`, { method: 'POST', json: {} });
      expect(late.status).toBe(409);
      expect(await late.json()).toMatchObject({ code: 'SEND_ALREADY_STARTED' });
    });
  });

  describe('SLA and live updates', () => {
    it('marks overdue items as breached, counts them in metrics and tells listeners', async () => {
      const c = await signIn('agent1@shop.test');
      const abort = new AbortController();
      const stream = await c.fetch('/v1/events', { signal: abort.signal });
      expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = stream.body!.getReader();
      let text = '';
      const reading = (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += Buffer.from(value).toString('utf8');
        }
      })().catch(() => undefined);

      const { draftId } = await seedItem(db, { dueAt: new Date(Date.now() - 60_000) });
      await expectEventually(async () => {
        const [row] = await db.query<{ sla_breached_at: Date | null }>(
          `SELECT sla_breached_at FROM review_items WHERE draft_id = $1`,
          [draftId],
        );
        expect(row.sla_breached_at).not.toBeNull();
      });
      const fresh = await seedItem(db);
      await c.fetch(`/v1/drafts/${fresh.draftId}/claim`, { method: 'POST', json: {} });
      await expectEventually(async () => {
        expect(text).toContain(`"draftId":"${draftId}"`);
        expect(text).toMatch(new RegExp(`event: claimed\\nid: \\d+\\ndata: \\{[^\\n]*"draftId":"${fresh.draftId}"`));
      });
      abort.abort();
      await reading;
      const metrics = await (await fetch(`${review.url}/metrics`)).text();
      expect(metrics).toMatch(/draftdesk_review_sla_breaches_total\{[^}]*shop="default"[^}]*\} [1-9]/);
      const breached = (
        (await (await c.fetch('/v1/drafts?breached=true&limit=200')).json()) as {
          items: { draftId: string; slaBreached: boolean }[];
        }
      ).items;
      expect(breached.find((i) => i.draftId === draftId)?.slaBreached).toBe(true);
      // One support.sla-breached.v1 event per item through the outbox, however many sweeps ran since (one a second).
      await new Promise((r) => setTimeout(r, 2500));
      const events = await db.query<{ payload: { draftId: string; kind: string; priority: string; shopId: string } }>(
        `SELECT value->'payload' AS payload FROM outbox WHERE topic LIKE '%support.sla-breached.v1' AND value->'payload'->>'draftId' = $1`,
        [draftId],
      );
      expect(events.map((e) => e.payload)).toEqual([
        expect.objectContaining({ draftId, kind: 'first', priority: 'normal', shopId: 'default' }),
      ]);
    });

    it('publishes OpenAPI at /docs', async () => {
      expect((await fetch(`${review.url}/docs`)).status).toBe(200);
      const doc = (await (await fetch(`${review.url}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/v1/drafts', '/v1/drafts/{id}/approve', '/v1/drafts/{id}/claim', '/v1/auth/login']),
      );
    });
  });
});
