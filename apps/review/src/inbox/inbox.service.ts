import { Injectable } from '@nestjs/common';
import { hasRole, type Actor } from '../auth/principal';
import { eachOnItsOwn } from '../bulk/bulk.util';
import { LiveEventsService } from '../live/live-events.service';
import { ConversationState, ConversationStatesRepository, StateChange } from './conversation-states.repository';
import { AssignDto, BulkAssignDto, BulkCloseDto, CloseDto, SnoozeConversationDto } from './dto/inbox-actions.dto';
import { conversationNotFound, leadRequired, notAMember, unknownAssignee } from './inbox.exception';
import { encodeCursor, InboxCountsQuery, INBOX_STATUSES, INBOX_VIEWS, InboxQuery } from './inbox-query.util';
import { InboxReadModel, InboxRow } from './inbox.read-model';

/** How long a count answers for the same question again. */
const COUNTS_FRESH_MS = 5_000;

function toView(r: InboxRow) {
  return {
    id: r.id,
    status: r.status,
    channel: r.channel,
    mailbox: r.mailbox,
    subject: r.subject,
    customer: { name: r.customer_name, address: r.customer_address },
    lastActivity: r.last_activity,
    lastMessageAt: r.last_message_at,
    lastDirection: r.last_direction,
    assigneeId: r.assignee_id,
    closedReason: r.status === 'closed' ? r.closed_reason : null,
    snoozedUntil: r.snoozed_until,
    escalated: r.escalated,
    draft: r.draft_id
      ? {
          id: r.draft_id,
          status: r.draft_status,
          intent: r.intent,
          language: r.language,
          priority: r.priority,
          dueAt: r.due_at,
          slaBreached: r.sla_breached_at !== null,
        }
      : null,
  };
}

/** The inbox of conversations: pages, counts, one conversation with its thread, and what agents decide about it. */
@Injectable()
export class InboxService {
  private readonly recentCounts = new Map<string, { until: number; row: Promise<Record<string, number>> }>();

  constructor(
    private readonly inbox: InboxReadModel,
    private readonly states: ConversationStatesRepository,
    private readonly live: LiveEventsService,
  ) {}

