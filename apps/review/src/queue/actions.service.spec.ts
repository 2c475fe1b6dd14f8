import type { OutboxService } from '@draftdesk/messaging';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/principal';
import type { AuditLogRepository } from '../drafts/audit-log.repository';
import type { ReviewItemsRepository } from '../drafts/review-items.repository';
import type { LiveEvent, LiveEventsService } from '../live/live-events.service';
import type { ShopsRepository } from '../sla/shops.repository';
import { ActionsService } from './actions.service';
import type { ReviewItemRow } from './review-item.view';
import type { ReviewRecordsRepository } from './review-records.repository';
import {
  InMemoryAuditLog,
  InMemoryReviewItems,
  InMemoryReviewRecords,
  InMemoryShops,
  reviewItem,
} from './review.memory-repository';

const SHOP = 'default';
const agent: Actor = { userId: randomUUID(), email: 'agent@velo.test', shopId: SHOP, role: 'agent' };
const otherAgent: Actor = { userId: randomUUID(), email: 'other@velo.test', shopId: SHOP, role: 'agent' };
const lead: Actor = { userId: randomUUID(), email: 'lead@velo.test', shopId: SHOP, role: 'lead' };
const body = { viaIfMatch: false };

describe('ActionsService', () => {
  let items: InMemoryReviewItems;
  let auditLog: InMemoryAuditLog;
  let records: InMemoryReviewRecords;
  let shops: InMemoryShops;
  let events: { topic: string; payload: Record<string, unknown> }[];
  let live: LiveEvent[];
  let actions: ActionsService;

  beforeEach(() => {
    items = new InMemoryReviewItems();
    auditLog = new InMemoryAuditLog();
    records = new InMemoryReviewRecords();
    shops = new InMemoryShops();
    events = [];
    live = [];
    const outbox = {
      add: async (_m: unknown, event: { topic: string; payload: Record<string, unknown> }) => void events.push(event),
      committed: () => undefined,
    } as unknown as OutboxService;
    const liveEvents = { publish: (e: LiveEvent) => live.push(e) } as unknown as LiveEventsService;
    actions = new ActionsService(
      items as unknown as ReviewItemsRepository,
      records as unknown as ReviewRecordsRepository,
      auditLog as unknown as AuditLogRepository,
      shops as unknown as ShopsRepository,
      outbox,
      liveEvents,
      { claimTtlSeconds: 300 } as never,
    );
  });

  const seed = (overrides: Partial<ReviewItemRow> = {}) => {
    const row = reviewItem(overrides);
    items.add(row);
    return row;
  };

  describe('approve', () => {
    it('approves the version the agent saw: the reply goes out, the item moves on a version, the history says so', async () => {
      const row = seed();
      const view = await actions.approve(agent, row.draft_id, {}, { version: 1, viaIfMatch: false });
      expect(view).toMatchObject({ status: 'approved', version: 2, decidedBy: agent.email, body: row.body });
      expect(events).toEqual([
        expect.objectContaining({
          topic: 'support.reply-approved.v1',
          payload: expect.objectContaining({ draftId: row.draft_id, body: row.body, approvedBy: agent.email }),
        }),
      ]);
      expect(auditLog.entries).toEqual([expect.objectContaining({ action: 'approve', actor: agent.email })]);
      expect(live).toEqual([expect.objectContaining({ type: 'resolved', draftId: row.draft_id, version: 2 })]);
    });

    it('sends the edited text and records the approval as an edit', async () => {
      const row = seed();
      const view = await actions.approve(agent, row.draft_id, { body: 'Beste Sanne, morgen.' }, body);
      expect(view.body).toBe('Beste Sanne, morgen.');
      expect(events[0].payload.body).toBe('Beste Sanne, morgen.');
      expect(auditLog.entries[0]).toMatchObject({
        action: 'edit_and_approve',
        after: { body: 'Beste Sanne, morgen.' },
      });
    });

    it('refuses a stale version, with 409 from the body and 412 from If-Match, and changes nothing', async () => {
      const row = seed({ version: 3 });
      await expect(actions.approve(agent, row.draft_id, {}, { version: 2, viaIfMatch: false })).rejects.toMatchObject({
        status: 409,
        response: { code: 'DRAFT_VERSION_CONFLICT', version: 3 },
      });
      await expect(actions.approve(agent, row.draft_id, {}, { version: 2, viaIfMatch: true })).rejects.toMatchObject({
        status: 412,
      });
      expect(items.get(row.draft_id)).toMatchObject({ status: 'pending', version: 3 });
      expect(events).toEqual([]);
      expect(auditLog.entries).toEqual([]);
      expect(live).toEqual([]);
    });

    it('refuses a superseded draft before looking at its version, and keeps the edited text in the history', async () => {
      const by = { messageId: randomUUID(), draftId: randomUUID() };
      const row = seed({
        status: 'superseded',
        version: 4,
        superseded_by_message_id: by.messageId,
        superseded_by_draft_id: by.draftId,
        superseded_at: new Date(),
      });
      await expect(
        actions.approve(agent, row.draft_id, { body: 'Mijn versie' }, { version: 1, viaIfMatch: false }),
      ).rejects.toMatchObject({ status: 409, response: { code: 'DRAFT_SUPERSEDED', supersededBy: by } });
      expect(auditLog.entries).toEqual([
        expect.objectContaining({ action: 'approve_refused', after: { reason: 'superseded', body: 'Mijn versie' } }),
      ]);
      expect(events).toEqual([]);
      expect(items.get(row.draft_id).version).toBe(4);
    });

    it('refuses a draft without text, one claimed by another agent, and an escalated one for an agent', async () => {
      const empty = seed({ body: null });
      await expect(actions.approve(agent, empty.draft_id, {}, body)).rejects.toMatchObject({
        response: { code: 'DRAFT_HAS_NO_TEXT' },
      });
      const claimed = seed({ claimed_by: otherAgent.userId, claim_expires_at: new Date(Date.now() + 60_000) });
      await expect(actions.approve(agent, claimed.draft_id, {}, body)).rejects.toMatchObject({
        response: { code: 'DRAFT_CLAIMED' },
      });
      const escalated = seed({ escalated: true });
      await expect(actions.approve(agent, escalated.draft_id, {}, body)).rejects.toMatchObject({
        status: 403,
        response: { code: 'ESCALATED_TO_LEAD' },
      });
      await expect(actions.approve(lead, escalated.draft_id, {}, body)).resolves.toMatchObject({ status: 'approved' });
      expect(events).toHaveLength(1);
    });

    it('takes over an expired claim of another agent', async () => {
      const row = seed({ claimed_by: otherAgent.userId, claim_expires_at: new Date(Date.now() - 1000) });
      await expect(actions.approve(agent, row.draft_id, {}, body)).resolves.toMatchObject({ status: 'approved' });
    });
  });

  describe('reject', () => {
    it('closes the item with the reason, sends nothing, and ends a claim', async () => {
      const row = seed({ claimed_by: agent.userId, claim_expires_at: new Date(Date.now() + 60_000) });
      const view = await actions.reject(agent, row.draft_id, { reason: 'wrong order' }, body);
      expect(view).toMatchObject({ status: 'rejected', rejectReason: 'wrong order', claimedBy: null, version: 2 });
      expect(events).toEqual([]);
      expect(auditLog.entries[0]).toMatchObject({
        action: 'reject',
        after: { status: 'rejected', reason: 'wrong order' },
      });
    });

    it('refuses an item decided already, and answers 404 for an item of another shop', async () => {
      const approved = seed({ status: 'approved' });
      await expect(actions.reject(agent, approved.draft_id, { reason: 'x' }, body)).rejects.toMatchObject({
        status: 409,
        response: { code: 'DRAFT_NOT_PENDING' },
      });
      const elsewhere = seed({ shop_id: 'other-shop' });
      await expect(actions.reject(agent, elsewhere.draft_id, { reason: 'x' }, body)).rejects.toMatchObject({
        status: 404,
      });
      expect(items.get(elsewhere.draft_id).status).toBe('pending');
    });

    it('closes a reply that failed to go out', async () => {
      const failed = seed({ status: 'failed', send_error: 'mailbox full' });
      await expect(actions.reject(agent, failed.draft_id, { reason: 'customer called' }, body)).resolves.toMatchObject({
        status: 'rejected',
      });
    });
  });

  describe('reject with an outcome', () => {
    it('closes the item with a close reason, and with the own words of "other"', async () => {
      const spam = seed();
      await expect(
        actions.reject(agent, spam.draft_id, { outcome: 'close', closeReason: 'spam' }, body),
      ).resolves.toMatchObject({ status: 'rejected', closeReason: 'spam', rejectReason: null, needsHumanReply: false });
      const other = seed();
      await actions.reject(agent, other.draft_id, { outcome: 'close', closeReason: 'other', reason: 'phoned' }, body);
      expect(items.get(other.draft_id)).toMatchObject({ close_reason: 'other', reject_reason: 'phoned' });
      expect(auditLog.entries.map((e) => e.after)).toEqual([
        { status: 'rejected', reason: null, closeReason: 'spam' },
        { status: 'rejected', reason: 'phoned', closeReason: 'other' },
      ]);
      expect(events).toEqual([]);
    });

    it('keeps the item open for the rejecting agent: assigned, marked, without the draft, nothing sent', async () => {
      const row = seed({ assignee_id: otherAgent.userId });
      const view = await actions.reject(agent, row.draft_id, { outcome: 'reply_myself', reason: 'wrong tone' }, body);
      expect(view).toMatchObject({
        status: 'pending',
        needsHumanReply: true,
        assigneeId: agent.userId,
        body: null,
        rejectReason: 'wrong tone',
        version: 2,
      });
      expect(items.get(row.draft_id).payload.body).toBe(row.body);
      expect(events).toEqual([]);
      expect(live).toEqual([expect.objectContaining({ type: 'updated', draftId: row.draft_id })]);
      expect(auditLog.entries[0]).toMatchObject({
        action: 'reject_to_reply',
        before: { body: row.body, assigneeId: otherAgent.userId },
        after: { needsHumanReply: true, assigneeId: agent.userId },
      });
      // Without a draft, approving as is has nothing to send.
      await expect(actions.approve(agent, row.draft_id, {}, body)).rejects.toMatchObject({
        response: { code: 'DRAFT_HAS_NO_TEXT' },
      });
    });

    it("keeps the guards of a reject: another agent's claim, an escalated item, a stale version", async () => {
      const claimed = seed({ claimed_by: otherAgent.userId, claim_expires_at: new Date(Date.now() + 60_000) });
      const escalated = seed({ escalated: true });
      const stale = seed({ version: 4 });
      const reply = { outcome: 'reply_myself' } as const;
      await expect(actions.reject(agent, claimed.draft_id, reply, body)).rejects.toMatchObject({ status: 409 });
      await expect(actions.reject(agent, escalated.draft_id, reply, body)).rejects.toMatchObject({ status: 403 });
      await expect(
        actions.reject(agent, stale.draft_id, reply, { version: 3, viaIfMatch: true }),
      ).rejects.toMatchObject({ status: 412 });
      expect([claimed, escalated, stale].map((r) => items.get(r.draft_id).needs_human_reply)).toEqual([
        false,
        false,
        false,
      ]);
    });
  });

  describe('writeReply', () => {
    it("sends the agent's own reply through the approval: the reply-approved event carries the text", async () => {
      const row = seed();
      await actions.reject(agent, row.draft_id, { outcome: 'reply_myself' }, body);
      const view = await actions.writeReply(
        agent,
        row.draft_id,
        { body: 'Beste Sanne, ik bel je.' },
        {
          version: 2,
          viaIfMatch: true,
        },
      );
      expect(view).toMatchObject({
        status: 'approved',
        body: 'Beste Sanne, ik bel je.',
        needsHumanReply: false,
        decidedBy: agent.email,
        version: 3,
      });
      expect(events).toEqual([
        expect.objectContaining({
          topic: 'support.reply-approved.v1',
          payload: expect.objectContaining({
            draftId: row.draft_id,
            body: 'Beste Sanne, ik bel je.',
            approvedBy: agent.email,
            autoSent: false,
          }),
        }),
      ]);
      expect(auditLog.entries.map((e) => e.action)).toEqual(['reject_to_reply', 'write_reply']);
      expect(live.at(-1)).toMatchObject({ type: 'resolved', version: 3 });
    });

    it('writes the reply for an item that came without a draft', async () => {
      const empty = seed({ body: null, decision: 'escalate' });
      await expect(actions.writeReply(lead, empty.draft_id, { body: 'Hallo' }, body)).resolves.toMatchObject({
        status: 'approved',
        body: 'Hallo',
      });
    });

    it('refuses an item that has a draft, a stale version and a decided item, and sends nothing', async () => {
      const drafted = seed();
      await expect(actions.writeReply(agent, drafted.draft_id, { body: 'x' }, body)).rejects.toMatchObject({
        status: 409,
        response: { code: 'DRAFT_HAS_TEXT' },
      });
      const stale = seed({ body: null, version: 5 });
      await expect(
        actions.writeReply(agent, stale.draft_id, { body: 'x' }, { version: 4, viaIfMatch: false }),
      ).rejects.toMatchObject({ status: 409, response: { code: 'DRAFT_VERSION_CONFLICT' } });
      const decided = seed({ body: null, status: 'rejected' });
      await expect(actions.writeReply(agent, decided.draft_id, { body: 'x' }, body)).rejects.toMatchObject({
        response: { code: 'DRAFT_NOT_PENDING' },
      });
      expect(events).toEqual([]);
    });

    it('keeps the written text in the history when the draft was superseded', async () => {
      const row = seed({ body: null, status: 'superseded', superseded_at: new Date() });
      await expect(actions.writeReply(agent, row.draft_id, { body: 'Mijn antwoord' }, body)).rejects.toMatchObject({
        response: { code: 'DRAFT_SUPERSEDED' },
      });
      expect(auditLog.entries).toEqual([
        expect.objectContaining({
          action: 'write_reply_refused',
          after: { reason: 'superseded', body: 'Mijn antwoord' },
        }),
      ]);
      expect(events).toEqual([]);
    });
  });

  describe('escalate', () => {
    it('marks the item for a lead, drops its assignee and the claim, and keeps the reason in the history', async () => {
      const row = seed({
        assignee_id: agent.userId,
        claimed_by: agent.userId,
        claim_expires_at: new Date(Date.now() + 60_000),
      });
      const view = await actions.escalate(agent, row.draft_id, { reason: 'refund over limit' }, body);
      expect(view).toMatchObject({ escalated: true, assigneeId: null, claimedBy: null, status: 'pending' });
      expect(auditLog.entries[0]).toMatchObject({
        action: 'escalate',
        before: { escalated: false, assigneeId: agent.userId },
        after: { escalated: true, reason: 'refund over limit' },
      });
      expect(live).toEqual([expect.objectContaining({ type: 'updated' })]);
      expect(items.get(row.draft_id)).toMatchObject({
        escalation_reason: 'refund over limit',
        escalated_by: agent.userId,
      });
    });
  });

  describe('hand back', () => {
    const escalatedBy = (who: Actor, extra: Partial<ReviewItemRow> = {}) =>
      seed({ escalated: true, escalation_reason: 'refund over limit', escalated_by: who.userId, ...extra });

    it("goes back to whoever escalated it, with the lead's note, and leaves the lead's queue", async () => {
      shops.members.add(`${SHOP}/${agent.userId}`);
      const row = escalatedBy(agent);
      const view = await actions.handBack(lead, row.draft_id, { note: 'Refund approved up to 80 euro' }, body);
      expect(view).toMatchObject({ escalated: false, escalationReason: null, assigneeId: agent.userId });
      expect(records.notes).toEqual([
        expect.objectContaining({
          draftId: row.draft_id,
          authorId: lead.userId,
          body: 'Refund approved up to 80 euro',
        }),
      ]);
      expect(auditLog.entries[0]).toMatchObject({
        action: 'hand_back',
        before: { escalated: true, reason: 'refund over limit' },
        after: { escalated: false, assigneeId: agent.userId },
      });
      // The agent may now decide it.
      await expect(actions.approve(agent, row.draft_id, {}, body)).resolves.toMatchObject({ status: 'approved' });
    });

    it('goes to whom the lead names, to no one when asked, and to no one when the escalating agent left', async () => {
      shops.members.add(`${SHOP}/${otherAgent.userId}`);
      const named = escalatedBy(agent);
      await expect(
        actions.handBack(lead, named.draft_id, { assigneeId: otherAgent.userId }, body),
      ).resolves.toMatchObject({ assigneeId: otherAgent.userId });
      shops.members.add(`${SHOP}/${agent.userId}`);
      const nobody = escalatedBy(agent);
      await expect(actions.handBack(lead, nobody.draft_id, { assigneeId: null }, body)).resolves.toMatchObject({
        assigneeId: null,
      });
      const gone = escalatedBy(lead, { escalated_by: randomUUID() });
      await expect(actions.handBack(lead, gone.draft_id, {}, body)).resolves.toMatchObject({ assigneeId: null });
    });

    it('refuses an agent, a non-member assignee and an item that is not escalated', async () => {
      const row = escalatedBy(agent);
      await expect(actions.handBack(agent, row.draft_id, {}, body)).rejects.toMatchObject({ status: 403 });
      await expect(actions.handBack(lead, row.draft_id, { assigneeId: randomUUID() }, body)).rejects.toMatchObject({
        response: { code: 'ASSIGNEE_NOT_A_MEMBER' },
      });
      const plain = seed();
      await expect(actions.handBack(lead, plain.draft_id, {}, body)).rejects.toMatchObject({
        response: { code: 'DRAFT_NOT_ESCALATED' },
      });
      expect(items.get(row.draft_id).escalated).toBe(true);
      expect(auditLog.entries).toEqual([]);
    });
  });

  describe('claim and release', () => {
    it('claims for the agent; another agent can neither claim nor release it, a lead can release it', async () => {
      const row = seed();
      await expect(actions.claim(agent, row.draft_id, body)).resolves.toMatchObject({ claimedBy: agent.userId });
      await expect(actions.claim(otherAgent, row.draft_id, body)).rejects.toMatchObject({
        response: { code: 'DRAFT_CLAIMED' },
      });
      await expect(actions.release(otherAgent, row.draft_id, body)).rejects.toMatchObject({
        response: { code: 'DRAFT_CLAIMED' },
      });
      await expect(actions.release(lead, row.draft_id, body)).resolves.toMatchObject({ claimedBy: null, version: 3 });
    });
  });

  describe('redraft', () => {
    it('asks the drafter for a new draft and keeps the request', async () => {
      const row = seed();
      const view = await actions.redraft(agent, row.draft_id, { instruction: 'shorter' }, body);
      expect(view.status).toBe('redraft_requested');
      expect(records.redraftRequests).toEqual([
        { shopId: SHOP, draftId: row.draft_id, instruction: 'shorter', requestedBy: agent.userId },
      ]);
      expect(events).toEqual([
        expect.objectContaining({
          topic: 'support.redraft-requested.v1',
          payload: expect.objectContaining({ itemId: row.draft_id, instruction: 'shorter' }),
        }),
      ]);
    });
  });

  describe('reassign', () => {
    it('needs a lead, and an assignee who is a member of the shop', async () => {
      const row = seed();
      const member = randomUUID();
      shops.members.add(`${SHOP}/${member}`);
      await expect(actions.reassign(agent, row.draft_id, { assigneeId: member }, body)).rejects.toMatchObject({
        status: 403,
      });
      await expect(actions.reassign(lead, row.draft_id, { assigneeId: randomUUID() }, body)).rejects.toMatchObject({
        response: { code: 'ASSIGNEE_NOT_A_MEMBER' },
      });
      await expect(actions.reassign(lead, row.draft_id, { assigneeId: member }, body)).resolves.toMatchObject({
        assigneeId: member,
      });
    });
  });

  describe('correctTriage', () => {
    it('takes the corrected priority with a due time from the shop SLA, and keeps the correction', async () => {
      shops.shops.set(SHOP, {
        businessHours: { timezone: 'UTC', days: { '2': ['09:00', '17:00'] } },
        sla: {
          firstResponse: { urgent: 60, high: 240, normal: 480, low: 960 },
          nextResponse: { urgent: 120, high: 480, normal: 960, low: 1440 },
        },
      });
      // Tuesday 09:00 UTC; urgent: one business hour.
      const row = seed({ created_at: new Date('2026-12-01T09:00:00Z') });
      const view = await actions.correctTriage(agent, row.draft_id, { priority: 'urgent' }, body);
      expect(view).toMatchObject({ priority: 'urgent', dueAt: new Date('2026-12-01T10:00:00Z') });
      expect(records.corrections).toEqual([
        expect.objectContaining({
          draftId: row.draft_id,
          before: { intent: 'track_order', language: 'nl', priority: 'normal' },
          priority: 'urgent',
          intent: null,
        }),
      ]);
    });

    it('keeps the due time when only the intent changes', async () => {
      const row = seed();
      const view = await actions.correctTriage(agent, row.draft_id, { intent: 'return_item' }, body);
      expect(view).toMatchObject({ intent: 'return_item', dueAt: row.due_at });
    });
  });

  describe('note', () => {
    it('adds a note without a version, and answers 404 for an unknown item', async () => {
      const row = seed({ version: 7 });
      const note = await actions.note(agent, row.draft_id, { body: 'called the customer' });
      expect(note).toMatchObject({ body: 'called the customer', author: agent.email });
      expect(auditLog.entries[0]).toMatchObject({ action: 'note', after: { noteId: note.id } });
      expect(items.get(row.draft_id).version).toBe(7);
      await expect(actions.note(agent, randomUUID(), { body: 'x' })).rejects.toMatchObject({ status: 404 });
    });

    it('keeps the colleagues a note mentions and tells the shop live; a stranger is a 400 naming the field', async () => {
      const row = seed({ version: 3 });
      records.members.add(`${SHOP}/${otherAgent.userId}`);
      const stranger = randomUUID();
      await expect(
        actions.note(agent, row.draft_id, { body: 'ask @other', mentions: [otherAgent.userId, stranger] }),
      ).rejects.toMatchObject({
        status: 400,
        response: { errors: [{ field: 'mentions.1', message: 'is not a colleague in this shop' }] },
      });
      expect(records.notes).toEqual([]);

      const note = await actions.note(agent, row.draft_id, { body: 'ask @other', mentions: [otherAgent.userId] });
      expect(note.mentions).toEqual([otherAgent.userId]);
      expect(records.mentions).toEqual([{ noteId: note.id, userId: otherAgent.userId, shopId: SHOP }]);
      expect(live).toEqual([{ type: 'noted', shopId: SHOP, draftId: row.draft_id, version: 3, by: agent.userId }]);
    });
  });
});
