import { replySentEvent } from '@draftdesk/contracts';
import { persistently } from '@draftdesk/database';
import { OutboxService, PollingWorker } from '@draftdesk/messaging';
import { createLogger, inSpan, ReadinessRegistry, SpanKind } from '@draftdesk/observability';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { open } from '@draftdesk/config';
import { MailboxSentCopy, MailboxSentCopyReadModel } from '../../../mail-ingest/src';
import { AUTO_REPLY_CAP_REASON, overCap } from './auto-reply-cap.util';
import { DEFAULT_AUTO_REPLY_CAP, DEFAULT_LEASE_SECONDS, MAIL_SEND_OPTIONS, MailSendOptions } from './mail-send.options';
import { OutboundRepository, OutboundRow } from './outbound.repository';
import {
  bareAddress,
  buildReplyMail,
  isPermanentSmtpError,
  senderAddresses,
  sendFailureReason,
} from './reply-mail.util';
import { appendSentCopy, SentCopyTarget } from './sent-copy.util';

export const PRODUCER = 'mail-send';

/** SMTP connections of the pool. */
const SMTP_CONNECTIONS = 3;
/**
 * Rows taken per pass: one per connection. A larger batch waits for its slowest reply before the next claim, which
 * delays taking over a dead worker's replies, and leaves rows taken but not yet sending that a crash interrupts.
 */
const BATCH = SMTP_CONNECTIONS;
/** Sleep of the send loop after a pass that found nothing due or failed, unless a new approval nudges it. */
const IDLE_MS = 1_000;

/**
 * Sends approved replies: PENDING → SENDING → SENT or FAILED. A row is SENDING only under a short lease that the
 * sending worker renews every third of it; the attempt is in the send ledger before the SMTP transaction starts,
 * and marked accepted right after the server's 250. A row whose worker died is retried, with the same Message-ID,
 * as soon as the worker's advisory lock is gone (or its lease lapsed); one whose attempt was accepted is recorded
 * SENT without sending. The only window in which a reply can go out twice is between the server's 250 after DATA
 * and that one-statement mark.
 */
