import { createEvent, Topics } from '@draftdesk/contracts';
import { OutboxService, PollingWorker, WorkerPass } from '@draftdesk/messaging';
import { createLogger, inSpan, SpanKind } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';
import { ChannelsService } from '../channels/channels.service';
import { BufferedMessage, buildTurnPayload, chatEventKey } from './chat-turn.util';

export const PRODUCER = 'chat-gateway';
const PRUNE_EVERY_MS = 10 * 60_000;

interface MessageRow {
  id: string;
  external_message_id: string;
  customer: BufferedMessage['customer'];
  text: string;
  attachments: BufferedMessage['attachments'];
  sent_at: Date;
  trace_headers: Record<string, string> | null;
}

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
    const [row] = await this.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM (min(due_at) - now())) * 1000 AS ms FROM chat_sessions WHERE due_at IS NOT NULL`,
    );
    const ms = row?.ms === null || row?.ms === undefined ? Infinity : Number(row.ms);
    return Math.max(5, Math.min(this.options.pollIntervalMs, ms + 5));
  }

  async flushDue(): Promise<number> {
    const due: { channel_id: string; session_id: string }[] = await this.dataSource.query(
      `SELECT channel_id, session_id FROM chat_sessions WHERE due_at <= now() ORDER BY due_at LIMIT 50`,
    );
    let flushed = 0;
    for (const session of due) flushed += (await this.flushSession(session.channel_id, session.session_id)) ? 1 : 0;
    if (flushed > 0) this.outbox.committed();
    return flushed;
  }

  private async flushSession(channelId: string, sessionId: string): Promise<boolean> {
    // Read before the transaction: the embedded mode's pool has one connection, which the transaction holds.
    const channel = await this.channels.find(channelId);
    return this.dataSource.transaction(async (m) => {
      const claimed = await m.query(
        `SELECT 1 FROM chat_sessions WHERE channel_id = $1 AND session_id = $2 AND due_at <= now() FOR UPDATE SKIP LOCKED`,
        [channelId, sessionId],
      );
      if (claimed.length === 0) return false;
      const rows: MessageRow[] = await m.query(
        `SELECT id, external_message_id, customer, text, attachments, sent_at, trace_headers FROM chat_messages
          WHERE channel_id = $1 AND session_id = $2 AND turn_id IS NULL ORDER BY sent_at, received_at`,
        [channelId, sessionId],
      );
      await m.query(
        `UPDATE chat_sessions SET due_at = NULL, first_pending_at = NULL WHERE channel_id = $1 AND session_id = $2`,
        [channelId, sessionId],
      );
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
      await m.query(`UPDATE chat_messages SET turn_id = $1 WHERE id = ANY($2::uuid[])`, [
        event.id,
        rows.map((r) => r.id),
      ]);
      this.log.info({ channelId, eventId: event.id, messages: rows.length }, 'chat turn emitted');
      return true;
    });
  }

  private async pruneOccasionally() {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(
      `DELETE FROM chat_webhook_receipts WHERE received_at < now() - make_interval(hours => $1)`,
      [this.options.replayWindowHours],
    );
  }
}
