/** The apps the brief deploys, with the environment each one reads (besides the common settings). */
export interface DeployedApp {
  name: string;
  port: number;
  config: string[];
  secrets: string[];
  optionalSecrets: string[];
}

export const NAMESPACE = 'draftdesk';
export const CONFIG_MAP = 'draftdesk-config';
export const SECRET = 'draftdesk-secrets';
export const MIGRATION_JOB = 'draftdesk-migrate';
export const RUN_AS_USER = 1000;

export const COMMON_CONFIG: Record<string, string | undefined> = {
  NODE_ENV: 'production',
  DRAFTDESK_MODE: 'distributed',
  LOG_LEVEL: undefined,
  KAFKA_BROKERS: undefined,
  KAFKA_CLIENT_ID: undefined,
};
export const COMMON_SECRETS = ['DATABASE_URL'];

export const APPS: DeployedApp[] = [
  {
    name: 'mail-ingest',
    port: 3003,
    config: ['IMAP_HOST', 'IMAP_PORT', 'IMAP_SECURE', 'IMAP_USER', 'IMAP_MAILBOX'],
    secrets: ['IMAP_PASSWORD'],
    optionalSecrets: [],
  },
  {
    name: 'chat-gateway',
    port: 3002,
    config: [],
    secrets: ['CHAT_SECRETS_KEY'],
    optionalSecrets: ['CHAT_ADMIN_TOKEN'],
  },
  { name: 'conversations', port: 3001, config: [], secrets: [], optionalSecrets: [] },
  { name: 'triage', port: 3004, config: [], secrets: [], optionalSecrets: [] },
  {
    name: 'drafter',
    port: 3005,
    config: ['OPENAI_BASE_URL', 'OPENAI_MODEL', 'SHOP_DIR'],
    secrets: [],
    optionalSecrets: ['OPENAI_API_KEY', 'SHOPIFY_ACCESS_TOKEN', 'KB_API_TOKEN'],
  },
  {
    name: 'review',
    port: 3006,
    config: [],
    secrets: [],
    optionalSecrets: ['REVIEW_API_TOKEN', 'REVIEW_ADMIN_PASSWORD', 'OIDC_CLIENT_SECRET'],
  },
  {
    name: 'mail-send',
    port: 3007,
    config: ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'MAIL_FROM', 'MESSAGE_ID_DOMAIN'],
    secrets: ['SMTP_PASSWORD'],
    optionalSecrets: [],
  },
];

/** Apps that take traffic from outside the cluster and must survive voluntary disruptions. */
export const DISRUPTION_BUDGETED = ['review', 'chat-gateway'];

export const ALL_SECRET_KEYS = [...COMMON_SECRETS, ...APPS.flatMap((app) => [...app.secrets, ...app.optionalSecrets])];
