import { ConfigError, env } from '@draftdesk/config';
import { z } from 'zod';

/**
 * The engine selection the triage service and `draftdesk triage` share, so the command answers as the service would.
 * Parsed from the environment by the caller (loadConfig); this library never reads process.env itself.
 */
export const triageConfigShape = {
  /** embedded: the offline model only; openai: a language model through the openai client, embedded as fall-back. */
  TRIAGE_ENGINE: z.enum(['embedded', 'openai']).default('embedded'),
  OPENAI_API_KEY: z.string().optional(),
  /** Any OpenAI-compatible server (vLLM, Ollama, Azure), e.g. http://127.0.0.1:8000/v1. */
  OPENAI_BASE_URL: env.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: env.int().pipe(z.number().min(100)).default(20_000),
  OPENAI_MAX_RETRIES: env.int().pipe(z.number().min(0).max(10)).default(2),
  /** Prompt + completion tokens one shop may spend on triage per UTC day; then the embedded engine answers. */
  TRIAGE_LLM_DAILY_TOKENS: env.int().pipe(z.number().min(0)).default(200_000),
  /** How often a replica checks whether a shop's model or intents changed (draftdesk train --from-db, intents add). */
  TRIAGE_MODEL_REFRESH_SECONDS: env.int().pipe(z.number().min(0)).default(60),
};

export interface TriageOptions {
  engine: 'embedded' | 'openai';
  openai?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number; maxRetries: number; dailyTokenBudget: number };
  modelRefreshMs: number;
}

export type TriageConfig = z.infer<z.ZodObject<typeof triageConfigShape>>;

export function triageOptions(config: TriageConfig): TriageOptions {
  const modelRefreshMs = config.TRIAGE_MODEL_REFRESH_SECONDS * 1000;
  if (config.TRIAGE_ENGINE === 'embedded') return { engine: 'embedded', modelRefreshMs };
  if (!config.OPENAI_API_KEY) throw new ConfigError(['OPENAI_API_KEY is required when TRIAGE_ENGINE=openai']);
  return {
    engine: 'openai',
    modelRefreshMs,
    openai: {
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      timeoutMs: config.OPENAI_TIMEOUT_MS,
      maxRetries: config.OPENAI_MAX_RETRIES,
      dailyTokenBudget: config.TRIAGE_LLM_DAILY_TOKENS,
    },
  };
}
