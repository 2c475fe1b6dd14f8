// Owns: outbound_mails, send_attempts
import { ReplyApprovedPayload } from '@draftdesk/contracts';
import { returnedRows } from '@draftdesk/database';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

export interface OutboundRow {
  draft_id: string;
  conversation_id: string;
  attempts: number;
  /** This attempt's ledger id; every later write names it, so a worker whose lease was taken over writes nothing. */
  attempt_id: string;
  payload: ReplyApprovedPayload;
  /** The trace of the approval this reply carries out (W3C headers), or null. */
  trace_headers: Record<string, string> | null;
  /** The interrupted attempt before this one had the server's 250: finish it as sent, do not send again. */
  previously_accepted: boolean | null;
}

/** First key of the workers' advisory locks (pg_advisory_lock(space, workerKey)): "send" in ASCII. */
export const WORKER_LOCK_SPACE = 0x73656e64;

/**
 * The SQL of outbound_mails and its send ledger (send_attempts). A row is taken with a short lease that the
 * sending worker renews; the ledger row of the attempt commits in the same statement, before any byte goes to the
 * SMTP server, so an attempt cut short by a crash is on record and its reply is retried once the lease lapses.
 */
@Injectable()
export class OutboundRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Records an approved reply as PENDING in the caller's transaction. A reply that FAILED and was approved again
   * goes out anew, with its new text and the same Message-ID.
   */
  async enqueue(
    m: EntityManager,
    reply: {
      draftId: string;
      conversationId: string | null;
      messageId: string;
      toAddress: string;
      payload: ReplyApprovedPayload;
      traceHeaders: Record<string, string> | null;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO outbound_mails (draft_id, conversation_id, message_id, to_address, status, payload, trace_headers)
       VALUES ($1, $2, $3, $4, 'PENDING', $5, $6)
       ON CONFLICT (draft_id) DO UPDATE SET status = 'PENDING', payload = EXCLUDED.payload, to_address = EXCLUDED.to_address,
              attempts = 0, next_attempt_at = now(), last_error = NULL, updated_at = now(), trace_headers = EXCLUDED.trace_headers
        WHERE outbound_mails.status = 'FAILED'`,
      [
        reply.draftId,
        reply.conversationId,
        reply.messageId,
        reply.toAddress,
        JSON.stringify(reply.payload),
        JSON.stringify(reply.traceHeaders),
      ],
    );
  }

  /** Takes this worker's advisory lock under `key` on the runner's own connection; false when the key is taken. */
  async tryWorkerLock(runner: QueryRunner, key: number): Promise<boolean> {
    const [row] = await runner.query(`SELECT pg_try_advisory_lock($1, $2) AS locked`, [WORKER_LOCK_SPACE, key]);
    return row.locked === true;
  }

  /** Drops every advisory lock of the runner's connection, before it goes back to the pool. */
  async releaseWorkerLocks(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT pg_advisory_unlock_all()');
  }

  /** Throws when the lock connection is gone. */
  async pingWorkerLock(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT 1');
  }

  /**
   * Counts automatic replies already out (SENT) or on their way before this one (SENDING, earlier) to the same
   * conversation or the same address within the window. Replies a person approved never count and are never capped.
   */
  async autoReplyCounts(
    draftId: string,
    conversationId: string,
    toAddress: string,
    windowHours: number,
  ): Promise<{ conversation: number; recipient: number }> {
    const [counts] = await this.db.query(
      `SELECT count(*) FILTER (WHERE conversation_id = $2)::int AS conversation,
              count(*) FILTER (WHERE lower(to_address) = lower($3))::int AS recipient
         FROM outbound_mails
        WHERE (payload->>'autoSent')::boolean
          AND draft_id <> $1
          AND (conversation_id = $2 OR lower(to_address) = lower($3))
          AND created_at > now() - make_interval(hours => $4)
          AND (status = 'SENT' OR (status = 'SENDING' AND (created_at, draft_id) < (SELECT created_at, draft_id FROM outbound_mails WHERE draft_id = $1)))`,
      [draftId, conversationId, toAddress, windowHours],
    );
    return counts;
  }

  /**
   * Due rows become SENDING under a fresh attempt id, lease and this worker's key: PENDING ones, and SENDING ones
   * whose lease lapsed or whose worker is gone (its advisory lock, held on its own connection for its whole life,
   * disappears the moment a killed process's connection closes).
   */
  async claim(limit: number, leaseSeconds: number, workerKey: number | null): Promise<OutboundRow[]> {
    return returnedRows<OutboundRow>(
      await this.db.query(
        `WITH due AS (
           SELECT o.draft_id, o.attempt_id AS previous, a.accepted_at IS NOT NULL AS accepted
             FROM outbound_mails o LEFT JOIN send_attempts a ON a.attempt_id = o.attempt_id
            WHERE (o.status = 'PENDING' AND o.next_attempt_at <= now())
               OR (o.status = 'SENDING' AND (o.lease_until < now() OR (o.worker_key IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM pg_locks l
                     WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $4::oid AND l.objid = o.worker_key::oid AND l.objsubid = 2
                       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())))))
            ORDER BY o.next_attempt_at LIMIT $1 FOR UPDATE OF o SKIP LOCKED),
         claimed AS (
           UPDATE outbound_mails o SET status = 'SENDING', attempts = attempts + 1, attempt_id = gen_random_uuid(),
                  lease_until = now() + make_interval(secs => $2), worker_key = $3, updated_at = now()
             FROM due WHERE o.draft_id = due.draft_id
           RETURNING o.draft_id, o.conversation_id, o.attempts, o.attempt_id, o.message_id, o.payload, o.trace_headers, due.previous, due.accepted),
         interrupted AS (
           UPDATE send_attempts SET outcome = 'interrupted', finished_at = clock_timestamp()
            WHERE attempt_id IN (SELECT previous FROM claimed) AND outcome IS NULL),
         ledger AS (
           INSERT INTO send_attempts (attempt_id, draft_id, message_id, attempt)
           SELECT attempt_id, draft_id, message_id, attempts FROM claimed)
         SELECT draft_id, conversation_id, attempts, attempt_id, payload, trace_headers, accepted AS previously_accepted FROM claimed`,
        [limit, leaseSeconds, workerKey, WORKER_LOCK_SPACE],
      ),
    );
  }

  /**
   * The server answered 250: recorded at once, in one statement, before anything else. This is what keeps the
   * window in which a crash can make a reply go out twice as short as SMTP allows.
   */
  async markAccepted(attemptId: string): Promise<void> {
    await this.db.query(`UPDATE send_attempts SET accepted_at = clock_timestamp() WHERE attempt_id = $1`, [attemptId]);
  }

  /** Extends the lease of the attempts still in flight; returns how many still hold it. */
  async renew(attemptIds: string[], leaseSeconds: number): Promise<number> {
    if (attemptIds.length === 0) return 0;
    const rows = await this.db.query(
      `UPDATE outbound_mails SET lease_until = now() + make_interval(secs => $2)
        WHERE attempt_id = ANY($1::uuid[]) AND status = 'SENDING' RETURNING draft_id`,
      [attemptIds, leaseSeconds],
    );
    return returnedRows(rows).length;
  }

  /** SENT or FAILED for good; false when this attempt no longer holds the row (another worker took it over). */
  async finish(m: EntityManager, row: OutboundRow, status: 'SENT' | 'FAILED', error: string | null): Promise<boolean> {
    const updated = returnedRows(
      await m.query(
        `UPDATE outbound_mails SET status = $3, last_error = $4, sent_at = CASE WHEN $3 = 'SENT' THEN now() END,
                lease_until = NULL, updated_at = now()
          WHERE draft_id = $1 AND attempt_id = $2 RETURNING draft_id`,
        [row.draft_id, row.attempt_id, status, error],
      ),
    );
    await this.closeAttempt(m, row.attempt_id, status === 'SENT' ? 'sent' : 'failed', error);
    return updated.length > 0;
  }

  /** Back to PENDING after a temporary failure, due again in `delaySeconds`. */
  async retryLater(row: OutboundRow, error: string, delaySeconds: number): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(
        `UPDATE outbound_mails SET status = 'PENDING', last_error = $3, lease_until = NULL,
                next_attempt_at = now() + make_interval(secs => $4), updated_at = now()
          WHERE draft_id = $1 AND attempt_id = $2`,
        [row.draft_id, row.attempt_id, error, delaySeconds],
      );
      await this.closeAttempt(m, row.attempt_id, 'retry', error);
    });
  }

  private async closeAttempt(
    m: EntityManager,
    attemptId: string,
    outcome: 'sent' | 'failed' | 'retry',
    error: string | null,
  ) {
    await m.query(
      `UPDATE send_attempts SET outcome = $2, error = $3, finished_at = clock_timestamp() WHERE attempt_id = $1`,
      [attemptId, outcome, error],
    );
  }
}
