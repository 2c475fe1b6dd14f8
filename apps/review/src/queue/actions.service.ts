import { returnedRows } from '@draftdesk/database';
import { OutboxService } from '@draftdesk/messaging';
import { inSpan } from '@draftdesk/observability';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole } from '../auth/principal';
import { auditDraft } from '../drafts/audit-log.util';
import { approvedEvent, redraftEvent } from '../drafts/review.service';
import { LiveEvent, LiveEventsService } from '../live/live-events.service';
import { DEFAULTS, REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { BusinessHours, dueAt, Priority, ResponseKind, SlaPolicy } from '../sla/business-hours.util';
import {
  ApproveDto,
  CorrectTriageDto,
  EscalateDto,
  NoteDto,
  ReassignDto,
  RedraftDto,
  RejectDto,
  SnoozeDto,
} from './dto/actions.dto';
import {
  draftConflict,
  draftNotFound,
  draftSuperseded,
  leadRequired,
  ReviewErrorCode,
  staleVersion,
} from './review.exception';
import { ITEM_COLUMNS, ReviewItemRow, toItemView } from './review-item.view';

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
}

/** Items an agent can act on: waiting for a decision, or approved but not delivered (approve again, or close by rejecting). */
const OPEN_STATUSES = ['pending', 'failed'];

