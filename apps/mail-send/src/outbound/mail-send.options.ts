import { env } from '@draftdesk/config';
import { z } from 'zod';

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
};

export interface MailSendOptions {
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string } | null;
  from: string;
  sentDir: string;
  maxAttempts: number;
}

export const MAIL_SEND_OPTIONS = Symbol('MAIL_SEND_OPTIONS');
