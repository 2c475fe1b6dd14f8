import { OutboxService } from '@draftdesk/messaging';
import { invalidRequest } from '@draftdesk/platform';
import { ForbiddenException, Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, hasRole } from '../auth/principal';
import { eachOnItsOwn } from '../bulk/bulk.util';
import { unfilledPlaceholders } from '../canned/canned-placeholders.util';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { ReviewItemsRepository } from '../drafts/review-items.repository';
import { approvedEvent, redraftEvent } from '../drafts/review.service';
import { isOpen } from '../drafts/supersede.util';
import { LiveEvent, LiveEventsService } from '../live/live-events.service';
import { DEFAULTS, REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { dueAt, Priority, ResponseKind } from '../sla/business-hours.util';
import { ShopsRepository } from '../sla/shops.repository';
import { announceApproval } from './approval.util';
import {
  ApproveDto,
  BulkApproveDto,
  CorrectTriageDto,
  EscalateDto,
  HandBackDto,
  NoteDto,
  ReassignDto,
  RedraftDto,
  RejectDto,
  SnoozeDto,
  WriteReplyDto,
} from './dto/actions.dto';
import {
  draftConflict,
  draftNotFound,
  draftSuperseded,
  leadRequired,
  notUndoable,
  ReviewErrorCode,
  staleVersion,
} from './review.exception';
import { ReviewItemRow, toItemView } from './review-item.view';
import { ReviewRecordsRepository } from './review-records.repository';
import { ScheduledSendWorker } from './scheduled-send.worker';

/** The version a request expects, and whether it came as If-Match (412 when stale) or in the body (409). */
export interface Expected {
  version?: number;
  viaIfMatch: boolean;
}

interface Guard {
  /** Refuse when another agent holds an unexpired claim. */
  claim?: boolean;
  /** Escalated drafts are decided by a lead or admin. */
  decision?: boolean;
  /** What a refusal because the draft was superseded still records (committed before the 409 is answered). */
  keepWhenSuperseded?: (row: ReviewItemRow, m: EntityManager) => Promise<void>;
  /** The statuses the action applies to (OPEN_STATUSES unless named). */
  statuses?: readonly string[];
  /** The refusal when the item is in none of them (409 DRAFT_NOT_PENDING unless given). */
  whenClosed?: (row: ReviewItemRow) => Error;
}

/** Items an agent can act on: waiting for a decision, or approved but not delivered (approve again, or close by rejecting). */
const OPEN_STATUSES = ['pending', 'failed'];

type Change = {
  /** Writes the change (the repository bumps the version) and answers the item as it now is. */
  apply: (m: EntityManager) => Promise<ReviewItemRow>;
  live: LiveEvent['type'];
  action: string;
  before: unknown;
  after: unknown;
};

/**
 * Every change to a queue item: one transaction that locks the row, checks shop, status, claim and version,
 * writes the change with version + 1, and records who did what before and after in the audit log.
 */
@Injectable()
export class ActionsService {
  constructor(
    private readonly items: ReviewItemsRepository,
    private readonly records: ReviewRecordsRepository,
    private readonly auditLog: AuditLogRepository,
    private readonly shops: ShopsRepository,
    private readonly outbox: OutboxService,
    private readonly live: LiveEventsService,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
    @Optional() private readonly sender?: ScheduledSendWorker,
  ) {}

  claim(actor: Actor, id: string, expected: Expected) {
    const ttl = this.options.claimTtlSeconds ?? DEFAULTS.claimTtlSeconds;
    return this.change(actor, id, expected, { claim: true }, (row) => ({
      apply: (m) => this.items.claim(m, id, actor.shopId, actor.userId, ttl),
      live: 'claimed',
      action: 'claim',
      before: { claimedBy: activeClaim(row) },
      after: { claimedBy: actor.userId, ttlSeconds: ttl },
    }));
  }

  release(actor: Actor, id: string, expected: Expected) {
    return this.change(actor, id, expected, {}, (row) => {
      const holder = activeClaim(row);
      if (holder && holder !== actor.userId && !hasRole(actor.role, 'lead')) throw claimedBy(id);
      return {
        apply: (m) => this.items.release(m, id, actor.shopId),
        live: 'released',
        action: 'release',
        before: { claimedBy: holder },
        after: { claimedBy: null },
      };
    });
  }

  /**
   * A superseded draft is not sent: the customer wrote again and the draft for that message answers the whole
   * thread. The agent's edited text is not lost: it is kept in the item's history with the refusal. With a send
   * delay (the shop's, or the desk's default) the reply waits as `sending` and can be undone; 0 sends at once.
   */
  async approve(actor: Actor, id: string, dto: ApproveDto, expected: Expected) {
    const keepWhenSuperseded = (row: ReviewItemRow, m: EntityManager) =>
      this.audit(
        m,
        actor,
        'approve_refused',
        id,
        { status: row.status, body: row.body },
        { reason: 'superseded', body: dto.body ?? row.body },
      );
    const result = await this.change(
      actor,
      id,
      expected,
      { claim: true, decision: true, keepWhenSuperseded },
      async (row, m) => {
        const body = dto.body ?? row.body;
        if (!body) throw draftConflict(ReviewErrorCode.NoText, `draft ${id} has no text to send; edit it first`);
        // An edited body was checked with the request; the draft's own text (a canned reply) is checked here.
        const unfilled = unfilledPlaceholders(body);
        if (unfilled.length)
          throw draftConflict(
            ReviewErrorCode.Placeholders,
            `draft ${id} still holds ${unfilled.map((p) => `{{${p}}}`).join(', ')}: edit it first`,
          );
        const action = dto.body && dto.body !== row.body ? 'edit_and_approve' : 'approve';
        return this.send(m, actor, id, row, body, action, (tx) =>
          this.items.approve(tx, id, actor.shopId, body, actor.email),
        );
      },
    );
    return this.wakeSender(result);
  }

  /** Each draft approved as it is, on its own, exactly as `approve` does one (send delay, claims, escalation). */
  bulkApprove(actor: Actor, { items }: BulkApproveDto) {
    const versions = new Map(items.map((i) => [i.id, i.version]));
    return eachOnItsOwn([...versions.keys()], (id) =>
      this.approve(actor, id, {}, { version: versions.get(id), viaIfMatch: false }),
    );
  }

  // --- Send with undo: an approval waits out the send delay as `sending`; ScheduledSendWorker then sends it. ---

  /** Seconds an approval in this shop waits before it is sent: the shop's own delay, else the desk's. */
  /**
   * The change that sends `body` as the reply: after the send delay when there is one (`sending`, undoable), or at
   * once (`approve` marks the item, the reply-approved event goes into the outbox in the same transaction).
   */
  private async send(
    m: EntityManager,
    actor: Actor,
    id: string,
    row: ReviewItemRow,
    body: string,
    action: string,
    approve: (tx: EntityManager) => Promise<ReviewItemRow>,
  ) {
    const delay = await this.sendDelayOf(m, actor.shopId);
    if (delay > 0) return this.scheduleSend(actor, id, row, body, action, delay);
    return {
      apply: approve,
      live: 'resolved' as const,
      action,
      before: { status: row.status, body: row.body },
      after: { status: 'approved', body },
      effect: (tx: EntityManager) =>
        announceApproval(
          this.items,
          this.outbox,
          tx,
          id,
          approvedEvent(row.conversation_id, row.payload, body, actor.email, false),
        ),
    };
  }

  /** Wakes whoever sends next: the scheduled-send loop for a delayed reply, the relay for one sent at once. */
  private wakeSender<T extends { status: string }>(result: T): T {
    if (result.status === 'sending') this.sender?.scheduled();
    else this.outbox.committed();
    return result;
  }

  private async sendDelayOf(m: EntityManager, shopId: string): Promise<number> {
    return (await this.shops.sendDelaySeconds(m, shopId)) ?? this.options.sendDelaySeconds ?? 0;
  }

  private scheduleSend(actor: Actor, id: string, row: ReviewItemRow, body: string, action: string, delay: number) {
    return {
      apply: (m: EntityManager) => this.items.scheduleSend(m, id, actor.shopId, body, actor.email, delay),
      live: 'resolved' as const,
      action,
      before: { status: row.status, body: row.body },
      after: { status: 'sending', body, sendDelaySeconds: delay },
    };
  }

  /**
   * Calls off an approved reply that still waits out its send delay: the item is pending again with the approved
   * text as its draft text (or superseded, when the draft for the customer's newer message arrived meanwhile).
   * Once the reply was handed on to be sent, 409 SEND_ALREADY_STARTED; for an item that was never sending, 409
   * DRAFT_NOT_SENDING.
   */
  undo(actor: Actor, id: string, expected: Expected) {
    const guard = { statuses: ['sending'], whenClosed: (row: ReviewItemRow) => notUndoable(id, row.status) };
    return this.change(actor, id, expected, guard, async (row, m) => {
      // Under the conversation's lock, as a draft that arrives takes it: at most one open draft per conversation.
      await this.items.lockConversation(m, row.conversation_id);
      const items = await this.items.itemsOfConversation(m, row.conversation_id);
      const newer = items.find((i) => i.draftId !== id && isOpen(i.status));
      const by = newer && { messageId: newer.messageId, draftId: newer.draftId };
      return {
        apply: (tx: EntityManager) => this.items.undoSend(tx, id, actor.shopId, by),
        live: 'updated' as const,
        action: 'undo_approve',
        before: { status: row.status, body: row.body, decidedBy: row.decided_by },
        after: by ? { status: 'superseded', supersededBy: by } : { status: 'pending', body: row.body },
      };
    });
  }

  // --- end of send with undo ---

  /**
   * Closes the item without a reply (the default; with a close reason when one is given), or, with the outcome
   * `reply_myself`, keeps it open for the rejecting agent to write the reply (see writeReply).
   */
  reject(actor: Actor, id: string, dto: RejectDto, expected: Expected) {
    if (dto.outcome === 'reply_myself') return this.keepForOwnReply(actor, id, dto, expected);
    const closeReason = dto.closeReason ?? null;
    return this.change(actor, id, expected, { claim: true, decision: true }, (row) => ({
      apply: (m) => this.items.reject(m, id, actor.shopId, dto.reason ?? null, actor.email, closeReason),
      live: 'resolved',
      action: 'reject',
      before: { status: row.status },
      after: { status: 'rejected', reason: dto.reason ?? null, ...(closeReason ? { closeReason } : {}) },
    }));
  }

  /** The draft is set aside (kept in the item's payload and history); the item is assigned to the agent, unsent. */
  private keepForOwnReply(actor: Actor, id: string, dto: RejectDto, expected: Expected) {
    return this.change(actor, id, expected, { claim: true, decision: true }, (row) => ({
      apply: (m) => this.items.keepForOwnReply(m, id, actor.shopId, actor.userId, dto.reason ?? null),
      live: 'updated',
      action: 'reject_to_reply',
      before: { status: row.status, body: row.body, assigneeId: row.assignee_id },
      after: { needsHumanReply: true, assigneeId: actor.userId, reason: dto.reason ?? null },
    }));
  }

  /**
   * Sends a reply the agent wrote for an item without a usable draft (none, or rejected to reply themselves): it
   * goes out as an edited approval does, with the agent's text in the reply-approved event. An item that still
   * has a draft is approved instead (with the edited text).
   */
  async writeReply(actor: Actor, id: string, dto: WriteReplyDto, expected: Expected) {
    const keepWhenSuperseded = (row: ReviewItemRow, m: EntityManager) =>
      this.audit(m, actor, 'write_reply_refused', id, { status: row.status }, { reason: 'superseded', body: dto.body });
    const result = await this.change(
      actor,
      id,
      expected,
      { claim: true, decision: true, keepWhenSuperseded },
      async (row, m) => {
        if (row.body && !row.needs_human_reply)
          throw draftConflict(ReviewErrorCode.HasDraft, `draft ${id} has a draft; approve it with the edited text`);
        return this.send(m, actor, id, row, dto.body, 'write_reply', (tx) =>
          this.items.approveWritten(tx, id, actor.shopId, dto.body, actor.email),
        );
      },
    );
    return this.wakeSender(result);
  }

  /**
   * Asks the drafter for a new draft through the outbox; the item leaves the queue until the new draft arrives
   * and replaces this one (see ReviewService.replace). The request is also kept in redraft_requests for reporting.
   */
  async redraft(actor: Actor, id: string, dto: RedraftDto, expected: Expected) {
    const result = await this.change(actor, id, expected, { claim: true }, (row) => ({
      apply: (m) => this.items.requestRedraft(m, id, actor.shopId, actor.email),
      live: 'resolved',
      action: 'request_redraft',
      before: { status: row.status },
      after: { status: 'redraft_requested', instruction: dto.instruction },
      effect: async (m: EntityManager) => {
        await this.records.recordRedraftRequest(m, actor.shopId, id, dto.instruction, actor.userId);
        await this.outbox.add(
          m,
          redraftEvent(row.conversation_id, id, row.payload, actor.shopId, dto.instruction, actor.userId),
        );
      },
    }));
    this.outbox.committed();
    return result;
  }

  escalate(actor: Actor, id: string, dto: EscalateDto, expected: Expected) {
    return this.change(actor, id, expected, { claim: true }, (row) => ({
      apply: (m) => this.items.escalate(m, id, actor.shopId, dto.reason ?? null, actor.userId),
      live: 'updated',
      action: 'escalate',
      before: { escalated: row.escalated, assigneeId: row.assignee_id },
      after: { escalated: true, reason: dto.reason ?? null },
    }));
  }

  /**
   * A lead hands an escalated item back to the agents: assigned to whom the lead names, by default to whoever
   * escalated it (if still a member), with the lead's note on the item.
   */
  async handBack(actor: Actor, id: string, dto: HandBackDto, expected: Expected) {
    if (!hasRole(actor.role, 'lead'))
      throw new ForbiddenException({ code: 'ROLE_REQUIRED', message: 'this needs the lead role' });
    if (dto.assigneeId && !(await this.shops.hasMember(actor.shopId, dto.assigneeId)))
      throw draftConflict(ReviewErrorCode.NotAMember, 'the assignee has no role in this shop');
    return this.change(actor, id, expected, {}, async (row, m) => {
      if (!row.escalated) throw draftConflict(ReviewErrorCode.NotEscalated, 'this draft is not escalated');
      const byDefault =
        row.escalated_by && (await this.shops.hasMember(actor.shopId, row.escalated_by, m)) ? row.escalated_by : null;
      const assigneeId = dto.assigneeId === undefined ? byDefault : dto.assigneeId;
      return {
        apply: (m) => this.items.handBack(m, id, actor.shopId, assigneeId),
        effect: dto.note ? (m) => this.records.addNote(m, actor.shopId, id, actor.userId, dto.note!) : undefined,
        live: 'updated',
        action: 'hand_back',
        before: { escalated: true, reason: row.escalation_reason, assigneeId: row.assignee_id },
        after: { escalated: false, assigneeId, note: dto.note ?? null },
      };
    });
  }

  async reassign(actor: Actor, id: string, dto: ReassignDto, expected: Expected) {
    if (!hasRole(actor.role, 'lead'))
      throw new ForbiddenException({ code: 'ROLE_REQUIRED', message: 'this needs the lead role' });
    if (dto.assigneeId) {
      const member = await this.shops.hasMember(actor.shopId, dto.assigneeId);
      if (!member) throw draftConflict(ReviewErrorCode.NotAMember, 'the assignee has no role in this shop');
    }
    return this.change(actor, id, expected, {}, (row) => ({
      apply: (m) => this.items.reassign(m, id, actor.shopId, dto.assigneeId),
      live: 'updated',
      action: 'reassign',
      before: { assigneeId: row.assignee_id },
      after: { assigneeId: dto.assigneeId },
    }));
  }

  snooze(actor: Actor, id: string, dto: SnoozeDto, expected: Expected) {
    return this.change(actor, id, expected, { claim: true }, (row) => ({
      apply: (m) => this.items.snooze(m, id, actor.shopId, dto.until),
      live: 'updated',
      action: 'snooze',
      before: { snoozedUntil: row.snoozed_until },
      after: { snoozedUntil: dto.until },
    }));
  }

  /** The correction is kept for the classifier's training; the item takes the corrected values and a new due time. */
  correctTriage(actor: Actor, id: string, dto: CorrectTriageDto, expected: Expected) {
    return this.change(actor, id, expected, { claim: true }, async (row, m) => {
      const before = { intent: row.intent, language: row.language, priority: row.priority };
      const after = {
        intent: dto.intent ?? row.intent,
        language: dto.language ?? row.language,
        priority: dto.priority ?? row.priority,
      };
      const shop = await this.shops.slaSettings(m, actor.shopId);
      const due =
        dto.priority && shop
          ? dueAt(
              new Date(row.created_at),
              after.priority as Priority,
              row.response_kind as ResponseKind,
              shop.sla,
              shop.businessHours,
            )
          : row.due_at;
      return {
        apply: (tx) => this.items.correctTriage(tx, id, actor.shopId, { ...after, dueAt: due }),
        live: 'updated',
        action: 'correct_triage',
        before,
        after,
        effect: (tx: EntityManager) =>
          this.records.recordTriageCorrection(tx, {
            shopId: actor.shopId,
            draftId: id,
            messageId: row.payload.messageId,
            conversationId: row.conversation_id,
            before,
            intent: dto.intent ?? null,
            language: dto.language ?? null,
            priority: dto.priority ?? null,
            correctedBy: actor.userId,
          }),
      };
    });
  }

  /** Notes change nothing an agent could overwrite, so they need no version. Mentions name colleagues of the shop. */
  async note(actor: Actor, id: string, dto: NoteDto) {
    const mentions = dto.mentions ?? [];
    const { note, version } = await this.items.transaction(async (m) => {
      const version = await this.items.versionOf(m, id, actor.shopId);
      if (version === null) throw draftNotFound(id);
      const strangers = new Set(await this.records.strangersTo(m, actor.shopId, mentions));
      if (strangers.size)
        throw invalidRequest(
          mentions
            .map((userId, i) => ({ userId, field: `mentions.${i}` }))
            .filter(({ userId }) => strangers.has(userId))
            .map(({ field }) => ({ field, message: 'is not a colleague in this shop' })),
        );
      const note = await this.records.addNote(m, actor.shopId, id, actor.userId, dto.body);
      await this.records.addMentions(m, actor.shopId, note.id, mentions);
      await this.audit(m, actor, 'note', id, null, { noteId: note.id, mentions });
      return { note, version };
    });
    this.live.publish({ type: 'noted', shopId: actor.shopId, draftId: id, version, by: actor.userId });
    return { id: note.id, createdAt: note.createdAt, body: dto.body, author: actor.email, mentions };
  }

  private async change(
    actor: Actor,
    id: string,
    expected: Expected,
    guard: Guard,
    build: (
      row: ReviewItemRow,
      m: EntityManager,
    ) =>
      | (Change & { effect?: (m: EntityManager) => Promise<unknown> })
      | Promise<Change & { effect?: (m: EntityManager) => Promise<unknown> }>,
  ) {
    const outcome = await this.items.transaction(async (m) => {
      const row = await this.items.lockItem(m, id, actor.shopId);
      if (!row) throw draftNotFound(id);
      // Before the version check: an agent who loaded the draft before it was superseded is told why, not "stale".
      if (row.status === 'superseded') {
        await guard.keepWhenSuperseded?.(row, m);
        return {
          refused: draftSuperseded(id, {
            messageId: row.superseded_by_message_id,
            draftId: row.superseded_by_draft_id,
            at: row.superseded_at,
          }),
        };
      }
      if (expected.version !== undefined && expected.version !== row.version)
        throw staleVersion(expected.viaIfMatch, row.version, expected.version);
      if (!(guard.statuses ?? OPEN_STATUSES).includes(row.status))
        throw guard.whenClosed?.(row) ?? draftConflict(ReviewErrorCode.NotPending, `draft ${id} is ${row.status}`);
      const holder = activeClaim(row);
      if (guard.claim && holder && holder !== actor.userId) throw claimedBy(id);
      if (guard.decision && row.escalated && !hasRole(actor.role, 'lead')) throw leadRequired();
      const c = await build(row, m);
      const updated = await c.apply(m);
      if (c.effect) await c.effect(m);
      await this.audit(m, actor, c.action, id, c.before, c.after);
      return {
        view: toItemView(updated),
        event: { type: c.live, shopId: actor.shopId, draftId: id, version: updated.version, by: actor.userId },
      };
    });
    if ('refused' in outcome) throw outcome.refused;
    this.live.publish(outcome.event);
    return outcome.view;
  }

  private audit(m: EntityManager, actor: Actor, action: string, draftId: string, before: unknown, after: unknown) {
    return this.auditLog.recordDraft(m, actor.email, action, draftId, before, after, actor.shopId);
  }
}

function activeClaim(row: ReviewItemRow): string | null {
  return row.claimed_by && row.claim_expires_at && new Date(row.claim_expires_at) > new Date() ? row.claimed_by : null;
}

const claimedBy = (id: string) =>
  draftConflict(ReviewErrorCode.Claimed, `draft ${id} is being worked on by another agent`);
