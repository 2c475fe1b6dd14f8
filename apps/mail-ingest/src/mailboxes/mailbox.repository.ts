// Owns: mailboxes
import { returnedRows } from '@draftdesk/database';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MailboxRow } from './mailbox.types';

const COLUMNS = `id, name, imap_host, imap_port, tls_mode, auth_kind, username, oauth_token_url, oauth_client_id, oauth_scope,
  secrets_enc, folder, sent_folder, from_address, reply_to, paused, status, last_error, version, created_at, updated_at`;

/** The columns a mailbox is created with. */
export type MailboxInsert = Pick<
  MailboxRow,
  | 'id'
  | 'name'
  | 'imap_host'
  | 'imap_port'
  | 'tls_mode'
  | 'auth_kind'
  | 'username'
  | 'oauth_token_url'
  | 'oauth_client_id'
  | 'oauth_scope'
  | 'secrets_enc'
  | 'folder'
  | 'sent_folder'
  | 'from_address'
  | 'reply_to'
  | 'paused'
>;

/** The columns a patch may change. */
export type MailboxChanges = Partial<Omit<MailboxInsert, 'id' | 'name'>>;

/** The mailboxes table: settings, sealed credentials, and the status the watcher side records. */
@Injectable()
export class MailboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<MailboxRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM mailboxes ORDER BY name`);
  }

  async find(id: string): Promise<MailboxRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM mailboxes WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Null when the name is taken. */
  async insert(row: MailboxInsert): Promise<MailboxRow | null> {
    const rows = await this.dataSource.query(
      `INSERT INTO mailboxes (id, name, imap_host, imap_port, tls_mode, auth_kind, username, oauth_token_url, oauth_client_id, oauth_scope,
                              secrets_enc, folder, sent_folder, from_address, reply_to, paused)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (name) DO NOTHING RETURNING ${COLUMNS}`,
      [
        row.id,
        row.name,
        row.imap_host,
        row.imap_port,
        row.tls_mode,
        row.auth_kind,
        row.username,
        row.oauth_token_url,
        row.oauth_client_id,
        row.oauth_scope,
        row.secrets_enc,
        row.folder,
        row.sent_folder,
        row.from_address,
        row.reply_to,
        row.paused,
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * Applies the changes and bumps `version` (which restarts the watcher); `clearError` also forgets the last error
   * and status. Null when there is no such mailbox.
   */
  async update(id: string, changes: MailboxChanges, clearError: boolean): Promise<MailboxRow | null> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [column, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    }
    if (clearError) sets.push(`last_error = NULL`, `status = 'new'`);
    const rows = returnedRows<MailboxRow>(
      await this.dataSource.query(
        `UPDATE mailboxes SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
        values,
      ),
    );
    return rows[0] ?? null;
  }

  /** False when there is no such mailbox. */
  async remove(id: string): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(`DELETE FROM mailboxes WHERE id = $1 RETURNING id`, [id]),
    );
    return rows.length > 0;
  }

  /** Status written by the watcher side; `version` is left alone so recording it never restarts anything. */
  async recordStatus(id: string, status: string, lastError: string | null, pause: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE mailboxes SET status = $2, last_error = $3, paused = paused OR $4
        WHERE id = $1 AND (status IS DISTINCT FROM $2 OR last_error IS DISTINCT FROM $3 OR (NOT paused AND $4))`,
      [id, status, lastError, pause],
    );
  }

  /** New sealed credentials; the version stays, so nothing restarts. */
  async replaceSecrets(id: string, secretsEnc: string): Promise<void> {
    await this.dataSource.query(`UPDATE mailboxes SET secrets_enc = $2 WHERE id = $1`, [id, secretsEnc]);
  }
}
