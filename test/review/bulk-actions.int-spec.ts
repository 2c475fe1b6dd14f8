import { randomUUID } from 'node:crypto';
import type { TestDatabase } from '../support/database';
import { Desk, startDesk } from './desk-app';
import { seedConversation } from './inbox-fixtures';
import { seedItem, SessionClient } from './review-fixtures';

interface Outcome {
  id: string;
  ok: boolean;
  status?: string;
  statusCode?: number;
  code?: string;
  message?: string;
}
interface BulkAnswer {
  done: number;
  failed: number;
  results: Outcome[];
}

/**
 * Bulk actions of the desk on real PostgreSQL with the real migrations, through the review app as it starts in
 * production: each item of a selection done or refused on its own (with the single action's code), the single
 * actions' role checks and audit entries, 400s naming the field, and two bulk requests over the same rows in
 * opposite orders finishing without a deadlock.
 */
describe('bulk actions on a selection', () => {
  let desk: Desk;
  let db: TestDatabase;
  let base: string;
  let agent1: SessionClient;
  let agent2: SessionClient;
  let lead: SessionClient;
  let ids: Record<string, string>;

  beforeAll(async () => {
    desk = await startDesk('bulk', 'agent password 123', [
      ['agent1@shop.test', 'agent', 'default'],
      ['agent2@shop.test', 'agent', 'default'],
      ['lead@shop.test', 'lead', 'default'],
      ['agent@shop-b.test', 'agent', 'b'],
    ]);
    ({ db, base, ids } = desk);
    [agent1, agent2, lead] = await Promise.all(
      ['agent1@shop.test', 'agent2@shop.test', 'lead@shop.test'].map((e) => desk.signIn(e)),
    );
  }, 120_000);

  afterAll(() => desk?.close());

  const post = (as: SessionClient, path: string, json: unknown) => as.fetch(path, { method: 'POST', json });

  async function bulk(as: SessionClient, path: string, json: unknown): Promise<BulkAnswer> {
    const res = await post(as, path, json);
    expect(res.status).toBe(200);
    return (await res.json()) as BulkAnswer;
  }

  const byId = (answer: BulkAnswer) => Object.fromEntries(answer.results.map((r) => [r.id, r]));

  async function conversations(n: number): Promise<string[]> {
    const made: string[] = [];
    for (let i = 0; i < n; i++) made.push((await seedConversation(db)).conversationId);
    return made;
  }

  async function states(conversationIds: string[]) {
    const rows = await db.query<{
      conversation_id: string;
      status: string;
      closed_reason: string;
      assignee_id: string;
    }>(
      `SELECT conversation_id, status, closed_reason, assignee_id FROM conversation_states WHERE conversation_id = ANY($1)`,
      [conversationIds],
    );
    return Object.fromEntries(rows.map((r) => [r.conversation_id, r]));
  }

  async function auditOf(entityIds: string[]) {
    return db.query<{ entity_id: string; action: string; actor: string }>(
      `SELECT entity_id, action, actor FROM audit_log WHERE entity_id = ANY($1) ORDER BY id`,
      [entityIds],
    );
  }

  it('refuses anonymous callers', async () => {
    for (const path of ['/v1/inbox/bulk-close', '/v1/inbox/bulk-assign', '/v1/drafts/bulk-approve']) {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ids: [randomUUID()], reason: 'spam', assigneeId: null }),
      });
      expect(res.status).toBe(401);
    }
  });

  it('closes what it can and answers each refusal by id; one audit entry per closed conversation', async () => {
    const mine = await conversations(3);
    const theirs = (await seedConversation(db, { shopId: 'b' })).conversationId;
    const missing = randomUUID();
    const answer = await bulk(agent1, '/v1/inbox/bulk-close', {
      ids: [mine[0], theirs, mine[1], missing, mine[2]],
      reason: 'spam',
    });
    expect(answer).toMatchObject({ done: 3, failed: 2 });
    const results = byId(answer);
    for (const id of mine) expect(results[id]).toMatchObject({ ok: true, status: 'closed' });
    for (const id of [theirs, missing])
      expect(results[id]).toMatchObject({ ok: false, statusCode: 404, code: 'CONVERSATION_NOT_FOUND' });

    const now = await states([...mine, theirs]);
    for (const id of mine) expect(now[id]).toMatchObject({ status: 'closed', closed_reason: 'spam' });
    expect(now[theirs].status).toBe('open');
    const audit = await auditOf([...mine, theirs]);
    expect(audit.map((a) => [a.entity_id, a.action, a.actor]).sort()).toEqual(
      mine.map((id) => [id, 'close', 'agent1@shop.test']).sort(),
    );
  });

  it('closing with the reason other needs the note, as a single close does', async () => {
    const [id] = await conversations(1);
    const res = await post(agent1, '/v1/inbox/bulk-close', { ids: [id], reason: 'other' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ field: 'note' })]);
    const ok = await bulk(agent1, '/v1/inbox/bulk-close', { ids: [id], reason: 'other', note: 'Test order' });
    expect(ok.done).toBe(1);
  });

  it('assigns as the single assign does: an agent takes or leaves, only a lead gives to someone else', async () => {
    const selection = await conversations(3);
    const refused = await post(agent1, '/v1/inbox/bulk-assign', {
      ids: selection,
      assigneeId: ids['agent2@shop.test'],
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'LEAD_REQUIRED' });
    expect(await auditOf(selection)).toEqual([]);

    const taken = await bulk(agent1, '/v1/inbox/bulk-assign', { ids: selection, assigneeId: ids['agent1@shop.test'] });
    expect(taken).toMatchObject({ done: 3, failed: 0 });
    const given = await bulk(lead, '/v1/inbox/bulk-assign', { ids: selection, assigneeId: ids['agent2@shop.test'] });
    expect(given).toMatchObject({ done: 3, failed: 0 });
    for (const s of Object.values(await states(selection))) expect(s.assignee_id).toBe(ids['agent2@shop.test']);
    const left = await bulk(agent2, '/v1/inbox/bulk-assign', { ids: selection.slice(0, 2), assigneeId: null });
    expect(left.done).toBe(2);

    const audit = await auditOf(selection);
    expect(audit.filter((a) => a.action === 'assign').map((a) => a.actor)).toEqual([
      ...Array(3).fill('agent1@shop.test'),
      ...Array(3).fill('lead@shop.test'),
      ...Array(2).fill('agent2@shop.test'),
    ]);
  });

  describe('bad input is a 400 naming the field, and nothing is done', () => {
    const cases: [string, string, (id: string) => unknown, string][] = [
      ['an empty selection', '/v1/inbox/bulk-close', () => ({ ids: [], reason: 'spam' }), 'ids'],
      [
        'more than 100 ids',
        '/v1/inbox/bulk-close',
        () => ({ ids: Array.from({ length: 101 }, () => randomUUID()), reason: 'spam' }),
        'ids',
      ],
      ['an id that is no uuid', '/v1/inbox/bulk-close', (id) => ({ ids: [id, 'nope'], reason: 'spam' }), 'ids.1'],
      ['an id named twice', '/v1/inbox/bulk-close', (id) => ({ ids: [id, id], reason: 'spam' }), 'ids'],
      ['an unknown reason', '/v1/inbox/bulk-close', (id) => ({ ids: [id], reason: 'bored' }), 'reason'],
      ['no ids at all', '/v1/inbox/bulk-assign', () => ({ assigneeId: null }), 'ids'],
      ['an unknown user', '/v1/inbox/bulk-assign', (id) => ({ ids: [id], assigneeId: randomUUID() }), 'assigneeId'],
      [
        "another shop's user",
        '/v1/inbox/bulk-assign',
        (id) => ({ ids: [id], assigneeId: ids['agent@shop-b.test'] }),
        'assigneeId',
      ],
      ['an unknown field', '/v1/inbox/bulk-assign', (id) => ({ ids: [id], assigneeId: null, all: true }), 'all'],
      ['no drafts', '/v1/drafts/bulk-approve', () => ({ items: [] }), 'items'],
      ['a draft id that is no uuid', '/v1/drafts/bulk-approve', () => ({ items: [{ id: '42' }] }), 'items.0.id'],
      ['a draft named twice', '/v1/drafts/bulk-approve', (id) => ({ items: [{ id }, { id, version: 1 }] }), 'items'],
      [
        'a version that is no number',
        '/v1/drafts/bulk-approve',
        (id) => ({ items: [{ id, version: 'x' }] }),
        'items.0.version',
      ],
    ];
    it.each(cases)('%s', async (_name, path, body, field) => {
      const [id] = await conversations(1);
      const res = await post(lead, path, body(id));
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { statusCode: number; code: string; errors: { field: string }[] };
      expect(answer).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(answer.errors.map((e) => e.field)).toContain(field);
      expect(await auditOf([id])).toEqual([]);
    });
  });

  describe('approving drafts', () => {
    it('approves each draft through the single approve: send delay with undo, versions, escalation, placeholders', async () => {
      const plain = await seedItem(db);
      const another = await seedItem(db);
      const stale = await seedItem(db);
      const escalated = await seedItem(db, { escalated: true });
      const unfilled = await seedItem(db, { body: 'Beste {{customer.name}}, je pakket is onderweg.' });
      const theirs = await seedItem(db, { shopId: 'b' });
      await db.query(`UPDATE review_items SET version = 3 WHERE draft_id = $1`, [stale.draftId]);

      const answer = await bulk(agent1, '/v1/drafts/bulk-approve', {
        items: [
          { id: plain.draftId, version: 1 },
          { id: another.draftId },
          { id: stale.draftId, version: 1 },
          { id: escalated.draftId },
          { id: unfilled.draftId },
          { id: theirs.draftId },
        ],
      });
      expect(answer).toMatchObject({ done: 2, failed: 4 });
      const results = byId(answer);
      expect(results[plain.draftId]).toMatchObject({ ok: true, status: 'sending' });
      expect(results[another.draftId]).toMatchObject({ ok: true, status: 'sending' });
      expect(results[stale.draftId]).toMatchObject({ ok: false, statusCode: 409, code: 'DRAFT_VERSION_CONFLICT' });
      expect(results[escalated.draftId]).toMatchObject({ ok: false, statusCode: 403, code: 'ESCALATED_TO_LEAD' });
      expect(results[unfilled.draftId]).toMatchObject({ ok: false, statusCode: 409, code: 'DRAFT_HAS_PLACEHOLDERS' });
      expect(results[unfilled.draftId].message).toContain('{{customer.name}}');
      expect(results[theirs.draftId]).toMatchObject({ ok: false, statusCode: 404, code: 'DRAFT_NOT_FOUND' });

      const rows = await db.query<{ draft_id: string; status: string }>(
        `SELECT draft_id, status FROM review_items WHERE draft_id = ANY($1)`,
        [[stale.draftId, escalated.draftId, unfilled.draftId]],
      );
      expect(rows.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
      const audit = await auditOf([plain.draftId, another.draftId, stale.draftId, escalated.draftId]);
      expect(audit.map((a) => [a.entity_id, a.action, a.actor]).sort()).toEqual(
        [plain.draftId, another.draftId].map((id) => [id, 'approve', 'agent1@shop.test']).sort(),
      );

      // Each approval waits out the send delay on its own and is undone on its own.
      const undo = await post(agent1, `/v1/drafts/${plain.draftId}/undo`, {});
      expect(undo.status).toBe(200);
      expect(await undo.json()).toMatchObject({ status: 'pending' });

      // The escalated one is a lead's to decide; a second approval of a sending draft is refused.
      const byLead = await bulk(lead, '/v1/drafts/bulk-approve', {
        items: [{ id: escalated.draftId }, { id: another.draftId }],
      });
      expect(byId(byLead)[escalated.draftId]).toMatchObject({ ok: true, status: 'sending' });
      expect(byId(byLead)[another.draftId]).toMatchObject({ ok: false, code: 'DRAFT_NOT_PENDING' });
    });

    it('refuses a draft another agent is working on, and approves the rest', async () => {
      const claimed = await seedItem(db);
      const free = await seedItem(db);
      expect((await post(agent2, `/v1/drafts/${claimed.draftId}/claim`, {})).status).toBe(200);
      const answer = await bulk(agent1, '/v1/drafts/bulk-approve', {
        items: [{ id: claimed.draftId }, { id: free.draftId }],
      });
      expect(byId(answer)[claimed.draftId]).toMatchObject({ ok: false, code: 'DRAFT_CLAIMED' });
      expect(byId(answer)[free.draftId]).toMatchObject({ ok: true });
    });
  });

  it('two bulk requests over the same conversations in opposite orders both finish, without a deadlock', async () => {
    const selection = await conversations(40);
    const started = Date.now();
    const [assigned, closed] = await Promise.all([
      bulk(lead, '/v1/inbox/bulk-assign', { ids: selection, assigneeId: ids['agent1@shop.test'] }),
      bulk(agent2, '/v1/inbox/bulk-close', { ids: [...selection].reverse(), reason: 'resolved' }),
    ]);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(assigned).toMatchObject({ done: 40, failed: 0 });
    expect(closed).toMatchObject({ done: 40, failed: 0 });
    for (const s of Object.values(await states(selection)))
      expect(s).toMatchObject({ status: 'closed', assignee_id: ids['agent1@shop.test'] });
    const audit = await auditOf(selection);
    expect(audit.filter((a) => a.action === 'assign')).toHaveLength(40);
    expect(audit.filter((a) => a.action === 'close')).toHaveLength(40);
  }, 60_000);
});
