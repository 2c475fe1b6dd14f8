import { createEvent, Topics } from '@draftdesk/contracts';
import { MailParseError, ParsedMail, storableText, toInboundPayload } from '@draftdesk/mail';
import { OutboxService } from '@draftdesk/messaging';
import { createLogger, inSpan, SpanKind } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { randomUUID, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { DataSource, EntityManager } from 'typeorm';
import { MailParsePool } from './mail-parse-pool.service';
import { RawMailRepository } from './raw-mail.repository';

const gzipAsync = promisify(gzip);

export const PRODUCER = 'mail-ingest';

export interface MailSource {
  mailbox: string;
  folder: string;
  uidValidity: bigint | null;
  uid: number | null;
}

export type IngestOutcome = 'accepted' | 'quarantined' | 'duplicate' | 'already-imported';

/**
 * Turns raw mail into durable state: the compressed source is kept for audit, and a parsed message becomes an
 * inbound event in the same transaction. Mail that cannot be parsed is kept and quarantined with the reason; it
 * never blocks the messages after it.
 */
@Injectable()
export class IngestService {
  private readonly log = createLogger(IngestService.name);

  constructor(
    private readonly parser: MailParsePool,
    private readonly dataSource: DataSource,
    private readonly rawMails: RawMailRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Off the main thread, within the configured time and size limits; never throws for the mail's content. */
  async parse(raw: Buffer): Promise<ParsedMail | MailParseError> {
    return this.parser.parse(raw);
  }

  /** Stores one message inside the caller's transaction (which also moves the mailbox checkpoint). */
  async store(
    m: EntityManager,
    raw: Buffer,
    parsed: ParsedMail | MailParseError,
    source: MailSource,
  ): Promise<IngestOutcome> {
    const id = randomUUID();
    const ok = !(parsed instanceof MailParseError);
    const messageId = ok ? parsed.messageId : null;
    // Hashing and compressing tens of megabytes run on the thread pool (WebCrypto, zlib), not on the event loop.
    const contentHash = ok
      ? parsed.contentHash
      : Buffer.from(await webcrypto.subtle.digest('SHA-256', raw)).toString('hex');
    const sourceGz = await gzipAsync(raw);
    // After a UIDVALIDITY change the same mail comes back under new UIDs: recognise it by Message-ID or hash.
    const seen = await this.rawMails.findAccepted(m, source.mailbox, messageId, contentHash);
    const status = !ok ? 'quarantined' : seen ? 'duplicate' : 'accepted';
    const inserted = await this.rawMails.insert(m, {
      id,
      mailbox: source.mailbox,
      folder: source.folder,
      uidValidity: source.uidValidity?.toString() ?? null,
      uid: source.uid,
      messageId,
      contentHash,
      size: raw.length,
      sourceGz,
      status,
      error: ok ? null : storableText(`${parsed.code}: ${parsed.message}`),
    });
    if (!inserted) return 'already-imported';
    if (status !== 'accepted' || !ok) return status;
    const payload = toInboundPayload(parsed, { rawMailId: id, mailbox: source.mailbox });
    // A customer's mail starts the trace that follows it to the sent reply.
    await inSpan(
      'receive mail',
      { kind: SpanKind.PRODUCER, attributes: { 'draftdesk.mailbox': source.mailbox, 'draftdesk.raw_mail_id': id } },
      () =>
        this.outbox.add(
          m,
          createEvent(Topics.inbound, {
            producer: PRODUCER,
            conversationId: null,
            key: payload.from.address.toLowerCase(),
            payload,
          }),
        ),
    );
    return 'accepted';
  }

  /** One message on its own (the SMTP listener, the retry command). */
  async ingestOne(raw: Buffer, source: MailSource): Promise<IngestOutcome> {
    const parsed = await this.parse(raw);
    const outcome = await this.dataSource.transaction((m) => this.store(m, raw, parsed, source));
    if (outcome === 'accepted') this.outbox.committed();
    if (outcome === 'quarantined')
      this.log.warn({ mailbox: source.mailbox, reason: (parsed as Error).message }, 'mail quarantined');
    return outcome;
  }
}