  async list(actor: Actor, query: InboxQuery) {
    const { cursor, limit, shop: _shop, ...filter } = query;
    // One row more than asked tells whether another page follows, without counting.
    const rows = await this.inbox.list(actor.shopId, actor.userId, filter, cursor, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toView),
      nextCursor: rows.length > limit && last ? encodeCursor({ a: last.activity_key, i: last.id }) : null,
    };
  }

  /**
   * Counting reads every conversation of the shop, so a count is shared for a few seconds by whoever asks the same
   * (the tabs of 50 agents refreshing): one query per question and interval, not one per agent and refresh.
   */
  async counts(actor: Actor, query: InboxCountsQuery) {
    const { shop: _shop, ...filter } = query;
    const { shopId, userId } = actor;
    // The shop's views are the same for every agent (unless the filter names "me"); "mine" is each agent's own.
    const shopWide = this.recently([shopId, filter.assignee === 'me' ? userId : null, filter], () =>
      this.inbox.counts(shopId, userId, filter, ['all', 'unassigned', 'escalated']),
    );
    const mine = this.recently([shopId, userId, filter, 'mine'], () =>
      this.inbox.counts(shopId, userId, filter, ['mine']),
    );
    const row = { ...(await shopWide), ...(await mine) };
    return Object.fromEntries(
      INBOX_VIEWS.map((view) => [
        view,
        Object.fromEntries(['total', ...INBOX_STATUSES].map((s) => [s, Number(row[`${view}:${s}`] ?? 0)])),
      ]),
    );
  }

  /** A count asked again within a few seconds is answered from the first asking. */
  private recently(key: unknown[], count: () => Promise<Record<string, number>>) {
    const k = JSON.stringify(key);
    const now = Date.now();
    for (const [old, v] of this.recentCounts) if (v.until <= now) this.recentCounts.delete(old);
    let entry = this.recentCounts.get(k);
    if (!entry) {
      entry = { until: now + COUNTS_FRESH_MS, row: count() };
      this.recentCounts.set(k, entry);
      entry.row.catch(() => this.recentCounts.delete(k));
    }
    return entry.row;
  }

  async row(actor: Actor, conversationId: string): Promise<InboxRow> {
    const row = await this.inbox.find(actor.shopId, conversationId);
    if (!row) throw conversationNotFound(conversationId);
    return row;
  }

  /** One conversation: the whole thread, its status and assignee, and its pending draft if one awaits a decision. */
  async detail(actor: Actor, conversationId: string) {
    const row = await this.row(actor, conversationId);
    const messages = await this.inbox.messages(conversationId);
    return {
      conversation: toView(row),
      messages: messages.map((m) => ({
        id: m.id,
        direction: m.direction,
        from: m.from_address,
        subject: m.subject,
        text: m.text,
        // Our replies: sent or failed as the sending service reported it; null while not yet reported.
        delivery: m.direction === 'outbound' ? m.status : null,
        occurredAt: m.occurred_at,
      })),
      pendingDraftId: row.status === 'pending_draft' ? row.draft_id : null,
    };
  }

  people(actor: Actor) {
    return this.states.people(actor.shopId);
  }

  async assign(actor: Actor, conversationId: string, body: AssignDto) {
    const giving = body.assigneeId !== null && body.assigneeId !== actor.userId;
    if (giving && !hasRole(actor.role, 'lead')) throw leadRequired();
    if (body.assigneeId && !(await this.states.isMember(body.assigneeId, actor.shopId))) throw notAMember();
    return this.change(actor, conversationId, 'assign', { assignee_id: body.assigneeId });
  }

  /**
   * Assigns each conversation of the selection as `assign` does one. Who may give conversations away, and to whom,
   * is the same for every item, so it is refused for the whole request before any is changed.
   */
  async bulkAssign(actor: Actor, { ids, assigneeId }: BulkAssignDto) {
    if (assigneeId !== null && assigneeId !== actor.userId && !hasRole(actor.role, 'lead')) throw leadRequired();
    if (assigneeId && !(await this.states.isMember(assigneeId, actor.shopId))) throw unknownAssignee();
    return eachOnItsOwn(ids, (id) => this.assign(actor, id, { assigneeId }));
  }

  bulkClose(actor: Actor, { ids, ...body }: BulkCloseDto) {
    return eachOnItsOwn(ids, (id) => this.close(actor, id, body));
  }

  close(actor: Actor, conversationId: string, body: CloseDto) {
    return this.change(actor, conversationId, 'close', {
      status: 'closed',
      closed_reason: body.reason,
      closed_note: body.note ?? null,
      closed_at: new Date(),
      snoozed_until: null,
    });
  }

  reopen(actor: Actor, conversationId: string) {
    return this.change(actor, conversationId, 'reopen', {
      status: 'open',
      closed_reason: null,
      closed_note: null,
      closed_at: null,
    });
  }

  snooze(actor: Actor, conversationId: string, body: SnoozeConversationDto) {
    return this.change(actor, conversationId, 'snooze', { snoozed_until: new Date(body.until) });
  }

  /** Applies a change to the conversation's state with its audit entry, and answers the conversation as it now is. */
  private async change(actor: Actor, conversationId: string, action: string, change: StateChange) {
    await this.row(actor, conversationId);
    await this.states.transaction(async (m) => {
      const before = await this.states.lock(m, conversationId);
      const after = await this.states.save(m, conversationId, actor.shopId, change, actor.userId);
      await this.states.audit(
        m,
        actor.email,
        action,
        conversationId,
        before && auditable(before),
        auditable(after),
        actor.shopId,
      );
    });
    const view = toView(await this.row(actor, conversationId));
    // Others with the conversation open see the change; the desk's queue ignores an event of this type.
    this.live.publish({
      type: 'conversation',
      shopId: actor.shopId,
      draftId: view.draft?.id ?? '',
      version: 0,
      by: actor.userId,
      conversationId,
    });
    return view;
  }
}

function auditable(s: ConversationState) {
  return {
    status: s.status,
    closedReason: s.closed_reason,
    closedNote: s.closed_note,
    assigneeId: s.assignee_id,
    snoozedUntil: s.snoozed_until,
  };
}
