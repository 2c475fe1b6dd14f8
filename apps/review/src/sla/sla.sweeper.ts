import { createEvent, Topics } from '@draftdesk/contracts';
import { OutboxService } from '@draftdesk/messaging';
import { createLogger, registry } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { ReviewItemsRepository } from '../drafts/review-items.repository';
import { PRODUCER } from '../drafts/review.service';
import { LiveEventsService } from '../live/live-events.service';
import { DEFAULTS, REVIEW_OPTIONS, ReviewOptions } from '../review.options';

const breaches = new Counter({
  name: 'draftdesk_review_sla_breaches_total',
  help: 'Queue items whose reply was not sent by its SLA due time',
  labelNames: ['shop', 'kind', 'priority'],
  registers: [registry],
});

const dueSoon = new Gauge({
  name: 'draftdesk_review_items_due_soon',
  help: 'Pending queue items whose SLA due time is within the next 30 minutes (SLA at risk), per shop.',
  labelNames: ['shop'],
  registers: [registry],
});

/**
 * Marks pending items past their due time once each (sla_breached_at is set once per item, and an item is one
 * kind of response): audit entry and support.sla-breached.v1 event in the same transaction, metric and live event after.
 */
@Injectable()
export class SlaSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = createLogger(SlaSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly items: ReviewItemsRepository,
    private readonly auditLog: AuditLogRepository,
    private readonly live: LiveEventsService,
    private readonly outbox: OutboxService,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  onApplicationBootstrap() {
    const every = (this.options.slaSweepSeconds ?? DEFAULTS.slaSweepSeconds) * 1000;
    this.timer = setInterval(() => this.sweep().catch((err) => this.log.warn({ err }, 'SLA sweep failed')), every);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  /** Items about to breach, for the operator's "SLA at risk" alert; a shop without any reads 0. */
  private async sampleAtRisk(): Promise<void> {
    const rows = await this.items.dueSoonPerShop();
    for (const r of rows) dueSoon.set({ shop: r.shop_id }, r.n);
  }

  async sweep(): Promise<number> {
    const rows = await this.items.transaction(async (m) => {
      const breached = await this.items.markBreaches(m);
      for (const r of breached) {
        const after = { kind: r.response_kind, priority: r.priority };
        await this.auditLog.recordDraft(m, 'sla', 'sla_breached', r.draft_id, null, after, r.shop_id);
        await this.outbox.add(
          m,
          createEvent(Topics.slaBreached, {
            producer: PRODUCER,
            conversationId: r.conversation_id,
            payload: {
              draftId: r.draft_id,
              shopId: r.shop_id,
              kind: r.response_kind,
              priority: r.priority,
              dueAt: new Date(r.due_at).toISOString(),
              breachedAt: new Date(r.sla_breached_at).toISOString(),
            },
          }),
        );
      }
      return breached;
    });
    if (rows.length > 0) this.outbox.committed();
    await this.sampleAtRisk();
    for (const r of rows) {
      breaches.inc({ shop: r.shop_id, kind: r.response_kind, priority: r.priority });
      this.live.publish({ type: 'sla_breached', shopId: r.shop_id, draftId: r.draft_id, version: r.version, by: null });
    }
    return rows.length;
  }
}
