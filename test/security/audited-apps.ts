import { loadConfig, parseSecretsKey } from '@draftdesk/config';
import { Realms, serviceConfigShape } from '@draftdesk/platform';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatGatewayAppModule } from '../../apps/chat-gateway/src/chat-gateway-app.module';
import { configureChatGatewayHttp } from '../../apps/chat-gateway/src/chat-gateway.module';
import { chatGatewayConfigShape, chatGatewayOptionsFromConfig } from '../../apps/chat-gateway/src/chat-gateway.options';
import { ConversationsAppModule } from '../../apps/conversations/src/conversations-app.module';
import { conversationsConfigShape } from '../../apps/conversations/src/conversations/conversations.options';
import { DrafterAppModule } from '../../apps/drafter/src/drafter-app.module';
import { drafterConfigShape, drafterOptionsFromConfig } from '../../apps/drafter/src/drafts/drafter.options';
import { EmbeddedAppModule } from '../../apps/embedded/src/embedded-app.module';
import { dataDirSecrets } from '../../apps/embedded/src/embedded-secrets.util';
import { embeddedConfigSchema, embeddedOptionsFromConfig } from '../../apps/embedded/src/embedded.options';
import { MailIngestAppModule } from '../../apps/mail-ingest/src/mail-ingest-app.module';
import { mailIngestConfigShape } from '../../apps/mail-ingest/src/ingest/mail-ingest.options';
import { MailSendAppModule } from '../../apps/mail-send/src/mail-send-app.module';
import { mailSendConfigShape } from '../../apps/mail-send/src/outbound/mail-send.options';
import { ReviewAppModule } from '../../apps/review/src/review-app.module';
import { reviewConfigShape, reviewOptionsFromConfig } from '../../apps/review/src/review.options';
import { TriageAppModule } from '../../apps/triage/src/triage-app.module';
import { triageConfigShape, triageOptionsFromConfig } from '../../apps/triage/src/triage/triage.options';
import { repoRoot } from '../support/engines';

/** The secrets every audited app is started with, so that each authenticator is switched on. */
export const SECRETS = {
  review: `review-${randomBytes(16).toString('hex')}`,
  kb: `kb-${randomBytes(16).toString('hex')}`,
  mailAdmin: `mail-${randomBytes(16).toString('hex')}`,
  chatAdmin: `chat-${randomBytes(16).toString('hex')}`,
  secretsKey: randomBytes(32).toString('base64'),
};

export interface AuditedApp {
  name: string;
  /** The root module exactly as the app's main.ts builds it from its environment. */
  module: (env: Record<string, string>) => DynamicModule;
  configure?: (app: INestApplication) => void;
  /** The Authorization header each realm of this app accepts. */
  credentials: Partial<Record<string, string>>;
}

const bearer = (token: string) => `Bearer ${token}`;

