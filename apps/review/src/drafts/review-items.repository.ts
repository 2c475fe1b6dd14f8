// Owns: review_items
import type { DraftedPayload, DraftStatus } from '@draftdesk/contracts';
import { returnedRows } from '@draftdesk/database';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QueueFilter, queueWhere } from '../queue/queue-filter.util';
import { ITEM_COLUMNS, LIST_ITEM_COLUMNS, ReviewItemRow } from '../queue/review-item.view';
import { ConversationItem } from './supersede.util';

/** First key of the per-conversation advisory lock (pg_advisory_xact_lock(space, hashtext(conversation))): "rvwc". */
const CONVERSATION_LOCK_SPACE = 0x72767763;

/** A review item as a draft creates it. */
export interface NewReviewItem {
  draftId: string;
  conversationId: string;
  status: DraftStatus;
  drafted: DraftedPayload;
  shopId: string;
  priority: string;
  responseKind: 'first' | 'next';
  dueAt: Date | null;
  slaBreachedAt: Date | null;
  escalated: boolean;
  assigneeId: string | null;
  traceHeaders: Record<string, string> | null;
  supersededBy: { messageId: string; draftId: string } | null;
}

/** An item a newer draft superseded, as it was before. */
export interface SupersededRow {
  draft_id: string;
  shop_id: string;
  version: number;
  channel: string | null;
  before_status: string;
  claimed_by: string | null;
  claim_expires_at: Date | null;
  body: string | null;
  escalated: boolean;
  assignee_id: string | null;
  due_at: Date | null;
  sla_breached_at: Date | null;
}

/** The item a redraft replaces the draft of, locked. */
export interface RedraftTarget {
  status: string;
  version: number;
  shop_id: string;
  payload: DraftedPayload | null;
  body: string | null;
}

export interface FailedSend {
  draft_id: string;
  shop_id: string;
  version: number;
  before: string;
}

export interface Breach {
  draft_id: string;
  conversation_id: string;
  shop_id: string;
  response_kind: 'first' | 'next';
  priority: string;
  version: number;
  due_at: Date;
  sla_breached_at: Date;
}

/** Per-value counts of the queue; `g` is GROUPING(priority, intent, language, channel, mailbox). */
export interface CountRow {
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
}

export interface ConversationDraftSummary {
  draftId: string;
  messageId: string;
  status: string;
  createdAt: Date;
  decidedAt: Date | null;
  supersededAt: Date | null;
}

/**
 * The review queue's items. Writes run in the caller's transaction (`m`); every change of an agent's action bumps
 * the item's version and returns the item as it now is.
 */
