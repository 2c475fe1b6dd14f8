// The triage service's public face: what the embedded suite composes. Other apps import only from here.
export { TriageModule } from './triage/triage.module';
export {
  triageConfigRules,
  triageConfigSchema,
  triageConfigShape,
  triageEngineConfigSchema,
  triageOptionsFromConfig,
} from './triage/triage.options';
export type { TriageOptions } from './triage/triage.options';
