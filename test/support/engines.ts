import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

/** Settings written by scripts/engines/up.sh, overridable by the environment. */
function enginesEnv(): Record<string, string> {
  const file = join(repoRoot, '.engines', 'env');
  if (!existsSync(file)) return {};
  const vars: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^export\s+([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) vars[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  }
  return vars;
}

const fromFile = enginesEnv();
const get = (name: string, fallback: string) => process.env[name] ?? fromFile[name] ?? fallback;

export const engines = {
  databaseUrl: get('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/draftdesk_test'),
  kafkaBrokers: get('KAFKA_BROKERS', '127.0.0.1:9092'),
  imapHost: get('IMAP_HOST', '127.0.0.1'),
  imapPort: Number(get('IMAP_PORT', '1143')),
  smtpHost: get('SMTP_HOST', '127.0.0.1'),
  smtpPort: Number(get('SMTP_PORT', '2587')),
  /** Dovecot's catch-all accounts: any address in these domains logs in with this password. */
  catchAllPassword: 'pass',
};
