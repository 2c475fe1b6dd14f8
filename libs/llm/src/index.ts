export * from './draft.types';
export { DEFAULT_ESCALATE_ON, DEFAULT_POLICY, parsePolicy, PolicyError, type ShopPolicy } from './shop-policy.schema';
export { decide, withinBusinessHours, type Decision, type GateInput, type GateResult } from './policy-gate.util';
export { checkGrounding, type GroundingReport, type GroundingSources, type UngroundedType } from './grounding.util';
export { loadSampleShop, loadShop, parseSnippet, sampleShopDir, ShopLoadError, type LoadedShop } from './shop-loader.util';
export { findOrder } from './order-lookup.util';
export { selectSnippets } from './snippet-ranking.util';
export { OfflineDrafter, PHRASEBOOKS } from './offline-drafter.provider';
export { SUPPORT_INTENTS } from './intents.constants';
