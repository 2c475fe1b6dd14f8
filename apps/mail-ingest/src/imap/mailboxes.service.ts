import { OutboxService, PollingWorker } from '@draftdesk/messaging';
import { createLogger, ReadinessRegistry, registry } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { IngestService } from '../ingest/ingest.service';
import { MAIL_INGEST_OPTIONS, MailIngestOptions } from '../ingest/mail-ingest.options';
import { MailboxStore } from '../mailboxes/mailbox-store.service';
import { MailboxRow } from '../mailboxes/mailbox.types';
import { MailboxLeases } from './mailbox-leases';
import { MailboxStatus, MailboxWatcher, WatcherHooks } from './mailbox-watcher';

const STATES = ['connecting', 'idle', 'syncing', 'backing_off', 'paused', 'stopped', 'standby'] as const;

export type MailboxSummary = Omit<MailboxStatus, 'state'> & {
  state: (typeof STATES)[number];
  source: 'env' | 'database';
  /** The replica holding the mailbox's lock; 'another replica' on the ones standing by for it. */
  watchedBy: string;
};

const mailboxState = new Gauge({
  name: 'draftdesk_mailbox_state',
  help: 'Current state of each watched mailbox (1 for the state it is in).',
  labelNames: ['mailbox', 'state'] as const,
  registers: [registry],
});

interface DbWatcher {
  row: MailboxRow;
  watcher: MailboxWatcher;
}

/**
 * Runs one watcher (one IMAP connection) per mailbox: the env mailbox for the life of the process, and those in
 * the mailboxes table, reconciled every few seconds — new rows start, removed or paused ones stop, and a changed
 * row (its version moved) is stopped before its replacement starts, so a mailbox never holds two connections.
 * Across replicas the same holds through a lock per mailbox (MailboxLeases): the others stand by and take over
 * when the holder dies.
 */
