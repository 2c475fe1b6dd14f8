import { loadConfig } from '@draftdesk/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedOptions, embeddedConfigSchema, embeddedOptionsFromConfig } from './embedded.options';
import { fixedSecrets } from './fixed-secrets.fixture';

const secrets = fixedSecrets;

const build = (env: Record<string, string>) =>
  embeddedOptionsFromConfig(loadConfig(embeddedConfigSchema, env), secrets);

interface ReadmeSetting {
  variable: string;
  services: string[];
}

/** The rows of the README's configuration table: every variable a row names, with the services it applies to. */
function readmeSettings(): ReadmeSetting[] {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
  );
  const settings: ReadmeSetting[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const [names, , services] = line
      .split('|')
      .slice(1)
      .map((cell) => cell.trim());
    for (const [, variable] of names.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) {
      settings.push({ variable, services: services.split(',').map((s) => s.trim()) });
    }
  }
  return settings;
}

const DKIM_KEY = '-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----';

/**
 * A setting is only visible where its group is on (a Sent copy needs its IMAP account, a model timeout a model), so
 * every comparison starts from an environment with each optional group switched on.
 */
const GROUPS_ON: Record<string, string> = {
  IMAP_HOST: 'imap.shop.test',
  IMAP_USER: 'support@shop.test',
  IMAP_PASSWORD: 'imap-password',
  SENT_FOLDER: 'Sent',
  SMTP_HOST: 'smtp.shop.test',
  DKIM_DOMAIN: 'shop.test',
  DKIM_SELECTOR: 'mail',
  DKIM_PRIVATE_KEY: DKIM_KEY,
  OIDC_ISSUER: 'https://id.shop.test',
  OIDC_CLIENT_ID: 'draftdesk',
  OIDC_REDIRECT_URI: 'https://desk.shop.test/v1/auth/oidc/callback',
  DRAFTER_ENGINE: 'openai',
  TRIAGE_ENGINE: 'openai',
  OPENAI_API_KEY: 'sk-test-one',
};

const REST = { ORDERS_CONNECTOR: 'rest', ORDERS_REST_BY_NUMBER_URL: 'https://shop.test/orders/{orderNumber}' };
const SHOPIFY = {
  ORDERS_CONNECTOR: 'shopify',
  SHOPIFY_SHOP_URL: 'https://one.myshopify.com',
  SHOPIFY_ACCESS_TOKEN: 'shpat_one',
};

