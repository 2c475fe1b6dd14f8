// Owns: chat_deliveries
import { ReplyApprovedPayload } from '@draftdesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A claimed chat reply, with where the session's replies go. */
export interface DeliveryRow {
  draft_id: string;
  conversation_id: string;
  channel_id: string;
  session_id: string;
  attempts: number;
  payload: ReplyApprovedPayload;
  recipient: string | null;
}

/** Approved chat replies on their way out: PENDING → SENDING → SENT or FAILED. */
@Injectable()
export class ChatDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a reply as PENDING in the caller's transaction; a FAILED one approved again is queued anew. */
  async enqueue(
    m: EntityManager,
    reply: { draftId: string; conversationId: string; channelId: string; sessionId: string; payload: object },
  ): Promise<void> {
    await m.query(
      `INSERT INTO chat_deliveries (draft_id, conversation_id, channel_id, session_id, status, payload)
       VALUES ($1, $2, $3, $4, 'PENDING', $5)
       ON CONFLICT (draft_id) DO UPDATE SET status = 'PENDING', payload = EXCLUDED.payload, attempts = 0,
              next_attempt_at = now(), last_error = NULL, updated_at = now()
        WHERE chat_deliveries.status = 'FAILED'`,
      [reply.draftId, reply.conversationId, reply.channelId, reply.sessionId, JSON.stringify(reply.payload)],
    );
  }

  /** Milliseconds until the next PENDING reply falls due (negative when overdue), or null when none waits. */
  async msUntilNextDue(): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM (min(next_attempt_at) - now())) * 1000 AS ms FROM chat_deliveries WHERE status = 'PENDING'`,
    );
    return row?.ms === null || row?.ms === undefined ? null : Number(row.ms);
  }

  /** Due PENDING rows, and SENDING rows older than `staleMs` (left by a crash), become SENDING with one more attempt. */
  async claimDue(limit: number, staleMs: number): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE chat_deliveries SET status = 'SENDING', attempts = attempts + 1, updated_at = now()
          WHERE draft_id IN (
            SELECT draft_id FROM chat_deliveries
             WHERE (status = 'PENDING' AND next_attempt_at <= now())
                OR (status = 'SENDING' AND updated_at < now() - make_interval(secs => $1::double precision / 1000))
             ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING draft_id, conversation_id, channel_id, session_id, attempts, payload)
       SELECT c.*, s.recipient FROM claimed c
         LEFT JOIN chat_sessions s ON s.channel_id = c.channel_id AND s.session_id = c.session_id`,
      [staleMs, limit],
    );
  }

  /** Back to PENDING after a temporary failure, due again in `delayMs`. */
  async retryLater(draftId: string, reason: string, delayMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE chat_deliveries SET status = 'PENDING', last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3::double precision / 1000), updated_at = now() WHERE draft_id = $1`,
      [draftId, reason, delayMs],
    );
  }

  /** SENT or FAILED for good, in the caller's transaction. */
  async finish(
    m: EntityManager,
    draftId: string,
    status: 'SENT' | 'FAILED',
    error: string | null,
    providerMessageId: string | null,
  ): Promise<void> {
    await m.query(
      `UPDATE chat_deliveries SET status = $2, last_error = $3, provider_message_id = $4,
              sent_at = CASE WHEN $2 = 'SENT' THEN now() END, updated_at = now() WHERE draft_id = $1`,
      [draftId, status, error, providerMessageId],
    );
  }
}
