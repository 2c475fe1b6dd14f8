import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the embedded mode makes up when the environment does not give it; asked only for what is missing. */
export interface EmbeddedSecrets {
  /** The key sealing chat channel secrets at rest. */
  chatSecretsKey(): Buffer;
  /** The key sealing mailbox credentials (IMAP passwords, OAuth refresh tokens) stored through /v1/mailboxes. */
  mailboxSecretsKey(): Buffer;
  /** The bearer token for /v1/mailboxes. */
  mailAdminToken(): string;
  /** The bearer token for /v1/chat/channels (the settings page's chat channels go through it). */
  chatAdminToken(): string;
  /** The review API's integration token. */
  reviewApiToken(): string;
  /** The agent UI's admin password. */
  adminPassword(): string;
  /** The signing secret of the demo chat channel (whsec_<base64>). */
  demoChatSecret(): string;
}

/** The files in the data directory that hold what a person needs to reach the suite. */
export const SECRET_FILES = {
  reviewApiToken: 'review-api-token',
  mailAdminToken: 'mail-admin-token',
  chatAdminToken: 'chat-admin-token',
  adminPassword: 'admin-password',
  demoChatSecret: 'demo-chat-secret',
} as const;

/** A secret made once per data directory and kept there, readable by its owner only. */
function persistentSecret(dataDir: string, name: string, make: () => string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

/**
 * Secrets kept in the data directory, so `curl -H "Authorization: Bearer $(cat data/review-api-token)"`, the admin's
 * sign-in and the demo chat's curl line keep working across restarts.
 */
export function dataDirSecrets(dataDir: string): EmbeddedSecrets {
  return {
    chatSecretsKey: () =>
      Buffer.from(
        persistentSecret(dataDir, 'chat-secrets.key', () => randomBytes(32).toString('base64')),
        'base64',
      ),
    mailboxSecretsKey: () =>
      Buffer.from(
        persistentSecret(dataDir, 'mailbox-secrets.key', () => randomBytes(32).toString('base64')),
        'base64',
      ),
    mailAdminToken: () =>
      persistentSecret(dataDir, SECRET_FILES.mailAdminToken, () => randomBytes(24).toString('base64url')),
    chatAdminToken: () =>
      persistentSecret(dataDir, SECRET_FILES.chatAdminToken, () => randomBytes(24).toString('base64url')),
    reviewApiToken: () =>
      persistentSecret(dataDir, SECRET_FILES.reviewApiToken, () => randomBytes(24).toString('base64url')),
    adminPassword: () =>
      persistentSecret(dataDir, SECRET_FILES.adminPassword, () => randomBytes(12).toString('base64url')),
    demoChatSecret: () =>
      persistentSecret(dataDir, SECRET_FILES.demoChatSecret, () => `whsec_${randomBytes(24).toString('base64')}`),
  };
}
