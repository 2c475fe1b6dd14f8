import { BaseConfig, configProblem, env } from '@draftdesk/config';
import { serviceConfigShape } from '@draftdesk/platform';
import { z } from 'zod';
import { AutoReplyCap } from './auto-reply-cap.util';
import { SentCopyTarget } from './sent-copy.util';

export const mailSendConfigShape = {
  /** SMTP server replies go out through. Unset only in the embedded mode, which writes them to SENT_DIR. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: env.port().default(587),
  SMTP_SECURE: env.bool().default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Support <support@shop.test>'),
  SENT_DIR: z.string().default('data/sent'),
  SEND_MAX_ATTEMPTS: env.int().pipe(z.number().min(1).max(50)).default(8),
  /** How long a reply being sent is held by its worker without renewal: a crashed worker's replies are retried after this. */
  SEND_LEASE_SECONDS: env.int().pipe(z.number().min(3).max(600)).default(15),
  /** Automatic replies allowed per conversation and per recipient address in AUTO_REPLY_WINDOW_HOURS. */
  AUTO_REPLY_CAP: env.int().pipe(z.number().min(1).max(1000)).default(3),
  AUTO_REPLY_WINDOW_HOURS: env
    .int()
    .pipe(
      z
        .number()
        .min(1)
        .max(24 * 30),
    )
    .default(24),
  /** DKIM signing: all three or none. The key is PEM (literal newlines or "\n"). */
  DKIM_DOMAIN: z.string().min(1).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY: z.string().min(1).optional(),
  /** Copy of every reply sent for the env mailbox (MAIL_FROM) into this IMAP folder; mailboxes in the table set their own. */
  SENT_FOLDER: z.string().min(1).optional(),
  IMAP_HOST: z.string().min(1).optional(),
  IMAP_PORT: env.port().default(993),
  IMAP_TLS: z.enum(['tls', 'starttls', 'plain']).default('tls'),
  IMAP_USER: z.string().min(1).optional(),
  IMAP_PASSWORD: z.string().min(1).optional(),
  /** Opens the credentials of mailboxes in the table (same key as mail-ingest's) for their Sent copies. */
  MAILBOX_SECRETS_KEY: env.secretsKey().optional(),
};

export interface DkimSettings {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface MailSendOptions {
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string } | null;
  from: string;
  sentDir: string;
  maxAttempts: number;
  /** Absent → 15 s. */
  leaseSeconds?: number;
  /**
   * Hold an advisory lock on a connection of its own for the worker's life, so other replicas retry a killed
   * worker's replies at once instead of after the lease. Off in the embedded mode: one process, no one to notice.
   */
  workerLock?: boolean;
  /** Absent → 3 per 24 h. */
  autoReplyCap?: AutoReplyCap;
  dkim?: DkimSettings | null;
  /** Sent copy for replies not sent through a mailbox of the table. */
  sentCopy?: SentCopyTarget | null;
  secretsKey?: Buffer | null;
  /** Whether the SMTP and IMAP servers' certificates are verified (in production); absent → not verified. */
  verifyTls?: boolean;
}

export const DEFAULT_AUTO_REPLY_CAP: AutoReplyCap = { max: 3, windowHours: 24 };
export const DEFAULT_LEASE_SECONDS = 15;

export type MailSendConfig = z.infer<z.ZodObject<typeof mailSendConfigShape>>;

const DKIM_VARIABLES = ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY'] as const;
const SENT_COPY_VARIABLES = ['SENT_FOLDER', 'IMAP_HOST', 'IMAP_USER', 'IMAP_PASSWORD'] as const;

/** DKIM is all three variables or none; a Sent copy needs its IMAP account. */
export function mailSendConfigRules(
  config: Pick<MailSendConfig, (typeof DKIM_VARIABLES)[number] | (typeof SENT_COPY_VARIABLES)[number]>,
  ctx: z.RefinementCtx,
): void {
  if (DKIM_VARIABLES.some((variable) => config[variable])) {
    for (const variable of DKIM_VARIABLES)
      if (!config[variable])
        configProblem(
          ctx,
          variable,
          'is required: DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY must be set together',
        );
  }
  if (config.SENT_FOLDER) {
    for (const variable of SENT_COPY_VARIABLES.slice(1))
      if (!config[variable])
        configProblem(ctx, variable, 'is required: SENT_FOLDER needs IMAP_HOST, IMAP_USER and IMAP_PASSWORD');
  }
}

/** The mail-send service's settings: a distributed mail-send must have an SMTP server (only the embedded mode writes files). */
export const mailSendConfigSchema = z
  .object({ ...serviceConfigShape(3007), ...mailSendConfigShape, SMTP_HOST: z.string().min(1) })
  .superRefine(mailSendConfigRules);

/** DKIM and Sent-copy settings from settings validated by mailSendConfigRules. */
export function mailSendExtras(config: MailSendConfig): Pick<MailSendOptions, 'autoReplyCap' | 'dkim' | 'sentCopy'> {
  return {
    autoReplyCap: { max: config.AUTO_REPLY_CAP, windowHours: config.AUTO_REPLY_WINDOW_HOURS },
    dkim: config.DKIM_DOMAIN
      ? {
          domainName: config.DKIM_DOMAIN,
          keySelector: config.DKIM_SELECTOR!,
          privateKey: config.DKIM_PRIVATE_KEY!.replace(/\\n/g, '\n'),
        }
      : null,
    sentCopy: config.SENT_FOLDER
      ? {
          host: config.IMAP_HOST!,
          port: config.IMAP_PORT,
          tls: config.IMAP_TLS,
          user: config.IMAP_USER!,
          password: config.IMAP_PASSWORD!,
          folder: config.SENT_FOLDER,
        }
      : null,
  };
}

/**
 * From validated settings to the module's options, for the service and the embedded mode alike; without SMTP_HOST
 * (embedded only) replies are written to SENT_DIR.
 */
export function mailSendOptionsFromConfig(config: MailSendConfig & Pick<BaseConfig, 'NODE_ENV'>): MailSendOptions {
  return {
    smtp: config.SMTP_HOST
      ? {
          host: config.SMTP_HOST,
          port: config.SMTP_PORT,
          secure: config.SMTP_SECURE,
          user: config.SMTP_USER,
          password: config.SMTP_PASSWORD,
        }
      : null,
    from: config.MAIL_FROM,
    sentDir: config.SENT_DIR,
    maxAttempts: config.SEND_MAX_ATTEMPTS,
    leaseSeconds: config.SEND_LEASE_SECONDS,
    ...mailSendExtras(config),
    secretsKey: config.MAILBOX_SECRETS_KEY ?? null,
    verifyTls: config.NODE_ENV === 'production',
  };
}

export const MAIL_SEND_OPTIONS = Symbol('MAIL_SEND_OPTIONS');
