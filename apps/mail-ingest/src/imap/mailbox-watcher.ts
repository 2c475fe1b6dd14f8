import { PollingWorker, WorkerPass } from '@draftdesk/messaging';
import { createLogger, registry } from '@draftdesk/observability';
import { ImapFlow } from 'imapflow';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { ImapMailboxSettings } from '../ingest/mail-ingest.options';
import { IngestOutcome, IngestService } from '../ingest/ingest.service';
import { ImapCredentials, imapClientOptions } from './imap-client-options.util';
import { MailboxCheckpointRepository } from './mailbox-checkpoint.repository';
import { OAuthTokenError, OAuthTokenSource } from './oauth-token.source';

const BATCH = 50;
/** Keyword set on the server once a message is committed, for people looking at the mailbox. */
export const IMPORTED_KEYWORD = '$DraftdeskImported';

const uidValidityChanges = new Counter({
  name: 'draftdesk_mailbox_uidvalidity_changes_total',
  help: 'Times a watched folder was renumbered by its server (UIDVALIDITY changed) and resynced with de-duplication.',
  labelNames: ['mailbox'] as const,
  registers: [registry],
});

export interface WatcherHooks {
  /** The mailbox cannot work until a person acts (a revoked refresh token): the watcher has stopped itself. */
  onFatal?: (error: Error) => void;
  onRefreshTokenRotated?: (refreshToken: string) => void;
}

export interface MailboxStatus {
  name: string;
  state: 'connecting' | 'idle' | 'syncing' | 'backing_off' | 'paused' | 'stopped';
  lastError: string | null;
  failures: number;
  lastSyncAt: string | null;
  imported: number;
}

/**
 * One IMAP connection per mailbox. It catches up from the committed checkpoint (UIDVALIDITY + last UID), then
 * waits in IDLE for the server to announce new mail, with a periodic resync as a safety net. Every batch of
 * messages and the checkpoint that covers them commit in one transaction; the server is touched only after.
 */
export class MailboxWatcher {
  readonly status: MailboxStatus;
  private readonly log: Logger;
  private client: ImapFlow | null = null;
  /** Catches up at once when new mail or a closed connection nudges it, and every resyncSeconds regardless. */
  private readonly worker: PollingWorker;
  private readonly tokens: OAuthTokenSource | null;
  private readonly checkpoints: MailboxCheckpointRepository;

  constructor(
    private readonly settings: ImapMailboxSettings,
    private readonly dataSource: DataSource,
    private readonly ingest: IngestService,
    private readonly onCommitted: () => void,
    private readonly hooks: WatcherHooks = {},
    private readonly verifyTls = false,
  ) {
    this.log = createLogger(MailboxWatcher.name).child({ mailbox: settings.name });
    this.checkpoints = new MailboxCheckpointRepository(dataSource);
    this.status = {
      name: settings.name,
      state: 'stopped',
      lastError: null,
      failures: 0,
      lastSyncAt: null,
      imported: 0,
    };
    this.tokens = settings.oauth
      ? new OAuthTokenSource(settings.oauth, { onRefreshTokenRotated: hooks.onRefreshTokenRotated })
      : null;
    // A pass connects if need be and catches up; a failed one is handled by failed(), which sets the backoff.
    this.worker = new PollingWorker(() => this.pass(), this.log, { onFailure: (error) => this.failed(error) });
  }

  start() {
    this.worker.start();
  }

  async stop() {
    const stopped = this.worker.stop();
    await this.client?.logout().catch(() => undefined);
    await stopped;
    this.disconnect();
    this.status.state = 'stopped';
  }

  private async pass(): Promise<WorkerPass> {
    let client: ImapFlow;
    try {
      client = await this.connected();
    } catch (error) {
      if (!(error instanceof OAuthTokenError && error.permanent)) throw error;
      // Retrying a revoked grant only hammers the provider: park the mailbox until someone gives a new token.
      this.disconnect();
      this.status.state = 'paused';
      this.status.lastError = error.message;
      this.log.error({ err: error }, 'mailbox paused: OAuth refresh token refused');
      this.hooks.onFatal?.(error);
      return { more: false, waitMs: 0, done: true };
    }
    this.status.state = 'syncing';
    await this.catchUp(client);
    this.status.lastSyncAt = new Date().toISOString();
    this.status.state = 'idle';
    this.status.lastError = null;
    this.status.failures = 0;
    return { more: false, waitMs: this.settings.resyncSeconds * 1000 };
  }

