import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A secret made once per data directory and kept there, readable by its owner only. */
function persistentSecret(dataDir: string, name: string, make: () => string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

/** The key sealing chat channel secrets at rest. */
export function embeddedChatSecretsKey(dataDir: string): Buffer {
  return Buffer.from(persistentSecret(dataDir, 'chat-secrets.key', () => randomBytes(32).toString('base64')), 'base64');
}

/** The review API's integration token, so `curl -H "Authorization: Bearer $(cat data/review-api-token)"` works. */
export function embeddedReviewApiToken(dataDir: string): string {
  return persistentSecret(dataDir, 'review-api-token', () => randomBytes(24).toString('base64url'));
}

/** The key sealing mailbox credentials (IMAP passwords, OAuth refresh tokens) stored through /v1/mailboxes. */
export function embeddedMailboxSecretsKey(dataDir: string): Buffer {
  return Buffer.from(persistentSecret(dataDir, 'mailbox-secrets.key', () => randomBytes(32).toString('base64')), 'base64');
}

/** The bearer token for /v1/mailboxes, so `curl -H "Authorization: Bearer $(cat data/mail-admin-token)"` works. */
export function embeddedMailAdminToken(dataDir: string): string {
  return persistentSecret(dataDir, 'mail-admin-token', () => randomBytes(24).toString('base64url'));
}
