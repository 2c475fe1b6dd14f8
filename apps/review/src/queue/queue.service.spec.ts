import type { CustomerThreadReadModel, ThreadMessage } from '../../../conversations/src';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/principal';
import type { AuditLogRepository } from '../drafts/audit-log.repository';
import type { ReviewItemsRepository } from '../drafts/review-items.repository';
import { QueueService } from './queue.service';
import type { ReviewRecordsRepository } from './review-records.repository';
import { InMemoryAuditLog, InMemoryReviewItems, InMemoryReviewRecords, reviewItem } from './review.memory-repository';

const agent: Actor = { userId: randomUUID(), email: 'agent@shop.test', shopId: 'default', role: 'agent' };
const all = { status: 'pending', includeSnoozed: false } as const;

describe('QueueService', () => {
  let items: InMemoryReviewItems;
  let records: InMemoryReviewRecords;
  let auditLog: InMemoryAuditLog;
  let messages: ThreadMessage[];
  let queue: QueueService;

  beforeEach(() => {
    items = new InMemoryReviewItems();
    records = new InMemoryReviewRecords();
    auditLog = new InMemoryAuditLog();
    messages = [];
    const thread = {
      conversation: async (id: string) => ({
        id,
        channel: 'email',
        mailbox: 'support@shop.test',
        subject: 'Waar is mijn bestelling?',
        status: 'open',
        created_at: new Date(),
        customer_address: 'sanne@example.test',
        customer_name: 'Sanne',
      }),
      messages: async () => messages,
    } as unknown as CustomerThreadReadModel;
    queue = new QueueService(
      items as unknown as ReviewItemsRepository,
      records as unknown as ReviewRecordsRepository,
      auditLog as unknown as AuditLogRepository,
      thread,
    );
  });

  describe('counts', () => {
    it('counts the status asked for per value of every dimension, with the totals of the whole view', async () => {
      items.add(reviewItem({ priority: 'high', intent: 'track_order', assignee_id: agent.userId }));
      items.add(reviewItem({ priority: 'high', intent: 'refund', escalated: true, sla_breached_at: new Date() }));
      items.add(reviewItem({ priority: 'low', intent: null, channel: 'chat' }));
      items.add(reviewItem({ status: 'approved', priority: 'urgent' }));
      items.add(reviewItem({ shop_id: 'other-shop' }));
      items.add(reviewItem({ snoozed_until: new Date(Date.now() + 3600_000) }));

      const counts = await queue.counts(agent, { ...all, limit: 50, offset: 0 });
      expect(counts).toEqual({
        total: 3,
        breached: 1,
        mine: 1,
        unassigned: 2,
        escalated: 1,
        priority: { high: 2, low: 1 },
        intent: { track_order: 1, refund: 1, '(none)': 1 },
        language: { nl: 3 },
        channel: { email: 2, chat: 1 },
        mailbox: { 'support@shop.test': 3 },
      });
      const withSnoozed = await queue.counts(agent, { ...all, includeSnoozed: true, limit: 50, offset: 0 });
      expect(withSnoozed.total).toBe(4);
    });
  });

  describe('detail', () => {
    it("shows the item with its conversation, the message's triage and order entities, notes and every draft", async () => {
      const row = reviewItem({ created_at: new Date('2026-12-01T09:00:00Z') });
      const earlier = reviewItem({
        conversation_id: row.conversation_id,
        status: 'superseded',
        created_at: new Date('2026-12-01T08:00:00Z'),
      });
      items.add(row);
      items.add(earlier);
      messages = [
        {
          id: row.payload.messageId,
          direction: 'inbound',
          from_address: 'sanne@example.test',
          subject: 'Waar is mijn bestelling?',
          text: '> quoted\nWaar is order 100234?',
          new_text: 'Waar is order 100234?',
          attachments: [],
          triage: { urgency: 'high', entities: [{ type: 'order_number', value: '100234' }] },
          occurred_at: new Date('2026-12-01T08:59:00Z'),
        },
      ];
      await records.addNote({} as never, 'default', row.draft_id, agent.userId, 'called her');
      records.emails.set(agent.userId, agent.email);

      const detail = await queue.detail(agent, row.draft_id);
      expect(detail.item).toMatchObject({ draftId: row.draft_id, status: 'pending' });
      expect(detail.conversation).toMatchObject({
        id: row.conversation_id,
        customer: { address: 'sanne@example.test', name: 'Sanne' },
        messages: [{ id: row.payload.messageId, text: 'Waar is order 100234?', from: 'sanne@example.test' }],
      });
      expect(detail.triage).toMatchObject({ urgency: 'high' });
      expect(detail.orderFacts.entities).toEqual([{ type: 'order_number', value: '100234' }]);
      expect(detail.notes).toEqual([expect.objectContaining({ body: 'called her', author: agent.email })]);
      expect(detail.drafts.map((d: { draftId: string }) => d.draftId)).toEqual([earlier.draft_id, row.draft_id]);
    });

    it("answers 404 for another shop's item, and for its audit trail", async () => {
      const elsewhere = reviewItem({ shop_id: 'other-shop' });
      items.add(elsewhere);
      await expect(queue.detail(agent, elsewhere.draft_id)).rejects.toMatchObject({ status: 404 });
      await expect(queue.audit(agent, elsewhere.draft_id)).rejects.toMatchObject({ status: 404 });
    });
  });

  describe('audit', () => {
    it("gives the shop's trail newest first, or one item's", async () => {
      const a = reviewItem();
      const b = reviewItem();
      items.add(a);
      items.add(b);
      await auditLog.recordDraft({} as never, 'x', 'claim', a.draft_id, null, {}, 'default');
      await auditLog.recordDraft({} as never, 'x', 'reject', b.draft_id, null, {}, 'default');
      await auditLog.recordDraft({} as never, 'x', 'approve', a.draft_id, null, {}, 'other-shop');
      expect((await queue.audit(agent, null)).map((e: { action: string }) => e.action)).toEqual(['reject', 'claim']);
      expect((await queue.audit(agent, a.draft_id)).map((e: { action: string }) => e.action)).toEqual(['claim']);
    });
  });
});
