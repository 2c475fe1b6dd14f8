import { ConfigError, env } from '@draftdesk/config';
import { z } from 'zod';
import { DEFAULT_LANGUAGES } from './language.util';
import type { LlmTriageOptions } from './llm-triage.engine';

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
  /** Languages the shop answers in (ISO 639-1); a message is detected as one of them or `und`. */
  TRIAGE_LANGUAGES: env
    .list()
    .pipe(z.array(z.string().regex(/^[a-z]{2}$/, 'expected ISO 639-1 codes such as nl,en,de,fr')))
    .default([...DEFAULT_LANGUAGES]),
};

export interface TriageOptions {
  engine: 'embedded' | 'openai';
  /** The language model's connection and budget, as the LLM triage engine takes them (all but baseURL set). */
  openai?: Pick<LlmTriageOptions, 'baseURL'> &
    Required<Pick<LlmTriageOptions, 'apiKey' | 'model' | 'timeoutMs' | 'maxRetries' | 'dailyTokenBudget'>>;
  modelRefreshMs: number;
  /** Languages the shop serves; unset means nl, en, de, fr. */
  languages?: readonly string[];
}

export type TriageConfig = z.infer<z.ZodObject<typeof triageConfigShape>>;

export function triageOptions(config: TriageConfig): TriageOptions {
  const modelRefreshMs = config.TRIAGE_MODEL_REFRESH_SECONDS * 1000;
  const languages = config.TRIAGE_LANGUAGES;
  if (config.TRIAGE_ENGINE === 'embedded') return { engine: 'embedded', modelRefreshMs, languages };
  if (!config.OPENAI_API_KEY) throw new ConfigError(['OPENAI_API_KEY is required when TRIAGE_ENGINE=openai']);
  return {
    engine: 'openai',
    modelRefreshMs,
    languages,
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
