import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MailboxRow } from './mailbox.types';

/** What the sending side needs of a database mailbox: its From identity and where a copy of each reply goes. */
export type MailboxSentCopy = Pick<
  MailboxRow,
  | 'id'
  | 'imap_host'
  | 'imap_port'
  | 'tls_mode'
  | 'auth_kind'
  | 'username'
  | 'secrets_enc'
  | 'sent_folder'
  | 'from_address'
  | 'reply_to'
>;

/** Reads a mailbox by name for mail-send (SELECT only; mail-ingest owns the mailboxes table). */
@Injectable()
export class MailboxSentCopyReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async byName(name: string): Promise<MailboxSentCopy | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, imap_host, imap_port, tls_mode, auth_kind, username, secrets_enc, sent_folder, from_address, reply_to
         FROM mailboxes WHERE name = $1`,
      [name],
    );
    return row ?? null;
  }
}
