import { createEvent, DraftedPayload, ReplyApprovedPayload, ReplySentPayload, Topics } from '@draftdesk/contracts';
import { OutboxService } from '@draftdesk/messaging';
import { traceHeaders } from '@draftdesk/observability';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CustomerThreadReadModel } from '../../../conversations/src';
import { CUSTOMER_THREAD } from '../customer-thread.token';
import { LiveEventsService } from '../live/live-events.service';
import { dueAt, priorityFromUrgency } from '../sla/business-hours.util';
import { ShopsRepository } from '../sla/shops.repository';
import { AuditLogRepository } from './audit-log.repository';
import { ReviewItemsRepository } from './review-items.repository';
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
    private readonly items: ReviewItemsRepository,
    private readonly auditLog: AuditLogRepository,
    private readonly shops: ShopsRepository,
    @Inject(CUSTOMER_THREAD) private readonly thread: CustomerThreadReadModel,
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
    // The conversations service's read model (same database): urgency and whether we answered before.
    const message = await this.thread.messageFacts(m, drafted.messageId, conversationId);
    const shop = await this.shops.slaSettings(m, shopId);
    const priority = priorityFromUrgency(message?.triage?.urgency);
    const kind = message?.answeredBefore ? 'next' : 'first';
    const receivedAt = message?.occurredAt ? new Date(message.occurredAt) : new Date();
    const ownDue = shop ? dueAt(receivedAt, priority, kind, shop.sla, shop.businessHours) : null;
    const keepsDue = inherited?.dueAt && (!ownDue || new Date(inherited.dueAt) < ownDue);
    await this.items.insert(m, {
      draftId: drafted.draftId,
      conversationId,
      status,
      drafted,
      shopId,
      priority,
      responseKind: kind,
      dueAt: keepsDue ? inherited!.dueAt : ownDue,
      slaBreachedAt: keepsDue ? inherited!.slaBreachedAt : null,
      escalated: drafted.decision === 'escalate' || !!inherited?.escalated,
      assigneeId: inherited?.assigneeId ?? null,
      // The customer message's trace, which an agent's approval continues later.
      traceHeaders: traceHeaders(),
      supersededBy: by,
    });
    whenCommitted(afterCommit, () => SupersedeService.announce(placement, (e) => this.live.publish(e)));
    if (by) {
      await this.auditLog.recordDraft(
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
        this.live.publish({ type: 'arrived', shopId, draftId: drafted.draftId, version: 1, by: null, conversationId }),
      );
    if (status !== 'auto_sent') return;
    await this.auditLog.recordDraft(m, 'policy', 'auto_send', drafted.draftId, null, { status }, shopId);
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
    const row = await this.items.markSendFailed(m, sent.draftId, reason);
    if (!row) return null;
    await this.auditLog.recordDraft(
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
    const row = await this.items.lockForRedraft(m, itemId);
    const heldRevision = row?.payload?.revision ?? 0;
    if (!row || !['redraft_requested', 'pending'].includes(row.status) || (drafted.revision ?? 0) <= heldRevision)
      return;
    const version = await this.items.replaceDraft(m, itemId, drafted);
    await this.auditLog.recordDraft(
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
        shopId: row.shop_id,
        draftId: itemId,
        version,
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
