import { open, seal } from '@draftdesk/config';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { defaultImapPort } from '../imap/imap-client-options.util';
import { MAIL_INGEST_OPTIONS, ImapMailboxSettings, MailIngestOptions } from '../ingest/mail-ingest.options';
import { MailboxChanges, MailboxRepository } from './mailbox.repository';
import { CreateMailbox, MailboxAuth, MailboxRow, MailboxSecrets, PatchMailbox } from './mailbox.types';

/** The mailboxes table: credentials sealed on the way in (bound to the row id), opened only to connect. */
@Injectable()
export class MailboxStore {
  constructor(
    @Inject(MAIL_INGEST_OPTIONS) private readonly options: MailIngestOptions,
    private readonly mailboxes: MailboxRepository,
  ) {}

  get enabled(): boolean {
    return !!this.options.secretsKey;
  }

  list(): Promise<MailboxRow[]> {
    return this.mailboxes.list();
  }

  async get(id: string): Promise<MailboxRow> {
    const row = await this.mailboxes.find(id);
    if (!row) throw new NotFoundException({ code: 'MAILBOX_NOT_FOUND', message: `no mailbox ${id}` });
    return row;
  }

  async create(input: CreateMailbox): Promise<MailboxRow> {
    if (this.options.mailboxes.some((m) => m.name === input.name)) throw this.nameTaken(input.name);
    const id = randomUUID();
    const row = await this.mailboxes.insert({
      id,
      name: input.name,
      imap_host: input.host,
      imap_port: input.port ?? defaultImapPort(input.tls),
      tls_mode: input.tls,
      ...this.authColumns(id, input.auth),
      folder: input.folder,
      sent_folder: input.sentFolder,
      from_address: input.fromAddress,
      reply_to: input.replyTo,
      paused: input.paused,
    });
    if (!row) throw this.nameTaken(input.name);
    return row;
  }

  /** Any change bumps `version`, which is what makes the reconciler restart the watcher with the new settings. */
  async update(id: string, patch: PatchMailbox): Promise<MailboxRow> {
    const changes: MailboxChanges = {
      imap_host: patch.host,
      imap_port: patch.port,
      tls_mode: patch.tls,
      ...(patch.auth !== undefined ? this.authColumns(id, patch.auth) : {}),
      folder: patch.folder,
      sent_folder: patch.sentFolder,
      from_address: patch.fromAddress,
      reply_to: patch.replyTo,
      paused: patch.paused,
    };
    // Unpausing or new credentials: the last error belongs to the old settings.
    const row = await this.mailboxes.update(id, changes, patch.paused === false || patch.auth !== undefined);
    if (!row) throw new NotFoundException({ code: 'MAILBOX_NOT_FOUND', message: `no mailbox ${id}` });
    return row;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.mailboxes.remove(id)))
      throw new NotFoundException({ code: 'MAILBOX_NOT_FOUND', message: `no mailbox ${id}` });
  }

  /** Status written by the watcher side; `version` is left alone so recording it never restarts anything. */
  async recordStatus(id: string, status: string, lastError: string | null, pause = false): Promise<void> {
    await this.mailboxes.recordStatus(id, status, lastError?.slice(0, 2000) ?? null, pause);
  }

  /** A rotated refresh token (Microsoft rotates them) is sealed again; the version stays, so nothing restarts. */
  async storeRotatedRefreshToken(row: MailboxRow, refreshToken: string): Promise<void> {
    const secrets = this.secrets(row);
    if (!('refreshToken' in secrets)) return;
    await this.mailboxes.replaceSecrets(row.id, seal(this.key(), JSON.stringify({ ...secrets, refreshToken }), row.id));
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

  /** The columns of a mailbox's credentials, its secrets sealed to the row id. */
  private authColumns(
    id: string,
    auth: MailboxAuth,
  ): Pick<
    MailboxRow,
    'auth_kind' | 'username' | 'oauth_token_url' | 'oauth_client_id' | 'oauth_scope' | 'secrets_enc'
  > {
    const secrets: MailboxSecrets =
      auth.kind === 'password'
        ? { password: auth.password }
        : { clientSecret: auth.clientSecret, refreshToken: auth.refreshToken };
    const sealed = seal(this.key(), JSON.stringify(secrets), id);
    return auth.kind === 'password'
      ? {
          auth_kind: 'password',
          username: auth.user,
          oauth_token_url: null,
          oauth_client_id: null,
          oauth_scope: null,
          secrets_enc: sealed,
        }
      : {
          auth_kind: 'xoauth2',
          username: auth.user,
          oauth_token_url: auth.tokenUrl,
          oauth_client_id: auth.clientId,
          oauth_scope: auth.scope ?? null,
          secrets_enc: sealed,
        };
  }

  private key(): Buffer {
    if (!this.options.secretsKey) throw new Error('MAILBOX_SECRETS_KEY is not set');
    return this.options.secretsKey;
  }

  private nameTaken(name: string) {
    return new ConflictException({ code: 'MAILBOX_NAME_TAKEN', message: `a mailbox named ${name} exists` });
  }
}
