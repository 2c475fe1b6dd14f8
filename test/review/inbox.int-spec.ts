import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { TestDatabase } from '../support/database';
import { Desk, startDesk } from './desk-app';
import { seedConversation } from './inbox-fixtures';
import { seedItem, SessionClient } from './review-fixtures';

interface Item {
  id: string;
  status: string;
  channel: string;
  customer: { name: string; address: string };
  assigneeId: string | null;
  closedReason: string | null;
  draft: { id: string; intent: string; language: string; priority: string; slaBreached: boolean } | null;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

/**
 * The inbox of conversations on real PostgreSQL with the real migrations, served by the review app as it starts in
 * production (real sign-in and shop scoping): statuses, views, filters, search in English and Dutch, keyset pages
 * under inserts, counts, actions with their audit entries, and what strangers and other shops get.
 */
describe('inbox of conversations', () => {
  let desk: Desk;
  let db: TestDatabase;
  let base: string;
  let agent1: SessionClient;
  let agent2: SessionClient;
  let lead: SessionClient;
  let shopB: SessionClient;
  let ids: Record<string, string>;

  beforeAll(async () => {
    desk = await startDesk('inbox', 'agent password 123', [
      ['agent1@shop.test', 'agent', 'default'],
      ['agent2@shop.test', 'agent', 'default'],
      ['lead@shop.test', 'lead', 'default'],
      ['agent@shop-b.test', 'agent', 'b'],
    ]);
    ({ db, base, ids } = desk);
    [agent1, agent2, lead, shopB] = await Promise.all(
      ['agent1@shop.test', 'agent2@shop.test', 'lead@shop.test', 'agent@shop-b.test'].map((e) => desk.signIn(e)),
    );
  }, 120_000);

  afterAll(() => desk?.close());

  async function page(as: SessionClient, query: Record<string, string> = {}): Promise<Page> {
    const res = await as.fetch(`/v1/inbox?${new URLSearchParams(query)}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  }

  /** Every conversation the query finds, page after page. */
  async function all(as: SessionClient, query: Record<string, string> = {}): Promise<Item[]> {
    const found: Item[] = [];
    let cursor: string | null = null;
    do {
      const p: Page = await page(as, { ...query, limit: '100', ...(cursor ? { cursor } : {}) });
      found.push(...p.items);
      cursor = p.nextCursor;
    } while (cursor);
    return found;
  }

  const idsOf = (items: Item[]) => items.map((i) => i.id);
  const post = (as: SessionClient, path: string, json: unknown) =>
    as.fetch(`/v1/inbox/${path}`, { method: 'POST', json });

  describe('who may see what', () => {
    it('refuses anonymous callers on the list, the counts and a conversation', async () => {
      const { conversationId } = await seedConversation(db);
      for (const path of ['/v1/inbox', '/v1/inbox/counts', `/v1/inbox/${conversationId}`]) {
        expect((await fetch(`${base}${path}`)).status).toBe(401);
      }
      const close = await fetch(`${base}/v1/inbox/${conversationId}/close`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'resolved' }),
      });
      expect(close.status).toBe(401);
    });

    it("answers 404 for another shop's conversation, lists it only in that shop, and lets no one act on it", async () => {
      const theirs = await seedItem(db, { shopId: 'b' });
      const theirsWithoutDraft = await seedConversation(db, { shopId: 'b' });
      for (const id of [theirs.conversationId, theirsWithoutDraft.conversationId]) {
        const res = await agent1.fetch(`/v1/inbox/${id}`);
        expect(res.status).toBe(404);
        expect(await res.json()).toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
        expect((await post(agent1, `${id}/close`, { reason: 'spam' })).status).toBe(404);
        expect((await post(lead, `${id}/assign`, { assigneeId: null })).status).toBe(404);
        expect((await shopB.fetch(`/v1/inbox/${id}`)).status).toBe(200);
      }
      expect(idsOf(await all(agent1))).not.toContain(theirs.conversationId);
      expect(idsOf(await all(shopB))).toEqual(
        expect.arrayContaining([theirs.conversationId, theirsWithoutDraft.conversationId]),
      );
    });
  });

  describe('statuses', () => {
    it('derives open, waiting, pending_draft and closed (by a rejected draft) from what the desk records', async () => {
      const open = await seedConversation(db, { messages: [{ direction: 'inbound', text: 'Hi' }] });
      const waiting = await seedConversation(db, {
        messages: [
          { direction: 'inbound', text: 'Hi' },
          { direction: 'outbound', text: 'Hello, how can we help?', status: 'sent' },
        ],
      });
      const pending = await seedItem(db);
      const rejected = await seedItem(db);
      await db.query(`UPDATE review_items SET status = 'rejected', close_reason = 'spam' WHERE draft_id = $1`, [
        rejected.draftId,
      ]);
      const byId = new Map((await all(agent1)).map((i) => [i.id, i]));
      expect(byId.get(open.conversationId)).toMatchObject({ status: 'open', draft: null });
      expect(byId.get(waiting.conversationId)).toMatchObject({ status: 'waiting' });
      expect(byId.get(pending.conversationId)).toMatchObject({
        status: 'pending_draft',
        draft: { id: pending.draftId },
      });
      expect(byId.get(rejected.conversationId)).toMatchObject({ status: 'closed', closedReason: 'spam' });
      const pendingOnly = idsOf(await all(agent1, { status: 'pending_draft' }));
      expect(pendingOnly).toContain(pending.conversationId);
      expect(pendingOnly).not.toContain(open.conversationId);
    });

    it('closes with a reason, opens again when the customer writes, reopens, snoozes; each in the audit log', async () => {
      const { conversationId } = await seedConversation(db);
      const closed = await post(agent1, `${conversationId}/close`, { reason: 'resolved' });
      expect(closed.status).toBe(200);
      expect(await closed.json()).toMatchObject({ status: 'closed', closedReason: 'resolved' });
      expect(idsOf(await all(agent1, { status: 'closed' }))).toContain(conversationId);

      const reopened = await post(agent1, `${conversationId}/reopen`, {});
      expect(await reopened.json()).toMatchObject({ status: 'open', closedReason: null });

      const until = new Date(Date.now() + 3600_000).toISOString();
      const snoozed = await post(agent1, `${conversationId}/snooze`, { until });
      expect(await snoozed.json()).toMatchObject({ status: 'snoozed' });
      expect(idsOf(await all(agent1, { status: 'snoozed' }))).toContain(conversationId);
      expect(idsOf(await all(agent1, { status: 'open' }))).not.toContain(conversationId);

      await post(agent1, `${conversationId}/close`, { reason: 'no_reply_needed' });
      await db.query(
        `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, text, new_text, occurred_at)
         VALUES ($1, $2, 'inbound', 'email', $3, 'x@example.test', 'One more thing', 'One more thing', now() + interval '1 second')`,
        [randomUUID(), conversationId, `<${randomUUID()}@example.test>`],
      );
      const detail = (await (await agent1.fetch(`/v1/inbox/${conversationId}`)).json()) as { conversation: Item };
      expect(detail.conversation.status).not.toBe('closed');

      const audit = await db.query<{ action: string; actor: string }>(
        `SELECT action, actor FROM audit_log WHERE entity = 'conversation' AND entity_id = $1 ORDER BY id`,
        [conversationId],
      );
      expect(audit.map((a) => a.action)).toEqual(['close', 'reopen', 'snooze', 'close']);
      expect(audit.every((a) => a.actor === 'agent1@shop.test')).toBe(true);
    });

    it('shows the whole thread with the delivery state of our replies and the pending draft', async () => {
      const pending = await seedItem(db);
      await db.query(
        `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, text, new_text, status, occurred_at)
         VALUES ($1, $2, 'outbound', 'email', $3, 'support@shop.test', 'Earlier reply', 'Earlier reply', 'failed', now() - interval '1 day')`,
        [randomUUID(), pending.conversationId, `<${randomUUID()}@replies.test>`],
      );
      const res = await agent1.fetch(`/v1/inbox/${pending.conversationId}`);
      expect(res.status).toBe(200);
      const detail = (await res.json()) as {
        pendingDraftId: string;
        messages: { direction: string; delivery: string | null }[];
      };
      expect(detail.pendingDraftId).toBe(pending.draftId);
      expect(
        detail.messages.map((m: { direction: string; delivery: string | null }) => [m.direction, m.delivery]),
      ).toEqual([
        ['outbound', 'failed'],
        ['inbound', null],
      ]);
    });
  });

  describe('views and filters', () => {
    it('assigns: an agent takes a conversation, a lead gives one; mine and unassigned follow', async () => {
      const a = await seedConversation(db);
      const b = await seedConversation(db);
      expect((await post(agent1, `${a.conversationId}/assign`, { assigneeId: ids['agent1@shop.test'] })).status).toBe(
        200,
      );
      const given = await post(agent1, `${b.conversationId}/assign`, { assigneeId: ids['agent2@shop.test'] });
      expect(given.status).toBe(403);
      expect(await given.json()).toMatchObject({ code: 'LEAD_REQUIRED' });
      expect((await post(lead, `${b.conversationId}/assign`, { assigneeId: ids['agent2@shop.test'] })).status).toBe(
        200,
      );
      const stranger = await post(lead, `${b.conversationId}/assign`, { assigneeId: ids['agent@shop-b.test'] });
      expect(stranger.status).toBe(422);
      expect(await stranger.json()).toMatchObject({ errors: [{ field: 'assigneeId' }] });

      const mine1 = idsOf(await all(agent1, { view: 'mine' }));
      expect(mine1).toContain(a.conversationId);
      expect(mine1).not.toContain(b.conversationId);
      expect(idsOf(await all(agent2, { view: 'mine' }))).toContain(b.conversationId);
      const unassigned = idsOf(await all(agent1, { view: 'unassigned' }));
      expect(unassigned).not.toContain(a.conversationId);
      expect(unassigned).not.toContain(b.conversationId);
      expect(idsOf(await all(agent1, { assignee: ids['agent2@shop.test'] }))).toEqual([b.conversationId]);
      expect(idsOf(await all(agent2, { assignee: 'me' }))).toEqual([b.conversationId]);
      expect(idsOf(await all(agent1, { assignee: 'none' }))).not.toContain(a.conversationId);

      expect((await post(agent1, `${a.conversationId}/assign`, { assigneeId: null })).status).toBe(200);
      expect(idsOf(await all(agent1, { view: 'unassigned' }))).toContain(a.conversationId);
    });

    it('filters by channel, intent, language, priority, SLA state and the escalated view', async () => {
      const chat = await seedItem(db, {
        channel: 'chat',
        intent: 'refund_request',
        language: 'en',
        priority: 'urgent',
      });
      const mail = await seedItem(db, { channel: 'email', intent: 'track_order', language: 'nl', priority: 'low' });
      const escalated = await seedItem(db, { escalated: true, priority: 'high' });
      await db.query(`UPDATE review_items SET sla_breached_at = now() WHERE draft_id = $1`, [chat.draftId]);
      const found = async (query: Record<string, string>) => idsOf(await all(agent1, query));
      const cases: [Record<string, string>, string[], string[]][] = [
        [{ channel: 'chat' }, [chat.conversationId], [mail.conversationId]],
        [{ channel: 'email' }, [mail.conversationId], [chat.conversationId]],
        [{ intent: 'refund_request' }, [chat.conversationId], [mail.conversationId]],
        [{ language: 'nl' }, [mail.conversationId], [chat.conversationId]],
        [{ priority: 'urgent' }, [chat.conversationId], [mail.conversationId, escalated.conversationId]],
        [{ sla: 'breached' }, [chat.conversationId], [mail.conversationId]],
        [{ sla: 'on_time' }, [mail.conversationId], [chat.conversationId]],
        [{ sla: 'none' }, [], [mail.conversationId, chat.conversationId]],
        [{ view: 'escalated' }, [escalated.conversationId], [mail.conversationId, chat.conversationId]],
      ];
      for (const [query, included, excluded] of cases) {
        const result = await found(query);
        expect({ query, included: included.filter((id) => result.includes(id)) }).toEqual({ query, included });
        expect({ query, excluded: excluded.filter((id) => result.includes(id)) }).toEqual({ query, excluded: [] });
      }
    });

    it('names the bad parameter with a 400', async () => {
      for (const [query, field] of [
        ['limit=101', 'limit'],
        ['limit=0', 'limit'],
        ['cursor=not-a-cursor', 'cursor'],
        ['status=sleeping', 'status'],
        ['view=theirs', 'view'],
        ['assignee=someone', 'assignee'],
        ['sla=late', 'sla'],
        ['colour=red', ''],
      ]) {
        const res = await agent1.fetch(`/v1/inbox?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        const body = (await res.json()) as { errors: { field: string; message: string }[] };
        expect(body.errors.map((e) => e.field).join(' ') + body.errors.map((e) => e.message).join(' ')).toContain(
          field || 'colour',
        );
      }
      const { conversationId } = await seedConversation(db);
      const other = await post(agent1, `${conversationId}/close`, { reason: 'other' });
      expect(other.status).toBe(400);
      expect(await other.json()).toMatchObject({ errors: [{ field: 'note' }] });
      const past = await post(agent1, `${conversationId}/snooze`, { until: '2020-01-01T00:00:00Z' });
      expect(past.status).toBe(400);
      expect(await past.json()).toMatchObject({ errors: [{ field: 'until' }] });
      expect((await agent1.fetch(`/v1/inbox/not-a-uuid`)).status).toBe(400);
    });
  });

  describe('search', () => {
    it('finds English and Dutch words (and their beginnings) in messages, and customers by address or name', async () => {
      const english = await seedConversation(db, {
        name: 'Oliver Twist',
        address: 'oliver.twist@example.org',
        messages: [
          { direction: 'inbound', subject: 'Parcel missing', text: 'My parcel never arrived at the cottage.' },
        ],
      });
      const dutch = await seedConversation(db, {
        name: 'Sanne Bakker',
        address: 'sanne.bakker@voorbeeld.nl',
        messages: [
          {
            direction: 'inbound',
            subject: 'Retour',
            text: 'Mijn fiets is beschadigd aangekomen, graag een retourlabel.',
          },
        ],
      });
      const chat = await seedConversation(db, {
        name: 'Mila Jansen',
        address: 'chat:shop-web:cust-4471',
        channel: 'chat',
        messages: [{ direction: 'inbound', text: 'Hoi, waar blijft mijn pakketbezorging?' }],
      });
      const search = async (q: string) => idsOf(await all(agent1, { q }));
      expect(await search('parcel')).toEqual([english.conversationId]);
      expect(await search('cottage arrived')).toEqual([english.conversationId]);
      expect(await search('fiets')).toEqual([dutch.conversationId]);
      expect(await search('beschadig')).toEqual([dutch.conversationId]);
      expect(await search('retourlabel')).toEqual([dutch.conversationId]);
      expect(await search('PAKKETBEZORGING')).toEqual([chat.conversationId]);
      expect(await search('oliver.tw')).toEqual([english.conversationId]);
      expect(await search('sanne bak')).toEqual([dutch.conversationId]);
      expect(await search('mila')).toEqual([chat.conversationId]);
      expect(await search('fiets parcel')).toEqual([]);
      expect(await search('%')).toEqual([]);
      expect(await search("' & ! :*")).toEqual([]);
      // Search combines with the other filters.
      expect(idsOf(await all(agent1, { q: 'pakketbezorging', channel: 'email' }))).not.toContain(chat.conversationId);
      const [item] = await all(agent1, { q: 'mila' });
      expect(item.customer).toEqual({ name: 'Mila Jansen', address: 'chat:shop-web:cust-4471' });
    });
  });

  it('stores and finds a customer with a huge name and a message of megabytes (the search indexes are bounded)', async () => {
    const huge = 'Hugo '.repeat(8_000); // 40 kB: past the 8 kB an index entry may hold
    const words = Array.from({ length: 300_000 }, (_, i) => `woord${i}`).join(' '); // 3 MB: past a tsvector's 1 MB
    const big = await seedConversation(db, {
      name: huge,
      address: `${'x'.repeat(10_000)}@example.test`,
      messages: [{ direction: 'inbound', subject: 'Heel lang bericht', text: `zoekwoordvooraan ${words}` }],
    });
    const search = async (q: string) => idsOf(await all(agent1, { q }));
    expect(await search('hugo hugo')).toEqual([big.conversationId]);
    expect(await search('zoekwoordvooraan')).toEqual([big.conversationId]);
    expect(await search('xxxxxxxx')).toEqual([big.conversationId]);
  });

  describe('paging', () => {
    it('pages newest activity first without gaps or repeats while conversations arrive between pages', async () => {
      const marker = `paging${randomBytes(3).toString('hex')}`;
      const seeded: string[] = [];
      for (let i = 0; i < 23; i++)
        seeded.push(
          (await seedConversation(db, { messages: [{ direction: 'inbound', text: `${marker} ${i}` }] })).conversationId,
        );
      // Several conversations share one instant: the id breaks the tie.
      await db.query(`UPDATE conversations SET updated_at = date_trunc('second', now()) WHERE id = ANY($1::uuid[])`, [
        seeded.slice(0, 10),
      ]);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const p: Page = await page(agent1, { q: marker, limit: '5', ...(cursor ? { cursor } : {}) });
        seen.push(...idsOf(p.items));
        cursor = p.nextCursor;
        pages++;
        await seedConversation(db, { messages: [{ direction: 'inbound', text: `${marker} new ${pages}` }] });
      } while (cursor);
      const original = seen.filter((id) => seeded.includes(id));
      expect(original.sort()).toEqual([...seeded].sort());
      expect(new Set(seen).size).toBe(seen.length);
      const order = await db.query<{ id: string }>(
        `SELECT id FROM conversations WHERE id = ANY($1::uuid[]) ORDER BY updated_at DESC, id DESC`,
        [seeded],
      );
      expect(seen.filter((id) => seeded.includes(id))).toEqual(order.map((r) => r.id));
      expect(pages).toBeGreaterThanOrEqual(5);
    });
  });

  describe('counts', () => {
    it('counts every view by status as the list finds them', async () => {
      await seedItem(db, { escalated: true });
      const { conversationId } = await seedConversation(db);
      await post(agent1, `${conversationId}/assign`, { assigneeId: ids['agent1@shop.test'] });
      const res = await agent1.fetch('/v1/inbox/counts');
      expect(res.status).toBe(200);
      const counts = (await res.json()) as Record<string, Record<string, number>>;
      expect(Object.keys(counts).sort()).toEqual(['all', 'escalated', 'mine', 'unassigned']);
      for (const view of ['all', 'mine', 'unassigned', 'escalated']) {
        const items = await all(agent1, { view });
        expect({ view, total: counts[view].total }).toEqual({ view, total: items.length });
        for (const status of ['open', 'pending_draft', 'waiting', 'snoozed', 'closed'])
          expect({ view, status, n: counts[view][status] }).toEqual({
            view,
            status,
            n: items.filter((i) => i.status === status).length,
          });
      }
      expect(counts.mine.total).toBeGreaterThan(0);
      expect(counts.escalated.total).toBeGreaterThan(0);
      const searched = (await (await agent1.fetch('/v1/inbox/counts?q=nothing-matches-this')).json()) as Record<
        string,
        Record<string, number>
      >;
      expect(searched.all.total).toBe(0);
      expect((await agent1.fetch('/v1/inbox/counts?view=mine')).status).toBe(400);
    });
  });

  describe('the inbox rows PostgreSQL keeps', () => {
    /** Every conversation's row recomputed from its sources must equal the row the triggers left. */
    async function expectRowsFollowTheirSources(conversationIds: string[]) {
      const columns = `conversation_id, shop_id, channel, mailbox, subject, customer_id, customer_name, customer_address,
        last_activity, base_status, snoozed_until, assignee_id, closed_reason, draft_id, draft_status, intent, language,
        priority, due_at, sla_breached_at, escalated, last_direction, last_message_at, customer_words`;
      const read = () =>
        db.query(
          `SELECT ${columns} FROM inbox_entries WHERE conversation_id = ANY($1::uuid[]) ORDER BY conversation_id`,
          [conversationIds],
        );
      const kept = await read();
      await db.query(`SELECT inbox_entry_refresh(id, NULL) FROM conversations WHERE id = ANY($1::uuid[])`, [
        conversationIds,
      ]);
      const recomputed = await read();
      expect(kept).toHaveLength(conversationIds.length);
      expect(kept).toEqual(recomputed);
    }

    it('follows concurrent writers of messages, drafts, desk states and customers', async () => {
      const pool = new Pool({ connectionString: db.url, max: 8 });
      try {
        const conversations = await Promise.all(
          Array.from({ length: 12 }, (_, i) => seedItem(db, { escalated: i % 5 === 0, priority: 'high' })),
        );
        const conversationIds = conversations.map((c) => c.conversationId);
        const agentId = ids['agent1@shop.test'];
        // Each writer works on every conversation in its own order, in its own transactions, all at once.
        const writers = [
          (c: (typeof conversations)[number]) =>
            pool.query(
              `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, status, occurred_at)
               VALUES ($1, $2, 'outbound', 'email', $3, 'support@shop.test', 'Re', 'onderweg', 'onderweg', 'sent', now())`,
              [randomUUID(), c.conversationId, `<${randomUUID()}@shop.test>`],
            ),
          (c: (typeof conversations)[number]) =>
            pool.query(`UPDATE review_items SET status = 'approved' WHERE draft_id = $1`, [c.draftId]),
          (c: (typeof conversations)[number]) =>
            pool.query(
              `INSERT INTO conversation_states (conversation_id, shop_id, assignee_id, snoozed_until) VALUES ($1, 'default', $2, now() + interval '1 hour')
               ON CONFLICT (conversation_id) DO UPDATE SET assignee_id = $2`,
              [c.conversationId, agentId],
            ),
          (c: (typeof conversations)[number]) =>
            pool.query(`UPDATE conversations SET updated_at = now(), subject = 'Bezorging' WHERE id = $1`, [
              c.conversationId,
            ]),
          (c: (typeof conversations)[number]) =>
            pool.query(
              `UPDATE customers SET name = 'Sanne Jansen' WHERE id = (SELECT customer_id FROM conversations WHERE id = $1)`,
              [c.conversationId],
            ),
        ];
        await Promise.all(
          writers.map(async (write, w) => {
            const order = w % 2 ? [...conversations].reverse() : conversations;
            for (const c of order) await write(c);
          }),
        );
        await expectRowsFollowTheirSources(conversationIds);
        const rows = await db.query<{ base_status: string; assignee_id: string; customer_name: string }>(
          `SELECT base_status, assignee_id, customer_name FROM inbox_entries WHERE conversation_id = ANY($1::uuid[])`,
          [conversationIds],
        );
        expect(new Set(rows.map((r) => JSON.stringify(r)))).toEqual(
          new Set([JSON.stringify({ base_status: 'waiting', assignee_id: agentId, customer_name: 'Sanne Jansen' })]),
        );
        // Snoozed while waiting: the status the inbox shows, from the stored one and the snooze's end.
        expect(new Set((await all(agent1, { q: 'sanne jansen' })).map((i) => i.status))).toEqual(new Set(['snoozed']));
      } finally {
        await pool.end();
      }
    });

    it('takes the words of the messages a conversation already had when its row is made again', async () => {
      const marker = `vooraf${randomBytes(3).toString('hex')}`;
      const { conversationId } = await seedConversation(db, {
        messages: [{ direction: 'inbound', text: `${marker} eerst` }],
      });
      await db.query(`DELETE FROM inbox_entries WHERE conversation_id = $1`, [conversationId]);
      expect(await all(agent1, { q: marker })).toEqual([]);
      await db.query(`INSERT INTO conversation_states (conversation_id, shop_id) VALUES ($1, 'default')`, [
        conversationId,
      ]);
      expect(idsOf(await all(agent1, { q: marker }))).toEqual([conversationId]);
      await expectRowsFollowTheirSources([conversationId]);
    });

    it('stores every message of a conversation whose words pass a tsvector’s 1 MB, and finds its first words', async () => {
      const messages = Array.from({ length: 10 }, (_, m) => ({
        direction: 'inbound' as const,
        text: `${m === 0 ? 'eerstewoordvanalles ' : ''}${Array.from({ length: 12_000 }, (_, i) => `m${m}w${i}`).join(' ')}`,
      }));
      const { conversationId } = await seedConversation(db, { messages });
      const [{ n }] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`,
        [conversationId],
      );
      expect(n).toBe(10);
      expect(idsOf(await all(agent1, { q: 'eerstewoordvanalles' }))).toEqual([conversationId]);
    });
  });

  describe('search over thousands of conversations', () => {
    it('pages every match in activity order, whether the words are common, sparse or rare', async () => {
      // 6,000 conversations of shop B, one a second apart: "algemeen" in every 5th (a page fills from the newest),
      // "middel" in every 60th (the newest 2,000 do not fill a page; walking on does), "schaars" in every 400th (the
      // words' index answers) and "zeldzaam" in three old ones.
      const n = 6000;
      await db.query(
        `INSERT INTO customers (id, address, name) SELECT gen_random_uuid(), 'bulk' || lpad(i::text, 4, '0') || '@example.test', 'Klant ' || i FROM generate_series(1, $1) i`,
        [n],
      );
      await db.query(
        `INSERT INTO conversations (id, customer_id, channel, mailbox, subject, normalized_subject, token, updated_at)
         SELECT gen_random_uuid(), cu.id, 'email', 'support@shop.test', 'Vraag', 'vraag', md5(cu.id::text),
                now() - make_interval(secs => substring(cu.address from 5 for 4)::int)
           FROM customers cu WHERE cu.address LIKE 'bulk%'`,
      );
      await db.query(
        `INSERT INTO conversation_states (conversation_id, shop_id)
         SELECT c.id, 'b' FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE cu.address LIKE 'bulk%'`,
      );
      await db.query(
        `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, occurred_at)
         SELECT gen_random_uuid(), c.id, 'inbound', 'email', c.id::text || '@bulk.test', cu.address, 'Vraag', t.text, t.text, c.updated_at
           FROM conversations c JOIN customers cu ON cu.id = c.customer_id,
                LATERAL (SELECT substring(cu.address from 5 for 4)::int AS i) k,
                LATERAL (SELECT concat_ws(' ', 'bericht',
                           CASE WHEN k.i % 5 = 0 THEN 'algemeen' END, CASE WHEN k.i % 60 = 0 THEN 'middel' END,
                           CASE WHEN k.i % 400 = 0 THEN 'schaars' END, CASE WHEN k.i IN (4100, 5000, 5999) THEN 'zeldzaam' END) AS text) t
          WHERE cu.address LIKE 'bulk%'`,
      );
      await db.query(`ANALYZE inbox_entries`);
      for (const [word, expected] of [
        ['algemeen', n / 5],
        ['middel', n / 60],
        ['schaars', n / 400],
        ['zeldzaam', 3],
      ] as const) {
        const truth = await db.query<{ id: string }>(
          `SELECT conversation_id AS id FROM inbox_entries
            WHERE shop_id = 'b' AND (customer_words || message_words) @@ to_tsquery('simple', $1)
            ORDER BY last_activity DESC, conversation_id DESC`,
          [`${word}:*`],
        );
        expect({ word, n: truth.length }).toEqual({ word, n: expected });
        expect({ word, ids: idsOf(await all(shopB, { q: word })) }).toEqual({ word, ids: truth.map((r) => r.id) });
      }
    }, 120_000);
  });
});
