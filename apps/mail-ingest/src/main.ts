import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { z } from 'zod';
import { MailIngestAppModule } from './mail-ingest-app.module';
import { mailIngestConfigShape } from './ingest/mail-ingest.options';

const service = 'mail-ingest';
const config = loadConfigOrExit(service, {
  ...serviceConfigShape(3003),
  ...mailIngestConfigShape,
  // The standalone service watches one mailbox from its environment; more come from the database and API.
  IMAP_HOST: z.string().min(1),
  IMAP_USER: z.string().min(1),
  IMAP_PASSWORD: z.string().min(1),
});
startService({
  service,
  module: MailIngestAppModule.forRoot(config, {
    mailboxes: [
      {
        name: config.IMAP_USER,
        host: config.IMAP_HOST,
        port: config.IMAP_PORT,
        secure: config.IMAP_SECURE,
        user: config.IMAP_USER,
        password: config.IMAP_PASSWORD,
        folder: config.IMAP_MAILBOX,
        resyncSeconds: config.IMAP_RESYNC_SECONDS,
      },
    ],
    smtpInbound: config.SMTP_INBOUND_PORT
      ? { host: config.SMTP_INBOUND_HOST, port: config.SMTP_INBOUND_PORT, maxBytes: config.SMTP_INBOUND_MAX_BYTES }
      : null,
    ownDomains: [config.MESSAGE_ID_DOMAIN],
  }),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
