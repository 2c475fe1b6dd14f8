import { createEvent, Topics } from '@draftdesk/contracts';
import { OutboxService, PollingWorker, WorkerPass } from '@draftdesk/messaging';
import { createLogger, inSpan, SpanKind } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';
import { ChannelsService } from '../channels/channels.service';
import { ChatBufferRepository } from './chat-buffer.repository';
import { buildTurnPayload, chatEventKey } from './chat-turn.util';

export const PRODUCER = 'chat-gateway';
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Emits one support.inbound.v1 per customer turn: a session whose quiet window has passed has its buffered
 * messages joined, announced through the outbox and marked as emitted, all in one transaction. Safe with several
 * replicas: each session is claimed with SKIP LOCKED.
 */
@Injectable()
export class TurnFlusher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = createLogger(TurnFlusher.name);
  private readonly worker = new PollingWorker(() => this.pass(), this.log);
  private lastPrune = 0;

  constructor(
    @Inject(CHAT_GATEWAY_OPTIONS) private readonly options: ChatGatewayOptions,
    private readonly dataSource: DataSource,
    private readonly buffer: ChatBufferRepository,
    private readonly outbox: OutboxService,
    private readonly channels: ChannelsService,
  ) {}

  onApplicationBootstrap() {
    this.worker.start();
  }

  async onApplicationShutdown() {
    await this.worker.stop();
  }

  private async pass(): Promise<WorkerPass> {
    if ((await this.flushDue()) > 0) return { more: true, waitMs: 0 };
    const waitMs = await this.msUntilNextDue();
    await this.pruneOccasionally();
    return { more: false, waitMs };
  }

  /** Sleeps until the next session falls due, but re-checks at the poll interval for sessions other replicas add. */
  private async msUntilNextDue(): Promise<number> {
    const ms = (await this.buffer.msUntilNextDue()) ?? Infinity;
    return Math.max(5, Math.min(this.options.pollIntervalMs, ms + 5));
  }

  async flushDue(): Promise<number> {
    const due = await this.buffer.dueSessions(50);
    let flushed = 0;
    for (const session of due) flushed += (await this.flushSession(session.channel_id, session.session_id)) ? 1 : 0;
    if (flushed > 0) this.outbox.committed();
    return flushed;
  }

  private async flushSession(channelId: string, sessionId: string): Promise<boolean> {
    // Read before the transaction: the embedded mode's pool has one connection, which the transaction holds.
    const channel = await this.channels.find(channelId);
    return this.dataSource.transaction(async (m) => {
      if (!(await this.buffer.claimDueSession(m, channelId, sessionId))) return false;
      const rows = await this.buffer.pendingMessages(m, channelId, sessionId);
      await this.buffer.clearDue(m, channelId, sessionId);
      if (rows.length === 0) return false;
      const payload = buildTurnPayload(
        channelId,
        sessionId,
        rows.map((r) => ({
          externalMessageId: r.external_message_id,
          customer: r.customer,
          text: r.text,
          attachments: r.attachments,
          sentAt: new Date(r.sent_at).toISOString(),
        })),
        { identityVerified: channel?.kind === 'generic' && channel.identityVerified },
      );
      const event = createEvent(Topics.inbound, {
        producer: PRODUCER,
        conversationId: null,
        key: chatEventKey(channelId, sessionId),
        payload,
      });
      // The turn continues the trace of its first line's webhook request.
      await inSpan(
        'chat turn',
        { kind: SpanKind.PRODUCER, attributes: { 'draftdesk.chat.channel': channelId }, parent: rows[0].trace_headers },
        () => this.outbox.add(m, event),
      );
      await this.buffer.markTurn(
        m,
        event.id,
        rows.map((r) => r.id),
      );
      this.log.info({ channelId, eventId: event.id, messages: rows.length }, 'chat turn emitted');
      return true;
    });
  }

  private async pruneOccasionally() {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.buffer.pruneReceipts(this.options.replayWindowHours);
  }
}
