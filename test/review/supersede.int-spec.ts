import { DraftedPayload, InboundPayload, MessageAddedPayload } from '@draftdesk/contracts';
import { OutboxService } from '@draftdesk/messaging';
import { ConflictException } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConversationsRepository } from '../../apps/conversations/src/conversations/conversations.repository';
import { ConversationsService } from '../../apps/conversations/src/conversations/conversations.service';
import { CustomerThreadReadModel } from '../../apps/conversations/src/conversations/customer-thread.read-model';
import type { Actor } from '../../apps/review/src/auth/principal';
import { AuditLogRepository } from '../../apps/review/src/drafts/audit-log.repository';
import { ConversationDraftsReadModel } from '../../apps/review/src/drafts/conversation-drafts.read-model';
import { ReviewItemsRepository } from '../../apps/review/src/drafts/review-items.repository';
import { ReviewService } from '../../apps/review/src/drafts/review.service';
import { SupersedeService } from '../../apps/review/src/drafts/supersede.service';
import { LiveEventsService } from '../../apps/review/src/live/live-events.service';
import { ActionsService } from '../../apps/review/src/queue/actions.service';
import { ReviewRecordsRepository } from '../../apps/review/src/queue/review-records.repository';
import { ShopsRepository } from '../../apps/review/src/sla/shops.repository';
import { createTestDatabase, TestDatabase } from '../support/database';
import { inboundEmail } from '../support/inbound';
import { draftedFor } from './review-fixtures';

type Decision = DraftedPayload['decision'];

/**
 * One open draft per conversation, on real PostgreSQL with the real migrations: the conversations service stores
 * the messages and the review desk receives their drafts exactly as their consumers do, in transactions of their own.
 */
