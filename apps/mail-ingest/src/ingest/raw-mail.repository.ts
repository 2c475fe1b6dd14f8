// Owns: raw_mails
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Where a statement runs: the pool, the caller's transaction, or a command-line tool's client (see pgRows). */
export type SqlRunner = Pick<EntityManager, 'query'>;

/** One received message as kept for audit: compressed source, identity, and what became of it. */
export interface RawMailInsert {
  id: string;
  mailbox: string;
  folder: string;
  uidValidity: string | null;
  uid: number | null;
  messageId: string | null;
  contentHash: string;
  size: number;
  sourceGz: Buffer;
  status: 'accepted' | 'duplicate' | 'quarantined';
  error: string | null;
}

/** A quarantined message as the quarantine list shows it. */
export interface QuarantinedMail {
  id: string;
  mailbox: string;
  folder: string;
  uid: number | null;
  size: number;
  error: string | null;
  createdAt: Date;
}

/**
 * raw_mails: every received message, compressed, with the outcome of its import. Methods taking `m` run in the
 * caller's transaction.
 */
@Injectable()
export class RawMailRepository {
  constructor(@Inject(DataSource) private readonly dataSource: SqlRunner) {}

  /**
   * An accepted message of the mailbox with this Message-ID (or, without one, this content hash), other than
   * `exceptId`.
   */
  async findAccepted(
    m: SqlRunner,
    mailbox: string,
    messageId: string | null,
    contentHash: string,
    exceptId: string | null = null,
  ): Promise<string | null> {
    const [seen] = await m.query(
      `SELECT id FROM raw_mails WHERE mailbox = $1 AND status = 'accepted' AND id IS DISTINCT FROM $4::uuid
          AND (($2::text IS NOT NULL AND message_id = $2) OR ($2::text IS NULL AND content_hash = $3)) LIMIT 1`,
      [mailbox, messageId, contentHash, exceptId],
    );
    return seen?.id ?? null;
  }

  /** False when this mailbox position (UIDVALIDITY + UID) was imported before. */
  async insert(m: SqlRunner, row: RawMailInsert): Promise<boolean> {
    const inserted = await m.query(
      `INSERT INTO raw_mails (id, mailbox, folder, uid_validity, uid, message_id, content_hash, size, source_gz, status, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (mailbox, folder, uid_validity, uid) WHERE uid IS NOT NULL DO NOTHING RETURNING id`,
      [
        row.id,
        row.mailbox,
        row.folder,
        row.uidValidity,
        row.uid,
        row.messageId,
        row.contentHash,
        row.size,
        row.sourceGz,
        row.status,
        row.error,
      ],
    );
    return inserted.length > 0;
  }

  listQuarantined(limit: number): Promise<QuarantinedMail[]> {
    return this.dataSource.query(
      `SELECT id, mailbox, folder, uid, size, error, created_at AS "createdAt" FROM raw_mails
        WHERE status = 'quarantined' ORDER BY created_at DESC LIMIT $1`,
      [limit],
    );
  }

  /** Quarantined messages, oldest first. */
  async quarantinedIds(m: SqlRunner): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM raw_mails WHERE status = 'quarantined' ORDER BY created_at`,
    );
    return rows.map((r) => r.id);
  }

  /** The message locked for a retry until the caller's transaction ends; null when there is no such message. */
  async lockForRetry(m: SqlRunner, id: string): Promise<{ mailbox: string; source_gz: Buffer; status: string } | null> {
    const [row] = await m.query(`SELECT mailbox, source_gz, status FROM raw_mails WHERE id::text = $1 FOR UPDATE`, [
      id,
    ]);
    return row ?? null;
  }

  /** A retry failed again: the new reason replaces the old one. */
  async recordParseError(m: SqlRunner, id: string, reason: string): Promise<void> {
    await m.query(`UPDATE raw_mails SET error = $2 WHERE id = $1`, [id, reason]);
  }

  /** A retry parsed the message: out of quarantine, as accepted or as a duplicate. */
  async markRetried(
    m: SqlRunner,
    id: string,
    status: 'accepted' | 'duplicate',
    messageId: string | null,
    contentHash: string,
  ): Promise<void> {
    await m.query(`UPDATE raw_mails SET status = $2, error = NULL, message_id = $3, content_hash = $4 WHERE id = $1`, [
      id,
      status,
      messageId,
      contentHash,
    ]);
  }
}
