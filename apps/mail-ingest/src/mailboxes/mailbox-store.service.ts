import { open, seal } from '@draftdesk/config';
import { returnedRows } from '@draftdesk/database';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { defaultImapPort } from '../imap/imap-client-options.util';
import { MAIL_INGEST_OPTIONS, ImapMailboxSettings, MailIngestOptions } from '../ingest/mail-ingest.options';
import { CreateMailbox, MailboxAuth, MailboxRow, MailboxSecrets, PatchMailbox } from './mailbox.types';

const COLUMNS = `id, name, imap_host, imap_port, tls_mode, auth_kind, username, oauth_token_url, oauth_client_id, oauth_scope,
  secrets_enc, folder, sent_folder, from_address, reply_to, paused, status, last_error, version, created_at, updated_at`;

/** The mailboxes table: credentials sealed on the way in (bound to the row id), opened only to connect. */
@Injectable()
export class MailboxStore {
  constructor(
    @Inject(MAIL_INGEST_OPTIONS) private readonly options: MailIngestOptions,
    private readonly dataSource: DataSource,
  ) {}

  get enabled(): boolean {
    return !!this.options.secretsKey;
  }

  list(): Promise<MailboxRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM mailboxes ORDER BY name`);
  }

  async get(id: string): Promise<MailboxRow> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM mailboxes WHERE id = $1`, [id]);
    if (!row) throw new NotFoundException({ code: 'MAILBOX_NOT_FOUND', message: `no mailbox ${id}` });
    return row;
  }

  async create(input: CreateMailbox): Promise<MailboxRow> {
    if (this.options.mailboxes.some((m) => m.name === input.name)) throw this.nameTaken(input.name);
    const id = randomUUID();
    const rows = await this.dataSource.query(
      `INSERT INTO mailboxes (id, name, imap_host, imap_port, tls_mode, auth_kind, username, oauth_token_url, oauth_client_id, oauth_scope,
                              secrets_enc, folder, sent_folder, from_address, reply_to, paused)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (name) DO NOTHING RETURNING ${COLUMNS}`,
      [
        id,
        input.name,
        input.host,
        input.port ?? defaultImapPort(input.tls),
        input.tls,
        ...this.authColumns(id, input.auth),
        input.folder,
        input.sentFolder,
        input.fromAddress,
        input.replyTo,
        input.paused,
      ],
    );
    if (rows.length === 0) throw this.nameTaken(input.name);
    return rows[0];
  }

  /** Any change bumps `version`, which is what makes the reconciler restart the watcher with the new settings. */
  async update(id: string, patch: PatchMailbox): Promise<MailboxRow> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (patch.host !== undefined) set('imap_host', patch.host);
    if (patch.port !== undefined) set('imap_port', patch.port);
    if (patch.tls !== undefined) set('tls_mode', patch.tls);
    if (patch.auth !== undefined) {
      const [kind, user, tokenUrl, clientId, scope, sealed] = this.authColumns(id, patch.auth);
      set('auth_kind', kind);
      set('username', user);
      set('oauth_token_url', tokenUrl);
      set('oauth_client_id', clientId);
      set('oauth_scope', scope);
      set('secrets_enc', sealed);
    }
    if (patch.folder !== undefined) set('folder', patch.folder);
    if (patch.sentFolder !== undefined) set('sent_folder', patch.sentFolder);
    if (patch.fromAddress !== undefined) set('from_address', patch.fromAddress);
    if (patch.replyTo !== undefined) set('reply_to', patch.replyTo);
    if (patch.paused !== undefined) set('paused', patch.paused);
    // Unpausing or new credentials: the last error belongs to the old settings.
    if (patch.paused === false || patch.auth !== undefined) sets.push(`last_error = NULL`, `status = 'new'`);
    const rows = returnedRows<MailboxRow>(
      await this.dataSource.query(
        `UPDATE mailboxes SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
        values,
      ),
    );
    if (rows.length === 0) throw new NotFoundException({ code: 'MAILBOX_NOT_FOUND', message: `no mailbox ${id}` });
    return rows[0];
  }

  async remove(id: string): Promise<void> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(`DELETE FROM mailboxes WHERE id = $1 RETURNING id`, [id]),
    );
    if (rows.length === 0) throw new NotFoundException({ code: 'MAILBOX_NOT_FOUND', message: `no mailbox ${id}` });
  }

  /** Status written by the watcher side; `version` is left alone so recording it never restarts anything. */
  async recordStatus(id: string, status: string, lastError: string | null, pause = false): Promise<void> {
    await this.dataSource.query(
      `UPDATE mailboxes SET status = $2, last_error = $3, paused = paused OR $4
        WHERE id = $1 AND (status IS DISTINCT FROM $2 OR last_error IS DISTINCT FROM $3 OR (NOT paused AND $4))`,
      [id, status, lastError?.slice(0, 2000) ?? null, pause],
    );
  }

  /** A rotated refresh token (Microsoft rotates them) is sealed again; the version stays, so nothing restarts. */
  async storeRotatedRefreshToken(row: MailboxRow, refreshToken: string): Promise<void> {
    const secrets = this.secrets(row);
    if (!('refreshToken' in secrets)) return;
    await this.dataSource.query(`UPDATE mailboxes SET secrets_enc = $2 WHERE id = $1`, [
      row.id,
      seal(this.key(), JSON.stringify({ ...secrets, refreshToken }), row.id),
    ]);
  }

  settings(row: MailboxRow, resyncSeconds: number): ImapMailboxSettings {
    const secrets = this.secrets(row);
    return {
      name: row.name,
      host: row.imap_host,
      port: row.imap_port,
      secure: row.tls_mode === 'tls',
      tlsMode: row.tls_mode,
      user: row.username,
      ...('password' in secrets
        ? { password: secrets.password }
        : {
            oauth: {
              tokenUrl: row.oauth_token_url!,
              clientId: row.oauth_client_id!,
              clientSecret: secrets.clientSecret,
              refreshToken: secrets.refreshToken,
              scope: row.oauth_scope,
            },
          }),
      folder: row.folder,
      resyncSeconds,
    };
  }

  private secrets(row: MailboxRow): MailboxSecrets {
    return JSON.parse(open(this.key(), row.secrets_enc, row.id)) as MailboxSecrets;
  }

  private authColumns(
    id: string,
    auth: MailboxAuth,
  ): [string, string, string | null, string | null, string | null, string] {
    const secrets: MailboxSecrets =
      auth.kind === 'password'
        ? { password: auth.password }
        : { clientSecret: auth.clientSecret, refreshToken: auth.refreshToken };
    const sealed = seal(this.key(), JSON.stringify(secrets), id);
    return auth.kind === 'password'
      ? ['password', auth.user, null, null, null, sealed]
      : ['xoauth2', auth.user, auth.tokenUrl, auth.clientId, auth.scope ?? null, sealed];
  }

  private key(): Buffer {
    if (!this.options.secretsKey) throw new Error('MAILBOX_SECRETS_KEY is not set');
    return this.options.secretsKey;
  }

  private nameTaken(name: string) {
    return new ConflictException({ code: 'MAILBOX_NAME_TAKEN', message: `a mailbox named ${name} exists` });
  }
}
