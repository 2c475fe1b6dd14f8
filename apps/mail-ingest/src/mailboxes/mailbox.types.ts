import { z } from 'zod';

const host = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'must be a host name or address');
const address = z.string().min(3).max(320);
const url = z
  .string()
  .url('must be a URL')
  .refine((u) => /^https?:\/\//.test(u), 'must be http(s)');

const passwordAuth = z
  .object({ kind: z.literal('password'), user: z.string().min(1).max(320), password: z.string().min(1).max(1024) })
  .strict();
const xoauth2Auth = z
  .object({
    kind: z.literal('xoauth2'),
    user: z.string().min(1).max(320),
    tokenUrl: url,
    clientId: z.string().min(1).max(1024),
    clientSecret: z.string().min(1).max(4096),
    refreshToken: z.string().min(1).max(8192),
    scope: z.string().min(1).max(1024).optional(),
  })
  .strict();
export const mailboxAuthSchema = z.discriminatedUnion('kind', [passwordAuth, xoauth2Auth]);
export type MailboxAuth = z.infer<typeof mailboxAuthSchema>;

const fields = {
  host,
  port: z.number().int().min(1).max(65535),
  tls: z.enum(['tls', 'starttls', 'plain']),
  auth: mailboxAuthSchema,
  folder: z.string().min(1).max(500),
  /** Copies of sent replies go here (IMAP APPEND by mail-send); null → no copy. */
  sentFolder: z.string().min(1).max(500).nullable(),
  fromAddress: address.nullable(),
  replyTo: address.nullable(),
  paused: z.boolean(),
};

export const createMailboxSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\s/]+$/, 'must not contain spaces or "/"'),
    ...fields,
    port: fields.port.optional(),
    tls: fields.tls.default('tls'),
    folder: fields.folder.default('INBOX'),
    sentFolder: fields.sentFolder.default(null),
    fromAddress: fields.fromAddress.default(null),
    replyTo: fields.replyTo.default(null),
    paused: fields.paused.default(false),
  })
  .strict();
export type CreateMailbox = z.infer<typeof createMailboxSchema>;

/** "Test connection" takes what a new mailbox is created with; it needs no name, since nothing is saved. */
export const testMailboxSchema = createMailboxSchema.partial({ name: true });
export type TestMailbox = z.infer<typeof testMailboxSchema>;

/** Every field may change but the name (it keys checkpoints and raw mail); `auth` is replaced as a whole. */
export const patchMailboxSchema = z.object(fields).partial().strict();
export type PatchMailbox = z.infer<typeof patchMailboxSchema>;

/** The secret half of `auth`, sealed in secrets_enc. */
export type MailboxSecrets = { password: string } | { clientSecret: string; refreshToken: string };

export interface MailboxRow {
  id: string;
  name: string;
  imap_host: string;
  imap_port: number;
  tls_mode: 'tls' | 'starttls' | 'plain';
  auth_kind: 'password' | 'xoauth2';
  username: string;
  oauth_token_url: string | null;
  oauth_client_id: string | null;
  oauth_scope: string | null;
  secrets_enc: string;
  folder: string;
  sent_folder: string | null;
  from_address: string | null;
  reply_to: string | null;
  paused: boolean;
  status: string;
  last_error: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** What the API shows: never a secret, only whether one is set. */
export function describeMailbox(
  row: MailboxRow,
  live?: { state: string; lastError: string | null; imported: number; lastSyncAt: string | null },
) {
  return {
    id: row.id,
    name: row.name,
    host: row.imap_host,
    port: row.imap_port,
    tls: row.tls_mode,
    auth:
      row.auth_kind === 'password'
        ? { kind: 'password' as const, user: row.username, password: '(set)' }
        : {
            kind: 'xoauth2' as const,
            user: row.username,
            tokenUrl: row.oauth_token_url,
            clientId: row.oauth_client_id,
            scope: row.oauth_scope,
            clientSecret: '(set)',
            refreshToken: '(set)',
          },
    folder: row.folder,
    sentFolder: row.sent_folder,
    fromAddress: row.from_address,
    replyTo: row.reply_to,
    paused: row.paused,
    status: live?.state ?? row.status,
    lastError: live ? live.lastError : row.last_error,
    imported: live?.imported ?? null,
    lastSyncAt: live?.lastSyncAt ?? null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
