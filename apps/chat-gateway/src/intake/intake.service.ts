import { traceHeaders } from '@draftdesk/observability';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';
import { webhookIdReused } from './chat-intake.exception';
import { IncomingChatMessage } from './dto/chat-message.dto';

export interface IntakeResult {
  status: 'accepted' | 'duplicate';
  /** Messages stored now; a message id seen before (a provider redelivery) is not stored twice. */
  stored: number;
}

/**
 * Schedules the session's turn: each new message pushes it back by the quiet window, never past the maximum wait.
 * Takes the numbers of the SQL parameters holding channel, session, recipient, window and maximum wait (ms).
 */
function scheduleTurn(p: [number, number, number, number, number], where = ''): string {
  const [channel, session, recipient, windowMs, maxWaitMs] = p.map((n) => `$${n}`);
  return `INSERT INTO chat_sessions (channel_id, session_id, recipient, first_pending_at, due_at, last_message_at)
    SELECT ${channel}, ${session}, ${recipient}, now(), now() + make_interval(secs => ${windowMs}::double precision / 1000), now() ${where}
    ON CONFLICT (channel_id, session_id) DO UPDATE SET
      recipient = EXCLUDED.recipient,
      last_message_at = now(),
      first_pending_at = COALESCE(chat_sessions.first_pending_at, now()),
      due_at = LEAST(now() + make_interval(secs => ${windowMs}::double precision / 1000),
                     COALESCE(chat_sessions.first_pending_at, now()) + make_interval(secs => ${maxWaitMs}::double precision / 1000))`;
}

export const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('base64');

/**
 * The only thing done before a webhook is acknowledged: its messages are written to the session buffer, atomically
 * with the receipt of its webhook id. The quiet-window worker turns the buffer into inbound events.
 */
@Injectable()
export class IntakeService {
  constructor(
    @Inject(CHAT_GATEWAY_OPTIONS) private readonly options: ChatGatewayOptions,
    private readonly dataSource: DataSource,
  ) {}

  /** WhatsApp's path: several messages per notification and no webhook id, so message ids alone tell repeats. */
  async acceptMessages(channelId: string, messages: IncomingChatMessage[]): Promise<IntakeResult> {
    return this.dataSource.transaction(async (m) => {
      let stored = 0;
      for (const message of messages) stored += (await this.buffer(m, channelId, message)) ? 1 : 0;
      return { status: stored > 0 || messages.length === 0 ? 'accepted' : 'duplicate', stored };
    });
  }

  /**
   * The generic webhook's path, on the hot path of every chat message: receipt, message and session in one
   * statement (one round trip, atomic on its own). Each write only happens if the one before it did, so a seen
   * webhook id leaves nothing behind and is then told apart as a retry or a reuse.
   */
  async acceptSigned(
    channelId: string,
    message: IncomingChatMessage,
    webhookId: string,
    body: Buffer,
  ): Promise<IntakeResult> {
    const bodyHash = sha256(body);
    const [row] = await this.dataSource.query(
      `WITH receipt AS (
         INSERT INTO chat_webhook_receipts (channel_id, webhook_id, body_sha256) VALUES ($1, $2, $3)
         ON CONFLICT (channel_id, webhook_id) DO UPDATE SET body_sha256 = EXCLUDED.body_sha256, received_at = now()
           WHERE chat_webhook_receipts.received_at < now() - make_interval(hours => $4)
         RETURNING 1
       ), message AS (
         INSERT INTO chat_messages (id, channel_id, session_id, external_message_id, customer, text, attachments, sent_at, trace_headers)
         SELECT $5::uuid, $1, $6, $7, $8::jsonb, $9, $10::jsonb, $11::timestamptz, $15::jsonb WHERE EXISTS (SELECT 1 FROM receipt)
         ON CONFLICT (channel_id, external_message_id) DO NOTHING
         RETURNING 1
       ), session AS (
         ${scheduleTurn([1, 6, 12, 13, 14], 'WHERE EXISTS (SELECT 1 FROM message)')}
         RETURNING 1
       )
       SELECT EXISTS (SELECT 1 FROM receipt) AS fresh, EXISTS (SELECT 1 FROM message) AS stored, EXISTS (SELECT 1 FROM session) AS scheduled`,
      [
        channelId,
        webhookId,
        bodyHash,
        this.options.replayWindowHours,
        randomUUID(),
        message.sessionId,
        message.externalMessageId,
        JSON.stringify(message.customer),
        message.text,
        JSON.stringify(message.attachments),
        message.sentAt,
        message.recipient,
        this.options.quietWindowMs,
        this.options.maxTurnWaitMs,
        jsonOrNull(traceHeaders()),
      ],
    );
    if (row.fresh) return { status: row.stored ? 'accepted' : 'duplicate', stored: row.stored ? 1 : 0 };
    const [seen] = await this.dataSource.query(
      `SELECT body_sha256 FROM chat_webhook_receipts WHERE channel_id = $1 AND webhook_id = $2`,
      [channelId, webhookId],
    );
    if (seen?.body_sha256 === bodyHash) return { status: 'duplicate', stored: 0 };
    throw webhookIdReused(webhookId);
  }

  private async buffer(m: EntityManager, channelId: string, message: IncomingChatMessage): Promise<boolean> {
    const inserted = await m.query(
      `INSERT INTO chat_messages (id, channel_id, session_id, external_message_id, customer, text, attachments, sent_at, trace_headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (channel_id, external_message_id) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        channelId,
        message.sessionId,
        message.externalMessageId,
        JSON.stringify(message.customer),
        message.text,
        JSON.stringify(message.attachments),
        message.sentAt,
        jsonOrNull(traceHeaders()),
      ],
    );
    if (inserted.length === 0) return false;
    await m.query(scheduleTurn([1, 2, 3, 4, 5]), [
      channelId,
      message.sessionId,
      message.recipient,
      this.options.quietWindowMs,
      this.options.maxTurnWaitMs,
    ]);
    return true;
  }
}

/** The webhook request's trace context, kept with the chat line so the turn built from it continues that trace. */
function jsonOrNull(value: object | null): string | null {
  return value ? JSON.stringify(value) : null;
}
