import { returnedRows } from '@draftdesk/database';
import { createLogger, registry } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { LiveEventsService } from '../live/live-events.service';
import { DEFAULTS, REVIEW_OPTIONS, ReviewOptions } from '../review.options';

const breaches = new Counter({
  name: 'draftdesk_review_sla_breaches_total',
  help: 'Queue items whose reply was not sent by its SLA due time',
  labelNames: ['shop', 'kind', 'priority'],
  registers: [registry],
});

/** Marks pending items past their due time once each: audit entry, metric and live event. */
@Injectable()
export class SlaSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = createLogger(SlaSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    private readonly live: LiveEventsService,
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

  async sweep(): Promise<number> {
    const rows = await this.db.transaction(async (m) => {
      const breached = returnedRows<{ draft_id: string; shop_id: string; response_kind: string; priority: string; version: number }>(
        await m.query(
          `UPDATE review_items SET sla_breached_at = now()
            WHERE draft_id IN (SELECT draft_id FROM review_items WHERE status = 'pending' AND sla_breached_at IS NULL AND due_at < now()
                                LIMIT 500 FOR UPDATE SKIP LOCKED)
            RETURNING draft_id, shop_id, response_kind, priority, version`,
        ),
      );
      for (const r of breached) {
        await m.query(
          `INSERT INTO audit_log (actor, action, entity, entity_id, before, after, shop_id) VALUES ('sla', 'sla_breached', 'draft', $1, NULL, $2, $3)`,
          [r.draft_id, JSON.stringify({ kind: r.response_kind, priority: r.priority }), r.shop_id],
        );
      }
      return breached;
    });
    for (const r of rows) {
      breaches.inc({ shop: r.shop_id, kind: r.response_kind, priority: r.priority });
      this.live.publish({ type: 'sla_breached', shopId: r.shop_id, draftId: r.draft_id, version: r.version, by: null });
    }
    return rows.length;
  }
}
