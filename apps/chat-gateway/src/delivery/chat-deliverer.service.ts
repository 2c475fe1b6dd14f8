import { persistently } from '@draftdesk/database';
import { replySentEvent } from '@draftdesk/contracts';
import { OutboxService, PollingWorker, WorkerPass } from '@draftdesk/messaging';
import { createLogger } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ChannelsService } from '../channels/channels.service';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';
import { PRODUCER } from '../intake/turn-flusher.service';
import { ChatDeliveryRepository, DeliveryRow } from './chat-delivery.repository';
import { backoffMs, buildDeliveryRequest, classifyResponse, DeliveryOutcome } from './delivery-request.util';

/** Prefix of the reason a chat reply that was given up on carries back to the review desk. */
export const CHAT_DELIVERY_FAILED = 'chat_delivery_failed';

/**
 * Delivers approved chat replies: PENDING → SENDING → SENT or FAILED (the dead-letter record, kept with its last
 * error). A row left SENDING by a crash is retried after a grace period; generic receivers see the same webhook-id
 * again and can drop it, WhatsApp may show it twice — the one window where that can happen.
 */
@Injectable()
export class ChatDeliverer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = createLogger(ChatDeliverer.name);
  private readonly worker = new PollingWorker(() => this.pass(), this.log);

  constructor(
    @Inject(CHAT_GATEWAY_OPTIONS) private readonly options: ChatGatewayOptions,
    private readonly dataSource: DataSource,
    private readonly deliveries: ChatDeliveryRepository,
    private readonly outbox: OutboxService,
    private readonly channels: ChannelsService,
  ) {}

  onApplicationBootstrap() {
    this.worker.start();
  }

  async onApplicationShutdown() {
    await this.worker.stop();
  }

  nudge() {
    this.worker.nudge();
  }

  private async pass(): Promise<WorkerPass> {
    if ((await this.deliverDue()) > 0) return { more: true, waitMs: 0 };
    return { more: false, waitMs: await this.msUntilNextDue(this.options.pollIntervalMs * 4) };
  }

  private async msUntilNextDue(cap: number): Promise<number> {
    const ms = (await this.deliveries.msUntilNextDue()) ?? Infinity;
    return Math.max(5, Math.min(cap, ms + 5));
  }

  private async deliverDue(): Promise<number> {
    const rows = await this.deliveries.claimDue(10, this.options.delivery.timeoutMs * 3 + 60_000);
    // One at a time: a crash can then leave at most one reply delivered but not yet recorded (which the next
    // worker delivers again), not a whole batch of them; replies to one session also go out in order.
    for (const row of rows) await this.deliverOne(row);
    return rows.length;
  }

  private async deliverOne(row: DeliveryRow) {
    const log = this.log.child({
      draftId: row.draft_id,
      conversationId: row.conversation_id,
      channelId: row.channel_id,
      attempt: row.attempts,
    });
    const outcome = await this.attempt(row);
    if (outcome.kind === 'sent') {
      // The provider has the reply: a database restart is waited out rather than leaving the row SENDING, which
      // would have it delivered a second time after the grace period.
      const onRetry = (error: unknown) =>
        log.warn({ err: error }, 'chat reply delivered; recording it waits for the database');
      await persistently(() => this.finish(row, 'sent', null, outcome.providerMessageId), { onRetry });
      log.info('chat reply delivered');
      return;
    }
    if (outcome.kind === 'failed' || row.attempts >= this.options.delivery.maxAttempts) {
      await this.finish(row, 'failed', `${CHAT_DELIVERY_FAILED}: ${outcome.reason}`, null);
      log.error({ reason: outcome.reason }, 'chat reply failed for good; back in the review queue');
      return;
    }
    const { retryBaseMs, retryMaxMs } = this.options.delivery;
    const delayMs = backoffMs(row.attempts, retryBaseMs, retryMaxMs, outcome.retryAfterMs);
    await this.deliveries.retryLater(row.draft_id, outcome.reason, delayMs);
    log.warn({ reason: outcome.reason, retryInMs: delayMs }, 'temporary delivery failure');
  }

  private async attempt(row: DeliveryRow): Promise<DeliveryOutcome> {
    const channel = await this.channels.find(row.channel_id);
    if (!channel) return { kind: 'failed', reason: `channel ${row.channel_id} no longer exists` };
    const request = buildDeliveryRequest(channel, {
      draftId: row.draft_id,
      conversationId: row.conversation_id,
      channelId: row.channel_id,
      sessionId: row.session_id,
      recipient: row.recipient ?? row.session_id,
      text: row.payload.body,
    });
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(this.options.delivery.timeoutMs),
        redirect: 'error',
      });
      return classifyResponse(response.status, await response.text(), response.headers.get('retry-after'));
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      return { kind: 'retry', reason: `${e.name}: ${e.cause?.code ?? e.message}`.slice(0, 300) };
    }
  }

  private async finish(
    row: DeliveryRow,
    status: 'sent' | 'failed',
    error: string | null,
    providerMessageId: string | null,
  ) {
    await this.dataSource.transaction(async (m: EntityManager) => {
      await this.deliveries.finish(m, row.draft_id, status === 'sent' ? 'SENT' : 'FAILED', error, providerMessageId);
      await this.outbox.add(m, replySentEvent(PRODUCER, row.conversation_id, row.payload, { status, error }));
    });
    this.outbox.committed();
  }
}
