import { baseConfigShape, ConfigError, env } from '@draftdesk/config';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ChatGatewayOptions, chatGatewayConfigShape, chatGatewayOptionsFromConfig } from '../../chat-gateway/src';
import { DrafterOptions, drafterConfigRules, drafterConfigShape, drafterOptionsFromConfig } from '../../drafter/src';
import { MailIngestOptions, mailIngestConfigShape, mailIngestOptionsFromConfig } from '../../mail-ingest/src';
import {
  MailSendOptions,
  mailSendConfigRules,
  mailSendConfigShape,
  mailSendOptionsFromConfig,
} from '../../mail-send/src';
import { ReviewOptions, reviewConfigShape, reviewOptionsFromConfig } from '../../review/src';
import { TriageOptions, triageConfigRules, triageConfigShape, triageOptionsFromConfig } from '../../triage/src';
import { DemoChatChannel, demoChatChannel, localUrl } from './demo-chat.util';
import { EmbeddedSecrets, SECRET_FILES } from './embedded-secrets.util';

/**
 * The embedded mode composes every service in one process, so it is the one place that imports the apps' settings
 * and options functions. Its schema is the union of theirs; only the embedded defaults differ (below), and each
 * feature module gets its options from the same function its own main.ts uses, so no setting can be left behind.
 */
export const embeddedConfigShape = {
  ...mailIngestConfigShape,
  ...mailSendConfigShape,
  ...triageConfigShape,
  ...drafterConfigShape,
  ...reviewConfigShape,
  ...chatGatewayConfigShape,
  NODE_ENV: baseConfigShape.NODE_ENV,
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  /** `text`: the banner on the terminal, JSON lines in <data dir>/logs/draftdesk.log; `json`: JSON on stdout. */
  LOG_FORMAT: z.enum(['text', 'json']).default('text'),
  DATABASE_POOL_SIZE: baseConfigShape.DATABASE_POOL_SIZE,
  /** Use a real PostgreSQL instead of PGlite (the transport stays in-process). */
  DATABASE_URL: baseConfigShape.DATABASE_URL.optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: env.port().default(3000),
  /** Where PGlite keeps its files, generated secrets are kept and replies are written without an SMTP server. */
  DRAFTDESK_DATA_DIR: z.string().default('data'),
  /** Loopback port PGlite is served on over the Postgres wire protocol. */
  EMBEDDED_PG_PORT: env.port().default(54329),
  // Embedded defaults: secrets generated on first start and kept in the data directory, mail accepted on 2525,
  // replies written to <data dir>/sent, an admin to sign in as, and live updates within this one process.
  CHAT_SECRETS_KEY: chatGatewayConfigShape.CHAT_SECRETS_KEY.optional(),
  SMTP_INBOUND_PORT: env.port().default(2525),
  SENT_DIR: z.string().min(1).optional(),
  REVIEW_ADMIN_EMAIL: reviewConfigShape.REVIEW_ADMIN_EMAIL.unwrap().default('admin@shop.test'),
  REVIEW_LIVE_FANOUT: reviewConfigShape.REVIEW_LIVE_FANOUT.unwrap().default('local'),
};

/**
 * The embedded mode's settings with the services' cross-field rules. Mail ingest's rule (MAIL_ADMIN_TOKEN needs
 * MAILBOX_SECRETS_KEY) always holds here: a missing key is generated in the data directory.
 */
export const embeddedConfigSchema = z.object(embeddedConfigShape).superRefine((config, ctx) => {
  mailSendConfigRules(config, ctx);
  triageConfigRules(config, ctx);
  drafterConfigRules(config, ctx);
});

export type EmbeddedConfig = z.infer<typeof embeddedConfigSchema>;

export interface EmbeddedOptions {
  dataDir: string;
  http: { host: string; port: number };
  logLevel: EmbeddedConfig['LOG_LEVEL'];
  /** JSON log lines go to this file; null → stdout. */
  logFile: string | null;
  /** The admin a person signs in as, and the file the password is kept in (null when REVIEW_ADMIN_PASSWORD gave it). */
  admin: { email: string; password: string; keptIn: string | null };
  /** The chat channel made up when CHAT_CHANNELS_JSON names none. */
  demoChat: DemoChatChannel | null;
  /** `url` null → PGlite in `pglite.dir`, served on `pglite.port`. */
  database: { url: string | null; poolSize: number; pglite: { dir: string; port: number } | null };
  mailIngest: MailIngestOptions;
  chatGateway: ChatGatewayOptions;
  triage: TriageOptions;
  drafter: DrafterOptions;
  review: ReviewOptions;
  mailSend: MailSendOptions;
}