  /** A failed pass drops the connection and waits before the next one connects again. */
  private failed(error: unknown): number {
    this.disconnect();
    // The server refused our access token although it looked fresh (revoked early, clock skew): fetch another.
    if (this.tokens && (error as { authenticationFailed?: boolean }).authenticationFailed) this.tokens.invalidate();
    this.status.failures++;
    this.status.lastError = (error as Error).message;
    this.log.warn({ err: error, failures: this.status.failures }, 'mailbox connection failed');
    // Exponential backoff with full jitter; a mailbox that keeps failing is parked for 5 minutes at a time.
    const paused = this.status.failures >= 8;
    if (this.worker.active) this.status.state = paused ? 'paused' : 'backing_off';
    const ceiling = paused ? 300_000 : Math.min(60_000, 500 * 2 ** this.status.failures);
    return paused ? ceiling : Math.random() * ceiling;
  }

  /** The open connection, or a new one; one the server closed fails the pass, which backs off before reconnecting. */
  private async connected(): Promise<ImapFlow> {
    if (this.client) {
      if (!this.client.usable) throw new Error('connection closed by the server');
      return this.client;
    }
    this.status.state = 'connecting';
    const client = new ImapFlow(
      imapClientOptions(this.settings, await this.credentials(), {
        rejectUnauthorized: this.verifyTls,
      }),
    );
    this.client = client;
    // Events of a connection already let go of (closed after a failure) do not wake the worker.
    client.on('exists', () => this.client === client && this.worker.nudge());
    client.on('close', () => this.client === client && this.worker.nudge());
    client.on('error', (error: Error) => this.log.warn({ err: error }, 'imap error'));
    await client.connect();
    await client.mailboxOpen(this.settings.folder);
    return client;
  }

  private disconnect() {
    const client = this.client;
    this.client = null;
    client?.close();
  }

  private async credentials(): Promise<ImapCredentials> {
    if (this.tokens) return { user: this.settings.user, accessToken: await this.tokens.accessToken() };
    return { user: this.settings.user, pass: this.settings.password ?? '' };
  }

  private async catchUp(client: ImapFlow) {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error('no mailbox selected');
    const uidValidity = BigInt(mailbox.uidValidity);
    const lastUid = await this.checkpoint(uidValidity);
    const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
    const uids = (found || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
    for (let i = 0; i < uids.length && this.worker.active; i += BATCH) {
      await this.importBatch(client, uidValidity, uids.slice(i, i + BATCH));
    }
  }

  /** The committed position; a changed UIDVALIDITY means the server renumbered the folder: start over, de-duplicated. */
  private async checkpoint(uidValidity: bigint): Promise<number> {
    const row = await this.checkpoints.find(this.settings.name, this.settings.folder);
    if (!row) return 0;
    if (BigInt(row.uidValidity) !== uidValidity) {
      this.log.error(
        { alert: 'uidvalidity_changed', was: row.uidValidity, now: uidValidity.toString() },
        'UIDVALIDITY changed: resyncing the folder, de-duplicating by Message-ID',
      );
      uidValidityChanges.inc({ mailbox: this.settings.name });
      // Recorded at once so the alert fires once per change, even when the folder is empty or we crash mid-resync.
      await this.checkpoints.restart(this.settings.name, this.settings.folder, uidValidity.toString());
      return 0;
    }
    return row.lastUid;
  }

  private async importBatch(client: ImapFlow, uidValidity: bigint, uids: number[]) {
    const messages: { uid: number; source: Buffer }[] = [];
    for await (const msg of client.fetch(uids.join(','), { uid: true, source: true }, { uid: true })) {
      if (msg.source) messages.push({ uid: msg.uid, source: msg.source });
    }
    messages.sort((a, b) => a.uid - b.uid);
    const parsed = await Promise.all(messages.map((m) => this.ingest.parse(m.source)));
    const outcomes: IngestOutcome[] = [];
    const highest = Math.max(...uids);
    await this.dataSource.transaction(async (m) => {
      for (let i = 0; i < messages.length; i++) {
        outcomes.push(
          await this.ingest.store(m, messages[i].source, parsed[i], {
            mailbox: this.settings.name,
            folder: this.settings.folder,
            uidValidity,
            uid: messages[i].uid,
          }),
        );
      }
      await this.checkpoints.save(m, this.settings.name, this.settings.folder, {
        uidValidity: uidValidity.toString(),
        lastUid: highest,
        highestModseq: client.mailbox ? (client.mailbox.highestModseq?.toString() ?? null) : null,
      });
    });
    this.onCommitted();
    this.status.imported += outcomes.filter((o) => o === 'accepted').length;
    this.log.info({ count: messages.length, highestUid: highest, outcomes: countBy(outcomes) }, 'imported');
    // Only now, with the messages and the checkpoint committed, do we mark them on the server.
    await client.messageFlagsAdd(uids.join(','), [IMPORTED_KEYWORD], { uid: true }).catch((error: Error) => {
      this.log.warn({ err: error }, 'could not set the imported keyword');
    });
  }
}

function countBy(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
}
