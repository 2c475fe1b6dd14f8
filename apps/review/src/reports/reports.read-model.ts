import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The desk's review items of a range, with what the conversations service recorded of their customer messages.
 * Days are the shop's (its business-hours time zone); both ends of the range are included. An item counts in the
 * day its draft reached the desk. `resolved_at`: when the reply went out or the item was closed (an auto-sent
 * item at once); open, superseded, failed and ignored items have none.
 */
const BOUNDS = `
  bounds AS (
    SELECT tz, ($2::date)::timestamp AT TIME ZONE tz AS lo, ($3::date + 1)::timestamp AT TIME ZONE tz AS hi
      FROM (SELECT coalesce((SELECT business_hours->>'timezone' FROM shops WHERE id = $1), 'UTC') AS tz) shop
  )`;
const ITEMS_OF_RANGE = `${BOUNDS},
  items AS (
    SELECT i.draft_id, i.conversation_id, i.status, i.response_kind, i.due_at, i.close_reason,
           coalesce(i.intent, 'unknown') AS intent, coalesce(i.channel, 'unknown') AS channel,
           (i.created_at AT TIME ZONE b.tz)::date AS day,
           i.payload->>'body' IS NOT NULL AS has_draft, coalesce(i.payload->>'body' = i.body, false) AS unchanged,
           i.needs_human_reply, i.body IS DISTINCT FROM i.payload->>'body' AS changed,
           coalesce(m.occurred_at, i.created_at) AS received_at,
           CASE WHEN i.status IN ('approved', 'sending', 'auto_sent', 'rejected') THEN coalesce(i.decided_at, i.created_at) END AS resolved_at
      FROM review_items i
      CROSS JOIN bounds b
      LEFT JOIN messages m ON m.id = (i.payload->>'messageId')::uuid
     WHERE i.shop_id = $1 AND i.created_at >= b.lo AND i.created_at < b.hi
  )`;

/** Approved by a person (sending: approved, waiting out the undo delay). */
const BY_PEOPLE = `status IN ('approved', 'sending')`;

export interface DayVolumeRow {
  day: string;
  channel: string | null;
  intent: string | null;
  n: number;
}

/** One intent's figures, or the whole range's when `intent` is null. Seconds; null when nothing to measure. */
export interface IntentFiguresRow {
  intent: string | null;
  volume: number;
  auto_sent: number;
  approved: number;
  approved_unchanged: number;
  /** Approved by a person, of a draft that had text: the base of the mean edit distance. */
  approved_with_draft: number;
  rejected: number;
  resolution_p50: number | null;
  resolution_p90: number | null;
  sla_due: number;
  sla_met: number;
  first_responses: number;
  first_response_p50: number | null;
  first_response_p90: number | null;
}

export interface RejectReasonRow {
  intent: string | null;
  reason: string;
  n: number;
}

export interface AgentFiguresRow {
  email: string;
  name: string | null;
  decisions: number;
  approved: number;
  approved_unchanged: number;
  handling_p50: number | null;
}

export interface EditedReplyRow {
  draft_id: string;
  created_at: Date;
  intent: string;
  drafted: string;
  sent: string;
}

/** Reports over the desk's items and audit log, and the conversations' messages they answer. SELECT only. */
@Injectable()
export class ReportsReadModel {
  constructor(private readonly db: DataSource) {}

  /** Items per day and channel, and per day and intent. */
  volumeByDay(shopId: string, from: string, to: string): Promise<DayVolumeRow[]> {
    return this.db.query(
      `WITH ${ITEMS_OF_RANGE}
       SELECT to_char(day, 'YYYY-MM-DD') AS day, channel, intent, count(*)::int AS n
         FROM items GROUP BY GROUPING SETS ((day, channel), (day, intent)) ORDER BY 1, 2, 3`,
      [shopId, from, to],
    );
  }

  /**
   * Every figure per intent and for the whole range. First response: from the conversation's first customer
   * message (its earliest item of kind `first` in the range) to our first reply that was not a failed send.
   * SLA: items with a due time that were resolved, or are overdue; met when resolved by the due time.
   */
  figuresPerIntent(shopId: string, from: string, to: string): Promise<IntentFiguresRow[]> {
    return this.db.query(
      `WITH ${ITEMS_OF_RANGE},
       first_items AS (
         SELECT DISTINCT ON (conversation_id) conversation_id, intent, received_at FROM items
          WHERE response_kind = 'first' ORDER BY conversation_id, received_at, draft_id
       ),
       first_responses AS (
         SELECT f.intent, extract(epoch FROM r.replied_at - f.received_at)::float8 AS seconds
           FROM first_items f
           CROSS JOIN LATERAL (SELECT min(o.occurred_at) AS replied_at FROM messages o
                                WHERE o.conversation_id = f.conversation_id AND o.direction = 'outbound'
                                  AND o.status IS DISTINCT FROM 'failed' AND o.occurred_at >= f.received_at) r
          WHERE r.replied_at IS NOT NULL
       ),
       first_response_figures AS (
         SELECT CASE WHEN GROUPING(intent) = 0 THEN intent END AS intent, count(*)::int AS n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
           FROM first_responses GROUP BY GROUPING SETS ((intent), ())
       ),
       figures AS (
         SELECT CASE WHEN GROUPING(intent) = 0 THEN intent END AS intent,
                count(*)::int AS volume,
                count(*) FILTER (WHERE status = 'auto_sent')::int AS auto_sent,
                count(*) FILTER (WHERE ${BY_PEOPLE})::int AS approved,
                count(*) FILTER (WHERE ${BY_PEOPLE} AND unchanged)::int AS approved_unchanged,
                count(*) FILTER (WHERE ${BY_PEOPLE} AND has_draft)::int AS approved_with_draft,
                count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - received_at)::float8) AS resolution_p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - received_at)::float8) AS resolution_p90,
                count(*) FILTER (WHERE due_at IS NOT NULL AND status NOT IN ('superseded', 'ignored')
                                   AND (resolved_at IS NOT NULL OR due_at < now()))::int AS sla_due,
                count(*) FILTER (WHERE due_at IS NOT NULL AND status NOT IN ('superseded', 'ignored')
                                   AND resolved_at <= due_at)::int AS sla_met
           FROM items GROUP BY GROUPING SETS ((intent), ())
       )
       SELECT f.*, coalesce(r.n, 0) AS first_responses, r.p50 AS first_response_p50, r.p90 AS first_response_p90
         FROM figures f LEFT JOIN first_response_figures r ON r.intent IS NOT DISTINCT FROM f.intent
        ORDER BY f.intent NULLS FIRST`,
      [shopId, from, to],
    );
  }

