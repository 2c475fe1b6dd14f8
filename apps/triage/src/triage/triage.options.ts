import { configProblem } from '@draftdesk/config';
import { TriageOptions, triageConfigShape } from '@draftdesk/triage';
import { serviceConfigShape } from '@draftdesk/platform';
import { z } from 'zod';

// The settings live in @draftdesk/triage so that `draftdesk triage` selects its engine exactly as this service does.
export { triageConfigShape, triageOptions as triageOptionsFromConfig } from '@draftdesk/triage';
export type { TriageOptions } from '@draftdesk/triage';

export const TRIAGE_OPTIONS = Symbol('TRIAGE_OPTIONS');

/** The embedded engine with shop models: what the embedded (one-process) mode uses. */
export const DEFAULT_TRIAGE_OPTIONS: TriageOptions = { engine: 'embedded', modelRefreshMs: 60_000 };

type TriageConfig = z.infer<z.ZodObject<typeof triageConfigShape>>;

/** The language-model engine needs its key. */
export function triageConfigRules(config: TriageConfig, ctx: z.RefinementCtx): void {
  if (config.TRIAGE_ENGINE === 'openai' && !config.OPENAI_API_KEY)
    configProblem(ctx, 'OPENAI_API_KEY', 'is required when TRIAGE_ENGINE=openai');
}

/** The engine selection alone: what `draftdesk triage` reads. */
export const triageEngineConfigSchema = z.object(triageConfigShape).superRefine(triageConfigRules);

/** The triage service's settings. */
export const triageConfigSchema = z
  .object({ ...serviceConfigShape(3004), ...triageConfigShape })
  .superRefine(triageConfigRules);
