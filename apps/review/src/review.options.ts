import { env } from '@draftdesk/config';
import { serviceConfigShape, type RealmName } from '@draftdesk/platform';
import { OrderSource, orderSourceConfigRules, orderSourceConfigShape, orderSourceFromConfig } from '@draftdesk/shop';
import { z } from 'zod';

export const REVIEW_OPTIONS = Symbol('REVIEW_OPTIONS');

export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Where the identity provider sends the browser back: https://<host>/v1/auth/oidc/callback. */
  redirectUri: string;
  /** Only for a local test issuer on http://. */
  allowInsecure?: boolean;
}

/** How hard sign-in is to abuse; every field has a default in DEFAULTS. */
export interface SignInOptions {
  /** Failed sign-ins of one account from one address before that pair is locked out. */
  maxFailures?: number;
  /** The first lockout; each further one doubles, up to lockoutMaxSeconds. */
  lockoutSeconds?: number;
  lockoutMaxSeconds?: number;
  /** Requests per minute one client address may make to the endpoints that need no sign-in. */
  publicPerMinute?: number;
  /** Reverse proxies in front of the service: how many X-Forwarded-For entries, from the right, to trust. */
  trustedProxies?: number;
  /** argon2 checks running at once, and how many may wait; beyond that sign-in answers 503 at once. */
  passwordConcurrency?: number;
  passwordQueue?: number;
}

/** Another service's admin API the desk's settings page works through: where it answers and its bearer token. */
export interface OwnerApiEndpoint {
  url: string;
  token: string;
}

export interface ReviewOptions {
  /** An integration token (Authorization: Bearer) acting as the bootstrap admin; the embedded mode's dev token. */
  apiToken?: string;
  /** Created or updated at start so there is always someone who can sign in. */
  admin?: { email: string; password: string };
  sessionTtlHours?: number;
  claimTtlSeconds?: number;
  /** 'auto' marks cookies Secure unless the request came to a loopback host. */
  cookieSecure?: 'auto' | boolean;
  oidc?: OidcOptions;
  slaSweepSeconds?: number;
  /**
   * How live events reach the other replicas: 'postgres' through LISTEN/NOTIFY (one extra connection per replica),
   * 'local' only this process's listeners (the embedded mode, a single process on a small connection pool).
   */
  liveFanout?: 'local' | 'postgres';
  /** Realms beside the review desk that its users and tokens may open (the embedded mode: conversations, kb). */
  alsoOpens?: RealmName[];
  signIn?: SignInOptions;
  /**
   * How long an approved reply waits before it is sent, so the agent can undo it; a shop's own
   * `shops.send_delay_seconds` wins. 0 (or unset) sends at once.
   */
  sendDelaySeconds?: number;
  /** Folder with the built agent UI (index.html, app.js); the UI is not served when it is missing. */
  uiDir?: string;
  /** The shop folder (the drafter's SHOP_DIR): its orders.json for the `file` order source, and the policy the reports show beside each intent; the sample shop when unset. */
  shopDir?: string;
  /** Where the customer panel reads a customer's orders: the drafter's order source. */
  orders?: OrderSource;
  /**
   * The mailboxes and chat channels on the settings page belong to mail-ingest and chat-gateway; the desk changes
   * them through those services' admin APIs. Unset → that section says it is not connected.
   */
  mailIngestAdmin?: OwnerApiEndpoint;
  chatGatewayAdmin?: OwnerApiEndpoint;
}

export const DEFAULTS = {
  sessionTtlHours: 12,
  claimTtlSeconds: 600,
  slaSweepSeconds: 30,
  maxFailures: 5,
  lockoutSeconds: 30,
  lockoutMaxSeconds: 300,
  publicPerMinute: 120,
  trustedProxies: 0,
  passwordConcurrency: 2,
  passwordQueue: 8,
  sendDelaySeconds: 10,
} as const;

