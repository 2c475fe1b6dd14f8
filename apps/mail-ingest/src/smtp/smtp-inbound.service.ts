import { createLogger } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { IngestService } from '../ingest/ingest.service';
import { MAIL_INGEST_OPTIONS, MailIngestOptions } from '../ingest/mail-ingest.options';

/**
 * Inbound mail over SMTP, for shops that forward to draftdesk (and the embedded mode). The 250 answer is given
 * only after the message is committed, so the sending server keeps it until then.
 */
@Injectable()
export class SmtpInboundService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = createLogger(SmtpInboundService.name);
  private server: SMTPServer | null = null;

  constructor(
    @Inject(MAIL_INGEST_OPTIONS) private readonly options: MailIngestOptions,
    private readonly ingest: IngestService,
  ) {}

  async onApplicationBootstrap() {
    const settings = this.options.smtpInbound;
    if (!settings) return;
    this.server = new SMTPServer({
      name: 'draftdesk',
      banner: 'draftdesk inbound',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: settings.maxBytes,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        // A peer that goes away mid-DATA errors this stream; the mail was never accepted, so nothing is lost.
        stream.on('error', (error: Error) =>
          this.log.warn({ err: error, session: session.id }, 'inbound SMTP message stream failed'),
        );
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
            callback(Object.assign(new Error('message exceeds the size limit'), { responseCode: 552 }));
            return;
          }
          this.ingest
            .ingestOne(Buffer.concat(chunks), { mailbox: 'smtp', folder: 'INBOX', uidValidity: null, uid: null })
            .then((outcome) => {
              this.log.info({ outcome, session: session.id }, 'mail received over SMTP');
              callback();
            })
            .catch((error: Error) => {
              this.log.error({ err: error }, 'could not store inbound mail');
              callback(Object.assign(new Error('temporary failure, try again later'), { responseCode: 451 }));
            });
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(settings.port, settings.host, () => {
        this.server!.off('error', reject);
        resolve();
      });
    });
    // smtp-server re-emits every client socket error (a reset, a TLS failure) on the server: one client's broken
    // connection must cost only that connection, never the process.
    this.server.on('error', (error: Error & { code?: string; remoteAddress?: string }) =>
      this.log.warn({ err: error, code: error.code }, 'inbound SMTP connection failed'),
    );
    this.log.info({ port: settings.port, host: settings.host }, 'SMTP listener up');
  }

  async onApplicationShutdown() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
