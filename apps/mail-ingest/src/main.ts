import 'reflect-metadata';
import { loadConfigOrExit, parseSecretsKey } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { z } from 'zod';
import { MailIngestAppModule } from './mail-ingest-app.module';
import { mailIngestConfigShape, mailParseSettings } from './ingest/mail-ingest.options';

const service = 'mail-ingest';
const config = loadConfigOrExit(service, {
  ...serviceConfigShape(3003),
  ...mailIngestConfigShape,
  // The standalone service watches one mailbox from its environment; more come from the database and API.
  IMAP_HOST: z.string().min(1),
  IMAP_USER: z.string().min(1),
  IMAP_PASSWORD: z.string().min(1),
  MAILBOX_SECRETS_KEY: z
    .string()
    .min(1)
    .transform((v, ctx) => {
      try {
        return parseSecretsKey(v);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
});
if (config.MAIL_ADMIN_TOKEN && !config.MAILBOX_SECRETS_KEY) {
  process.stderr.write(`${service}: refusing to start, invalid configuration:\n  - MAILBOX_SECRETS_KEY is required when MAIL_ADMIN_TOKEN is set\n`);
  process.exit(78);
}
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
    secretsKey: config.MAILBOX_SECRETS_KEY ?? null,
    adminToken: config.MAIL_ADMIN_TOKEN ?? null,
    reconcileSeconds: config.MAILBOX_RECONCILE_SECONDS,
    parse: mailParseSettings(config),
  }),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