@Injectable()
export class MailboxesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = createLogger(MailboxesService.name);
  private readonly envWatchers: MailboxWatcher[];
  private readonly dbWatchers = new Map<string, DbWatcher>();
  /** Rows paused by their watcher (a revoked grant) before the table says so; keeps them from restarting. */
  private readonly fatal = new Map<string, { version: number; error: string }>();
  /** Reconciles every few seconds, at once when nudged, and at the same pace after a failed pass. */
  private readonly worker: PollingWorker;
  private pausedRows: MailboxRow[] = [];
  private standbyRows: MailboxRow[] = [];
  private readonly leases: MailboxLeases | null;
  readonly replica = `${hostname()}:${process.pid}`;

  constructor(
    @Inject(MAIL_INGEST_OPTIONS) private readonly options: MailIngestOptions,
    private readonly dataSource: DataSource,
    private readonly ingest: IngestService,
    private readonly outbox: OutboxService,
    private readonly readiness: ReadinessRegistry,
    private readonly store: MailboxStore,
  ) {
    this.envWatchers = options.mailboxes.map(
      (m) => new MailboxWatcher(m, dataSource, ingest, () => outbox.committed(), {}, options.verifyTls),
    );
    this.leases = options.mailboxLeases === false ? null : new MailboxLeases(dataSource);
    const everyMs = (options.reconcileSeconds ?? 5) * 1000;
    this.worker = new PollingWorker(
      async () => {
        await this.reconcile();
        return { more: false, waitMs: everyMs };
      },
      this.log,
      {
        onFailure: (error) => {
          this.log.warn({ err: error }, 'mailbox reconciliation failed');
          return everyMs;
        },
      },
    );
  }

  onApplicationBootstrap() {
    for (const w of this.envWatchers) w.start();
    if (this.store.enabled) this.worker.start();
    // A failing mailbox does not make the service unready (the others still work); its detail shows why.
    this.readiness.register('mailboxes', async () => {
      const statuses = this.statuses();
      mailboxState.reset();
      for (const status of statuses) {
        for (const state of STATES) mailboxState.set({ mailbox: status.name, state }, status.state === state ? 1 : 0);
      }
      return { ok: true, detail: statuses };
    });
  }

  async onApplicationShutdown() {
    await this.worker.stop();
    await Promise.all(
      [...this.envWatchers, ...[...this.dbWatchers.values()].map((d) => d.watcher)].map((w) => w.stop()),
    );
    this.dbWatchers.clear();
    await this.leases?.close();
  }

  /** Every mailbox this process knows: running watchers, and database mailboxes that are paused (with why). */
  statuses(): MailboxSummary[] {
    const live: MailboxSummary[] = [
      ...this.envWatchers.map((w) => ({ ...w.status, source: 'env' as const, watchedBy: this.replica })),
      ...[...this.dbWatchers.values()].map((d) => ({
        ...d.watcher.status,
        source: 'database' as const,
        watchedBy: this.replica,
      })),
    ];
    const idle = (
      row: MailboxRow,
      state: 'paused' | 'standby',
      lastError: string | null,
      watchedBy: string,
    ): MailboxSummary => ({
      name: row.name,
      state,
      lastError,
      failures: 0,
      lastSyncAt: null,
      imported: 0,
      source: 'database',
      watchedBy,
    });
    const paused = this.pausedRows
      .filter((row) => !this.dbWatchers.has(row.id))
      .map((row) => idle(row, 'paused', row.last_error ?? this.fatal.get(row.id)?.error ?? null, 'nobody'));
    const standby = this.standbyRows
      .filter((row) => !this.dbWatchers.has(row.id))
      .map((row) => idle(row, 'standby', null, 'another replica'));
    return [...live, ...paused, ...standby];
  }

  liveStatus(id: string): MailboxStatus | null {
    const running = this.dbWatchers.get(id);
    if (running) return running.watcher.status;
    return null;
  }

  reconcileSoon() {
    this.worker.nudge();
  }

  async reconcile() {
    const rows = await this.store.list();
    if (this.leases && !(await this.leases.check())) {
      // Our locks went with the lost session: another replica may be connecting already, so let go at once.
      for (const d of this.dbWatchers.values()) await d.watcher.stop();
      this.dbWatchers.clear();
    }
    const wanted = new Map(rows.filter((r) => !r.paused && !this.isFatal(r)).map((r) => [r.id, r]));
    this.pausedRows = rows.filter((r) => !wanted.has(r.id));
    for (const [id, current] of [...this.dbWatchers]) {
      const row = wanted.get(id);
      if (row && row.version === current.row.version) continue;
      await current.watcher.stop();
      this.dbWatchers.delete(id);
      await this.leases?.release(id);
      if (rows.some((r) => r.id === id)) await this.recordStatus(current, row ? 'restarting' : 'paused');
      this.log.info(
        { mailbox: current.row.name, reason: row ? 'changed' : 'removed or paused' },
        'mailbox watcher stopped',
      );
    }
    const standby: MailboxRow[] = [];
    for (const row of wanted.values()) {
      if (this.dbWatchers.has(row.id) || !this.worker.active) continue;
      if (this.options.mailboxes.some((m) => m.name === row.name)) continue; // the env mailbox owns that name
      if (this.leases && !(await this.leases.tryAcquire(row.id))) {
        standby.push(row);
        continue;
      }
      if (!this.start(row)) await this.leases?.release(row.id);
    }
    this.standbyRows = standby;
    for (const d of this.dbWatchers.values()) await this.recordStatus(d, d.watcher.status.state);
  }

  private start(row: MailboxRow): boolean {
    let settings;
    try {
      settings = this.store.settings(row, this.options.mailboxes[0]?.resyncSeconds ?? 60);
    } catch (error) {
      // A row sealed under another key cannot be opened: say so on the row, do not loop on it.
      const message = `credentials cannot be opened: ${(error as Error).message}`;
      this.fatal.set(row.id, { version: row.version, error: message });
      void this.store.recordStatus(row.id, 'paused', message, true).catch(() => undefined);
      return false;
    }
    const hooks: WatcherHooks = {
      onFatal: (error) => {
        this.fatal.set(row.id, { version: row.version, error: error.message });
        void this.store
          .recordStatus(row.id, 'paused', error.message, true)
          .catch(() => undefined)
          .finally(() => this.reconcileSoon());
      },
      onRefreshTokenRotated: (token) =>
        void this.store
          .storeRotatedRefreshToken(row, token)
          .catch((error) => this.log.warn({ err: error }, 'could not store the rotated refresh token')),
    };
    const committed = () => this.outbox.committed();
    const watcher = new MailboxWatcher(
      settings,
      this.dataSource,
      this.ingest,
      committed,
      hooks,
      this.options.verifyTls,
    );
    this.dbWatchers.set(row.id, { row, watcher });
    watcher.start();
    this.log.info({ mailbox: row.name, version: row.version, replica: this.replica }, 'mailbox watcher started');
    return true;
  }

  /** Paused by its watcher at the version it ran: a PATCH (new token, unpause) moves the version and lifts it. */
  private isFatal(row: MailboxRow): boolean {
    const fatal = this.fatal.get(row.id);
    if (fatal && fatal.version !== row.version) this.fatal.delete(row.id);
    return fatal?.version === row.version;
  }

  private async recordStatus(d: DbWatcher, state: string) {
    await this.store.recordStatus(d.row.id, state, d.watcher.status.lastError).catch(() => undefined);
  }
}