@Injectable()
export class MailSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = createLogger(MailSender.name);
  private readonly transport: Transporter;
  /** Builds (and DKIM-signs) the message once, so the bytes sent and the bytes copied to Sent are the same. */
  private readonly composer: Transporter;
  private readonly leaseSeconds: number;
  private readonly inFlight = new Set<string>();
  /** This worker's advisory lock, held on a connection of its own; null in the embedded mode (no other worker). */
  private workerLock: { key: number; runner: QueryRunner } | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** A pass sends what is due; a busy pass runs again at once, an idle or failed one waits a second unless nudged. */
  private readonly worker = new PollingWorker(
    async () => ({ more: (await this.sendDue()) > 0, waitMs: IDLE_MS }),
    this.log,
    {
      onFailure: (error) => {
        this.log.error({ err: error }, 'send loop failed');
        return IDLE_MS;
      },
    },
  );

  constructor(
    @Inject(MAIL_SEND_OPTIONS) private readonly options: MailSendOptions,
    private readonly dataSource: DataSource,
    private readonly outbound: OutboundRepository,
    private readonly mailboxes: MailboxSentCopyReadModel,
    private readonly outbox: OutboxService,
    private readonly readiness: ReadinessRegistry,
  ) {
    this.transport = options.smtp
      ? nodemailer.createTransport({
          host: options.smtp.host,
          port: options.smtp.port,
          secure: options.smtp.secure,
          auth: options.smtp.user ? { user: options.smtp.user, pass: options.smtp.password } : undefined,
          pool: true,
          maxConnections: SMTP_CONNECTIONS,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
          tls: { rejectUnauthorized: options.verifyTls ?? false },
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    this.composer = createComposer(options);
    this.leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  }

  async onApplicationBootstrap() {
    if (this.options.workerLock) await this.takeWorkerLock();
    this.worker.start();
    this.heartbeat = setInterval(() => this.renewLeases(), (this.leaseSeconds * 1000) / 3);
    this.readiness.register('smtp', async () => ({
      ok: true,
      detail: this.options.smtp ? 'smtp' : `files in ${this.options.sentDir}`,
    }));
  }

  /** SIGTERM: replies being sent finish and record their outcome while the database pool is still open. */
  async beforeApplicationShutdown() {
    await this.worker.stop();
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.transport.close();
    // The connection goes back to the pool: the lock must not stay with it.
    if (this.workerLock) await this.outbound.releaseWorkerLocks(this.workerLock.runner).catch(() => undefined);
    await this.workerLock?.runner.release().catch(() => undefined);
  }

  private async takeWorkerLock() {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    for (;;) {
      const key = randomInt(1, 2 ** 31 - 1);
      if (await this.outbound.tryWorkerLock(runner, key)) {
        this.workerLock = { key, runner };
        this.log.info({ workerKey: key }, 'send worker registered');
        return;
      }
    }
  }

  nudge() {
    this.worker.nudge();
  }

  private renewLeases() {
    this.outbound
      .renew([...this.inFlight], this.leaseSeconds)
      .catch((error: Error) =>
        this.log.warn({ err: error, inFlight: this.inFlight.size }, 'could not renew send leases'),
      );
    // A lost lock connection means others may take our rows before their lease lapses: from here on, lease only.
    if (!this.workerLock) return;
    this.outbound.pingWorkerLock(this.workerLock.runner).catch((error: Error) => {
      this.log.error({ err: error }, 'send worker lock lost; claiming under the lease alone');
      this.workerLock = null;
    });
  }

  private async sendDue(): Promise<number> {
    const rows = await this.outbound.claim(BATCH, this.leaseSeconds, this.workerLock?.key ?? null);
    await Promise.all(
      rows.map(async (row) => {
        this.inFlight.add(row.attempt_id);
        try {
          // Each send continues the trace of the approval it carries out, up to the reply-sent event.
          const attributes = { 'draftdesk.draft_id': row.draft_id, 'draftdesk.attempt': row.attempts };
          await inSpan('send reply', { kind: SpanKind.CLIENT, attributes, parent: row.trace_headers }, () =>
            this.sendOne(row),
          );
        } finally {
          this.inFlight.delete(row.attempt_id);
        }
      }),
    );
    return rows.length;
  }

  private async sendOne(row: OutboundRow) {
    const log = this.log.child({
      draftId: row.draft_id,
      conversationId: row.conversation_id,
      attempt: row.attempts,
      attemptId: row.attempt_id,
    });
    let sent: { raw: Buffer; mailbox: MailboxSentCopy | null } | null;
    try {
      sent = await this.deliver(row, log);
    } catch (error) {
      await this.sendFailed(row, error, log);
      return;
    }
    if (!sent) return;
    // The server has the reply: from here on nothing may lead to sending it again. A database restart is waited out,
    // since a failed write would leave the attempt to the next worker, which would send the reply a second time.
    const onRetry = (error: unknown) => log.warn({ err: error }, 'reply sent; recording it waits for the database');
    await persistently(() => this.outbound.markAccepted(row.attempt_id), { onRetry });
    await persistently(() => this.finish(row, 'sent', null), { onRetry });
    log.info('reply sent');
    // After SENT is recorded: a failed copy must never make us send the reply again.
    await this.copyToSent(sent.mailbox, sent.raw).catch((error: Error) =>
      log.warn({ err: error }, 'could not copy the reply to the Sent folder'),
    );
  }

  /** Hands the reply to the SMTP server (or the sent folder); null when there was nothing (more) to send. */
  private async deliver(
    row: OutboundRow,
    log: Logger,
  ): Promise<{ raw: Buffer; mailbox: MailboxSentCopy | null } | null> {
    if (row.previously_accepted) {
      // The server took it before the last worker died; sending again would deliver it twice.
      await this.finish(row, 'sent', null);
      log.info('reply had been accepted before an interruption; recorded as sent');
      return null;
    }
    if (row.payload.autoSent && (await this.capped(row, log))) return null;
    const mailbox = row.payload.mailbox ? await this.mailbox(row.payload.mailbox) : null;
    const { from, replyTo } = senderAddresses(
      row.payload,
      mailbox ? { fromAddress: mailbox.from_address, replyTo: mailbox.reply_to } : null,
      this.options.from,
    );
    const composed = await this.composer.sendMail(buildReplyMail(row.payload, from, replyTo));
    const raw = composed.message as Buffer;
    if (this.options.smtp) {
      await this.transport.sendMail({ envelope: { from: bareAddress(from), to: [row.payload.to.address] }, raw });
    } else {
      await mkdir(this.options.sentDir, { recursive: true });
      await writeFile(join(this.options.sentDir, `${row.draft_id}.eml`), raw);
    }
    return { raw, mailbox };
  }

  private async sendFailed(row: OutboundRow, error: unknown, log: Logger) {
    const reason = sendFailureReason(error);
    if (isPermanentSmtpError(error) || row.attempts >= this.options.maxAttempts) {
      await this.finish(row, 'failed', reason);
      log.error({ reason }, 'reply failed for good; back in the review queue');
      return;
    }
    const delaySeconds = Math.min(3600, 5 * 2 ** (row.attempts - 1));
    await this.outbound.retryLater(row, reason, delaySeconds);
    log.warn({ reason, retryInSeconds: delaySeconds }, 'temporary send failure');
  }

  /** Beyond the cap the reply is not sent: FAILED with reason auto_reply_cap, and the review desk gets it back. */
  private async capped(row: OutboundRow, log: { warn: (o: object, m: string) => void }): Promise<boolean> {
    const cap = this.options.autoReplyCap ?? DEFAULT_AUTO_REPLY_CAP;
    const counts = await this.outbound.autoReplyCounts(
      row.draft_id,
      row.conversation_id,
      row.payload.to.address,
      cap.windowHours,
    );
    const over = overCap(counts, cap);
    if (!over) return false;
    await this.finish(row, 'failed', AUTO_REPLY_CAP_REASON);
    log.warn({ over, counts, cap }, 'automatic reply capped; back in the review queue');
    return true;
  }

  private async mailbox(name: string): Promise<MailboxSentCopy | null> {
    return this.mailboxes.byName(name);
  }

  private async copyToSent(mailbox: MailboxSentCopy | null, raw: Buffer) {
    const target = mailbox ? this.mailboxSentTarget(mailbox) : (this.options.sentCopy ?? null);
    if (!target) return;
    await appendSentCopy(target, raw, { rejectUnauthorized: this.options.verifyTls ?? false });
  }

  private mailboxSentTarget(mailbox: MailboxSentCopy): SentCopyTarget | null {
    if (!mailbox.sent_folder) return null;
    if (mailbox.auth_kind !== 'password' || !this.options.secretsKey) {
      this.log.warn({ mailbox: mailbox.id }, 'Sent copy skipped: needs a password mailbox and MAILBOX_SECRETS_KEY');
      return null;
    }
    const secrets = JSON.parse(open(this.options.secretsKey, mailbox.secrets_enc, mailbox.id)) as { password: string };
    return {
      host: mailbox.imap_host,
      port: mailbox.imap_port,
      tls: mailbox.tls_mode,
      user: mailbox.username,
      password: secrets.password,
      folder: mailbox.sent_folder,
    };
  }

  /** The outcome and its reply-sent event in one transaction; nothing is announced by an attempt that lost its lease. */
  private async finish(row: OutboundRow, status: 'sent' | 'failed', error: string | null) {
    await this.dataSource.transaction(async (m: EntityManager) => {
      if (!(await this.outbound.finish(m, row, status === 'sent' ? 'SENT' : 'FAILED', error))) return;
      await this.outbox.add(m, replySentEvent(PRODUCER, row.conversation_id, row.payload, { status, error }));
    });
    this.outbox.committed();
  }
}

/** A transport that only renders: RFC 5322 bytes, signed when DKIM is configured. */
export function createComposer(options: Pick<MailSendOptions, 'dkim'>): Transporter {
  return nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    ...(options.dkim ? { dkim: options.dkim } : {}),
  });
}