/** A value other than the default (and other than GROUPS_ON's) for each variable, and what it needs beside it. */
const SAMPLES: Record<string, { value: string; with?: Record<string, string> }> = {
  DATABASE_URL: { value: 'postgres://desk@db.shop.test/draftdesk' },
  DATABASE_POOL_SIZE: { value: '4', with: { DATABASE_URL: 'postgres://desk@db.shop.test/draftdesk' } },
  PORT: { value: '3999' },
  MAIL_PARSE_WORKERS: { value: '3' },
  MAIL_PARSE_TIMEOUT_MS: { value: '2500' },
  MAIL_PARSE_MEMORY_MB: { value: '256' },
  MAIL_MAX_TEXT_CHARS: { value: '50000' },
  MAIL_MAX_HTML_CHARS: { value: '90000' },
  REVIEW_SIGNIN_MAX_FAILURES: { value: '9' },
  REVIEW_SIGNIN_LOCKOUT_SECONDS: { value: '45' },
  REVIEW_SIGNIN_LOCKOUT_MAX_SECONDS: { value: '900' },
  REVIEW_PUBLIC_RATE_PER_MINUTE: { value: '77' },
  REVIEW_TRUSTED_PROXIES: { value: '1' },
  REVIEW_PASSWORD_CONCURRENCY: { value: '1' },
  REVIEW_PASSWORD_QUEUE: { value: '3' },
  SEND_LEASE_SECONDS: { value: '40' },
  TRIAGE_LANGUAGES: { value: 'nl,en' },
  HOST: { value: '0.0.0.0' },
  LOG_LEVEL: { value: 'debug' },
  LOG_FORMAT: { value: 'json' },
  IMAP_HOST: { value: 'imap.other.test' },
  IMAP_USER: { value: 'other@shop.test' },
  IMAP_PASSWORD: { value: 'other-password' },
  IMAP_PORT: { value: '1143' },
  IMAP_SECURE: { value: 'false' },
  IMAP_TLS: { value: 'plain' },
  IMAP_MAILBOX: { value: 'Support' },
  IMAP_RESYNC_SECONDS: { value: '30' },
  MAIL_ADMIN_TOKEN: { value: 'given-mail-admin-token-1111' },
  MAILBOX_SECRETS_KEY: { value: Buffer.alloc(32, 9).toString('base64') },
  MAILBOX_RECONCILE_SECONDS: { value: '9' },
  SMTP_INBOUND_PORT: { value: '2626' },
  SMTP_INBOUND_HOST: { value: '0.0.0.0' },
  SMTP_INBOUND_MAX_BYTES: { value: '1000000' },
  MESSAGE_ID_DOMAIN: { value: 'replies.shop.test' },
  SMTP_HOST: { value: 'smtp.other.test' },
  SMTP_PORT: { value: '2587' },
  SMTP_SECURE: { value: 'true' },
  SMTP_USER: { value: 'smtp-user' },
  SMTP_PASSWORD: { value: 'smtp-password' },
  MAIL_FROM: { value: 'Shop <help@shop.test>' },
  SEND_MAX_ATTEMPTS: { value: '3' },
  AUTO_REPLY_CAP: { value: '1' },
  AUTO_REPLY_WINDOW_HOURS: { value: '2' },
  DKIM_DOMAIN: { value: 'other.test' },
  DKIM_SELECTOR: { value: 's2' },
  DKIM_PRIVATE_KEY: { value: DKIM_KEY.replace('MIIB', 'MIIC') },
  SENT_FOLDER: { value: 'Verzonden' },
  SHOP_DIR: { value: '/srv/shop' },
  DRAFTER_TIMEOUT_MS: { value: '5000' },
  REVIEW_API_TOKEN: { value: 'given-review-api-token-1111' },
  REVIEW_ADMIN_EMAIL: { value: 'boss@shop.test' },
  REVIEW_ADMIN_PASSWORD: { value: 'given-admin-password' },
  REVIEW_SESSION_TTL_HOURS: { value: '2' },
  REVIEW_CLAIM_TTL_SECONDS: { value: '60' },
  REVIEW_COOKIE_SECURE: { value: 'true' },
  REVIEW_SLA_SWEEP_SECONDS: { value: '5' },
  REVIEW_SEND_DELAY_SECONDS: { value: '0' },
  REVIEW_LIVE_FANOUT: { value: 'postgres' },
  OIDC_ISSUER: { value: 'https://login.other.test' },
  OIDC_CLIENT_ID: { value: 'other-client' },
  OIDC_CLIENT_SECRET: { value: 'oidc-secret' },
  OIDC_REDIRECT_URI: { value: 'https://other.shop.test/v1/auth/oidc/callback' },
  DRAFTER_ENGINE: { value: 'openai', with: { DRAFTER_ENGINE: 'offline' } },
  TRIAGE_ENGINE: { value: 'openai', with: { TRIAGE_ENGINE: 'embedded' } },
  OPENAI_API_KEY: { value: 'sk-test-two' },
  OPENAI_BASE_URL: { value: 'http://127.0.0.1:8000/v1' },
  OPENAI_MODEL: { value: 'llama-3.1-8b' },
  OPENAI_MAX_RETRIES: { value: '5' },
  OPENAI_TIMEOUT_MS: { value: '1000' },
  OPENAI_TOKEN_BUDGET_PER_DAY: { value: '1000' },
  OPENAI_TOKEN_BUDGET_PER_HOUR: { value: '1000' },
  TRIAGE_LLM_DAILY_TOKENS: { value: '1000' },
  TRIAGE_MODEL_REFRESH_SECONDS: { value: '5' },
  ORDERS_CONNECTOR: { value: 'rest', with: { ORDERS_REST_BY_NUMBER_URL: REST.ORDERS_REST_BY_NUMBER_URL } },
  ORDERS_REST_BY_NUMBER_URL: { value: 'https://shop.test/api/orders/{orderNumber}', with: REST },
  ORDERS_REST_BY_EMAIL_URL: { value: 'https://shop.test/api/orders?email={email}', with: REST },
  ORDERS_REST_HEADERS: { value: 'Authorization: Bearer abc', with: REST },
  SHOPIFY_SHOP_URL: { value: 'https://two.myshopify.com', with: SHOPIFY },
  SHOPIFY_ACCESS_TOKEN: { value: 'shpat_two', with: SHOPIFY },
  SHOPIFY_API_VERSION: { value: '2025-01', with: SHOPIFY },
  ORDERS_TIMEOUT_MS: { value: '500', with: REST },
  ORDERS_CACHE_TTL_MS: { value: '0', with: REST },
  KB_API_TOKEN: { value: 'given-kb-api-token-11111111' },
  CHAT_SECRETS_KEY: { value: Buffer.alloc(32, 7).toString('base64') },
  CHAT_CHANNELS_JSON: {
    value: JSON.stringify([
      {
        id: 'shop-widget',
        kind: 'generic',
        secrets: ['whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ='],
        callbackUrl: 'https://shop.test/chat',
      },
    ]),
  },
  CHAT_ADMIN_TOKEN: { value: 'given-chat-admin-token' },
  CHAT_QUIET_WINDOW_MS: { value: '500' },
  CHAT_MAX_TURN_WAIT_MS: { value: '40000' },
  CHAT_DELIVERY_MAX_ATTEMPTS: { value: '2' },
  CHAT_DELIVERY_RETRY_BASE_MS: { value: '100' },
  CHAT_DELIVERY_TIMEOUT_MS: { value: '1000' },
  DRAFTDESK_DATA_DIR: { value: '/var/lib/draftdesk' },
  EMBEDDED_PG_PORT: { value: '55432' },
  MAIL_INGEST_URL: { value: 'http://mail-ingest.shop.test:3001' },
  CHAT_GATEWAY_URL: { value: 'http://chat-gateway.shop.test:3002' },
};

