import { configProblem, env } from '@draftdesk/config';
import { serviceConfigShape } from '@draftdesk/platform';
import { z } from 'zod';

const headerList = z
  .string()
  .regex(/^([A-Za-z0-9-]+:[^;]+)(;\s*[A-Za-z0-9-]+:[^;]+)*$/, 'expected "Name: value; Other: value"')
  .optional();

/**
 * Tokens per shop per UTC day, counted in the database so every replica spends from one budget; 0 = unlimited.
 * OPENAI_TOKEN_BUDGET_PER_HOUR, the former per-hour setting, still works: it stands for 24 times its value a day.
 */
export const drafterTokenBudgetShape = {
  OPENAI_TOKEN_BUDGET_PER_DAY: env.int().pipe(z.number().min(0)).optional(),
  OPENAI_TOKEN_BUDGET_PER_HOUR: env.int().pipe(z.number().min(0)).optional(),
};

export function drafterTokensPerDay(config: {
  OPENAI_TOKEN_BUDGET_PER_DAY?: number;
  OPENAI_TOKEN_BUDGET_PER_HOUR?: number;
}) {
  return config.OPENAI_TOKEN_BUDGET_PER_DAY ?? (config.OPENAI_TOKEN_BUDGET_PER_HOUR ?? 200_000) * 24;
}

export const drafterConfigShape = {
  /** Folder with the shop's profile, policy, knowledge base and orders (see samples/shop). */
  SHOP_DIR: z.string().optional(),
  /** Domain of the Message-IDs our replies carry; also how our own mail is recognised when it loops back. */
  MESSAGE_ID_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a domain name')
    .default('draftdesk.local'),
  DRAFTER_TIMEOUT_MS: env.int().default(30_000),
  DRAFTER_ENGINE: z.enum(['offline', 'openai']).default('offline'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_MAX_RETRIES: env.int().pipe(z.number().min(0).max(10)).default(2),
  /** One model call; the same variable as triage's, so one setting covers both. */
  OPENAI_TIMEOUT_MS: env.int().pipe(z.number().min(100)).default(20_000),
  ...drafterTokenBudgetShape,
  ORDERS_CONNECTOR: z.enum(['file', 'rest', 'shopify']).default('file'),
  ORDERS_REST_BY_NUMBER_URL: z.string().url().optional(),
  ORDERS_REST_BY_EMAIL_URL: z.string().url().optional(),
  /** e.g. "Authorization: Bearer abc; X-Api-Key: xyz" */
  ORDERS_REST_HEADERS: headerList,
  SHOPIFY_SHOP_URL: z.string().url().optional(),
  SHOPIFY_ACCESS_TOKEN: z.string().min(1).optional(),
  SHOPIFY_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .default('2024-10'),
  ORDERS_TIMEOUT_MS: env.int().pipe(z.number().min(100)).default(3000),
  ORDERS_CACHE_TTL_MS: env.int().pipe(z.number().min(0)).default(60_000),
  /** Bearer token for /v1/kb; open when unset (the embedded mode on loopback). */
  KB_API_TOKEN: z.string().min(24).optional(),
};

export interface DrafterOptions {
  shopDir?: string;
  messageIdDomain: string;
  engine?: 'offline' | 'openai';
  openai?: {
    apiKey: string;
    baseURL?: string;
    model: string;
    timeoutMs: number;
    maxRetries: number;
    /** 0 = unlimited. */
    tokensPerDay: number;
  };
  orders?:
    | { kind: 'file' }
    | {
        kind: 'rest';
        byNumberUrl?: string;
        byEmailUrl?: string;
        headers: Record<string, string>;
        timeoutMs: number;
        cacheTtlMs: number;
      }
    | {
        kind: 'shopify';
        shopUrl: string;
        accessToken: string;
        apiVersion: string;
        timeoutMs: number;
        cacheTtlMs: number;
      };
  kbApiToken?: string;
}

type DrafterConfig = z.infer<z.ZodObject<typeof drafterConfigShape>>;

/** Combinations that could only fail later (e.g. openai without a key), refused where the settings are read. */
export function drafterConfigRules(config: DrafterConfig, ctx: z.RefinementCtx): void {
  if (config.DRAFTER_ENGINE === 'openai' && !config.OPENAI_API_KEY)
    configProblem(ctx, 'OPENAI_API_KEY', 'is required when DRAFTER_ENGINE=openai');
  if (config.ORDERS_CONNECTOR === 'rest' && !config.ORDERS_REST_BY_NUMBER_URL && !config.ORDERS_REST_BY_EMAIL_URL)
    configProblem(
      ctx,
      'ORDERS_REST_BY_NUMBER_URL',
      'is required (or ORDERS_REST_BY_EMAIL_URL) when ORDERS_CONNECTOR=rest',
    );
  if (config.ORDERS_CONNECTOR === 'shopify') {
    for (const variable of ['SHOPIFY_SHOP_URL', 'SHOPIFY_ACCESS_TOKEN'] as const)
      if (!config[variable]) configProblem(ctx, variable, 'is required when ORDERS_CONNECTOR=shopify');
  }
}

/** The drafter service's settings. */
export const drafterConfigSchema = z
  .object({ ...serviceConfigShape(3005), ...drafterConfigShape })
  .superRefine(drafterConfigRules);

function parseHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const part of (value ?? '').split(';')) {
    const i = part.indexOf(':');
    if (i > 0) headers[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return headers;
}

/** From settings validated by drafterConfigRules to options. */
export function drafterOptionsFromConfig(config: DrafterConfig): DrafterOptions {
  const options: DrafterOptions = {
    shopDir: config.SHOP_DIR,
    messageIdDomain: config.MESSAGE_ID_DOMAIN,
    engine: config.DRAFTER_ENGINE,
    kbApiToken: config.KB_API_TOKEN,
    orders: { kind: 'file' },
  };
  if (config.DRAFTER_ENGINE === 'openai') {
    options.openai = {
      apiKey: config.OPENAI_API_KEY!,
      baseURL: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      // A model call never outlives the draft it is for.
      timeoutMs: Math.min(config.OPENAI_TIMEOUT_MS, config.DRAFTER_TIMEOUT_MS),
      maxRetries: config.OPENAI_MAX_RETRIES,
      tokensPerDay: drafterTokensPerDay(config),
    };
  }
  const cache = { timeoutMs: config.ORDERS_TIMEOUT_MS, cacheTtlMs: config.ORDERS_CACHE_TTL_MS };
  if (config.ORDERS_CONNECTOR === 'rest') {
    options.orders = {
      kind: 'rest',
      byNumberUrl: config.ORDERS_REST_BY_NUMBER_URL,
      byEmailUrl: config.ORDERS_REST_BY_EMAIL_URL,
      headers: parseHeaders(config.ORDERS_REST_HEADERS),
      ...cache,
    };
  } else if (config.ORDERS_CONNECTOR === 'shopify') {
    options.orders = {
      kind: 'shopify',
      shopUrl: config.SHOPIFY_SHOP_URL!,
      accessToken: config.SHOPIFY_ACCESS_TOKEN!,
      apiVersion: config.SHOPIFY_API_VERSION,
      ...cache,
    };
  }
  return options;
}

export const DRAFTER_OPTIONS = Symbol('DRAFTER_OPTIONS');
