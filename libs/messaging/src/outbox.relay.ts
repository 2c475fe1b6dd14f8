import { createLogger, eventsPublished, outboxLag, outboxOldestAge, outboxPending } from '@draftdesk/observability';
import { returnedRows } from '@draftdesk/database';
import { DataSource } from 'typeorm';
import { EventBus } from './event-bus';
import { PollingWorker } from './polling-worker';

const DEPTH_SAMPLE_MS = 10_000;

interface ClaimedRow {
  seq: string;
  topic: string;
  key: string;
  /** The envelope as JSON text: the relay passes it on, so it is not parsed here only to be serialised again. */
  value: string;
  created_at: Date;
  trace_headers: Record<string, string> | null;
}

export interface RelayOptions {
  /** Producers whose rows this relay publishes; null for all (the embedded mode). */
  producers: string[] | null;
  batchSize: number;
  pollIntervalMs: number;
  /** How long a claimed batch stays reserved for this relay before another may take it. */
  claimSeconds: number;
}

/**
 * Publishes committed outbox rows to the event bus. Rows are claimed with SKIP LOCKED and a lease, so replicas
 * share the work without holding a connection while publishing; a row is marked published only after the bus
 * acknowledged it. A crash in between publishes it again, and consumers drop the repeat through their inbox.
 */
export class OutboxRelay {
  private readonly log = createLogger(OutboxRelay.name);
  private readonly worker: PollingWorker;
  private depthSampledAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly options: RelayOptions,
  ) {
    this.worker = new PollingWorker(
      // A short batch took all there was: later commits nudge, so no pass is spent finding the outbox empty.
      async () => ({ more: (await this.relayOnce()) >= this.options.batchSize, waitMs: this.options.pollIntervalMs }),
      this.log,
    );
  }

  start(): void {
    this.worker.start();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  nudge(): void {
    this.worker.nudge();
  }

  /** Publishes until the outbox holds nothing more for this relay; used by tests and at shutdown. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.relayOnce();
      total += n;
      if (n === 0) return total;
    }
  }

  /** Outbox depth and the age of its oldest row, for the operator's "outbox stuck" alert; at most every 10 s. */
  private async sampleDepth(): Promise<void> {
    if (Date.now() - this.depthSampledAt < DEPTH_SAMPLE_MS) return;
    this.depthSampledAt = Date.now();
    const [row] = returnedRows<{ pending: number; age: number | null }>(
      await this.dataSource.query(
        `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::float8 AS age FROM outbox
          WHERE published_at IS NULL AND ($1::text[] IS NULL OR producer = ANY($1::text[]))`,
        [this.options.producers],
      ),
    );
    outboxPending.set(row?.pending ?? 0);
    outboxOldestAge.set(Math.max(0, row?.age ?? 0));
  }

  private async relayOnce(): Promise<number> {
    await this.sampleDepth().catch((error) => this.log.warn({ err: error }, 'outbox depth sample failed'));
    const producers = this.options.producers;
    const rows = returnedRows<ClaimedRow>(
      await this.dataSource.query(
        `UPDATE outbox SET claimed_until = now() + make_interval(secs => $1), attempts = attempts + 1
        WHERE seq IN (
          SELECT seq FROM outbox
           WHERE published_at IS NULL
             AND ($2::text[] IS NULL OR producer = ANY($2::text[]))
             AND (claimed_until IS NULL OR claimed_until < now())
           ORDER BY seq
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING seq, topic, key, value::text AS value, created_at, trace_headers`,
        [this.options.claimSeconds, producers, this.options.batchSize],
      ),
    );
    if (rows.length === 0) return 0;
    rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    const seqs = rows.map((r) => r.seq);
    try {
      await this.bus.publish(
        rows.map((r) => ({
          topic: r.topic,
          key: r.key,
          value: r.value,
          ...(r.trace_headers ? { headers: r.trace_headers } : {}),
        })),
      );
    } catch (error) {
      await this.dataSource.query(
        `UPDATE outbox SET claimed_until = NULL, last_error = $2 WHERE seq = ANY($1::bigint[])`,
        [seqs, String((error as Error).message).slice(0, 2000)],
      );
      throw error;
    }
    await this.dataSource.query(`UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [seqs]);
    const now = Date.now();
    for (const r of rows) {
      eventsPublished.inc({ topic: r.topic });
      outboxLag.observe((now - new Date(r.created_at).getTime()) / 1000);
    }
    return rows.length;
  }
}
