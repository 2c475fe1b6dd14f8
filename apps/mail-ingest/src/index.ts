// Mail ingest's public face: what the embedded suite composes. Other apps import only from here.
export { MailIngestModule } from './ingest/mail-ingest.module';
export {
  mailIngestConfigRules,
  mailIngestConfigSchema,
  mailIngestConfigShape,
  mailIngestOptionsFromConfig,
  mailParseSettings,
} from './ingest/mail-ingest.options';
export type { MailIngestOptions } from './ingest/mail-ingest.options';
export { MailboxSentCopyReadModel } from './mailboxes/mailbox-sent-copy.read-model';
export type { MailboxSentCopy } from './mailboxes/mailbox-sent-copy.read-model';
export { PRODUCER as MAIL_INGEST_PRODUCER } from './ingest/ingest.service';
export { RawMailRepository } from './ingest/raw-mail.repository';
export type { SqlRunner } from './ingest/raw-mail.repository';
