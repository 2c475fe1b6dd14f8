export * from './draft.types';
export {
  decide,
  withinBusinessHours,
  type Decision,
  type GateInput,
  type GateResult,
  type GateTriage,
} from './policy-gate.util';
export { checkGrounding, type GroundingReport, type GroundingSources, type UngroundedType } from './grounding.util';
export { OfflineDrafter, PHRASEBOOKS } from './offline-drafter.provider';
export {
  composeReply,
  type ComposeDeps,
  type ComposeInput,
  type ComposeResult,
  type TriageFacts,
} from './pipeline/compose-reply';
export {
  processMessage,
  type ProcessInput,
  type ProcessOptions,
  type ProcessOutput,
} from './pipeline/offline-pipeline';
export { OpenAiDrafter, type OpenAiDrafterOptions } from './openai/openai-drafter.provider';
export { buildDraftMessages, DRAFT_SCHEMA } from './openai/draft-prompt.util';
export { readScenarios, runDraftEval, type DraftEvalReport, type LoadedScenarios } from './eval/draft-eval';
export { checkDraft, type CheckResult, type DraftOutcome } from './eval/draft-checks.util';
export { decideAgain, type DecidedDraft } from './policy-preview.util';
