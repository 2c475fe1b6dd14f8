import { OutboxService } from '@draftdesk/messaging';
import { ReadinessRegistry } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { registry } from '@draftdesk/observability';
import { DataSource } from 'typeorm';
import { IngestService } from '../ingest/ingest.service';
import { MAIL_INGEST_OPTIONS, MailIngestOptions } from '../ingest/mail-ingest.options';
import { MailboxWatcher } from './mailbox-watcher';

const STATES = ['connecting', 'idle', 'syncing', 'backing_off', 'paused', 'stopped'] as const;

const mailboxState = new Gauge({
  name: 'draftdesk_mailbox_state',
  help: 'Current state of each watched mailbox (1 for the state it is in).',
  labelNames: ['mailbox', 'state'] as const,
  registers: [registry],
});

@Injectable()
export class MailboxesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly watchers: MailboxWatcher[];

  constructor(
    @Inject(MAIL_INGEST_OPTIONS) options: MailIngestOptions,
    dataSource: DataSource,
    ingest: IngestService,
    outbox: OutboxService,
    private readonly readiness: ReadinessRegistry,
  ) {
    this.watchers = options.mailboxes.map((m) => new MailboxWatcher(m, dataSource, ingest, () => outbox.committed()));
  }

  onApplicationBootstrap() {
    for (const w of this.watchers) w.start();
    // A failing mailbox does not make the service unready (the others still work); its detail shows why.
    this.readiness.register('mailboxes', async () => {
      for (const w of this.watchers) {
        for (const state of STATES) mailboxState.set({ mailbox: w.status.name, state }, w.status.state === state ? 1 : 0);
      }
      return { ok: true, detail: this.watchers.map((w) => w.status) };
    });
  }

  async onApplicationShutdown() {
    await Promise.all(this.watchers.map((w) => w.stop()));
  }

  statuses() {
    return this.watchers.map((w) => w.status);
  }
}