/** The review service's own settings, shared by its main.ts and the embedded mode. */
export const reviewConfigShape = {
  REVIEW_API_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  REVIEW_ADMIN_EMAIL: z.string().email().optional(),
  REVIEW_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  REVIEW_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(DEFAULTS.sessionTtlHours),
  REVIEW_CLAIM_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(DEFAULTS.claimTtlSeconds),
  REVIEW_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  REVIEW_SLA_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(DEFAULTS.slaSweepSeconds),
  REVIEW_LIVE_FANOUT: z.enum(['local', 'postgres']).default('postgres'),
  REVIEW_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(DEFAULTS.maxFailures),
  REVIEW_SIGNIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(DEFAULTS.lockoutSeconds),
  REVIEW_SIGNIN_LOCKOUT_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(DEFAULTS.lockoutMaxSeconds),
  REVIEW_PUBLIC_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(DEFAULTS.publicPerMinute),
  REVIEW_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(DEFAULTS.trustedProxies),
  REVIEW_PASSWORD_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(DEFAULTS.passwordConcurrency),
  REVIEW_PASSWORD_QUEUE: z.coerce.number().int().min(0).max(1000).default(DEFAULTS.passwordQueue),
  REVIEW_SEND_DELAY_SECONDS: z.coerce.number().int().min(0).max(600).default(DEFAULTS.sendDelaySeconds),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_ALLOW_INSECURE: env.bool().default(false),
  /** mail-ingest's address and MAIL_ADMIN_TOKEN (the same variable mail-ingest reads): the settings page's mailboxes. */
  MAIL_INGEST_URL: z.string().url().optional(),
  MAIL_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** chat-gateway's address and CHAT_ADMIN_TOKEN (the same variable chat-gateway reads): the settings page's chat channels. */
  CHAT_GATEWAY_URL: z.string().url().optional(),
  CHAT_ADMIN_TOKEN: z.string().min(16).optional(),
  /** The drafter's shop folder and order source: the customer panel shows the orders the drafter sees, the reports its policy. */
  SHOP_DIR: z.string().optional(),
  ...orderSourceConfigShape,
};

type ReviewConfig = z.infer<z.ZodObject<typeof reviewConfigShape>>;

/** The review service's settings. */
export const reviewConfigSchema = z
  .object({ ...serviceConfigShape(3006), ...reviewConfigShape })
  .superRefine(orderSourceConfigRules);

export function reviewOptionsFromConfig(c: ReviewConfig, uiDir?: string): ReviewOptions {
  return {
    apiToken: c.REVIEW_API_TOKEN,
    admin:
      c.REVIEW_ADMIN_EMAIL && c.REVIEW_ADMIN_PASSWORD
        ? { email: c.REVIEW_ADMIN_EMAIL, password: c.REVIEW_ADMIN_PASSWORD }
        : undefined,
    sessionTtlHours: c.REVIEW_SESSION_TTL_HOURS,
    claimTtlSeconds: c.REVIEW_CLAIM_TTL_SECONDS,
    cookieSecure: c.REVIEW_COOKIE_SECURE === 'auto' ? 'auto' : c.REVIEW_COOKIE_SECURE === 'true',
    slaSweepSeconds: c.REVIEW_SLA_SWEEP_SECONDS,
    liveFanout: c.REVIEW_LIVE_FANOUT,
    sendDelaySeconds: c.REVIEW_SEND_DELAY_SECONDS,
    signIn: {
      maxFailures: c.REVIEW_SIGNIN_MAX_FAILURES,
      lockoutSeconds: c.REVIEW_SIGNIN_LOCKOUT_SECONDS,
      lockoutMaxSeconds: Math.max(c.REVIEW_SIGNIN_LOCKOUT_MAX_SECONDS, c.REVIEW_SIGNIN_LOCKOUT_SECONDS),
      publicPerMinute: c.REVIEW_PUBLIC_RATE_PER_MINUTE,
      trustedProxies: c.REVIEW_TRUSTED_PROXIES,
      passwordConcurrency: c.REVIEW_PASSWORD_CONCURRENCY,
      passwordQueue: c.REVIEW_PASSWORD_QUEUE,
    },
    oidc:
      c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_REDIRECT_URI
        ? {
            issuer: c.OIDC_ISSUER,
            clientId: c.OIDC_CLIENT_ID,
            clientSecret: c.OIDC_CLIENT_SECRET,
            redirectUri: c.OIDC_REDIRECT_URI,
            allowInsecure: c.OIDC_ALLOW_INSECURE,
          }
        : undefined,
    uiDir,
    shopDir: c.SHOP_DIR,
    orders: orderSourceFromConfig(c),
    mailIngestAdmin: ownerApi(c.MAIL_INGEST_URL, c.MAIL_ADMIN_TOKEN),
    chatGatewayAdmin: ownerApi(c.CHAT_GATEWAY_URL, c.CHAT_ADMIN_TOKEN),
  };
}

function ownerApi(url: string | undefined, token: string | undefined): OwnerApiEndpoint | undefined {
  return url && token ? { url: url.replace(/\/+$/, ''), token } : undefined;
}