/** Every feature module's options from one validated environment; throws a ConfigError for a bad kept admin password. */
export function embeddedOptionsFromConfig(config: EmbeddedConfig, secrets: EmbeddedSecrets): EmbeddedOptions {
  const dataDir = resolve(config.DRAFTDESK_DATA_DIR);
  const admin = embeddedAdmin(config, secrets, dataDir);
  const demoChat = config.CHAT_CHANNELS_JSON
    ? null
    : demoChatChannel(secrets, dataDir, localUrl(config.HOST, config.PORT));
  const filled = {
    ...config,
    CHAT_SECRETS_KEY: config.CHAT_SECRETS_KEY ?? secrets.chatSecretsKey(),
    CHAT_CHANNELS_JSON: config.CHAT_CHANNELS_JSON ?? [demoChat!.channel],
    MAILBOX_SECRETS_KEY: config.MAILBOX_SECRETS_KEY ?? secrets.mailboxSecretsKey(),
    MAIL_ADMIN_TOKEN: config.MAIL_ADMIN_TOKEN ?? secrets.mailAdminToken(),
    CHAT_ADMIN_TOKEN: config.CHAT_ADMIN_TOKEN ?? secrets.chatAdminToken(),
    // The settings page reaches mail-ingest's and chat-gateway's admin APIs in this same process.
    MAIL_INGEST_URL: config.MAIL_INGEST_URL ?? localUrl(config.HOST, config.PORT),
    CHAT_GATEWAY_URL: config.CHAT_GATEWAY_URL ?? localUrl(config.HOST, config.PORT),
    REVIEW_API_TOKEN: config.REVIEW_API_TOKEN ?? secrets.reviewApiToken(),
    REVIEW_ADMIN_PASSWORD: admin.password,
    SENT_DIR: config.SENT_DIR ?? join(dataDir, 'sent'),
  };
  return {
    dataDir,
    http: { host: config.HOST, port: config.PORT },
    logLevel: config.LOG_LEVEL,
    logFile: config.LOG_FORMAT === 'text' ? join(dataDir, 'logs', 'draftdesk.log') : null,
    admin,
    demoChat,
    // PGlite is one Postgres session behind the socket: one pooled connection keeps transactions apart.
    database: config.DATABASE_URL
      ? { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, pglite: null }
      : { url: null, poolSize: 1, pglite: { dir: join(dataDir, 'pglite'), port: config.EMBEDDED_PG_PORT } },
    // PGlite's advisory locks would always be granted (one session for everything), and one process owns it anyway.
    mailIngest: mailIngestOptionsFromConfig(filled, { mailboxLeases: !!config.DATABASE_URL }),
    chatGateway: chatGatewayOptionsFromConfig(filled),
    triage: triageOptionsFromConfig(filled),
    drafter: drafterOptionsFromConfig(filled),
    // The agent UI is built beside the compiled review service: dist/apps/review/ui.
    review: reviewOptionsFromConfig(filled, join(__dirname, '..', '..', 'review', 'ui')),
    mailSend: mailSendOptionsFromConfig(filled),
  };
}

/** The admin's password: REVIEW_ADMIN_PASSWORD, else the one made on the first start and kept in the data directory. */
function embeddedAdmin(config: EmbeddedConfig, secrets: EmbeddedSecrets, dataDir: string): EmbeddedOptions['admin'] {
  const email = config.REVIEW_ADMIN_EMAIL;
  if (config.REVIEW_ADMIN_PASSWORD) return { email, password: config.REVIEW_ADMIN_PASSWORD, keptIn: null };
  const keptIn = join(dataDir, SECRET_FILES.adminPassword);
  const password = secrets.adminPassword();
  // The file is edited by hand to change the password, so it is held to REVIEW_ADMIN_PASSWORD's rule.
  if (password.length < 12)
    throw new ConfigError([
      `${keptIn}: the admin password must be at least 12 characters (or set REVIEW_ADMIN_PASSWORD)`,
    ]);
  return { email, password, keptIn };
}
