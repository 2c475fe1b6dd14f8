import { createEvent, DraftedPayload, ReplyApprovedPayload, ReplySentPayload, Topics } from '@draftdesk/contracts';
import { returnedRows } from '@draftdesk/database';
import { OutboxService } from '@draftdesk/messaging';
import { traceHeaders } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LiveEventsService } from '../live/live-events.service';
import { BusinessHours, dueAt, priorityFromUrgency, SlaPolicy } from '../sla/business-hours.util';
import { auditDraft } from './audit-log.util';
import { SupersedeService } from './supersede.service';

export const PRODUCER = 'review';

const STATUS_BY_DECISION = {
  auto_send: 'auto_sent',
  review: 'pending',
  escalate: 'pending',
  ignore: 'ignored',
} as const;

/** Drafts are attributed to this shop until mailboxes map to shops. */
export const DEFAULT_SHOP = 'default';

@Injectable()
export class ReviewService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly live: LiveEventsService,
    private readonly supersede: SupersedeService,
  ) {}

  /**
   * Queues a draft for a person, or — when the policy gate allowed it — approves it on the policy's behalf. The
   * conversation keeps one open draft: this one supersedes the open draft of an older message, or is itself
   * superseded when it answers an older message than a draft already here (see SupersedeService).
   */
  async receive(
    m: EntityManager,
    conversationId: string,
    drafted: DraftedPayload,
    afterCommit?: (fn: () => void) => void,
  ): Promise<void> {
    if (drafted.redraftOf) return this.replace(m, drafted.redraftOf, drafted, afterCommit);
    const own =
      drafted.body === null && drafted.decision !== 'ignore' ? 'pending' : STATUS_BY_DECISION[drafted.decision];
    const placement = await this.supersede.place(m, conversationId, drafted, own);
    if (!placement) return;
    const { status } = placement;
    const inherited = 'inherited' in placement ? placement.inherited : null;
    const by = 'by' in placement ? placement.by : null;
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
    const ownDue = shop
      ? dueAt(receivedAt, priority, kind, shop.sla as SlaPolicy, shop.business_hours as BusinessHours)
      : null;
    const keepsDue = inherited?.dueAt && (!ownDue || new Date(inherited.dueAt) < ownDue);
    await m.query(
      `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id, channel, mailbox, intent,
                                 language, priority, response_kind, due_at, sla_breached_at, escalated, assignee_id, trace_headers,
                                 message_sequence, superseded_by_message_id, superseded_by_draft_id, superseded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, CASE WHEN $20::uuid IS NULL THEN NULL ELSE now() END)`,
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
        keepsDue ? inherited!.dueAt : ownDue,
        keepsDue ? inherited!.slaBreachedAt : null,
        drafted.decision === 'escalate' || !!inherited?.escalated,
        inherited?.assigneeId ?? null,
        // The customer message's trace, which an agent's approval continues later.
        JSON.stringify(traceHeaders()),
        drafted.messageSequence ?? null,
        by?.messageId ?? null,
        by?.draftId ?? null,
      ],
    );
    whenCommitted(afterCommit, () => SupersedeService.announce(placement, (e) => this.live.publish(e)));
    if (by) {
      await auditDraft(
        m,
        'customer',
        'superseded',
        drafted.draftId,
        null,
        { status: 'superseded', byMessageId: by.messageId, byDraftId: by.draftId },
        shopId,
      );
      return;
    }
    if (status === 'pending')
      whenCommitted(afterCommit, () =>
        this.live.publish({ type: 'arrived', shopId, draftId: drafted.draftId, version: 1, by: null }),
      );
    if (status !== 'auto_sent') return;
    await auditDraft(m, 'policy', 'auto_send', drafted.draftId, null, { status }, shopId);
    await this.outbox.add(m, approvedEvent(conversationId, drafted, drafted.body!, 'policy', true));
  }

  /**
   * A reply that was approved (by a person or the policy) but did not go out becomes `failed`, with the reason, and
   * is back in the queue: an agent can edit and approve it again, or close it. The item is found by its own id or,
   * after a redraft, by the id of the draft it holds. Returns the item's id, or null when no sent item matched
   * (a repeat of the event, or an item decided again meanwhile).
   */
  async sendFailed(
    m: EntityManager,
    sent: ReplySentPayload,
    actor: string,
    afterCommit?: (fn: () => void) => void,
  ): Promise<string | null> {
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
    await auditDraft(
      m,
      actor,
      'send_failed',
      row.draft_id,
      { status: row.before },
      { status: 'failed', reason },
      row.shop_id,
    );
    whenCommitted(afterCommit, () =>
      this.live.publish({
        type: 'arrived',
        shopId: row.shop_id,
        draftId: row.draft_id,
        version: row.version,
        by: null,
      }),
    );
    return row.draft_id;
  }

  /**
   * A redraft replaces the draft of the item a reviewer asked it for, as a new version of that same item, and
   * puts the item back in the queue. It is never sent on the policy's behalf: a person asked, a person decides.
   * A redraft for an item decided meanwhile, or older than the draft it holds, changes nothing.
   */
  private async replace(
    m: EntityManager,
    itemId: string,
    drafted: DraftedPayload,
    afterCommit?: (fn: () => void) => void,
  ): Promise<void> {
    const [row] = await m.query(
      `SELECT status, version, shop_id, payload, body FROM review_items WHERE draft_id = $1 FOR UPDATE`,
      [itemId],
    );
    const heldRevision = row?.payload?.revision ?? 0;
    if (!row || !['redraft_requested', 'pending'].includes(row.status) || (drafted.revision ?? 0) <= heldRevision)
      return;
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
    await auditDraft(
      m,
      'drafter',
      'redrafted',
      itemId,
      { status: row.status, draftId: row.payload?.draftId, body: row.body },
      {
        status: 'pending',
        draftId: drafted.draftId,
        revision: drafted.revision,
        decision: drafted.decision,
        body: drafted.body,
      },
      row.shop_id,
    );
    whenCommitted(afterCommit, () =>
      this.live.publish({
        type: 'redrafted',
        shopId: row.shop_id as string,
        draftId: itemId,
        version: updated.version,
        by: null,
      }),
    );
  }
}

/** The event that asks the drafter for a new draft of an item's message. */
export function redraftEvent(
  conversationId: string,
  itemId: string,
  d: DraftedPayload,
  shopId: string,
  instruction: string,
  requestedBy: string,
) {
  return createEvent(Topics.redraftRequested, {
    producer: PRODUCER,
    conversationId,
    payload: { draftId: d.draftId, itemId, messageId: d.messageId, shopId, instruction, requestedBy },
  });
}

export function approvedEvent(
  conversationId: string,
  d: DraftedPayload,
  body: string,
  approvedBy: string,
  autoSent: boolean,
) {
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

/** Runs `fn` once the handler's transaction has committed, or now when there is none. */
function whenCommitted(afterCommit: ((fn: () => void) => void) | undefined, fn: () => void): void {
  if (afterCommit) afterCommit(fn);
  else fn();
}
