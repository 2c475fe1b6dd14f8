import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/principal';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { MAIL_INGEST_ADMIN, OwnerApiClient } from './owner-api.client';

/** A mailbox as mail-ingest's admin API describes it: passwords and tokens only ever as "(set)". */
export interface MailboxView {
  id: string;
  name: string;
  [field: string]: unknown;
}

/** What the audit log keeps of a mailbox: its settings, not how its watcher is doing at that moment. */
function settingsOf(mailbox: MailboxView) {
  const { status: _s, lastError: _e, imported: _i, lastSyncAt: _l, version: _v, updatedAt: _u, ...settings } = mailbox;
  return settings;
}

/** The settings page's mailboxes, kept by mail-ingest; every change is in the shop's audit log. */
@Injectable()
export class MailboxSettingsService {
  constructor(
    @Inject(MAIL_INGEST_ADMIN) private readonly mailIngest: OwnerApiClient,
    private readonly auditLog: AuditLogRepository,
  ) {}

  async list() {
    if (!this.mailIngest.connected) return { connected: false, items: [] };
    const { items } = await this.mailIngest.call<{ items: MailboxView[] }>('GET', '/v1/mailboxes');
    return { connected: true, items };
  }

  async create(actor: Actor, body: Record<string, unknown>) {
    const made = await this.mailIngest.call<MailboxView>('POST', '/v1/mailboxes', body);
    await this.audit(actor, 'mailbox_create', made.id, null, settingsOf(made));
    return made;
  }

  async update(actor: Actor, id: string, body: Record<string, unknown>) {
    const before = await this.mailIngest.call<MailboxView>('GET', `/v1/mailboxes/${id}`);
    const after = await this.mailIngest.call<MailboxView>('PATCH', `/v1/mailboxes/${id}`, body);
    // New credentials look like the old ones ("(set)"): the trail says they changed.
    await this.audit(actor, 'mailbox_update', id, settingsOf(before), {
      ...settingsOf(after),
      ...(body.auth !== undefined ? { credentialsChanged: true } : {}),
    });
    return after;
  }

  async remove(actor: Actor, id: string) {
    const before = await this.mailIngest.call<MailboxView>('GET', `/v1/mailboxes/${id}`);
    await this.mailIngest.call<void>('DELETE', `/v1/mailboxes/${id}`);
    await this.audit(actor, 'mailbox_remove', id, settingsOf(before), null);
  }

  /** Connects with settings that are not saved; mail-ingest answers within its 10 s limit. */
  test(body: Record<string, unknown>) {
    return this.mailIngest.call('POST', '/v1/mailboxes/test', body);
  }

  testStored(id: string, body: Record<string, unknown>) {
    return this.mailIngest.call('POST', `/v1/mailboxes/${id}/test`, body);
  }

  private audit(actor: Actor, action: string, id: string, before: unknown, after: unknown) {
    return this.auditLog.recordSetting(actor.email, action, 'mailbox', id, before, after, actor.shopId);
  }
}
