// Owns: chat_webhook_receipts, chat_messages, chat_sessions
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BufferedMessage } from './chat-turn.util';
import { IncomingChatMessage } from './dto/chat-message.dto';

/** How a session's turn is scheduled: the quiet window after each message, never past the maximum wait. */
export interface TurnTiming {
  quietWindowMs: number;
  maxTurnWaitMs: number;
}

/** What one signed webhook left behind: a fresh receipt, a stored message, a scheduled turn. */
export interface SignedIntake {
  fresh: boolean;
  stored: boolean;
  scheduled: boolean;
}

/** A buffered line as the quiet-window worker reads it back. */
export interface BufferedMessageRow {
  id: string;
  external_message_id: string;
  customer: BufferedMessage['customer'];
  text: string;
  attachments: BufferedMessage['attachments'];
  sent_at: Date;
  trace_headers: Record<string, string> | null;
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

/**
 * The session buffer: webhook receipts (replay protection), buffered chat lines and the sessions whose turn is due.
 * Methods taking an EntityManager run inside the caller's transaction.
 */
@Injectable()
export class ChatBufferRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Receipt, message and session in one statement (one round trip, atomic on its own). Each write only happens if
   * the one before it did, so a seen webhook id leaves nothing behind.
   */
  async acceptSigned(
    channelId: string,
    message: IncomingChatMessage,
    receipt: { webhookId: string; bodyHash: string; replayWindowHours: number },
    timing: TurnTiming,
    traceHeaders: object | null,
  ): Promise<SignedIntake> {
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
        receipt.webhookId,
        receipt.bodyHash,
        receipt.replayWindowHours,
        randomUUID(),
        ...lineValues(message),
        message.recipient,
        timing.quietWindowMs,
        timing.maxTurnWaitMs,
        jsonOrNull(traceHeaders),
      ],
    );
    return { fresh: row.fresh, stored: row.stored, scheduled: row.scheduled };
  }

  /** The body hash recorded with a webhook id, or null when the id was never seen. */
  async receiptHash(channelId: string, webhookId: string): Promise<string | null> {
    const [seen] = await this.dataSource.query(
      `SELECT body_sha256 FROM chat_webhook_receipts WHERE channel_id = $1 AND webhook_id = $2`,
      [channelId, webhookId],
    );
    return seen?.body_sha256 ?? null;
  }

  /**
   * Buffers messages in one transaction, scheduling the session's turn for each new one; tells per message whether
   * it was stored (a message id seen before is not stored twice).
   */
  async bufferAll(
    channelId: string,
    messages: IncomingChatMessage[],
    timing: TurnTiming,
    traceHeaders: object | null,
  ): Promise<boolean[]> {
    return this.dataSource.transaction(async (m) => {
      const stored: boolean[] = [];
      for (const message of messages) stored.push(await this.buffer(m, channelId, message, timing, traceHeaders));
      return stored;
    });
  }

  private async buffer(
    m: EntityManager,
    channelId: string,
    message: IncomingChatMessage,
    timing: TurnTiming,
    traceHeaders: object | null,
  ): Promise<boolean> {
    const inserted = await m.query(
      `INSERT INTO chat_messages (id, channel_id, session_id, external_message_id, customer, text, attachments, sent_at, trace_headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (channel_id, external_message_id) DO NOTHING RETURNING id`,
      [randomUUID(), channelId, ...lineValues(message), jsonOrNull(traceHeaders)],
    );
    if (inserted.length === 0) return false;
    await m.query(scheduleTurn([1, 2, 3, 4, 5]), [
      channelId,
      message.sessionId,
      message.recipient,
      timing.quietWindowMs,
      timing.maxTurnWaitMs,
    ]);
    return true;
  }

  /** Milliseconds until the next session falls due (negative when overdue), or null when none waits. */
  async msUntilNextDue(): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM (min(due_at) - now())) * 1000 AS ms FROM chat_sessions WHERE due_at IS NOT NULL`,
    );
    return row?.ms === null || row?.ms === undefined ? null : Number(row.ms);
  }

  async dueSessions(limit: number): Promise<{ channel_id: string; session_id: string }[]> {
    return this.dataSource.query(
      `SELECT channel_id, session_id FROM chat_sessions WHERE due_at <= now() ORDER BY due_at LIMIT $1`,
      [limit],
    );
  }

  /** Locks a due session for this transaction; false when it is no longer due or another replica holds it. */
  async claimDueSession(m: EntityManager, channelId: string, sessionId: string): Promise<boolean> {
    const claimed = await m.query(
      `SELECT 1 FROM chat_sessions WHERE channel_id = $1 AND session_id = $2 AND due_at <= now() FOR UPDATE SKIP LOCKED`,
      [channelId, sessionId],
    );
    return claimed.length > 0;
  }

  /** The session's lines not yet part of a turn, in the order they were sent. */
  async pendingMessages(m: EntityManager, channelId: string, sessionId: string): Promise<BufferedMessageRow[]> {
    return m.query(
      `SELECT id, external_message_id, customer, text, attachments, sent_at, trace_headers FROM chat_messages
        WHERE channel_id = $1 AND session_id = $2 AND turn_id IS NULL ORDER BY sent_at, received_at`,
      [channelId, sessionId],
    );
  }

  async clearDue(m: EntityManager, channelId: string, sessionId: string): Promise<void> {
    await m.query(
      `UPDATE chat_sessions SET due_at = NULL, first_pending_at = NULL WHERE channel_id = $1 AND session_id = $2`,
      [channelId, sessionId],
    );
  }

  async markTurn(m: EntityManager, turnId: string, messageIds: string[]): Promise<void> {
    await m.query(`UPDATE chat_messages SET turn_id = $1 WHERE id = ANY($2::uuid[])`, [turnId, messageIds]);
  }

  /** Forgets webhook ids older than the replay window. */
  async pruneReceipts(replayWindowHours: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM chat_webhook_receipts WHERE received_at < now() - make_interval(hours => $1)`,
      [replayWindowHours],
    );
  }
}

/** A chat line's session, message id, customer, text, attachments and time, as chat_messages stores them. */
function lineValues(message: IncomingChatMessage): unknown[] {
  return [
    message.sessionId,
    message.externalMessageId,
    JSON.stringify(message.customer),
    message.text,
    JSON.stringify(message.attachments),
    message.sentAt,
  ];
}

/** The webhook request's trace context, kept with the chat line so the turn built from it continues that trace. */
function jsonOrNull(value: object | null): string | null {
  return value ? JSON.stringify(value) : null;
}