export const AUDITED_APPS: AuditedApp[] = [
  {
    name: 'conversations',
    module: (env) => {
      const c = loadConfig(
        { ...serviceConfigShape(3001), ...conversationsConfigShape },
        { ...env, REVIEW_API_TOKEN: SECRETS.review },
      );
      return ConversationsAppModule.forRoot(c, { apiToken: c.REVIEW_API_TOKEN });
    },
    credentials: { [Realms.conversations]: bearer(SECRETS.review) },
  },
  {
    name: 'chat-gateway',
    module: (env) => {
      const c = loadConfig(
        { ...serviceConfigShape(3002), ...chatGatewayConfigShape },
        { ...env, CHAT_SECRETS_KEY: SECRETS.secretsKey, CHAT_ADMIN_TOKEN: SECRETS.chatAdmin },
      );
      return ChatGatewayAppModule.forRoot(c, chatGatewayOptionsFromConfig(c));
    },
    configure: (app) => configureChatGatewayHttp(app),
    credentials: { [Realms.chatAdmin]: bearer(SECRETS.chatAdmin) },
  },
  {
    name: 'mail-ingest',
    module: (env) => {
      const c = loadConfig(
        { ...serviceConfigShape(3003), ...mailIngestConfigShape },
        { ...env, MAIL_ADMIN_TOKEN: SECRETS.mailAdmin },
      );
      return MailIngestAppModule.forRoot(c, {
        mailboxes: [],
        smtpInbound: null,
        ownDomains: [c.MESSAGE_ID_DOMAIN],
        secretsKey: parseSecretsKey(SECRETS.secretsKey),
        adminToken: c.MAIL_ADMIN_TOKEN,
        reconcileSeconds: c.MAILBOX_RECONCILE_SECONDS,
      });
    },
    credentials: { [Realms.mailAdmin]: bearer(SECRETS.mailAdmin) },
  },
  {
    name: 'triage',
    module: (env) => {
      const c = loadConfig({ ...serviceConfigShape(3004), ...triageConfigShape }, env);
      return TriageAppModule.forRoot(c, triageOptionsFromConfig(c));
    },
    credentials: {},
  },
  {
    name: 'drafter',
    module: (env) => {
      const c = loadConfig(
        { ...serviceConfigShape(3005), ...drafterConfigShape },
        { ...env, KB_API_TOKEN: SECRETS.kb },
      );
      return DrafterAppModule.forRoot(c, drafterOptionsFromConfig(c));
    },
    credentials: { [Realms.kb]: bearer(SECRETS.kb) },
  },
  {
    name: 'review',
    module: (env) => {
      const c = loadConfig(
        { ...serviceConfigShape(3006), ...reviewConfigShape },
        { ...env, REVIEW_API_TOKEN: SECRETS.review, REVIEW_LIVE_FANOUT: 'local' },
      );
      return ReviewAppModule.forRoot(c, reviewOptionsFromConfig(c, join(repoRoot, 'dist', 'apps', 'review', 'ui')));
    },
    credentials: { [Realms.review]: bearer(SECRETS.review) },
  },
  {
    name: 'mail-send',
    module: (env) => {
      const c = loadConfig(
        { ...serviceConfigShape(3007), ...mailSendConfigShape },
        { ...env, SMTP_HOST: '127.0.0.1', SMTP_PORT: '9' },
      );
      return MailSendAppModule.forRoot(c, {
        smtp: { host: c.SMTP_HOST!, port: c.SMTP_PORT, secure: false },
        from: c.MAIL_FROM,
        sentDir: c.SENT_DIR,
        maxAttempts: 1,
      });
    },
    credentials: {},
  },
  {
    name: 'embedded',
    module: (env) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'draftdesk-audit-'));
      const c = loadConfig(embeddedConfigSchema, {
        DATABASE_URL: env.DATABASE_URL,
        DRAFTDESK_DATA_DIR: dataDir,
        SMTP_INBOUND_PORT: env.SMTP_INBOUND_PORT,
        REVIEW_API_TOKEN: SECRETS.review,
        REVIEW_ADMIN_PASSWORD: randomBytes(12).toString('hex'),
        CHAT_ADMIN_TOKEN: SECRETS.chatAdmin,
        MAIL_ADMIN_TOKEN: SECRETS.mailAdmin,
        MAILBOX_SECRETS_KEY: SECRETS.secretsKey,
        CHAT_SECRETS_KEY: SECRETS.secretsKey,
      });
      return EmbeddedAppModule.forRoot(embeddedOptionsFromConfig(c, dataDirSecrets(dataDir)), env.DATABASE_URL);
    },
    configure: (app) => configureChatGatewayHttp(app),
    // One process, one desk: the review token also reads conversations and edits the knowledge base.
    credentials: {
      [Realms.review]: bearer(SECRETS.review),
      [Realms.conversations]: bearer(SECRETS.review),
      [Realms.kb]: bearer(SECRETS.review),
      [Realms.mailAdmin]: bearer(SECRETS.mailAdmin),
      [Realms.chatAdmin]: bearer(SECRETS.chatAdmin),
    },
  },
];
