import { BaseConfig, configProblem, env } from '@draftdesk/config';
import { serviceConfigShape } from '@draftdesk/platform';
import { z } from 'zod';
import { TlsMode } from '../imap/imap-client-options.util';
import { OAuthClientSettings } from '../imap/oauth-token.source';

export const mailIngestConfigShape = {
  IMAP_HOST: z.string().min(1).optional(),
  IMAP_PORT: env.port().default(993),
  IMAP_SECURE: env.bool().default(true),
  IMAP_USER: z.string().min(1).optional(),
  IMAP_PASSWORD: z.string().min(1).optional(),
  IMAP_MAILBOX: z.string().min(1).default('INBOX'),
  /** Safety net beside IDLE: a full catch-up at this interval even when the server said nothing. */
  IMAP_RESYNC_SECONDS: env.int().pipe(z.number().min(5)).default(60),
  /** Optional inbound SMTP listener (shops forwarding or pointing MX at draftdesk). */
  SMTP_INBOUND_PORT: env.port().optional(),
  SMTP_INBOUND_HOST: z.string().default('127.0.0.1'),
  SMTP_INBOUND_MAX_BYTES: env.int().default(25 * 1024 * 1024),
  MESSAGE_ID_DOMAIN: z.string().default('draftdesk.local'),
  /** Seals mailbox credentials stored through /v1/mailboxes: 32 bytes, base64. Without it that API is off. */
  MAILBOX_SECRETS_KEY: env.secretsKey().optional(),
  /** Bearer token for /v1/mailboxes and /v1/mail/quarantine; unset → both are closed (403). */
  MAIL_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How often the running watchers are brought in line with the mailboxes table. */
  MAILBOX_RECONCILE_SECONDS: env.int().pipe(z.number().min(1).max(3600)).default(5),
  /** Worker threads that parse mail off the main thread. */
  MAIL_PARSE_WORKERS: env.int().pipe(z.number().min(1).max(32)).default(2),
  /** A mail whose parsing takes longer is stopped and quarantined (TIMEOUT). */
  MAIL_PARSE_TIMEOUT_MS: env.int().pipe(z.number().min(100)).default(10_000),
  /** Heap of each parse worker; a mail that needs more is quarantined (TOO_LARGE). */
  MAIL_PARSE_MEMORY_MB: env.int().pipe(z.number().min(64)).default(512),
  /** Longest text body (after decoding or HTML conversion) taken in; longer mail is quarantined (TOO_LARGE). */
  MAIL_MAX_TEXT_CHARS: env.int().pipe(z.number().min(1000)).default(1_000_000),
  /** Longest HTML body taken in; longer mail is quarantined (TOO_LARGE). */
  MAIL_MAX_HTML_CHARS: env.int().pipe(z.number().min(1000)).default(4_000_000),
};

export interface MailParseSettings {
  workers: number;
  timeoutMs: number;
  workerMemoryMb: number;
  maxTextChars: number;
  maxHtmlChars: number;
}

type MailParseConfig = Partial<
  Record<
    | 'MAIL_PARSE_WORKERS'
    | 'MAIL_PARSE_TIMEOUT_MS'
    | 'MAIL_PARSE_MEMORY_MB'
    | 'MAIL_MAX_TEXT_CHARS'
    | 'MAIL_MAX_HTML_CHARS',
    number
  >
>;

/** The parse limits from validated configuration; a missing key takes its default. */
export function mailParseSettings(config: MailParseConfig): MailParseSettings {
  return {
    workers: config.MAIL_PARSE_WORKERS ?? 2,
    timeoutMs: config.MAIL_PARSE_TIMEOUT_MS ?? 10_000,
    workerMemoryMb: config.MAIL_PARSE_MEMORY_MB ?? 512,
    maxTextChars: config.MAIL_MAX_TEXT_CHARS ?? 1_000_000,
    maxHtmlChars: config.MAIL_MAX_HTML_CHARS ?? 4_000_000,
  };
}

export interface ImapMailboxSettings {
  name: string;
  host: string;
  port: number;
  secure: boolean;
  /** Mailboxes from the database say exactly how; absent → `secure` decides (the env mailbox). */
  tlsMode?: TlsMode;
  user: string;
  /** Password authentication; ignored when `oauth` is set. */
  password?: string;
  /** XOAUTH2: access tokens come from this refresh token. */
  oauth?: OAuthClientSettings;
  folder: string;
  resyncSeconds: number;
}

export interface MailIngestOptions {
  mailboxes: ImapMailboxSettings[];
  smtpInbound: { host: string; port: number; maxBytes: number } | null;
  ownDomains: string[];
  /** Enables mailboxes from the database and /v1/mailboxes (MAILBOX_SECRETS_KEY, decoded). */
  secretsKey?: Buffer | null;
  /** Whether IMAP servers' certificates are verified (in production); absent → not verified. */
  verifyTls?: boolean;
  adminToken?: string | null;
  reconcileSeconds?: number;
  /**
   * One replica per database mailbox, through a PostgreSQL advisory lock per mailbox (default on). Off only where a
   * single process owns the database anyway (embedded PGlite, which has one session for everything).
   */
  mailboxLeases?: boolean;
  /** Worker pool and size limits of mail parsing; absent → the defaults of mailParseSettings. */
  parse?: MailParseSettings;
}

export type MailIngestConfig = z.infer<z.ZodObject<typeof mailIngestConfigShape>>;

/** The mailbox API stores credentials sealed, so its token needs the key. */
export function mailIngestConfigRules(config: MailIngestConfig, ctx: z.RefinementCtx): void {
  if (config.MAIL_ADMIN_TOKEN && !config.MAILBOX_SECRETS_KEY)
    configProblem(ctx, 'MAILBOX_SECRETS_KEY', 'is required when MAIL_ADMIN_TOKEN is set');
}

/** The mail-ingest service's settings: it watches one mailbox from its environment; more come from the database and API. */
export const mailIngestConfigSchema = z
  .object({
    ...serviceConfigShape(3003),
    ...mailIngestConfigShape,
    IMAP_HOST: z.string().min(1),
    IMAP_USER: z.string().min(1),
    IMAP_PASSWORD: z.string().min(1),
  })
  .superRefine(mailIngestConfigRules);

/**
 * From settings validated by mailIngestConfigRules to the module's options, for the service and the embedded mode alike. The env mailbox is
 * watched when its host, user and password are set; the inbound SMTP listener runs when its port is set.
 */
export function mailIngestOptionsFromConfig(
  config: MailIngestConfig & Pick<BaseConfig, 'NODE_ENV'>,
  extra: Pick<MailIngestOptions, 'mailboxLeases'> = {},
): MailIngestOptions {
  return {
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
    smtpInbound: config.SMTP_INBOUND_PORT
      ? { host: config.SMTP_INBOUND_HOST, port: config.SMTP_INBOUND_PORT, maxBytes: config.SMTP_INBOUND_MAX_BYTES }
      : null,
    ownDomains: [config.MESSAGE_ID_DOMAIN],
    secretsKey: config.MAILBOX_SECRETS_KEY ?? null,
    adminToken: config.MAIL_ADMIN_TOKEN ?? null,
    reconcileSeconds: config.MAILBOX_RECONCILE_SECONDS,
    parse: mailParseSettings(config),
    verifyTls: config.NODE_ENV === 'production',
    ...extra,
  };
}

export const MAIL_INGEST_OPTIONS = Symbol('MAIL_INGEST_OPTIONS');
