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
  /** The review API's integration token. */
  reviewApiToken(): string;
  /** The agent UI's admin password. */
  adminPassword(email: string): string;
}

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
 * Secrets kept in the data directory, so `curl -H "Authorization: Bearer $(cat data/review-api-token)"` works across
 * restarts; the admin password is fresh at every start and printed once.
 */
export function dataDirSecrets(dataDir: string): EmbeddedSecrets {
  return {
    chatSecretsKey: () => Buffer.from(persistentSecret(dataDir, 'chat-secrets.key', () => randomBytes(32).toString('base64')), 'base64'),
    mailboxSecretsKey: () => Buffer.from(persistentSecret(dataDir, 'mailbox-secrets.key', () => randomBytes(32).toString('base64')), 'base64'),
    mailAdminToken: () => persistentSecret(dataDir, 'mail-admin-token', () => randomBytes(24).toString('base64url')),
    reviewApiToken: () => persistentSecret(dataDir, 'review-api-token', () => randomBytes(24).toString('base64url')),
    adminPassword(email) {
      const password = randomBytes(12).toString('base64url');
      process.stdout.write(`agent UI sign-in: ${email} / ${password} (set REVIEW_ADMIN_PASSWORD to choose it)\n`);
      return password;
    },
  };
}
