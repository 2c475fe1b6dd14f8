import type { DraftedPayload, DraftStatus } from '@draftdesk/contracts';
import { returnedRows } from '@draftdesk/database';
import { draftsSuperseded } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LiveEvent } from '../live/live-events.service';
import { auditDraft } from './audit-log.util';
import { ConversationItem, settle } from './supersede.util';

/** First key of the per-conversation advisory lock (pg_advisory_xact_lock(space, hashtext(conversation))): "rvwc". */
const CONVERSATION_LOCK_SPACE = 0x72767763;

/** What a new draft takes over from the drafts it supersedes: the customer has been waiting since the first of them. */
export interface Inherited {
  escalated: boolean;
  assigneeId: string | null;
  dueAt: Date | null;
  slaBreachedAt: Date | null;
}

export type Placement =
  | {
      status: DraftStatus;
      inherited: Inherited | null;
      live: LiveEvent[];
      metrics: { channel: string; claimed: boolean }[];
    }
  | { status: 'superseded'; by: { draftId: string; messageId: string } };

interface SupersededRow {
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

/**
 * Keeps one open draft per conversation. Runs in the transaction that inserts the new draft's review item, so the
 * old draft is superseded exactly when its replacement exists: a message whose drafting fails or is dead-lettered
 * never leaves the customer with nothing in the queue. The advisory lock serialises the drafts of one conversation
 * at this desk; the partial unique index review_items_one_open_per_conversation is the guarantee behind it.
 */
@Injectable()
export class SupersedeService {
  /** Where the new draft stands, having superseded what it replaces; null when its item exists already (a repeat). */
  async place(
    m: EntityManager,
    conversationId: string,
    drafted: DraftedPayload,
    status: DraftStatus,
  ): Promise<Placement | null> {
    await m.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [CONVERSATION_LOCK_SPACE, conversationId]);
    const items: ConversationItem[] = (
      await m.query(
        `SELECT draft_id, payload->>'messageId' AS message_id, message_sequence, status FROM review_items WHERE conversation_id = $1`,
        [conversationId],
      )
    ).map((r: { draft_id: string; message_id: string; message_sequence: number | null; status: DraftStatus }) => ({
      draftId: r.draft_id,
      messageId: r.message_id,
      sequence: r.message_sequence,
      status: r.status,
    }));
    if (items.some((i) => i.draftId === drafted.draftId)) return null;
    const settlement = settle(
      { draftId: drafted.draftId, messageId: drafted.messageId, sequence: drafted.messageSequence ?? null, status },
      items,
    );
    if (settlement.kind === 'superseded') return { status: 'superseded', by: settlement.by };
    const rows = settlement.draftIds.length > 0 ? await this.supersede(m, settlement.draftIds, drafted) : [];
    return {
      status,
      inherited: rows.length > 0 ? inherit(rows) : null,
      live: rows.map((r) => ({
        type: 'superseded',
        shopId: r.shop_id,
        draftId: r.draft_id,
        version: r.version,
        by: null,
      })),
      metrics: rows.map((r) => ({ channel: r.channel ?? drafted.channel, claimed: activeClaim(r) !== null })),
    };
  }

  /**
   * Only items still open when their row lock is granted change: one an agent approved a moment earlier is being
   * sent and stays as it is. A claim ends; the agent's next action on it is refused with DRAFT_SUPERSEDED.
   */
  private async supersede(m: EntityManager, draftIds: string[], by: DraftedPayload): Promise<SupersededRow[]> {
    const rows = returnedRows<SupersededRow>(
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
    for (const r of rows) {
      const before = { status: r.before_status, claimedBy: activeClaim(r), body: r.body };
      await auditDraft(
        m,
        'customer',
        'superseded',
        r.draft_id,
        before,
        { status: 'superseded', byMessageId: by.messageId, byDraftId: by.draftId },
        r.shop_id,
      );
    }
    return rows;
  }

  /** Publishes and counts what place() superseded, once its transaction has committed. */
  static announce(placement: Placement, publish: (event: LiveEvent) => void): void {
    if (!('live' in placement)) return;
    placement.live.forEach(publish);
    for (const m of placement.metrics) draftsSuperseded.inc({ channel: m.channel, claimed: String(m.claimed) });
  }
}

function activeClaim(r: Pick<SupersededRow, 'claimed_by' | 'claim_expires_at'>): string | null {
  return r.claimed_by && r.claim_expires_at && new Date(r.claim_expires_at) > new Date() ? r.claimed_by : null;
}

/** Escalation and assignment carry over; the earliest due time (and its breach, reported once) stays the due time. */
function inherit(rows: SupersededRow[]): Inherited {
  const earliest = rows
    .filter((r) => r.due_at)
    .sort((a, b) => new Date(a.due_at!).getTime() - new Date(b.due_at!).getTime())[0];
  return {
    escalated: rows.some((r) => r.escalated),
    assigneeId: rows.find((r) => r.assignee_id)?.assignee_id ?? null,
    dueAt: earliest?.due_at ?? null,
    slaBreachedAt: earliest?.sla_breached_at ?? null,
  };
}
