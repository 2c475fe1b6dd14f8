import { env, parseSecretsKey } from '@draftdesk/config';
import { mailIngestConfigShape } from '../../mail-ingest/src/ingest/mail-ingest.options';
import { mailSendConfigShape } from '../../mail-send/src/outbound/mail-send.options';
import { drafterConfigShape } from '../../drafter/src/drafts/drafter.options';
import { chatGatewayConfigShape } from '../../chat-gateway/src/chat-gateway.options';
import { z } from 'zod';

/**
 * The embedded mode composes every service in one process, so it is the one place that imports the apps'
 * modules and settings (each app stays independent of the others).
 */
export const embeddedConfigShape = {
  ...mailIngestConfigShape,
  ...mailSendConfigShape,
  ...drafterConfigShape,
  ...chatGatewayConfigShape,
  // Embedded: generated on first start and kept in the data directory when not given.
  CHAT_SECRETS_KEY: chatGatewayConfigShape.CHAT_SECRETS_KEY.optional(),
  MAILBOX_SECRETS_KEY: z
    .string()
    .min(1)
    .transform((value, ctx) => {
      try {
        return parseSecretsKey(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  PORT: env.port().default(3000),
  /** Where PGlite keeps its files and mail-send writes replies when no SMTP server is configured. */
  DRAFTDESK_DATA_DIR: z.string().default('data'),
  /** Loopback port PGlite is served on over the Postgres wire protocol. */
  EMBEDDED_PG_PORT: env.port().default(54329),
  /** Use a real PostgreSQL instead of PGlite (the transport stays in-process). */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  SMTP_INBOUND_PORT: env.port().default(2525),
  REVIEW_API_TOKEN: z.string().min(24).optional(),
  /** The embedded admin (admin@shop.test); a password is generated and printed at start when none is given. */
  REVIEW_ADMIN_EMAIL: z.string().email().default('admin@shop.test'),
  REVIEW_ADMIN_PASSWORD: z.string().min(12).optional(),
};
