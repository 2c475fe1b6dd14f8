import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/principal';
import { QueueFilter, queueWhere } from './queue-filter.util';
import { draftNotFound } from './review.exception';
import { orderPanel } from './order-facts.util';
import { ITEM_COLUMNS, LIST_ITEM_COLUMNS, ReviewItemRow, toItemView } from './review-item.view';

/** Reads of the queue: lists, counts, one item with its whole conversation, and the audit trail. */
@Injectable()
export class QueueService {
  constructor(private readonly db: DataSource) {}

  async list(actor: Actor, filter: QueueFilter) {
    const where = queueWhere(actor.shopId, actor.userId, filter);
    const rows: (ReviewItemRow & { customer_text_truncated: boolean })[] = await this.db.query(
      `SELECT ${LIST_ITEM_COLUMNS} FROM review_items WHERE ${where.sql}
        ORDER BY due_at ASC NULLS LAST, created_at ASC LIMIT ${filter.limit} OFFSET ${filter.offset}`,
      where.params,
    );
    return rows.map((r) => ({ ...toItemView(r), customerTextTruncated: r.customer_text_truncated }));
  }

  /** Counts per value of every filter dimension, within the status (and snooze view) asked for. */
  async counts(actor: Actor, filter: QueueFilter) {
    const where = queueWhere(actor.shopId, actor.userId, {
      status: filter.status,
      includeSnoozed: filter.includeSnoozed,
    });
    const rows: {
      priority: string | null;
      intent: string | null;
      language: string | null;
      channel: string | null;
      mailbox: string | null;
      n: number;
      breached: number;
      mine: number;
      unassigned: number;
      escalated: number;
      g: number;
    }[] = await this.db.query(
      `SELECT priority, intent, language, channel, mailbox, count(*)::int AS n,
                count(*) FILTER (WHERE sla_breached_at IS NOT NULL)::int AS breached,
                count(*) FILTER (WHERE assignee_id = $${where.params.length + 1})::int AS mine,
                count(*) FILTER (WHERE assignee_id IS NULL)::int AS unassigned,
                count(*) FILTER (WHERE escalated)::int AS escalated,
                GROUPING(priority, intent, language, channel, mailbox) AS g
           FROM review_items WHERE ${where.sql}
          GROUP BY GROUPING SETS ((priority), (intent), (language), (channel), (mailbox), ())`,
      [...where.params, actor.userId],
    );
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
    const [row] = await this.db.query(`SELECT ${ITEM_COLUMNS} FROM review_items WHERE draft_id = $1 AND shop_id = $2`, [
      draftId,
      actor.shopId,
    ]);
    if (!row) throw draftNotFound(draftId);
    return row;
  }

  /** One item with what an agent needs beside the draft: the conversation, triage, notes, order facts. */
  async detail(actor: Actor, draftId: string) {
    const row = await this.row(actor, draftId);
    const item = toItemView(row);
    const [conversation] = await this.db.query(
      `SELECT c.id, c.channel, c.mailbox, c.subject, c.status, c.created_at, cu.address AS customer_address, cu.name AS customer_name
         FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = $1`,
      [item.conversationId],
    );
    const messages: {
      id: string;
      direction: string;
      from_address: string;
      subject: string;
      text: string;
      new_text: string;
      attachments: unknown;
      triage: Record<string, unknown> | null;
      occurred_at: Date;
    }[] = await this.db.query(
      `SELECT id, direction, from_address, subject, text, new_text, attachments, triage, occurred_at
           FROM messages WHERE conversation_id = $1 ORDER BY occurred_at, created_at LIMIT 200`,
      [item.conversationId],
    );
    const notes = await this.db.query(
      `SELECT n.id, n.body, n.created_at AS "createdAt", u.email AS author FROM review_notes n LEFT JOIN users u ON u.id = n.author_id
        WHERE n.draft_id = $1 ORDER BY n.id`,
      [draftId],
    );
    // Every draft of the conversation with its status: what was sent, rejected or superseded before this one.
    const drafts = await this.db.query(
      `SELECT draft_id AS "draftId", payload->>'messageId' AS "messageId", status, created_at AS "createdAt", decided_at AS "decidedAt",
              superseded_at AS "supersededAt"
         FROM review_items WHERE conversation_id = $1 AND shop_id = $2 ORDER BY created_at, draft_id`,
      [item.conversationId, actor.shopId],
    );
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
    return this.db.query(
      `SELECT id, actor, action, entity, entity_id AS "entityId", before, after, created_at AS "createdAt"
         FROM audit_log WHERE shop_id = $1 ${draftId ? 'AND entity_id = $3' : ''} ORDER BY id DESC LIMIT $2`,
      draftId ? [actor.shopId, limit, draftId] : [actor.shopId, limit],
    );
  }
}