  /**
   * Why drafts were turned down: the close reason of rejected items, and `reply_myself` for drafts an agent set
   * aside to write the reply themselves. Per reason, and per intent and reason.
   */
  rejectReasons(shopId: string, from: string, to: string): Promise<RejectReasonRow[]> {
    return this.db.query(
      `WITH ${ITEMS_OF_RANGE},
       -- One pass over the items (a CTE read once is inlined, and the messages it joins are then left out).
       -- Set aside and still waiting for the agent's reply, or answered with their own text: only those can have
       -- a reject_to_reply in the audit log, so only those are looked up there.
       turned_down AS (
         SELECT i.intent, CASE WHEN i.status = 'rejected' THEN coalesce(i.close_reason, 'other') ELSE 'reply_myself' END AS reason
           FROM items i
          WHERE i.status = 'rejected'
             OR (i.status IN ('pending', 'failed') AND i.needs_human_reply)
             OR (i.${BY_PEOPLE} AND i.changed
                 AND EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'draft' AND a.entity_id = i.draft_id::text
                                                        AND a.action = 'reject_to_reply'))
       )
       SELECT CASE WHEN GROUPING(intent) = 0 THEN intent END AS intent, reason, count(*)::int AS n
         FROM turned_down GROUP BY GROUPING SETS ((reason), (intent, reason)) ORDER BY n DESC, reason`,
      [shopId, from, to],
    );
  }

  /**
   * Per person who decided drafts in the range (the audit log's actor): decisions, approvals, approvals of the
   * draft as it was, and the median handling time (from their latest claim of the item to the decision).
   */
  figuresPerAgent(shopId: string, from: string, to: string): Promise<AgentFiguresRow[]> {
    return this.db.query(
      `WITH ${BOUNDS},
       decisions AS (
         SELECT a.actor, a.action, a.created_at,
                (SELECT max(c.created_at) FROM audit_log c
                  WHERE c.entity = 'draft' AND c.entity_id = a.entity_id AND c.actor = a.actor AND c.action = 'claim'
                    AND c.created_at <= a.created_at) AS claimed_at
           FROM audit_log a CROSS JOIN bounds b
          WHERE a.shop_id = $1 AND a.entity = 'draft' AND a.created_at >= b.lo AND a.created_at < b.hi
            AND a.action IN ('approve', 'edit_and_approve', 'write_reply', 'reject', 'reject_to_reply', 'request_redraft', 'escalate')
       )
       SELECT d.actor AS email, max(u.name) AS name, count(*)::int AS decisions,
              count(*) FILTER (WHERE d.action IN ('approve', 'edit_and_approve', 'write_reply'))::int AS approved,
              count(*) FILTER (WHERE d.action = 'approve')::int AS approved_unchanged,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - d.claimed_at)::float8) AS handling_p50
         FROM decisions d LEFT JOIN users u ON lower(u.email) = lower(d.actor)
        GROUP BY d.actor ORDER BY decisions DESC, d.actor`,
      [shopId, from, to],
    );
  }

  /**
   * Up to `limit` replies a person changed before approving, in the order they reached the desk, after the one at
   * `after` (null: from the start). Reads the items by the (shop_id, created_at) index from where the last page
   * ended, so paging through a year costs one pass, not one per page.
   */
  editedReplies(
    shopId: string,
    from: string,
    to: string,
    after: EditedReplyRow | null,
    limit: number,
  ): Promise<EditedReplyRow[]> {
    return this.db.query(
      `WITH ${BOUNDS}
       SELECT i.draft_id, i.created_at, coalesce(i.intent, 'unknown') AS intent, i.payload->>'body' AS drafted, i.body AS sent
         FROM review_items i CROSS JOIN bounds b
        WHERE i.shop_id = $1 AND i.created_at >= b.lo AND i.created_at < b.hi
          AND i.created_at >= $4::timestamptz AND (i.created_at, i.draft_id) > ($4::timestamptz, $5::uuid)
          AND i.${BY_PEOPLE} AND i.payload->>'body' IS NOT NULL AND i.body IS DISTINCT FROM i.payload->>'body'
        ORDER BY i.created_at, i.draft_id LIMIT $6`,
      [
        shopId,
        from,
        to,
        after?.created_at ?? '-infinity',
        after?.draft_id ?? '00000000-0000-0000-0000-000000000000',
        limit,
      ],
    );
  }
}
