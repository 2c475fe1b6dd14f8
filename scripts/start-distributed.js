#!/usr/bin/env node
// `npm run start:distributed`: draftdesk as it runs in production, on one machine. The engines from
// scripts/engines (PostgreSQL, Kafka, Dovecot, the SMTP relay), the schema migrated by the migrate app, then every
// app as its own process from dist/ — the same entry points the container images run — with a status table.
// Ctrl-C (or SIGTERM) stops the apps gracefully; the engines keep running (`npm run engines:down` stops them).
//
//   npm run start:distributed [-- --no-build] [--database draftdesk] [--status-every 30]
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

const APPS = [
  { name: 'conversations', port: 3001 },
  { name: 'chat-gateway', port: 3002 },
  { name: 'mail-ingest', port: 3003 },
  { name: 'triage', port: 3004 },
  { name: 'drafter', port: 3005 },
  { name: 'review', port: 3006 },
  { name: 'mail-send', port: 3007 },
];

function run(command, commandArgs, what, env = process.env) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stderr.write(`start:distributed: ${what} failed (exit ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
}

/** The engines' addresses as scripts/engines/up.sh wrote them. */
function enginesEnv() {
  const text = fs.readFileSync(path.join(root, '.engines', 'env'), 'utf8');
  return Object.fromEntries([...text.matchAll(/^export\s+([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2].trim()]));
}

/** Secrets made once and kept in data/distributed/, so a restart keeps tokens and sealed channel secrets valid. */
function keptSecret(name, make) {
  const dir = path.join(root, 'data', 'distributed');
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, make(), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function ready(app) {
  try {
    const res = await fetch(`http://127.0.0.1:${app.port}/health/ready`);
    return res.status === 200 ? 'ready' : `not ready (${res.status})`;
  } catch {
    return 'starting';
  }
}

async function statusTable(children) {
  const rows = await Promise.all(
    APPS.map(async (app) => {
      const child = children.get(app.name);
      const state =
        child.exitCode !== null || child.signalCode
          ? `exited (${child.exitCode ?? child.signalCode})`
          : await ready(app);
      return [app.name, String(app.port), String(child.pid), state, `test-artifacts/distributed/${app.name}.log`];
    }),
  );
  const header = ['app', 'port', 'pid', 'state', 'log'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main() {
  run('bash', [path.join(root, 'scripts', 'engines', 'up.sh')], 'starting the engines');
  if (!args.includes('--no-build')) run(process.execPath, [path.join(root, 'scripts', 'build.js')], 'the build');
  const engines = enginesEnv();
  const database = option('database', 'draftdesk');
  const databaseUrl = engines.DATABASE_URL.replace(/\/[^/]+$/, `/${database}`);
  run(process.execPath, [path.join(root, 'dist', 'apps', 'migrate', 'src', 'main.js')], 'the migration', {
    ...process.env,
    DATABASE_URL: databaseUrl,
  });

  const reviewToken = keptSecret('review-api-token', () => randomBytes(24).toString('base64url'));
  const common = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: engines.KAFKA_BROKERS,
    ...(process.env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { OTEL_EXPORTER_OTLP_ENDPOINT: process.env.OTEL_EXPORTER_OTLP_ENDPOINT }
      : {}),
  };
  const specific = {
    'chat-gateway': { CHAT_SECRETS_KEY: keptSecret('chat-secrets.key', () => randomBytes(32).toString('base64')) },
    // Dovecot's support mailbox (scripts/engines/README.md); mail sent to support@shop.test through the relay lands there.
    'mail-ingest': {
      IMAP_HOST: engines.IMAP_HOST,
      IMAP_PORT: engines.IMAP_PORT,
      IMAP_SECURE: 'false',
      IMAP_USER: 'support@shop.test',
      IMAP_PASSWORD: 'support-pass',
    },
    review: {
      REVIEW_API_TOKEN: reviewToken,
      REVIEW_ADMIN_EMAIL: 'admin@shop.test',
      REVIEW_ADMIN_PASSWORD: keptSecret('admin-password', () => randomBytes(12).toString('base64url')),
    },
    'mail-send': {
      SMTP_HOST: engines.SMTP_HOST,
      SMTP_PORT: engines.SMTP_PORT,
      MAIL_FROM: 'Support <support@shop.test>',
    },
  };

  const logs = path.join(root, 'test-artifacts', 'distributed');
  fs.mkdirSync(logs, { recursive: true });
  const children = new Map();
  for (const app of APPS) {
    const env = { ...common, PORT: String(app.port), ...(specific[app.name] ?? {}) };
    const child = spawn(process.execPath, [path.join(root, 'dist', 'apps', app.name, 'src', 'main.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = fs.createWriteStream(path.join(logs, `${app.name}.log`), { flags: 'a' });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    children.set(app.name, child);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nstopping the apps (SIGTERM, 30 s grace)…\n');
    const exits = [...children.values()].map(
      (c) => new Promise((resolve) => (c.exitCode !== null || c.signalCode ? resolve() : c.once('exit', resolve))),
    );
    for (const c of children.values()) c.kill('SIGTERM');
    const grace = setTimeout(() => [...children.values()].forEach((c) => c.kill('SIGKILL')), 30_000);
    await Promise.all(exits);
    clearTimeout(grace);
    process.stdout.write('stopped; the engines keep running (npm run engines:down stops them)\n');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const states = await Promise.all(APPS.map(ready));
    if (states.every((s) => s === 'ready')) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  process.stdout.write(`\n${await statusTable(children)}\n\n`);
  process.stdout.write(
    [
      'draftdesk (distributed) is up:',
      `  agent desk      http://127.0.0.1:3006/  (admin@shop.test / ${specific.review.REVIEW_ADMIN_PASSWORD})`,
      `  review API      Authorization: Bearer ${reviewToken}`,
      '  customer mail   SMTP 127.0.0.1:' + engines.SMTP_PORT + ' to support@shop.test (read by mail-ingest over IMAP)',
      `  database        ${databaseUrl}`,
      `  Kafka           ${engines.KAFKA_BROKERS}`,
      'Ctrl-C stops the apps.',
      '',
    ].join('\n'),
  );
  const every = Number(option('status-every', '0'));
  if (every > 0) setInterval(async () => process.stdout.write(`\n${await statusTable(children)}\n`), every * 1000);
  for (const [name, child] of children) {
    child.once('exit', (code, signal) => {
      if (!stopping)
        process.stdout.write(`${name} exited (${code ?? signal}); see test-artifacts/distributed/${name}.log\n`);
    });
  }
}

main().catch((error) => {
  process.stderr.write(`start:distributed: ${error.stack ?? error}\n`);
  process.exit(1);
});