type Change = {
  set: string;
  params: unknown[];
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
    private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly live: LiveEventsService,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  claim(actor: Actor, id: string, expected: Expected) {
    const ttl = this.options.claimTtlSeconds ?? DEFAULTS.claimTtlSeconds;
    return this.change(actor, id, expected, { claim: true }, (row) => ({
      set: `claimed_by = $3, claim_expires_at = now() + make_interval(secs => $4)`,
      params: [actor.userId, ttl],
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
        set: `claimed_by = NULL, claim_expires_at = NULL`,
        params: [],
        live: 'released',
        action: 'release',
        before: { claimedBy: holder },
        after: { claimedBy: null },
      };
    });
  }

  /**
   * A superseded draft is not sent: the customer wrote again and the draft for that message answers the whole
   * thread. The agent's edited text is not lost: it is kept in the item's history with the refusal.
   */
  async approve(actor: Actor, id: string, dto: ApproveDto, expected: Expected) {
    const keepWhenSuperseded = (row: ReviewItemRow, m: EntityManager) =>
      audit(
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
      (row) => {
        const body = dto.body ?? row.body;
        if (!body) throw draftConflict(ReviewErrorCode.NoText, `draft ${id} has no text to send; edit it first`);
        return {
          set: `status = 'approved', body = $3, decided_by = $4, decided_at = now(), claimed_by = NULL, claim_expires_at = NULL`,
          params: [body, actor.email],
          live: 'resolved',
          action: dto.body && dto.body !== row.body ? 'edit_and_approve' : 'approve',
          before: { status: row.status, body: row.body },
          after: { status: 'approved', body },
          effect: (m: EntityManager) =>
            this.announceApproval(m, id, approvedEvent(row.conversation_id, row.payload, body, actor.email, false)),
        };
      },
    );
    this.outbox.committed();
    return result;
  }

  /** The approval continues the customer message's trace (linked to the agent's request), so one trace runs to the reply. */
  private async announceApproval(m: EntityManager, id: string, event: Parameters<OutboxService['add']>[1]) {
    const [item] = await m.query(`SELECT trace_headers FROM review_items WHERE draft_id = $1`, [id]);
    await inSpan(
      'approve reply',
      { parent: item?.trace_headers ?? null, linkActive: true, attributes: { 'draftdesk.draft_id': id } },
      () => this.outbox.add(m, event),
    );
  }

  reject(actor: Actor, id: string, dto: RejectDto, expected: Expected) {
    return this.change(actor, id, expected, { claim: true, decision: true }, (row) => ({
      set: `status = 'rejected', reject_reason = $3, decided_by = $4, decided_at = now(), claimed_by = NULL, claim_expires_at = NULL`,
      params: [dto.reason, actor.email],
      live: 'resolved',
      action: 'reject',
      before: { status: row.status },
      after: { status: 'rejected', reason: dto.reason },
    }));
  }

  /**
   * Asks the drafter for a new draft through the outbox; the item leaves the queue until the new draft arrives
   * and replaces this one (see ReviewService.replace). The request is also kept in redraft_requests for reporting.
   */
  async redraft(actor: Actor, id: string, dto: RedraftDto, expected: Expected) {
    const result = await this.change(actor, id, expected, { claim: true }, (row) => ({
      set: `status = 'redraft_requested', decided_by = $3, decided_at = now(), claimed_by = NULL, claim_expires_at = NULL`,
      params: [actor.email],
      live: 'resolved',
      action: 'request_redraft',
      before: { status: row.status },
      after: { status: 'redraft_requested', instruction: dto.instruction },
      effect: async (m: EntityManager) => {
        await m.query(
          `INSERT INTO redraft_requests (shop_id, draft_id, instruction, requested_by) VALUES ($1, $2, $3, $4)`,
          [actor.shopId, id, dto.instruction, actor.userId],
        );
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
      set: `escalated = true, assignee_id = NULL, claimed_by = NULL, claim_expires_at = NULL`,
      params: [],
      live: 'updated',
      action: 'escalate',
      before: { escalated: row.escalated, assigneeId: row.assignee_id },
      after: { escalated: true, reason: dto.reason ?? null },
    }));
  }

  async reassign(actor: Actor, id: string, dto: ReassignDto, expected: Expected) {
    if (!hasRole(actor.role, 'lead'))
      throw new ForbiddenException({ code: 'ROLE_REQUIRED', message: 'this needs the lead role' });
    if (dto.assigneeId) {
      const member = await this.db.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND shop_id = $2`, [
        dto.assigneeId,
        actor.shopId,
      ]);
      if (member.length === 0) throw draftConflict(ReviewErrorCode.NotAMember, 'the assignee has no role in this shop');
    }
    return this.change(actor, id, expected, {}, (row) => ({
      set: `assignee_id = $3, claimed_by = NULL, claim_expires_at = NULL`,
      params: [dto.assigneeId],
      live: 'updated',
      action: 'reassign',
      before: { assigneeId: row.assignee_id },
      after: { assigneeId: dto.assigneeId },
    }));
  }

  snooze(actor: Actor, id: string, dto: SnoozeDto, expected: Expected) {
    return this.change(actor, id, expected, { claim: true }, (row) => ({
      set: `snoozed_until = $3, claimed_by = NULL, claim_expires_at = NULL`,
      params: [dto.until],
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
      const [shop] = await m.query(`SELECT business_hours, sla FROM shops WHERE id = $1`, [actor.shopId]);
      const due =
        dto.priority && shop
          ? dueAt(
              new Date(row.created_at),
              after.priority as Priority,
              row.response_kind as ResponseKind,
              shop.sla as SlaPolicy,
              shop.business_hours as BusinessHours,
            )
          : row.due_at;
      return {
        set: `intent = $3, language = $4, priority = $5, due_at = $6`,
        params: [after.intent, after.language, after.priority, due],
        live: 'updated',
        action: 'correct_triage',
        before,
        after,
        effect: (tx: EntityManager) =>
          tx.query(
            `INSERT INTO triage_corrections (shop_id, draft_id, message_id, conversation_id, before, intent, language, priority, corrected_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              actor.shopId,
              id,
              row.payload.messageId,
              row.conversation_id,
              JSON.stringify(before),
              dto.intent ?? null,
              dto.language ?? null,
              dto.priority ?? null,
              actor.userId,
            ],
          ),
      };
    });
  }

  /** Notes change nothing an agent could overwrite, so they need no version. */
  async note(actor: Actor, id: string, dto: NoteDto) {
    return this.db.transaction(async (m) => {
      const [row] = await m.query(`SELECT version FROM review_items WHERE draft_id = $1 AND shop_id = $2`, [
        id,
        actor.shopId,
      ]);
      if (!row) throw draftNotFound(id);
      const [note] = await m.query(
        `INSERT INTO review_notes (shop_id, draft_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id, created_at AS "createdAt"`,
        [actor.shopId, id, actor.userId, dto.body],
      );
      await audit(m, actor, 'note', id, null, { noteId: note.id });
      return { id: note.id, createdAt: note.createdAt, body: dto.body, author: actor.email };
    });
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
    const outcome = await this.db.transaction(async (m) => {
      const [row]: ReviewItemRow[] = await m.query(
        `SELECT ${ITEM_COLUMNS} FROM review_items WHERE draft_id = $1 AND shop_id = $2 FOR UPDATE`,
        [id, actor.shopId],
      );
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
      if (!OPEN_STATUSES.includes(row.status))
        throw draftConflict(ReviewErrorCode.NotPending, `draft ${id} is ${row.status}`);
      const holder = activeClaim(row);
      if (guard.claim && holder && holder !== actor.userId) throw claimedBy(id);
      if (guard.decision && row.escalated && !hasRole(actor.role, 'lead')) throw leadRequired();
      const c = await build(row, m);
      const [updated]: ReviewItemRow[] = await m
        .query(
          `UPDATE review_items SET ${c.set}, version = version + 1, updated_at = now() WHERE draft_id = $1 AND shop_id = $2 RETURNING ${ITEM_COLUMNS}`,
          [id, actor.shopId, ...c.params],
        )
        .then((r: unknown) => returnedRows<ReviewItemRow>(r));
      if (c.effect) await c.effect(m);
      await audit(m, actor, c.action, id, c.before, c.after);
      return {
        view: toItemView(updated),
        event: { type: c.live, shopId: actor.shopId, draftId: id, version: updated.version, by: actor.userId },
      };
    });
    if ('refused' in outcome) throw outcome.refused;
    this.live.publish(outcome.event);
    return outcome.view;
  }
}

function activeClaim(row: ReviewItemRow): string | null {
  return row.claimed_by && row.claim_expires_at && new Date(row.claim_expires_at) > new Date() ? row.claimed_by : null;
}

const claimedBy = (id: string) =>
  draftConflict(ReviewErrorCode.Claimed, `draft ${id} is being worked on by another agent`);

function audit(m: EntityManager, actor: Actor, action: string, draftId: string, before: unknown, after: unknown) {
  return auditDraft(m, actor.email, action, draftId, before, after, actor.shopId);
}