/**
 * Read by the TLS code of mail-ingest and mail-send from the process environment, which the embedded mode shares with
 * the services, so it acts the same in both modes without passing through the options.
 */
// Read by the process itself, not by a module's options: NODE_ENV (TLS checks) and the OpenTelemetry SDK's settings.
const PROCESS_WIDE = new Set(['NODE_ENV', 'OTEL_EXPORTER_OTLP_ENDPOINT']);

const PART: Record<string, keyof EmbeddedOptions> = {
  'mail-ingest': 'mailIngest',
  'mail-send': 'mailSend',
  'chat-gateway': 'chatGateway',
  triage: 'triage',
  drafter: 'drafter',
  review: 'review',
};

describe('embedded options: every setting of the README configuration table that applies to embedded mode is honoured', () => {
  const settings = readmeSettings().filter(
    (s) => !s.services.includes('all but embedded') && !PROCESS_WIDE.has(s.variable),
  );

  it('finds the table', () => {
    expect(settings.length).toBeGreaterThan(60);
  });

  it.each(settings.map((s) => [s.variable, s] as const))(
    '%s changes what the embedded modules get',
    (variable, setting) => {
      const sample = SAMPLES[variable];
      if (!sample) throw new Error(`no sample value for ${variable}: add one to SAMPLES`);
      const before = { ...GROUPS_ON, ...sample.with };
      const after = { ...before, [variable]: sample.value };
      const [base, changed] = [build(before), build(after)];
      for (const service of setting.services) {
        const part = PART[service];
        if (part) expect({ [service]: changed[part] }).not.toEqual({ [service]: base[part] });
        else expect(changed).not.toEqual(base);
      }
    },
  );

  it('builds the modules from an empty environment (the `npm start` defaults)', () => {
    const options = build({});
    expect(options.database).toMatchObject({ url: null, poolSize: 1, pglite: { port: 54329 } });
    expect(options.mailIngest).toMatchObject({
      mailboxes: [],
      smtpInbound: { host: '127.0.0.1', port: 2525 },
      mailboxLeases: false,
    });
    expect(options.mailSend).toMatchObject({
      smtp: null,
      sentDir: expect.stringMatching(/data\/sent$/),
      dkim: null,
      sentCopy: null,
    });
    expect(options.mailSend.secretsKey).toEqual(secrets.mailboxSecretsKey());
    expect(options.review).toMatchObject({
      liveFanout: 'local',
      cookieSecure: 'auto',
      admin: { email: 'admin@shop.test', password: 'kept-admin-password' },
    });
    expect(options.triage).toMatchObject({ engine: 'embedded' });
    expect(options.logFile).toMatch(/data\/logs\/draftdesk\.log$/);
    expect(options.admin).toEqual({
      email: 'admin@shop.test',
      password: 'kept-admin-password',
      keptIn: expect.stringMatching(/data\/admin-password$/),
    });
    expect(options.chatGateway.seedChannels).toEqual([
      expect.objectContaining({
        id: 'demo',
        kind: 'generic',
        secrets: [secrets.demoChatSecret()],
        callbackUrl: 'http://127.0.0.1:3000/v1/demo-chat/replies',
      }),
    ]);
  });

  it('signs the admin in with REVIEW_ADMIN_PASSWORD when it is set, and keeps no file for it', () => {
    expect(build({ REVIEW_ADMIN_PASSWORD: 'given-admin-password' }).admin).toEqual({
      email: 'admin@shop.test',
      password: 'given-admin-password',
      keptIn: null,
    });
  });

  it('refuses a kept admin password shorter than REVIEW_ADMIN_PASSWORD allows, naming the file', () => {
    const short = { ...secrets, adminPassword: () => 'short' };
    expect(() => embeddedOptionsFromConfig(loadConfig(embeddedConfigSchema, {}), short)).toThrow(
      /data\/admin-password: the admin password must be at least 12 characters/,
    );
  });

  it('opens no demo chat channel when CHAT_CHANNELS_JSON names the channels', () => {
    const options = build({ CHAT_CHANNELS_JSON: SAMPLES.CHAT_CHANNELS_JSON.value });
    expect(options.demoChat).toBeNull();
    expect(options.chatGateway.seedChannels.map((c) => c.id)).toEqual(['shop-widget']);
  });

  it.each([
    [{ DKIM_DOMAIN: 'shop.test' }, /DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY must be set together/],
    [{ SENT_FOLDER: 'Sent' }, /SENT_FOLDER needs IMAP_HOST/],
    [{ TRIAGE_ENGINE: 'openai' }, /OPENAI_API_KEY is required when TRIAGE_ENGINE=openai/],
    [{ DRAFTER_ENGINE: 'openai' }, /OPENAI_API_KEY is required when DRAFTER_ENGINE=openai/],
    [{ ORDERS_CONNECTOR: 'rest' }, /ORDERS_REST_BY_NUMBER_URL is required \(or ORDERS_REST_BY_EMAIL_URL\)/],
    [
      { ORDERS_CONNECTOR: 'shopify', SHOPIFY_SHOP_URL: 'https://shop.test' },
      /SHOPIFY_ACCESS_TOKEN is required when ORDERS_CONNECTOR=shopify/,
    ],
  ])('refuses %j as the services do', (env, message) => {
    expect(() => build(env)).toThrow(message);
  });
});
