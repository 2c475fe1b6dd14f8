import { z } from 'zod';
import { parseSecretsKey } from './secret-box.util';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Helpers for environment variables: strings in, typed values out, with messages a person can act on. */
export const env = {
  string: () => z.string().min(1, 'must not be empty'),
  port: () => z.coerce.number().int().min(0).max(65535),
  int: () => z.coerce.number().int(),
  bool: () => bool,
  url: () => z.string().url('must be a URL'),
  list: () =>
    z
      .string()
      .min(1, 'must not be empty')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
  /** 32 bytes, base64, decoded: one schema, so services sharing a key (and the embedded mode) read it alike. */
  secretsKey: () =>
    z
      .string()
      .min(1, 'must not be empty')
      .transform((value, ctx) => {
        try {
          return parseSecretsKey(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
};

/** Settings every service shares. */
export const baseConfigShape = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DRAFTDESK_MODE: z.enum(['embedded', 'distributed']).default('distributed'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  DATABASE_POOL_SIZE: env.int().pipe(z.number().min(1).max(100)).default(10),
  KAFKA_BROKERS: env.list(),
  KAFKA_CLIENT_ID: z.string().min(1).default('draftdesk'),
  /** Namespace for topics and consumer groups when environments share a cluster (e.g. "staging."). */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only')
    .default(''),
  HOST: z.string().default('0.0.0.0'),
  /** How often each service samples every consumer group's lag for /metrics. */
  KAFKA_LAG_SAMPLE_SECONDS: env.int().pipe(z.number().min(1).max(3600)).default(15),
};

/**
 * Validates the environment against a schema and returns the typed result, or throws a ConfigError that names
 * every missing or malformed variable at once (never only the first).
 */
export function loadConfig<S extends z.ZodRawShape>(
  shape: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<S>> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = z.object(shape).safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const value = cleaned[name];
    const missing = value === undefined;
    return missing ? `${name} is required but not set` : `${name} is invalid: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** Used by every main.ts: a bad configuration ends the process with a message, not a stack trace. */
export function loadConfigOrExit<S extends z.ZodRawShape>(service: string, shape: S): z.infer<z.ZodObject<S>> {
  try {
    return loadConfig(shape);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: refusing to start, ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
