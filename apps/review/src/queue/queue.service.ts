import { Inject, Injectable } from '@nestjs/common';
import type { CustomerThreadReadModel } from '../../../conversations/src';
import type { Actor } from '../auth/principal';
import { CUSTOMER_THREAD } from '../customer-thread.token';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { ReviewItemsRepository } from '../drafts/review-items.repository';
import { QueueFilter } from './queue-filter.util';
import { draftNotFound } from './review.exception';
import { orderPanel } from './order-facts.util';
import { ReviewItemRow, toItemView } from './review-item.view';
import { ReviewRecordsRepository } from './review-records.repository';

/** Reads of the queue: lists, counts, one item with its whole conversation, and the audit trail. */
@Injectable()
export class QueueService {
  constructor(
    private readonly items: ReviewItemsRepository,
    private readonly records: ReviewRecordsRepository,
    private readonly auditLog: AuditLogRepository,
    @Inject(CUSTOMER_THREAD) private readonly thread: CustomerThreadReadModel,
  ) {}

  async list(actor: Actor, filter: QueueFilter) {
    const rows = await this.items.list(actor.shopId, actor.userId, filter);
    return rows.map((r) => ({ ...toItemView(r), customerTextTruncated: r.customer_text_truncated }));
  }

  /** Counts per value of every filter dimension, within the status (and snooze view) asked for. */
  async counts(actor: Actor, filter: QueueFilter) {
    const rows = await this.items.counts(actor.shopId, actor.userId, filter);
    const out = {
      total: 0,
      breached: 0,
      mine: 0,
      unassigned: 0,
      escalated: 0,
      priority: {},
      intent: {},
      language: {},
      channel: {},
      mailbox: {},
    } as {
      total: number;
      breached: number;
      mine: number;
      unassigned: number;
      escalated: number;
    } & Record<'priority' | 'intent' | 'language' | 'channel' | 'mailbox', Record<string, number>>;
    for (const r of rows) {
      if (Number(r.g) === 31)
        Object.assign(out, {
          total: r.n,
          breached: r.breached,
          mine: r.mine,
          unassigned: r.unassigned,
          escalated: r.escalated,
        });
      for (const key of ['priority', 'intent', 'language', 'channel', 'mailbox'] as const) {
        // GROUPING() sets a bit for every column that is NOT grouped in this row; the set with only `key` grouped.
        const bit = 1 << (4 - ['priority', 'intent', 'language', 'channel', 'mailbox'].indexOf(key));
        if (Number(r.g) === (31 ^ bit)) out[key][r[key] ?? '(none)'] = r.n;
      }
    }
    return out;
  }

  async row(actor: Actor, draftId: string): Promise<ReviewItemRow> {
    const row = await this.items.find(draftId, actor.shopId);
    if (!row) throw draftNotFound(draftId);
    return row;
  }

  /** One item with what an agent needs beside the draft: the conversation, triage, notes, order facts. */
  async detail(actor: Actor, draftId: string) {
    const row = await this.row(actor, draftId);
    const item = toItemView(row);
    const conversation = await this.thread.conversation(item.conversationId);
    const messages = await this.thread.messages(item.conversationId);
    const notes = await this.records.notesOf(draftId);
    // Every draft of the conversation with its status: what was sent, rejected or superseded before this one.
    const drafts = await this.items.draftsOfConversation(item.conversationId, actor.shopId);
    const triage = messages.find((m) => m.id === item.messageId)?.triage ?? null;
    const entities = (triage?.entities as { type: string; value: string }[] | undefined) ?? [];
    return {
      item,
      conversation: conversation
        ? {
            id: conversation.id,
            channel: conversation.channel,
            mailbox: conversation.mailbox,
            subject: conversation.subject,
            status: conversation.status,
            customer: { address: conversation.customer_address, name: conversation.customer_name },
            messages: messages.map((m) => ({
              id: m.id,
              direction: m.direction,
              from: m.from_address,
              subject: m.subject,
              text: m.new_text || m.text,
              attachments: m.attachments,
              occurredAt: m.occurred_at,
            })),
          }
        : null,
      triage,
      // The order the drafter grounded the reply in, beside what triage found in the message and the cited records.
      orderFacts: orderPanel(row.payload.orderFacts, entities, item.citations),
      drafts,
      notes,
    };
  }

  async audit(actor: Actor, draftId: string | null, limit = 200) {
    if (draftId) await this.row(actor, draftId);
    return this.auditLog.trail(actor.shopId, limit, draftId);
  }
}
