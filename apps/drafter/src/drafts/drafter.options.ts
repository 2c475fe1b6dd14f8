import { configProblem, env } from '@draftdesk/config';
import { serviceConfigShape } from '@draftdesk/platform';
import { OrderSource, orderSourceConfigRules, orderSourceConfigShape, orderSourceFromConfig } from '@draftdesk/shop';
import { z } from 'zod';

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
  ...orderSourceConfigShape,
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
  orders?: OrderSource;
  kbApiToken?: string;
}

type DrafterConfig = z.infer<z.ZodObject<typeof drafterConfigShape>>;

/** Combinations that could only fail later (e.g. openai without a key), refused where the settings are read. */
export function drafterConfigRules(config: DrafterConfig, ctx: z.RefinementCtx): void {
  if (config.DRAFTER_ENGINE === 'openai' && !config.OPENAI_API_KEY)
    configProblem(ctx, 'OPENAI_API_KEY', 'is required when DRAFTER_ENGINE=openai');
  orderSourceConfigRules(config, ctx);
}

/** The drafter service's settings. */
export const drafterConfigSchema = z
  .object({ ...serviceConfigShape(3005), ...drafterConfigShape })
  .superRefine(drafterConfigRules);

/** From settings validated by drafterConfigRules to options. */
export function drafterOptionsFromConfig(config: DrafterConfig): DrafterOptions {
  const options: DrafterOptions = {
    shopDir: config.SHOP_DIR,
    messageIdDomain: config.MESSAGE_ID_DOMAIN,
    engine: config.DRAFTER_ENGINE,
    kbApiToken: config.KB_API_TOKEN,
    orders: orderSourceFromConfig(config),
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
  return options;
}

export const DRAFTER_OPTIONS = Symbol('DRAFTER_OPTIONS');