describe('a new customer message supersedes the pending draft', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let conversations: ConversationsService;
  let review: ReviewService;
  let actions: ActionsService;
  const agent: Actor = { userId: randomUUID(), email: 'agent@shop.test', shopId: 'default', role: 'agent' };

  beforeAll(async () => {
    db = await createTestDatabase('supersede');
    dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 8 } });
    await dataSource.initialize();
    const outbox = new OutboxService();
    const live = new LiveEventsService();
    const items = new ReviewItemsRepository(dataSource);
    const auditLog = new AuditLogRepository(dataSource);
    const shops = new ShopsRepository(dataSource);
    conversations = new ConversationsService(
      new ConversationsRepository(dataSource),
      new ConversationDraftsReadModel(dataSource),
    );
    const thread = new CustomerThreadReadModel(dataSource);
    review = new ReviewService(outbox, live, new SupersedeService(items, auditLog), items, auditLog, shops, thread);
    actions = new ActionsService(items, new ReviewRecordsRepository(dataSource), auditLog, shops, outbox, live, {
      claimTtlSeconds: 300,
    } as never);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const jitter = (ms = 10) => new Promise((resolve) => setTimeout(resolve, Math.random() * ms));
  const customer = () => `c-${randomBytes(4).toString('hex')}@example.test`;

  const mail = (from: string, text: string, replyTo?: string): InboundPayload =>
    inboundEmail({
      externalMessageId: `${randomBytes(6).toString('hex')}@example.test`,
      from: { address: from, name: 'Sanne' },
      text,
      subject: 'Waar is mijn bestelling?',
      ...(replyTo ? { inReplyTo: replyTo, references: [replyTo] } : {}),
    });

  async function store(inbound: InboundPayload) {
    const stored = await dataSource.transaction((m) => conversations.storeInbound(m, inbound));
    return { conversationId: stored!.conversationId, message: stored!.message, externalId: inbound.externalMessageId };
  }

  const draftFor = (message: MessageAddedPayload, decision?: Decision) =>
    draftedFor(
      {
        messageId: message.messageId,
        sequence: message.sequence,
        address: message.customer.address,
        name: message.customer.name,
        text: message.text,
      },
      decision,
    );

  const receive = (conversationId: string, d: DraftedPayload) =>
    dataSource.transaction((m) => review.receive(m, conversationId, d));

  /** A conversation whose first message has a draft waiting for review. */
  async function waiting(decision: Decision = 'review') {
    const first = await store(mail(customer(), 'Waar is bestelling 100234?'));
    const draft = draftFor(first.message, decision);
    await receive(first.conversationId, draft);
    return { ...first, draft };
  }

  const followUp = async (
    c: { conversationId: string; externalId: string; message: MessageAddedPayload },
    text: string,
    from = c.message.customer.address,
  ) => store(mail(from, text, c.externalId));

  const items = (conversationId: string) =>
    db.query<{
      draft_id: string;
      status: string;
      superseded_by_message_id: string | null;
      superseded_by_draft_id: string | null;
      superseded_at: Date | null;
    }>(
      `SELECT draft_id, status, superseded_by_message_id, superseded_by_draft_id, superseded_at FROM review_items WHERE conversation_id = $1`,
      [conversationId],
    );
  const itemOf = async (conversationId: string, draftId: string) =>
    (await items(conversationId)).find((i) => i.draft_id === draftId)!;
  const approvals = (draftId: string) =>
    db.query(`SELECT 1 FROM outbox WHERE topic = 'support.reply-approved.v1' AND value->'payload'->>'draftId' = $1`, [
      draftId,
    ]);
  const auditOf = (draftId: string) =>
    db.query<{ actor: string; action: string; after: Record<string, unknown> }>(
      `SELECT actor, action, after FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [draftId],
    );

  it('supersedes the pending draft when the draft for the follow-up arrives, and keeps it in the conversation history', async () => {
    const c = await waiting();
    const second = await followUp(c, 'En kan ik het adres nog wijzigen?');
    expect(second.conversationId).toBe(c.conversationId);
    expect(second.message.sequence).toBe(2);
    // The new message's draft is written with the whole thread in view.
    expect(second.message.history.map((h) => h.text)).toEqual(['Waar is bestelling 100234?']);
    const next = draftFor(second.message);
    await receive(c.conversationId, next);

    expect(await itemOf(c.conversationId, c.draft.draftId)).toMatchObject({
      status: 'superseded',
      superseded_by_message_id: second.message.messageId,
      superseded_by_draft_id: next.draftId,
    });
    expect((await itemOf(c.conversationId, c.draft.draftId)).superseded_at).toBeInstanceOf(Date);
    expect(await itemOf(c.conversationId, next.draftId)).toMatchObject({ status: 'pending', superseded_at: null });
    expect((await auditOf(c.draft.draftId)).map((a) => `${a.actor}:${a.action}`)).toEqual(['customer:superseded']);

    const thread = await conversations.get(c.conversationId);
    expect(thread!.drafts.map((d: { draftId: string; status: string }) => [d.draftId, d.status])).toEqual([
      [c.draft.draftId, 'superseded'],
      [next.draftId, 'pending'],
    ]);
    expect(thread!.drafts[0]).toMatchObject({
      supersededByMessageId: second.message.messageId,
      body: 'Beste Sanne, over: Waar is bestelling 100234?',
    });
  });

  it('supersedes a late draft for an older message on arrival, and never sends it on the policy’s behalf', async () => {
    const first = await store(mail(customer(), 'Waar is bestelling 100234?'));
    const second = await followUp(first, 'Laat maar, hij is er.');
    const newer = draftFor(second.message);
    const late = draftFor(first.message, 'auto_send');
    await receive(first.conversationId, newer);
    await receive(first.conversationId, late);
    expect(await itemOf(first.conversationId, late.draftId)).toMatchObject({
      status: 'superseded',
      superseded_by_message_id: second.message.messageId,
      superseded_by_draft_id: newer.draftId,
    });
    expect(await itemOf(first.conversationId, newer.draftId)).toMatchObject({ status: 'pending' });
    expect(await approvals(late.draftId)).toHaveLength(0);
  });

  it('refuses to approve a superseded draft with 409 and why, and keeps the claiming agent’s edit in its history', async () => {
    const c = await waiting();
    await actions.claim(agent, c.draft.draftId, { viaIfMatch: false });
    const next = draftFor((await followUp(c, 'Ik wil toch liever ophalen.')).message);
    await receive(c.conversationId, next);

    const [claim] = await db.query<{ claimed_by: string | null }>(
      `SELECT claimed_by FROM review_items WHERE draft_id = $1`,
      [c.draft.draftId],
    );
    expect(claim.claimed_by).toBeNull();
    const edited = 'Beste Sanne, ik heb het voor je nagekeken: morgen bezorgd.';
    const refusal = await actions
      .approve(agent, c.draft.draftId, { body: edited }, { version: 2, viaIfMatch: true })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ConflictException);
    const answer = (refusal as ConflictException).getResponse() as {
      code: string;
      message: string;
      supersededBy: { draftId: string };
    };
    expect((refusal as ConflictException).getStatus()).toBe(409);
    expect(answer.code).toBe('DRAFT_SUPERSEDED');
    expect(answer.message).toMatch(/customer wrote again/);
    expect(answer.supersededBy.draftId).toBe(next.draftId);

    expect(await itemOf(c.conversationId, c.draft.draftId)).toMatchObject({ status: 'superseded' });
    expect(await approvals(c.draft.draftId)).toHaveLength(0);
    const history = await auditOf(c.draft.draftId);
    expect(history.map((a) => a.action)).toEqual(['claim', 'superseded', 'approve_refused']);
    expect(history[2].after).toEqual({ reason: 'superseded', body: edited });
    // The draft that replaced it is approved as usual.
    await actions.approve(agent, next.draftId, {}, { viaIfMatch: false });
    expect(await approvals(next.draftId)).toHaveLength(1);
  });

  it('leaves approved (being sent), auto-sent and failed drafts alone', async () => {
    const approved = await waiting();
    await actions.approve(agent, approved.draft.draftId, {}, { viaIfMatch: false });
    // mail-send's ledger: the reply is on its way.
    await db.query(`INSERT INTO send_attempts (attempt_id, draft_id, message_id, attempt) VALUES ($1, $2, $3, 1)`, [
      randomUUID(),
      approved.draft.draftId,
      approved.draft.reply.messageId,
    ]);
    const autoSent = await waiting('auto_send');
    const failed = await waiting();
    await actions.approve(agent, failed.draft.draftId, {}, { viaIfMatch: false });
    await db.query(
      `UPDATE review_items SET status = 'failed', send_error = 'smtp_550: mailbox unavailable' WHERE draft_id = $1`,
      [failed.draft.draftId],
    );

    for (const [c, status] of [
      [approved, 'approved'],
      [autoSent, 'auto_sent'],
      [failed, 'failed'],
    ] as const) {
      const next = draftFor((await followUp(c, 'Nog een vraag.')).message);
      await receive(c.conversationId, next);
      expect(await itemOf(c.conversationId, c.draft.draftId)).toMatchObject({ status, superseded_at: null });
      expect(await itemOf(c.conversationId, next.draftId)).toMatchObject({ status: 'pending' });
    }
  });

  it('hands the replacement the escalation, the assignee and the earlier due time of the draft it supersedes', async () => {
    const c = await waiting();
    const due = new Date(Date.now() + 10 * 60_000);
    await db.query(`UPDATE review_items SET escalated = true, assignee_id = $2, due_at = $3 WHERE draft_id = $1`, [
      c.draft.draftId,
      agent.userId,
      due,
    ]);
    const next = draftFor((await followUp(c, 'Hallo? Nog steeds niets.')).message);
    await receive(c.conversationId, next);
    const [item] = await db.query<{ escalated: boolean; assignee_id: string; due_at: Date }>(
      `SELECT escalated, assignee_id, due_at FROM review_items WHERE draft_id = $1`,
      [next.draftId],
    );
    expect(item).toEqual({ escalated: true, assignee_id: agent.userId, due_at: due });
  });

  it('does not let automated mail (an out-of-office) supersede the pending draft', async () => {
    const c = await waiting();
    const auto = await followUp(c, 'I am out of office until Monday.');
    await receive(c.conversationId, draftFor(auto.message, 'ignore'));
    expect(await itemOf(c.conversationId, c.draft.draftId)).toMatchObject({ status: 'pending' });
  });

  it('two messages arriving at once end with exactly one pending draft, the one for the latest message (50 runs)', async () => {
    for (let run = 0; run < 50; run++) {
      const c = await waiting();
      // The customer and a colleague in CC answer at once (two senders: two partitions of the inbound topic),
      // both replies are stored and drafted at the same time, while an agent approves the first draft.
      const arrive = async (text: string, from?: string) => {
        const stored = await followUp(c, text, from);
        const draft = draftFor(stored.message);
        await jitter(); // drafting takes its time: either draft may reach the review desk first
        await receive(c.conversationId, draft);
        return { ...stored, draft };
      };
      const [a, b, approval] = await Promise.all([
        arrive(`Eerste aanvulling ${run}`),
        arrive(`Tweede aanvulling ${run}`, customer()),
        jitter(20)
          .then(() => actions.approve(agent, c.draft.draftId, {}, { viaIfMatch: false }))
          .then(
            () => 'approved',
            (e: ConflictException) => (e.getResponse() as { code: string }).code,
          ),
      ]);
      const all = await items(c.conversationId);
      const pending = all.filter((i) => i.status === 'pending');
      const [earlier, later] = [a, b].sort((x, y) => x.message.sequence! - y.message.sequence!);
      expect([earlier.message.sequence, later.message.sequence]).toEqual([2, 3]);
      // The later message was stored with the earlier one in its history: its draft saw the whole thread.
      expect(later.message.history.map((h) => h.text)).toContain(earlier.message.text);
      expect(pending.map((i) => i.draft_id)).toEqual([later.draft.draftId]);
      expect(all.find((i) => i.draft_id === earlier.draft.draftId)!.status).toBe('superseded');
      // The agent's approval and the supersede are serialised: the first draft is either on its way or superseded.
      const first = all.find((i) => i.draft_id === c.draft.draftId)!;
      expect(['approved', 'DRAFT_SUPERSEDED']).toContain(approval);
      expect(first.status).toBe(approval === 'approved' ? 'approved' : 'superseded');
    }
  }, 120_000);

  it('makes a second open draft in one conversation impossible in the database itself', async () => {
    const c = await waiting();
    const copy = db.query(
      `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload) SELECT $1, conversation_id, 'pending', decision, payload FROM review_items WHERE draft_id = $2`,
      [randomUUID(), c.draft.draftId],
    );
    await expect(copy).rejects.toThrow(/review_items_one_open_per_conversation/);
  });
});