@Injectable()
export class ReviewItemsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Serialises the drafts of one conversation at this desk until the transaction ends. */
  async lockConversation(m: EntityManager, conversationId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [CONVERSATION_LOCK_SPACE, conversationId]);
  }

  async itemsOfConversation(m: EntityManager, conversationId: string): Promise<ConversationItem[]> {
    const rows: { draft_id: string; message_id: string; message_sequence: number | null; status: DraftStatus }[] =
      await m.query(
        `SELECT draft_id, payload->>'messageId' AS message_id, message_sequence, status FROM review_items WHERE conversation_id = $1`,
        [conversationId],
      );
    return rows.map((r) => ({
      draftId: r.draft_id,
      messageId: r.message_id,
      sequence: r.message_sequence,
      status: r.status,
    }));
  }

  /** Supersedes those of these items still open when their row lock is granted; returns them as they were. */
  async supersede(
    m: EntityManager,
    draftIds: string[],
    by: { messageId: string; draftId: string },
  ): Promise<SupersededRow[]> {
    return returnedRows<SupersededRow>(
      await m.query(
        `UPDATE review_items i SET status = 'superseded', superseded_by_message_id = $2, superseded_by_draft_id = $3, superseded_at = now(),
                claimed_by = NULL, claim_expires_at = NULL, version = i.version + 1, updated_at = now()
           FROM (SELECT draft_id, status, claimed_by, claim_expires_at FROM review_items
                  WHERE draft_id = ANY($1::uuid[]) AND status IN ('pending', 'redraft_requested') FOR UPDATE) old
          WHERE i.draft_id = old.draft_id
          RETURNING i.draft_id, i.shop_id, i.version, i.channel, old.status AS before_status, old.claimed_by, old.claim_expires_at,
                    i.body, i.escalated, i.assignee_id, i.due_at, i.sla_breached_at`,
        [draftIds, by.messageId, by.draftId],
      ),
    );
  }

  async insert(m: EntityManager, item: NewReviewItem): Promise<void> {
    const d = item.drafted;
    await m.query(
      `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id, channel, mailbox, intent,
                                 language, priority, response_kind, due_at, sla_breached_at, escalated, assignee_id, trace_headers,
                                 message_sequence, superseded_by_message_id, superseded_by_draft_id, superseded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, CASE WHEN $20::uuid IS NULL THEN NULL ELSE now() END)`,
      [
        item.draftId,
        item.conversationId,
        item.status,
        d.decision,
        JSON.stringify(d),
        d.body,
        item.shopId,
        d.channel,
        d.mailbox,
        d.intent,
        d.language,
        item.priority,
        item.responseKind,
        item.dueAt,
        item.slaBreachedAt,
        item.escalated,
        item.assigneeId,
        JSON.stringify(item.traceHeaders),
        d.messageSequence ?? null,
        item.supersededBy?.messageId ?? null,
        item.supersededBy?.draftId ?? null,
      ],
    );
  }

  /**
   * Marks the approved or auto-sent item failed, found by its own id or by the id of the draft it holds; null when
   * no such item is in one of those states.
   */
  async markSendFailed(m: EntityManager, draftId: string, reason: string): Promise<FailedSend | null> {
    const [row] = returnedRows<FailedSend>(
      await m.query(
        `UPDATE review_items i SET status = 'failed', send_error = $2, claimed_by = NULL, claim_expires_at = NULL,
                version = i.version + 1, updated_at = now()
           FROM (SELECT draft_id, status AS before FROM review_items
                  WHERE (draft_id = $1 OR payload->>'draftId' = $1::text) AND status IN ('approved', 'auto_sent') FOR UPDATE) old
          WHERE i.draft_id = old.draft_id
          RETURNING i.draft_id, i.shop_id, i.version, old.before`,
        [draftId, reason],
      ),
    );
    return row ?? null;
  }

  async lockForRedraft(m: EntityManager, itemId: string): Promise<RedraftTarget | null> {
    const [row] = await m.query(
      `SELECT status, version, shop_id, payload, body FROM review_items WHERE draft_id = $1 FOR UPDATE`,
      [itemId],
    );
    return row ?? null;
  }

  /** The item holds the redraft and is pending again; returns its new version. */
  async replaceDraft(m: EntityManager, itemId: string, drafted: DraftedPayload): Promise<number> {
    const [updated] = returnedRows<{ version: number }>(
      await m.query(
        `UPDATE review_items
            SET payload = $2, body = $3, decision = $4, intent = $5, language = $6, status = 'pending',
                escalated = escalated OR $4 = 'escalate', decided_by = NULL, decided_at = NULL, needs_human_reply = false,
                version = version + 1, updated_at = now()
          WHERE draft_id = $1 RETURNING version`,
        [itemId, JSON.stringify(drafted), drafted.body, drafted.decision, drafted.intent, drafted.language],
      ),
    );
    return updated.version;
  }

  /** The shop's item, locked until the transaction ends. */
  async lockItem(m: EntityManager, draftId: string, shopId: string): Promise<ReviewItemRow | null> {
    const [row] = await m.query(
      `SELECT ${ITEM_COLUMNS} FROM review_items WHERE draft_id = $1 AND shop_id = $2 FOR UPDATE`,
      [draftId, shopId],
    );
    return row ?? null;
  }

  async versionOf(m: EntityManager, draftId: string, shopId: string): Promise<number | null> {
    const [row] = await m.query(`SELECT version FROM review_items WHERE draft_id = $1 AND shop_id = $2`, [
      draftId,
      shopId,
    ]);
    return row ? row.version : null;
  }

  async traceHeadersOf(m: EntityManager, draftId: string): Promise<Record<string, string> | null> {
    const [item] = await m.query(`SELECT trace_headers FROM review_items WHERE draft_id = $1`, [draftId]);
    return item?.trace_headers ?? null;
  }

  claim(m: EntityManager, draftId: string, shopId: string, userId: string, ttlSeconds: number) {
    return this.update(m, draftId, shopId, `claimed_by = $3, claim_expires_at = now() + make_interval(secs => $4)`, [
      userId,
      ttlSeconds,
    ]);
  }

  release(m: EntityManager, draftId: string, shopId: string) {
    return this.update(m, draftId, shopId, `claimed_by = NULL, claim_expires_at = NULL`, []);
  }

  approve(m: EntityManager, draftId: string, shopId: string, body: string, decidedBy: string) {
    return this.update(
      m,
      draftId,
      shopId,
      `status = 'approved', body = $3, decided_by = $4, decided_at = now(), claimed_by = NULL, claim_expires_at = NULL`,
      [body, decidedBy],
    );
  }

  /** Approved, waiting `delaySeconds` before it is sent (status sending, until send_at), so the agent can undo it. */
  scheduleSend(
    m: EntityManager,
    draftId: string,
    shopId: string,
    body: string,
    decidedBy: string,
    delaySeconds: number,
  ) {
    return this.update(
      m,
      draftId,
      shopId,
      `status = 'sending', send_at = now() + make_interval(secs => $5), body = $3, decided_by = $4, decided_at = now(),
       needs_human_reply = false, claimed_by = NULL, claim_expires_at = NULL`,
      [body, decidedBy, delaySeconds],
    );
  }

  /**
   * The send is called off: the item is pending again and keeps the text the agent approved as its draft text; or,
   * when a draft for the customer's newer message arrived meanwhile (`by`), superseded by it.
   */
  undoSend(m: EntityManager, draftId: string, shopId: string, by?: { messageId: string; draftId: string }) {
    const reopened = `send_at = NULL, decided_by = NULL, decided_at = NULL`;
    if (!by) return this.update(m, draftId, shopId, `status = 'pending', ${reopened}`, []);
    return this.update(
      m,
      draftId,
      shopId,
      `status = 'superseded', superseded_by_message_id = $3, superseded_by_draft_id = $4, superseded_at = now(), ${reopened}`,
      [by.messageId, by.draftId],
    );
  }

  /**
   * Up to `limit` items whose send delay has passed, turned approved and returned; rows another
   * replica (or an undo) holds are skipped, so each is handed out once.
   */
  async takeDueSends(m: EntityManager, limit: number): Promise<ReviewItemRow[]> {
    return returnedRows<ReviewItemRow>(
      await m.query(
        `UPDATE review_items SET status = 'approved', version = version + 1, updated_at = now()
          WHERE draft_id IN (SELECT draft_id FROM review_items WHERE status = 'sending' AND send_at <= now()
                              ORDER BY send_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING ${ITEM_COLUMNS}`,
        [limit],
      ),
    );
  }

  /** Milliseconds until the next waiting reply is due (0 when one is overdue); null when none waits. */
  async nextSendInMs(): Promise<number | null> {
    const [row] = await this.db.query(
      `SELECT greatest(0, extract(epoch FROM min(send_at) - now()) * 1000)::float8 AS ms FROM review_items WHERE status = 'sending'`,
    );
    return row?.ms ?? null;
  }

  reject(
    m: EntityManager,
    draftId: string,
    shopId: string,
    reason: string | null,
    decidedBy: string,
    closeReason: string | null = null,
  ) {
    return this.update(
      m,
      draftId,
      shopId,
      `status = 'rejected', reject_reason = $3, decided_by = $4, decided_at = now(), close_reason = $5,
       needs_human_reply = false, claimed_by = NULL, claim_expires_at = NULL`,
      [reason, decidedBy, closeReason],
    );
  }

  /** The draft is set aside (it stays in the payload): the item waits, assigned to the agent, for their own reply. */
  keepForOwnReply(m: EntityManager, draftId: string, shopId: string, userId: string, reason: string | null) {
    return this.update(
      m,
      draftId,
      shopId,
      `needs_human_reply = true, assignee_id = $3, body = NULL, reject_reason = $4`,
      [userId, reason],
    );
  }

  /** The agent's own reply is approved like an edited draft. */
  approveWritten(m: EntityManager, draftId: string, shopId: string, body: string, decidedBy: string) {
    return this.update(
      m,
      draftId,
      shopId,
      `status = 'approved', body = $3, decided_by = $4, decided_at = now(), needs_human_reply = false,
       claimed_by = NULL, claim_expires_at = NULL`,
      [body, decidedBy],
    );
  }

  requestRedraft(m: EntityManager, draftId: string, shopId: string, decidedBy: string) {
    return this.update(
      m,
      draftId,
      shopId,
      `status = 'redraft_requested', decided_by = $3, decided_at = now(), claimed_by = NULL, claim_expires_at = NULL`,
      [decidedBy],
    );
  }

  escalate(m: EntityManager, draftId: string, shopId: string, reason: string | null, escalatedBy: string) {
    return this.update(
      m,
      draftId,
      shopId,
      `escalated = true, escalation_reason = $3, escalated_by = $4, assignee_id = NULL, claimed_by = NULL,
       claim_expires_at = NULL`,
      [reason, escalatedBy],
    );
  }

  /** Back from the lead's queue to the agents, assigned to someone or to no one. */
  handBack(m: EntityManager, draftId: string, shopId: string, assigneeId: string | null) {
    return this.update(
      m,
      draftId,
      shopId,
      `escalated = false, escalation_reason = NULL, escalated_by = NULL, assignee_id = $3, claimed_by = NULL,
       claim_expires_at = NULL`,
      [assigneeId],
    );
  }

  reassign(m: EntityManager, draftId: string, shopId: string, assigneeId: string | null) {
    return this.update(m, draftId, shopId, `assignee_id = $3, claimed_by = NULL, claim_expires_at = NULL`, [
      assigneeId,
    ]);
  }

  snooze(m: EntityManager, draftId: string, shopId: string, until: string | null) {
    return this.update(m, draftId, shopId, `snoozed_until = $3, claimed_by = NULL, claim_expires_at = NULL`, [until]);
  }

  correctTriage(
    m: EntityManager,
    draftId: string,
    shopId: string,
    t: { intent: string | null; language: string | null; priority: string; dueAt: Date | null },
  ) {
    return this.update(m, draftId, shopId, `intent = $3, language = $4, priority = $5, due_at = $6`, [
      t.intent,
      t.language,
      t.priority,
      t.dueAt,
    ]);
  }

  /** Applies `set` (parameters from $3) with the version bumped; returns the item as it now is. */
  private async update(
    m: EntityManager,
    draftId: string,
    shopId: string,
    set: string,
    params: unknown[],
  ): Promise<ReviewItemRow> {
    const [updated] = returnedRows<ReviewItemRow>(
      await m.query(
        `UPDATE review_items SET ${set}, version = version + 1, updated_at = now() WHERE draft_id = $1 AND shop_id = $2 RETURNING ${ITEM_COLUMNS}`,
        [draftId, shopId, ...params],
      ),
    );
    return updated;
  }

  /** The shop's queue as filtered, soonest due first. */
  list(
    shopId: string,
    userId: string,
    filter: QueueFilter,
  ): Promise<(ReviewItemRow & { customer_text_truncated: boolean })[]> {
    const where = queueWhere(shopId, userId, filter);
    return this.db.query(
      `SELECT ${LIST_ITEM_COLUMNS} FROM review_items WHERE ${where.sql}
        ORDER BY due_at ASC NULLS LAST, created_at ASC LIMIT ${filter.limit} OFFSET ${filter.offset}`,
      where.params,
    );
  }

  /** Counts per value of every filter dimension, within the status (and snooze view) asked for. */
  counts(shopId: string, userId: string, filter: Pick<QueueFilter, 'status' | 'includeSnoozed'>): Promise<CountRow[]> {
    const where = queueWhere(shopId, userId, { status: filter.status, includeSnoozed: filter.includeSnoozed });
    return this.db.query(
      `SELECT priority, intent, language, channel, mailbox, count(*)::int AS n,
                count(*) FILTER (WHERE sla_breached_at IS NOT NULL)::int AS breached,
                count(*) FILTER (WHERE assignee_id = $${where.params.length + 1})::int AS mine,
                count(*) FILTER (WHERE assignee_id IS NULL)::int AS unassigned,
                count(*) FILTER (WHERE escalated)::int AS escalated,
                GROUPING(priority, intent, language, channel, mailbox) AS g
           FROM review_items WHERE ${where.sql}
          GROUP BY GROUPING SETS ((priority), (intent), (language), (channel), (mailbox), ())`,
      [...where.params, userId],
    );
  }

  async find(draftId: string, shopId: string): Promise<ReviewItemRow | null> {
    const [row] = await this.db.query(`SELECT ${ITEM_COLUMNS} FROM review_items WHERE draft_id = $1 AND shop_id = $2`, [
      draftId,
      shopId,
    ]);
    return row ?? null;
  }

  /** Every draft of the conversation with its status: what was sent, rejected or superseded before. */
  draftsOfConversation(conversationId: string, shopId: string): Promise<ConversationDraftSummary[]> {
    return this.db.query(
      `SELECT draft_id AS "draftId", payload->>'messageId' AS "messageId", status, created_at AS "createdAt", decided_at AS "decidedAt",
              superseded_at AS "supersededAt"
         FROM review_items WHERE conversation_id = $1 AND shop_id = $2 ORDER BY created_at, draft_id`,
      [conversationId, shopId],
    );
  }

  /** Marks up to 500 pending items past their due time breached, once each; returns them. */
  async markBreaches(m: EntityManager): Promise<Breach[]> {
    return returnedRows<Breach>(
      await m.query(
        `UPDATE review_items SET sla_breached_at = now()
          WHERE draft_id IN (SELECT draft_id FROM review_items WHERE status = 'pending' AND sla_breached_at IS NULL AND due_at < now()
                              LIMIT 500 FOR UPDATE SKIP LOCKED)
          RETURNING draft_id, conversation_id, shop_id, response_kind, priority, version, due_at, sla_breached_at`,
      ),
    );
  }

  /** Pending items due within 30 minutes and not breached, per shop (a shop without any reads 0). */
  dueSoonPerShop(): Promise<{ shop_id: string; n: number }[]> {
    return this.db.query(
      `SELECT s.id AS shop_id, count(r.draft_id)::int AS n FROM shops s
         LEFT JOIN review_items r ON r.shop_id = s.id AND r.status = 'pending' AND r.sla_breached_at IS NULL
                                 AND r.due_at >= now() AND r.due_at < now() + interval '30 minutes'
        GROUP BY s.id`,
    );
  }
}
