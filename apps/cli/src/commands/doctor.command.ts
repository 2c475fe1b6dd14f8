import { env, loadConfig } from '@draftdesk/config';
import { MIGRATIONS, schemaStatus } from '@draftdesk/database';
import { loadShop } from '@draftdesk/shop';
import { ImapFlow } from 'imapflow';
import { Kafka, logLevel } from 'kafkajs';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import { z } from 'zod';

const USAGE = `usage: draftdesk doctor [--timeout-ms 5000]

Checks the configuration in the environment and every connection it names: Node.js, PostgreSQL (and the schema),
Kafka, the IMAP mailbox (login and IDLE), the SMTP server, the order source and the language-model server. One line
per check; a failed check says what to do. Exit code 0 when nothing failed.`;

/** Every setting doctor looks at; all optional, since what is unset is a choice (embedded mode, no mailbox…). */
const doctorShape = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  KAFKA_BROKERS: env.list().optional(),
  IMAP_HOST: z.string().optional(),
  IMAP_PORT: env.port().default(993),
  IMAP_SECURE: env.bool().default(true),
  IMAP_USER: z.string().optional(),
  IMAP_PASSWORD: z.string().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: env.port().default(587),
  SMTP_SECURE: env.bool().default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SHOP_DIR: z.string().default('samples/shop'),
  ORDERS_CONNECTOR: z.enum(['file', 'rest', 'shopify']).default('file'),
  ORDERS_REST_BY_NUMBER_URL: z.string().url().optional(),
  SHOPIFY_SHOP_URL: z.string().url().optional(),
  SHOPIFY_ACCESS_TOKEN: z.string().optional(),
  SHOPIFY_API_VERSION: z.string().default('2024-10'),
  DRAFTER_ENGINE: z.enum(['offline', 'openai']).default('offline'),
  TRIAGE_ENGINE: z.enum(['embedded', 'openai']).default('embedded'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().default('https://api.openai.com/v1'),
};
type DoctorConfig = z.infer<z.ZodObject<typeof doctorShape>>;

type Outcome = { status: 'ok' | 'fail' | 'skip'; detail: string; fix?: string };
interface Check {
  name: string;
  run: () => Promise<Outcome>;
}

const ok = (detail: string): Outcome => ({ status: 'ok', detail });
const skip = (detail: string): Outcome => ({ status: 'skip', detail });
const fail = (detail: string, fix: string): Outcome => ({ status: 'fail', detail, fix });

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const limit = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)),
  );
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

const message = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];
const redactUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

