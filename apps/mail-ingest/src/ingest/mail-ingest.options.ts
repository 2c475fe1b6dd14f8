import { env } from '@draftdesk/config';
import { z } from 'zod';

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
};

export interface ImapMailboxSettings {
  name: string;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
  resyncSeconds: number;
}

export interface MailIngestOptions {
  mailboxes: ImapMailboxSettings[];
  smtpInbound: { host: string; port: number; maxBytes: number } | null;
  ownDomains: string[];
}

export const MAIL_INGEST_OPTIONS = Symbol('MAIL_INGEST_OPTIONS');
