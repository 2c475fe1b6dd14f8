import { OutboxService, PollingWorker, WorkerPass } from '@draftdesk/messaging';
import { createLogger } from '@draftdesk/observability';
import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { ReviewItemsRepository } from '../drafts/review-items.repository';
import { approvedEvent } from '../drafts/review.service';
import { LiveEventsService } from '../live/live-events.service';
import { announceApproval } from './approval.util';
import { ReviewItemRow } from './review-item.view';

/** Items sent per transaction. */
const BATCH = 50;
/** The longest sleep: approvals another replica scheduled are found within this even without a nudge. */
const MAX_WAIT_MS = 2_000;

/**
 * Sends approvals whose send delay has passed: each due item turns from `sending` to `approved` and its
 * reply-approved event goes into the outbox in the same transaction. Items are claimed with FOR UPDATE SKIP
 * LOCKED, so with several replicas (and an undo racing the send) each reply is published once.
 */
@Injectable()
export class ScheduledSendWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = createLogger(ScheduledSendWorker.name);
  private readonly worker = new PollingWorker(() => this.pass(), this.log);

  constructor(
    private readonly items: ReviewItemsRepository,
    private readonly auditLog: AuditLogRepository,
    private readonly outbox: OutboxService,
    private readonly live: LiveEventsService,
  ) {}

  onApplicationBootstrap() {
    this.worker.start();
  }

  async onApplicationShutdown() {
    await this.worker.stop();
  }

  /** An approval was scheduled: look at the next due time again. */
  scheduled(): void {
    this.worker.nudge();
  }

  private async pass(): Promise<WorkerPass> {
    if ((await this.sendDue()).length === BATCH) return { more: true, waitMs: 0 };
    const next = (await this.items.nextSendInMs()) ?? Infinity;
    return { more: false, waitMs: Math.max(5, Math.min(MAX_WAIT_MS, next + 5)) };
  }

  /** Sends what is due now (one transaction); returns the items sent. */
  async sendDue(): Promise<ReviewItemRow[]> {
    const sent = await this.items.transaction(async (m) => {
      const due = await this.items.takeDueSends(m, BATCH);
      for (const row of due) {
        const event = approvedEvent(row.conversation_id, row.payload, row.body!, row.decided_by!, false);
        await announceApproval(this.items, this.outbox, m, row.draft_id, event);
        const before = { status: 'sending' };
        await this.auditLog.recordDraft(m, 'system', 'send', row.draft_id, before, { status: 'approved' }, row.shop_id);
      }
      return due;
    });
    if (sent.length === 0) return sent;
    this.outbox.committed();
    for (const row of sent)
      this.live.publish({
        type: 'updated',
        shopId: row.shop_id,
        draftId: row.draft_id,
        version: row.version,
        by: null,
      });
    return sent;
  }
}
