// The drafter's public face: what the embedded suite composes. Other apps import only from here.
export { DraftsModule } from './drafts/drafts.module';
export {
  drafterConfigRules,
  drafterConfigSchema,
  drafterConfigShape,
  drafterOptionsFromConfig,
  drafterTokenBudgetShape,
  drafterTokensPerDay,
} from './drafts/drafter.options';
export type { DrafterOptions } from './drafts/drafter.options';
