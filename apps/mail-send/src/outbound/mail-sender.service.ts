import { createEvent, ReplyApprovedPayload, ReplySentPayload, Topics } from '@draftdesk/contracts';
import { returnedRows } from '@draftdesk/database';
import { OutboxService } from '@draftdesk/messaging';
import { createLogger, ReadinessRegistry } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { MAIL_SEND_OPTIONS, MailSendOptions } from './mail-send.options';
import { buildReplyMail, isPermanentSmtpError } from './reply-mail.util';

export const PRODUCER = 'mail-send';

interface OutboundRow {
  draft_id: string;
  conversation_id: string;
  attempts: number;
  payload: ReplyApprovedPayload;
}

/**
 * Sends approved replies: PENDING → SENDING → SENT or FAILED. A row is SENDING only while one worker talks to
 * the SMTP server; one left SENDING by a crash is retried after a grace period, which is the only window in
 * which a reply can go out twice (the server accepted it, we had not yet recorded that).
 */
@Injectable()
export class MailSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = createLogger(MailSender.name);
  private readonly transport: Transporter;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pending = false;

  constructor(
    @Inject(MAIL_SEND_OPTIONS) private readonly options: MailSendOptions,
    private readonly dataSource: DataSource,
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
          maxConnections: 3,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
          tls: { rejectUnauthorized: process.env.NODE_ENV === 'production' },
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  onApplicationBootstrap() {
    this.running = true;
    this.loop = this.run();
    this.readiness.register('smtp', async () => ({ ok: true, detail: this.options.smtp ? 'smtp' : `files in ${this.options.sentDir}` }));
  }

  async onApplicationShutdown() {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.transport.close();
  }

  nudge() {
    this.pending = true;
    this.wake?.();
  }

  private async run() {
    while (this.running) {
      let worked = 0;
      try {
        this.pending = false;
        worked = await this.sendDue();
      } catch (error) {
        this.log.error({ err: error }, 'send loop failed');
      }
      if (worked > 0 || this.pending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1_000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async sendDue(): Promise<number> {
    const rows = returnedRows<OutboundRow>(
      await this.dataSource.query(
      `UPDATE outbound_mails SET status = 'SENDING', attempts = attempts + 1, updated_at = now()
        WHERE draft_id IN (
          SELECT draft_id FROM outbound_mails
           WHERE (status = 'PENDING' AND next_attempt_at <= now())
              OR (status = 'SENDING' AND updated_at < now() - interval '2 minutes')
           ORDER BY next_attempt_at LIMIT 10 FOR UPDATE SKIP LOCKED)
        RETURNING draft_id, conversation_id, attempts, payload`,
      ),
    );
    await Promise.all(rows.map((row) => this.sendOne(row)));
    return rows.length;
  }

  private async sendOne(row: OutboundRow) {
    const log = this.log.child({ draftId: row.draft_id, conversationId: row.conversation_id, attempt: row.attempts });
    try {
      const info = await this.transport.sendMail(buildReplyMail(row.payload, this.options.from));
      if (!this.options.smtp) {
        await mkdir(this.options.sentDir, { recursive: true });
        await writeFile(join(this.options.sentDir, `${row.draft_id}.eml`), info.message as Buffer);
      }
      await this.finish(row, 'sent', null);
      log.info('reply sent');
    } catch (error) {
      const reason = String((error as Error).message).slice(0, 1000);
      if (isPermanentSmtpError(error) || row.attempts >= this.options.maxAttempts) {
        await this.finish(row, 'failed', reason);
        log.error({ reason }, 'reply failed for good; handed to a person');
        return;
      }
      const delaySeconds = Math.min(3600, 5 * 2 ** (row.attempts - 1));
      await this.dataSource.query(
        `UPDATE outbound_mails SET status = 'PENDING', last_error = $2,
                next_attempt_at = now() + make_interval(secs => $3), updated_at = now() WHERE draft_id = $1`,
        [row.draft_id, reason, delaySeconds],
      );
      log.warn({ reason, retryInSeconds: delaySeconds }, 'temporary send failure');
    }
  }

  private async finish(row: OutboundRow, status: 'sent' | 'failed', error: string | null) {
    await this.dataSource.transaction(async (m: EntityManager) => {
      await m.query(
        `UPDATE outbound_mails SET status = $2, last_error = $3, sent_at = CASE WHEN $2 = 'SENT' THEN now() END,
                updated_at = now() WHERE draft_id = $1`,
        [row.draft_id, status === 'sent' ? 'SENT' : 'FAILED', error],
      );
      const p = row.payload;
      const sent: ReplySentPayload = {
        draftId: p.draftId,
        channel: p.channel,
        to: p.to,
        subject: p.subject,
        body: p.body,
        messageId: p.reply.messageId,
        status,
        error,
        sentAt: new Date().toISOString(),
        autoSent: p.autoSent,
      };
      await this.outbox.add(m, createEvent(Topics.replySent, { producer: PRODUCER, conversationId: row.conversation_id, payload: sent }));
    });
    this.outbox.committed();
  }
}
