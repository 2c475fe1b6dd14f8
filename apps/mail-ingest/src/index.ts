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
