import type { DraftedPayload, DraftStatus } from '@draftdesk/contracts';
import { draftsSuperseded } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LiveEvent } from '../live/live-events.service';
import { AuditLogRepository } from './audit-log.repository';
import { ReviewItemsRepository, SupersededRow } from './review-items.repository';
import { settle } from './supersede.util';

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

/**
 * Keeps one open draft per conversation. Runs in the transaction that inserts the new draft's review item, so the
 * old draft is superseded exactly when its replacement exists: a message whose drafting fails or is dead-lettered
 * never leaves the customer with nothing in the queue. The advisory lock serialises the drafts of one conversation
 * at this desk; the partial unique index review_items_one_open_per_conversation is the guarantee behind it.
 */
@Injectable()
export class SupersedeService {
  constructor(
    private readonly items: ReviewItemsRepository,
    private readonly auditLog: AuditLogRepository,
  ) {}

  /** Where the new draft stands, having superseded what it replaces; null when its item exists already (a repeat). */
  async place(
    m: EntityManager,
    conversationId: string,
    drafted: DraftedPayload,
    status: DraftStatus,
  ): Promise<Placement | null> {
    await this.items.lockConversation(m, conversationId);
    const items = await this.items.itemsOfConversation(m, conversationId);
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
        conversationId,
      })),
      metrics: rows.map((r) => ({ channel: r.channel ?? drafted.channel, claimed: activeClaim(r) !== null })),
    };
  }

  /**
   * Only items still open when their row lock is granted change: one an agent approved a moment earlier is being
   * sent and stays as it is. A claim ends; the agent's next action on it is refused with DRAFT_SUPERSEDED.
   */
  private async supersede(m: EntityManager, draftIds: string[], by: DraftedPayload): Promise<SupersededRow[]> {
    const rows = await this.items.supersede(m, draftIds, by);
    for (const r of rows) {
      const before = { status: r.before_status, claimedBy: activeClaim(r), body: r.body };
      await this.auditLog.recordDraft(
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
