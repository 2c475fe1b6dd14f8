// Owns: mailbox_checkpoints
import { DataSource, EntityManager } from 'typeorm';

/** How far a watched folder is imported: its UIDVALIDITY and the last UID committed. */
export interface MailboxCheckpoint {
  uidValidity: string;
  lastUid: number;
}

/** mailbox_checkpoints: one committed position per mailbox folder. */
export class MailboxCheckpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(mailbox: string, folder: string): Promise<MailboxCheckpoint | null> {
    const [row] = await this.dataSource.query(
      `SELECT uid_validity, last_uid FROM mailbox_checkpoints WHERE mailbox = $1 AND folder = $2`,
      [mailbox, folder],
    );
    return row ? { uidValidity: String(row.uid_validity), lastUid: Number(row.last_uid) } : null;
  }

  /** The server renumbered the folder: start over under the new UIDVALIDITY. */
  async restart(mailbox: string, folder: string, uidValidity: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE mailbox_checkpoints SET uid_validity = $3, last_uid = 0, highest_modseq = NULL, updated_at = now() WHERE mailbox = $1 AND folder = $2`,
      [mailbox, folder, uidValidity],
    );
  }

  /** Moves the position in the caller's transaction, with the messages it covers. */
  async save(
    m: EntityManager,
    mailbox: string,
    folder: string,
    position: { uidValidity: string; lastUid: number; highestModseq: string | null },
  ): Promise<void> {
    await m.query(
      `INSERT INTO mailbox_checkpoints (mailbox, folder, uid_validity, last_uid, highest_modseq, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (mailbox, folder) DO UPDATE SET uid_validity = EXCLUDED.uid_validity, last_uid = EXCLUDED.last_uid,
              highest_modseq = EXCLUDED.highest_modseq, updated_at = now()`,
      [mailbox, folder, position.uidValidity, position.lastUid, position.highestModseq],
    );
  }
}
