export * from './draft.types';
export { DRAFT_REASON_CODES, draftReason, type AttentionReason, type DraftReasonCode } from './draft-reasons.constants';
export {
  DEFAULT_ESCALATE_ON,
  DEFAULT_POLICY,
  parsePolicy,
  PolicyError,
  policySchema,
  type ShopPolicy,
} from './shop-policy.schema';
export { decide, withinBusinessHours, type Decision, type GateInput, type GateResult } from './policy-gate.util';
export { checkGrounding, type GroundingReport, type GroundingSources, type UngroundedType } from './grounding.util';
export {
  loadSampleShop,
  loadShop,
  orderSchema,
  parseSnippet,
  productSchema,
  sampleShopDir,
  ShopLoadError,
  shopSchema,
  snippetFrontMatter,
  type LoadedShop,
} from './shop-loader.util';
export { findOrder } from './order-lookup.util';
export { selectSnippets } from './snippet-ranking.util';
export { OfflineDrafter, PHRASEBOOKS } from './offline-drafter.provider';
export { SUPPORT_INTENTS } from './intents.constants';
export { InMemoryKnowledge, type KnowledgeQuery, type KnowledgeSource } from './knowledge/knowledge-source';
export {
  normaliseOrderNumber,
  OrderConnectorError,
  ownedBy,
  type OrderConnector,
  type OrderLookup,
  type OrderQuery,
} from './orders/order-connector.types';
export { InMemoryOrderConnector } from './orders/memory-order.connector';
export { shiftOrderDates, withDemoOrdersDatedToday } from './orders/demo-order-dates.util';
export { CachedOrderConnector, type OrderCacheOptions } from './orders/cached-order.connector';
export { RestOrderConnector, type RestOrderOptions } from './orders/rest-order.connector';
export { mapShopifyOrder, ShopifyOrderConnector, type ShopifyOptions } from './orders/shopify-order.connector';
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
export { KbRepository, orQuery, PgKnowledge, type KbEntry, type SqlRunner } from './knowledge/pg-knowledge';
export { importKnowledge, readKnowledgeDir, type ImportReport } from './knowledge/kb-import.util';
export { OpenAiDrafter, type OpenAiDrafterOptions } from './openai/openai-drafter.provider';
export { buildDraftMessages, DRAFT_SCHEMA } from './openai/draft-prompt.util';
export { readScenarios, runDraftEval, type DraftEvalReport, type LoadedScenarios } from './eval/draft-eval';
export { checkDraft, type CheckResult, type DraftOutcome } from './eval/draft-checks.util';
export { checkShopFolder, formatFinding, type ShopCheckReport, type ShopFinding } from './shop-check/shop-check.util';