function checks(config: DoctorConfig, timeoutMs: number): Check[] {
  return [
    {
      name: 'node',
      run: async () => {
        const [major, minor] = process.versions.node.split('.').map(Number);
        const supported = (major === 20 && minor >= 19) || major >= 22;
        return supported
          ? ok(`Node.js ${process.versions.node}`)
          : fail(`Node.js ${process.versions.node}`, 'install Node.js 20.19 or later (package.json "engines")');
      },
    },
    {
      name: 'database',
      run: async () => {
        if (!config.DATABASE_URL) return skip('DATABASE_URL unset: embedded mode uses its own PGlite database');
        const client = new Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: timeoutMs });
        try {
          await withTimeout(client.connect(), timeoutMs, 'connect');
          const { version, applied } = await schemaStatus(client);
          const where = `${redactUrl(config.DATABASE_URL)}: PostgreSQL ${version}`;
          if (applied < MIGRATIONS.length) {
            return fail(
              `${where}, ${applied} of ${MIGRATIONS.length} migrations applied`,
              'run `npx draftdesk migrate` (Kubernetes: the draftdesk-migrate Job)',
            );
          }
          return ok(`${where}, schema up to date (${applied} migrations)`);
        } catch (error) {
          return fail(
            `${redactUrl(config.DATABASE_URL)}: ${message(error)}`,
            'start PostgreSQL or correct DATABASE_URL (host, port, user, database)',
          );
        } finally {
          await client.end().catch(() => undefined);
        }
      },
    },
    {
      name: 'kafka',
      run: async () => {
        if (!config.KAFKA_BROKERS) return skip('KAFKA_BROKERS unset: embedded mode uses its in-process transport');
        const admin = new Kafka({
          clientId: 'draftdesk-doctor',
          brokers: config.KAFKA_BROKERS,
          logLevel: logLevel.NOTHING,
          connectionTimeout: timeoutMs,
          retry: { retries: 0 },
        }).admin();
        try {
          await withTimeout(admin.connect(), timeoutMs, 'connect');
          const cluster = await withTimeout(admin.describeCluster(), timeoutMs, 'describe cluster');
          return ok(
            `${config.KAFKA_BROKERS.join(',')}: ${cluster.brokers.length} broker(s), controller ${cluster.controller}`,
          );
        } catch (error) {
          return fail(
            `${config.KAFKA_BROKERS.join(',')}: ${message(error)}`,
            'start Kafka (npm run engines:up starts a local one) or correct KAFKA_BROKERS',
          );
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      },
    },
    {
      name: 'imap',
      run: async () => {
        if (!config.IMAP_HOST)
          return skip(
            'IMAP_HOST unset: no mailbox from the environment (mailboxes in the database are checked by mail-ingest)',
          );
        if (!config.IMAP_USER || !config.IMAP_PASSWORD)
          return fail(`${config.IMAP_HOST}: IMAP_USER or IMAP_PASSWORD unset`, 'set both for the mailbox to watch');
        const where = `${config.IMAP_USER}@${config.IMAP_HOST}:${config.IMAP_PORT}`;
        const client = new ImapFlow({
          host: config.IMAP_HOST,
          port: config.IMAP_PORT,
          secure: config.IMAP_SECURE,
          auth: { user: config.IMAP_USER, pass: config.IMAP_PASSWORD },
          logger: false,
          connectionTimeout: timeoutMs,
          greetingTimeout: timeoutMs,
        });
        client.on('error', () => undefined);
        try {
          await withTimeout(client.connect(), timeoutMs, 'login');
          const idle = client.capabilities.has('IDLE');
          if (!idle)
            return fail(
              `${where}: logged in, but the server does not offer IDLE`,
              'new mail is then only seen every IMAP_RESYNC_SECONDS; use a server with IDLE',
            );
          return ok(`${where}: logged in, IDLE supported`);
        } catch (error) {
          const auth =
            /auth|login|credentials/i.test(message(error)) ||
            (error as { authenticationFailed?: boolean }).authenticationFailed;
          const said = (error as { responseText?: string }).responseText;
          return fail(
            `${where}: ${said ? `${message(error)} (${said})` : message(error)}`,
            auth
              ? 'check IMAP_USER and IMAP_PASSWORD (an app password where the provider needs one)'
              : 'check IMAP_HOST, IMAP_PORT and IMAP_SECURE (993 with TLS, 143 without)',
          );
        } finally {
          await client.logout().catch(() => undefined);
        }
      },
    },
    {
      name: 'smtp',
      run: async () => {
        if (!config.SMTP_HOST) return skip('SMTP_HOST unset: replies are written to files (embedded mode)');
        const where = `${config.SMTP_HOST}:${config.SMTP_PORT}`;
        const transport = nodemailer.createTransport({
          host: config.SMTP_HOST,
          port: config.SMTP_PORT,
          secure: config.SMTP_SECURE,
          auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } : undefined,
          connectionTimeout: timeoutMs,
          greetingTimeout: timeoutMs,
        });
        try {
          await withTimeout(transport.verify(), timeoutMs, 'verify');
          return ok(`${where}: accepts connections${config.SMTP_USER ? ' and the login' : ''}`);
        } catch (error) {
          return fail(
            `${where}: ${message(error)}`,
            'check SMTP_HOST, SMTP_PORT, SMTP_SECURE (465 implicit TLS, 587 STARTTLS) and the credentials',
          );
        } finally {
          transport.close();
        }
      },
    },
    {
      name: 'orders',
      run: async () => {
        if (config.ORDERS_CONNECTOR === 'file') {
          try {
            const shop = loadShop(config.SHOP_DIR);
            return ok(
              `${config.SHOP_DIR}: shop "${shop.shop.name}", ${shop.orders.length} orders from the shop folder`,
            );
          } catch (error) {
            return fail(`${config.SHOP_DIR}: ${message(error)}`, 'fix the shop folder (SHOP_DIR) named in the message');
          }
        }
        const url =
          config.ORDERS_CONNECTOR === 'shopify'
            ? config.SHOPIFY_SHOP_URL &&
              `${config.SHOPIFY_SHOP_URL.replace(/\/$/, '')}/admin/api/${config.SHOPIFY_API_VERSION}/shop.json`
            : config.ORDERS_REST_BY_NUMBER_URL?.replace('{orderNumber}', '0');
        if (!url)
          return fail(
            `ORDERS_CONNECTOR=${config.ORDERS_CONNECTOR} without its URL`,
            'set ORDERS_REST_BY_NUMBER_URL, or SHOPIFY_SHOP_URL and SHOPIFY_ACCESS_TOKEN',
          );
        try {
          const headers: Record<string, string> =
            config.ORDERS_CONNECTOR === 'shopify'
              ? { 'X-Shopify-Access-Token': config.SHOPIFY_ACCESS_TOKEN ?? '' }
              : {};
          const res = await withTimeout(
            fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) }),
            timeoutMs,
            'request',
          );
          if (res.status === 401 || res.status === 403)
            return fail(
              `${new URL(url).host}: ${res.status}`,
              'the order source refused the credentials (SHOPIFY_ACCESS_TOKEN / ORDERS_REST_HEADERS)',
            );
          if (res.status >= 500)
            return fail(
              `${new URL(url).host}: ${res.status}`,
              'the order source is failing; try again or ask its owner',
            );
          return ok(`${new URL(url).host}: answers (${res.status})`);
        } catch (error) {
          return fail(`${url}: ${message(error)}`, 'check the order source URL and that this host may reach it');
        }
      },
    },
    {
      name: 'model',
      run: async () => {
        if (config.DRAFTER_ENGINE !== 'openai' && config.TRIAGE_ENGINE !== 'openai')
          return skip('DRAFTER_ENGINE and TRIAGE_ENGINE are offline: no model server needed');
        if (!config.OPENAI_API_KEY)
          return fail(
            'OPENAI_API_KEY unset',
            'set the key of your OpenAI-compatible server (or switch the engines to offline)',
          );
        const url = `${config.OPENAI_BASE_URL.replace(/\/$/, '')}/models`;
        try {
          const res = await withTimeout(
            fetch(url, {
              headers: { authorization: `Bearer ${config.OPENAI_API_KEY}` },
              signal: AbortSignal.timeout(timeoutMs),
            }),
            timeoutMs,
            'request',
          );
          if (res.status === 401 || res.status === 403)
            return fail(`${config.OPENAI_BASE_URL}: ${res.status}`, 'the model server refused OPENAI_API_KEY');
          if (!res.ok)
            return fail(
              `${config.OPENAI_BASE_URL}: ${res.status}`,
              'check OPENAI_BASE_URL (it ends in /v1 for most servers)',
            );
          return ok(`${config.OPENAI_BASE_URL}: answers, key accepted`);
        } catch (error) {
          return fail(
            `${config.OPENAI_BASE_URL}: ${message(error)}`,
            'check OPENAI_BASE_URL and that this host may reach it',
          );
        }
      },
    },
  ];
}

