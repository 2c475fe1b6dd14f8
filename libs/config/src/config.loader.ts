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

export type BaseConfig = z.infer<z.ZodObject<typeof baseConfigShape>>;

/** A schema of settings: a plain shape, or an object schema whose cross-field rules sit inside it (superRefine). */
export type ConfigSchema = z.ZodRawShape | z.ZodType<object, Record<string, unknown>>;

/** The typed settings a ConfigSchema yields. */
export type ConfigOf<S extends ConfigSchema> = S extends z.ZodRawShape
  ? z.infer<z.ZodObject<S>>
  : S extends z.ZodType
    ? z.infer<S>
    : never;

/** The exit status of a process refusing its configuration (EX_CONFIG of sysexits.h), everywhere. */
export const EX_CONFIG = 78;

/**
 * A cross-field rule's finding, for a schema's superRefine: the issue is raised on the variable to set or change, so
 * the message names it ("OPENAI_API_KEY is required when DRAFTER_ENGINE=openai").
 */
export function configProblem(ctx: z.RefinementCtx, variable: string, message: string): void {
  ctx.addIssue({ code: 'custom', path: [variable], message });
}

/**
 * Validates the environment against a schema and returns the typed result, or throws a ConfigError that names
 * every missing or malformed variable at once (never only the first). Cross-field rules run once every variable is
 * well-formed.
 */
export function loadConfig<S extends ConfigSchema>(
  schema: S,
  source: Record<string, string | undefined> = process.env,
): ConfigOf<S> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const zodSchema = schema instanceof z.ZodType ? schema : z.object(schema as z.ZodRawShape);
  const result = zodSchema.safeParse(cleaned);
  if (result.success) return result.data as ConfigOf<S>;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const missing = cleaned[name] === undefined;
    if (missing && issue.code === 'custom') return `${name} ${issue.message}`;
    return missing ? `${name} is required but not set` : `${name} is invalid: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** Writes a refused configuration as every entry point does and ends the process with EX_CONFIG. */
export function exitOnConfigError(service: string, error: ConfigError): never {
  process.stderr.write(`${service}: refusing to start, ${error.message}\n`);
  process.exit(EX_CONFIG);
}

/** The settings of a command that only reaches the database. */
export const databaseConfigShape = { DATABASE_URL: baseConfigShape.DATABASE_URL };

/**
 * For a command that returns its exit status: the settings, or undefined after writing what is wrong; the command
 * then ends with EX_CONFIG.
 */
export function loadCommandConfig<S extends ConfigSchema>(
  command: string,
  schema: S,
  source: Record<string, string | undefined> = process.env,
): ConfigOf<S> | undefined {
  try {
    return loadConfig(schema, source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${command}: ${error.message}\n`);
    return undefined;
  }
}

/** Used by every main.ts: a bad configuration ends the process with a message, not a stack trace. */
export function loadConfigOrExit<S extends ConfigSchema>(service: string, schema: S): ConfigOf<S> {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (error instanceof ConfigError) exitOnConfigError(service, error);
    throw error;
  }
}
