import { createEvent, DraftedPayload, ReplyApprovedPayload, Topics } from '@draftdesk/contracts';
import { OutboxService } from '@draftdesk/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApproveDraftDto, RejectDraftDto } from './dto/decide-draft.dto';
import { draftConflict, draftNotFound, ReviewErrorCode } from './review.exception';

export const PRODUCER = 'review';

const STATUS_BY_DECISION = { auto_send: 'auto_sent', review: 'pending', escalate: 'pending', ignore: 'ignored' } as const;

interface ReviewRow {
  draft_id: string;
  conversation_id: string;
  status: string;
  decision: string;
  version: number;
  payload: DraftedPayload;
  body: string | null;
}

@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** Queues a draft for a person, or — when the policy gate allowed it — approves it on the policy's behalf. */
  async receive(m: EntityManager, conversationId: string, drafted: DraftedPayload): Promise<void> {
    const status = drafted.body === null && drafted.decision !== 'ignore' ? 'pending' : STATUS_BY_DECISION[drafted.decision];
    const rows = await m.query(
      `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (draft_id) DO NOTHING RETURNING draft_id`,
      [drafted.draftId, conversationId, status, drafted.decision, JSON.stringify(drafted), drafted.body],
    );
    if (rows.length === 0 || status !== 'auto_sent') return;
    await this.audit(m, 'policy', 'auto_send', drafted.draftId, null, { status });
    await this.outbox.add(m, this.approvedEvent(conversationId, drafted, drafted.body!, 'policy', true));
  }

  async list(status: string, limit: number) {
    const rows = await this.dataSource.query(
      `SELECT draft_id, conversation_id, status, decision, version, payload, body, created_at
         FROM review_items WHERE status = $1 ORDER BY created_at LIMIT $2`,
      [status, limit],
    );
    return rows.map(toView);
  }

  async get(draftId: string) {
    const [row] = await this.dataSource.query(
      `SELECT draft_id, conversation_id, status, decision, version, payload, body, created_at, decided_by, decided_at,
              reject_reason FROM review_items WHERE draft_id = $1`,
      [draftId],
    );
    if (!row) throw draftNotFound(draftId);
    return toView(row);
  }

  async approve(draftId: string, dto: ApproveDraftDto) {
    const result = await this.dataSource.transaction(async (m) => {
      const row = await this.lockPending(m, draftId, dto.version);
      const body = dto.body ?? row.body;
      if (!body) throw draftConflict(ReviewErrorCode.NotPending, `draft ${draftId} has no text to send; edit it first`);
      await m.query(
        `UPDATE review_items SET status = 'approved', body = $2, version = version + 1, decided_by = $3,
                decided_at = now(), updated_at = now() WHERE draft_id = $1`,
        [draftId, body, dto.reviewer],
      );
      await this.audit(m, dto.reviewer, dto.body ? 'edit_and_approve' : 'approve', draftId, { body: row.body }, { body });
      await this.outbox.add(m, this.approvedEvent(row.conversation_id, row.payload, body, dto.reviewer, false));
      return { draftId, status: 'approved', version: row.version + 1 };
    });
    this.outbox.committed();
    return result;
  }

  async reject(draftId: string, dto: RejectDraftDto) {
    return this.dataSource.transaction(async (m) => {
      const row = await this.lockPending(m, draftId, dto.version);
      await m.query(
        `UPDATE review_items SET status = 'rejected', reject_reason = $2, version = version + 1, decided_by = $3,
                decided_at = now(), updated_at = now() WHERE draft_id = $1`,
        [draftId, dto.reason, dto.reviewer],
      );
      await this.audit(m, dto.reviewer, 'reject', draftId, null, { reason: dto.reason });
      return { draftId, status: 'rejected', version: row.version + 1 };
    });
  }

  private async lockPending(m: EntityManager, draftId: string, version?: number): Promise<ReviewRow> {
    const [row]: ReviewRow[] = await m.query(`SELECT * FROM review_items WHERE draft_id = $1 FOR UPDATE`, [draftId]);
    if (!row) throw draftNotFound(draftId);
    if (row.status !== 'pending') throw draftConflict(ReviewErrorCode.NotPending, `draft ${draftId} is ${row.status}`);
    if (version !== undefined && version !== row.version) {
      throw draftConflict(ReviewErrorCode.VersionConflict, `draft ${draftId} is at version ${row.version}, not ${version}`);
    }
    return row;
  }

  private approvedEvent(conversationId: string, d: DraftedPayload, body: string, approvedBy: string, autoSent: boolean) {
    const payload: ReplyApprovedPayload = {
      draftId: d.draftId,
      channel: d.channel,
      to: d.to,
      mailbox: d.mailbox,
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

  private async audit(m: EntityManager, actor: string, action: string, draftId: string, before: unknown, after: unknown) {
    await m.query(
      `INSERT INTO audit_log (actor, action, entity, entity_id, before, after) VALUES ($1, $2, 'draft', $3, $4, $5)`,
      [actor, action, draftId, before === null ? null : JSON.stringify(before), JSON.stringify(after)],
    );
  }
}

function toView(row: ReviewRow & Record<string, unknown>) {
  const p = row.payload;
  return {
    draftId: row.draft_id,
    conversationId: row.conversation_id,
    status: row.status,
    decision: row.decision,
    version: row.version,
    body: row.body,
    to: p.to,
    subject: p.subject,
    language: p.language,
    intent: p.intent,
    confidence: p.confidence,
    reasons: p.reasons,
    citations: p.citations,
    customerText: p.customerText,
    createdAt: row.created_at,
    decidedBy: row.decided_by ?? null,
    decidedAt: row.decided_at ?? null,
    rejectReason: row.reject_reason ?? null,
  };
}