/** `draftdesk doctor`: one line per check, then what to do about each failure; exit 1 when any failed. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const i = argv.indexOf('--timeout-ms');
  const timeoutMs = i >= 0 ? Number(argv[i + 1]) : 5_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    process.stderr.write('draftdesk doctor: --timeout-ms must be a positive number\n');
    return 2;
  }
  let config: DoctorConfig;
  try {
    config = loadConfig(doctorShape);
    process.stdout.write(`✔ config     the settings doctor reads are well-formed\n`);
  } catch (error) {
    process.stdout.write(
      `✘ config     ${message(error)}\n${(error as Error).message.split('\n').slice(1).join('\n')}\n`,
    );
    return 1;
  }
  let failed = 0;
  for (const check of checks(config, timeoutMs)) {
    const outcome = await check.run().catch((error): Outcome => fail(message(error), 'see the message'));
    const mark = outcome.status === 'ok' ? '✔' : outcome.status === 'skip' ? '–' : '✘';
    process.stdout.write(`${mark} ${check.name.padEnd(10)} ${outcome.detail}\n`);
    if (outcome.fix) process.stdout.write(`  ${' '.repeat(10)} → ${outcome.fix}\n`);
    if (outcome.status === 'fail') failed++;
  }
  process.stdout.write(failed ? `\n${failed} check(s) failed\n` : '\nall checks passed\n');
  return failed ? 1 : 0;
}
