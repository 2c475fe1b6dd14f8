import { DatabaseModule } from '@draftdesk/database';
import { MessagingModule } from '@draftdesk/messaging';
import { ObservabilityModule } from '@draftdesk/observability';
import { DynamicModule, Module } from '@nestjs/common';
import { ChatGatewayModule } from '../../chat-gateway/src/chat-gateway.module';
import { chatGatewayOptions } from '../../chat-gateway/src/chat-gateway.options';
import { ConversationsModule } from '../../conversations/src/conversations/conversations.module';
import { drafterOptionsFromConfig } from '../../drafter/src/drafts/drafter.options';
import { DraftsModule } from '../../drafter/src/drafts/drafts.module';
import { MailIngestModule } from '../../mail-ingest/src/ingest/mail-ingest.module';
import { mailParseSettings } from '../../mail-ingest/src/ingest/mail-ingest.options';
import { MailSendModule } from '../../mail-send/src/outbound/mail-send.module';
import { ReviewModule } from '../../review/src/drafts/review.module';
import { TriageModule } from '../../triage/src/triage/triage.module';
import { embeddedConfigShape } from './embedded.options';
import { z } from 'zod';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type EmbeddedConfig = z.infer<z.ZodObject<typeof embeddedConfigShape>>;

/** The agent UI needs someone to sign in as: the given password, or a fresh one printed once at start. */
function embeddedAdminPassword(email: string, given: string | undefined): string {
  if (given) return given;
  const password = randomBytes(12).toString('base64url');
  process.stdout.write(`agent UI sign-in: ${email} / ${password} (set REVIEW_ADMIN_PASSWORD to choose it)\n`);
  return password;
}

/** Every service's feature module in one process, on one database, joined by the in-process transport. */
@Module({})
export class EmbeddedAppModule {
  static forRoot(
    config: EmbeddedConfig,
    databaseUrl: string,
    poolSize: number,
    chatSecretsKey: Buffer,
    mailboxes: { secretsKey: Buffer; adminToken: string },
  ): DynamicModule {
    return {
      module: EmbeddedAppModule,
      imports: [
        ObservabilityModule,
        DatabaseModule.forRoot({ url: databaseUrl, poolSize, applicationName: 'draftdesk-embedded' }),
        MessagingModule.forRoot({ transport: 'in-process', relayProducers: null, pollIntervalMs: 250 }),
        MailIngestModule.register({
          mailboxes:
            config.IMAP_HOST && config.IMAP_USER && config.IMAP_PASSWORD
              ? [
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
                ]
              : [],
          smtpInbound: { host: config.SMTP_INBOUND_HOST, port: config.SMTP_INBOUND_PORT, maxBytes: config.SMTP_INBOUND_MAX_BYTES },
          ownDomains: [config.MESSAGE_ID_DOMAIN],
          secretsKey: mailboxes.secretsKey,
          adminToken: mailboxes.adminToken,
          reconcileSeconds: config.MAILBOX_RECONCILE_SECONDS,
          // PGlite is one session for the whole process: its advisory locks would always be granted, and a second
          // connection for them is one PGlite does not keep apart. One process owns that database anyway.
          mailboxLeases: !!config.DATABASE_URL,
          parse: mailParseSettings(config),
        }),
        ChatGatewayModule.register(chatGatewayOptions({ ...config, CHAT_SECRETS_KEY: chatSecretsKey })),
        ConversationsModule,
        TriageModule,
        DraftsModule.register(drafterOptionsFromConfig(config)),
        ReviewModule.register({
          apiToken: config.REVIEW_API_TOKEN,
          admin: { email: config.REVIEW_ADMIN_EMAIL, password: embeddedAdminPassword(config.REVIEW_ADMIN_EMAIL, config.REVIEW_ADMIN_PASSWORD) },
          cookieSecure: 'auto',
          uiDir: join(__dirname, '..', '..', 'review', 'ui'),
        }),
        MailSendModule.register({
          smtp: config.SMTP_HOST
            ? { host: config.SMTP_HOST, port: config.SMTP_PORT, secure: config.SMTP_SECURE, user: config.SMTP_USER, password: config.SMTP_PASSWORD }
            : null,
          from: config.MAIL_FROM,
          sentDir: config.SMTP_HOST ? config.SENT_DIR : join(config.DRAFTDESK_DATA_DIR, 'sent'),
          maxAttempts: config.SEND_MAX_ATTEMPTS,
        }),
      ],
    };
  }
}
