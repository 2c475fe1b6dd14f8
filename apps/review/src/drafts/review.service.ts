import { createEvent, DraftedPayload, ReplyApprovedPayload, ReplySentPayload, Topics } from '@draftdesk/contracts';
import { returnedRows } from '@draftdesk/database';
import { OutboxService } from '@draftdesk/messaging';
import { traceHeaders } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LiveEventsService } from '../live/live-events.service';
import { BusinessHours, dueAt, priorityFromUrgency, SlaPolicy } from '../sla/business-hours.util';

export const PRODUCER = 'review';

const STATUS_BY_DECISION = { auto_send: 'auto_sent', review: 'pending', escalate: 'pending', ignore: 'ignored' } as const;

/** Drafts are attributed to this shop until mailboxes map to shops. */
export const DEFAULT_SHOP = 'default';

@Injectable()
export class ReviewService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly live: LiveEventsService,
  ) {}

  /** Queues a draft for a person, or — when the policy gate allowed it — approves it on the policy's behalf. */
  async receive(m: EntityManager, conversationId: string, drafted: DraftedPayload, afterCommit?: (fn: () => void) => void): Promise<void> {
    if (drafted.redraftOf) return this.replace(m, drafted.redraftOf, drafted, afterCommit);
    const status = drafted.body === null && drafted.decision !== 'ignore' ? 'pending' : STATUS_BY_DECISION[drafted.decision];
    const shopId = DEFAULT_SHOP;
    // Read-only look at the conversations service's tables (same database): urgency and whether we answered before.
    const [message] = await m.query(
      `SELECT triage, occurred_at,
              EXISTS (SELECT 1 FROM messages o WHERE o.conversation_id = $2 AND o.direction = 'outbound') AS answered_before
         FROM messages WHERE id = $1`,
      [drafted.messageId, conversationId],
    );
    const [shop] = await m.query(`SELECT business_hours, sla FROM shops WHERE id = $1`, [shopId]);
    const priority = priorityFromUrgency(message?.triage?.urgency);
    const kind = message?.answered_before ? 'next' : 'first';
    const receivedAt = message?.occurred_at ? new Date(message.occurred_at) : new Date();
    const due = shop ? dueAt(receivedAt, priority, kind, shop.sla as SlaPolicy, shop.business_hours as BusinessHours) : null;
    const rows = await m.query(
      `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id, channel, mailbox, intent,
                                 language, priority, response_kind, due_at, escalated, trace_headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT (draft_id) DO NOTHING RETURNING draft_id`,
      [
        drafted.draftId,
        conversationId,
        status,
        drafted.decision,
        JSON.stringify(drafted),
        drafted.body,
        shopId,
        drafted.channel,
        drafted.mailbox,
        drafted.intent,
        drafted.language,
        priority,
        kind,
        due,
        drafted.decision === 'escalate',
        // The customer message's trace, which an agent's approval continues later.
        JSON.stringify(traceHeaders()),
      ],
    );
    if (rows.length === 0) return;
    if (status === 'pending') {
      const event = { type: 'arrived' as const, shopId, draftId: drafted.draftId, version: 1, by: null };
      if (afterCommit) afterCommit(() => this.live.publish(event));
      else this.live.publish(event);
    }
    if (status !== 'auto_sent') return;
    await m.query(
      `INSERT INTO audit_log (actor, action, entity, entity_id, before, after, shop_id) VALUES ('policy', 'auto_send', 'draft', $1, NULL, $2, $3)`,
      [drafted.draftId, JSON.stringify({ status }), shopId],
    );
    await this.outbox.add(m, approvedEvent(conversationId, drafted, drafted.body!, 'policy', true));
  }

  /**
   * A reply that was approved (by a person or the policy) but did not go out becomes `failed`, with the reason, and
   * is back in the queue: an agent can edit and approve it again, or close it. The item is found by its own id or,
   * after a redraft, by the id of the draft it holds. Returns the item's id, or null when no sent item matched
   * (a repeat of the event, or an item decided again meanwhile).
   */
  async sendFailed(m: EntityManager, sent: ReplySentPayload, actor: string, afterCommit?: (fn: () => void) => void): Promise<string | null> {
    const reason = sent.error ?? 'send_failed';
    const [row] = returnedRows<{ draft_id: string; shop_id: string; version: number; before: string }>(
      await m.query(
        `UPDATE review_items i SET status = 'failed', send_error = $2, claimed_by = NULL, claim_expires_at = NULL,
                version = i.version + 1, updated_at = now()
           FROM (SELECT draft_id, status AS before FROM review_items
                  WHERE (draft_id = $1 OR payload->>'draftId' = $1::text) AND status IN ('approved', 'auto_sent') FOR UPDATE) old
          WHERE i.draft_id = old.draft_id
          RETURNING i.draft_id, i.shop_id, i.version, old.before`,
        [sent.draftId, reason],
      ),
    );
    if (!row) return null;
    await m.query(
      `INSERT INTO audit_log (actor, action, entity, entity_id, before, after, shop_id) VALUES ($1, 'send_failed', 'draft', $2, $3, $4, $5)`,
      [actor, row.draft_id, JSON.stringify({ status: row.before }), JSON.stringify({ status: 'failed', reason }), row.shop_id],
    );
    const event = { type: 'arrived' as const, shopId: row.shop_id, draftId: row.draft_id, version: row.version, by: null };
    if (afterCommit) afterCommit(() => this.live.publish(event));
    else this.live.publish(event);
    return row.draft_id;
  }

  /**
   * A redraft replaces the draft of the item a reviewer asked it for, as a new version of that same item, and
   * puts the item back in the queue. It is never sent on the policy's behalf: a person asked, a person decides.
   * A redraft for an item decided meanwhile, or older than the draft it holds, changes nothing.
   */
  private async replace(m: EntityManager, itemId: string, drafted: DraftedPayload, afterCommit?: (fn: () => void) => void): Promise<void> {
    const [row] = await m.query(`SELECT status, version, shop_id, payload, body FROM review_items WHERE draft_id = $1 FOR UPDATE`, [itemId]);
    const heldRevision = row?.payload?.revision ?? 0;
    if (!row || !['redraft_requested', 'pending'].includes(row.status) || (drafted.revision ?? 0) <= heldRevision) return;
    const [updated] = returnedRows<{ version: number }>(
      await m.query(
        `UPDATE review_items
            SET payload = $2, body = $3, decision = $4, intent = $5, language = $6, status = 'pending',
                escalated = escalated OR $4 = 'escalate', decided_by = NULL, decided_at = NULL,
                version = version + 1, updated_at = now()
          WHERE draft_id = $1 RETURNING version`,
        [itemId, JSON.stringify(drafted), drafted.body, drafted.decision, drafted.intent, drafted.language],
      ),
    );
    await m.query(
      `INSERT INTO audit_log (actor, action, entity, entity_id, before, after, shop_id) VALUES ('drafter', 'redrafted', 'draft', $1, $2, $3, $4)`,
      [
        itemId,
        JSON.stringify({ status: row.status, draftId: row.payload?.draftId, body: row.body }),
        JSON.stringify({ status: 'pending', draftId: drafted.draftId, revision: drafted.revision, decision: drafted.decision, body: drafted.body }),
        row.shop_id,
      ],
    );
    const event = { type: 'redrafted' as const, shopId: row.shop_id as string, draftId: itemId, version: updated.version, by: null };
    if (afterCommit) afterCommit(() => this.live.publish(event));
    else this.live.publish(event);
  }
}

/** The event that asks the drafter for a new draft of an item's message. */
export function redraftEvent(conversationId: string, itemId: string, d: DraftedPayload, shopId: string, instruction: string, requestedBy: string) {
  return createEvent(Topics.redraftRequested, {
    producer: PRODUCER,
    conversationId,
    payload: { draftId: d.draftId, itemId, messageId: d.messageId, shopId, instruction, requestedBy },
  });
}

export function approvedEvent(conversationId: string, d: DraftedPayload, body: string, approvedBy: string, autoSent: boolean) {
  const payload: ReplyApprovedPayload = {
    draftId: d.draftId,
    channel: d.channel,
    to: d.to,
    mailbox: d.mailbox,
    // mail-send (issue 3): carried so the reply address can hold the conversation token.
    ...(d.conversationToken ? { conversationToken: d.conversationToken } : {}),
    subject: d.subject,
    body,
    reply: d.reply,
    chat: d.chat,
    approvedBy,
    autoSent,
    quotedText: d.customerText || null,
  };
  return createEvent(Topics.replyApproved, { producer: PRODUCER, conversationId, payload });
}
