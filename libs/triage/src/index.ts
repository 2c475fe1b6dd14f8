export type {
  Entity,
  IntentPrediction,
  IntentScore,
  Sentiment,
  TriageInput,
  TriageResult,
  Urgency,
} from './triage.types';
export { IntentModel, MODEL_EPOCHS } from './intent.model';
export type { IntentExample, IntentTrainOptions } from './intent.model';
export { loadDefaultModel, projectTrainingSetPath } from './default-model.util';
export { DEFAULT_LANGUAGES, DETECTABLE_LANGUAGES, detectLanguage, languageText } from './language.util';
export type { LanguageOptions } from './language.util';
export { detectRiskSignals } from './risk-signals.util';
export type { RiskSignals } from './risk-signals.util';
export { detectRegister } from './register.util';
export type { Register } from './register.util';
export { requestText, splitMessage } from './message-parts.util';
export type { MessageParts } from './message-parts.util';
export { ASK_CONFIDENCE, furtherAsks, readAsks, splitClauses } from './asks.util';
export { extractEntities, isLuhnValid, isValidIban, DEFAULT_ORDER_NUMBER_PATTERNS } from './entities.util';
export { redactPii } from './pii.util';
export { detectPromptInjection, extractHiddenHtmlText, type InjectionScreen } from './injection.util';
export { analyseSentiment } from './sentiment.util';
export { detectSpam } from './spam.util';
export { EmbeddedTriageEngine } from './triage.engine';
export { readCsvExamples, readJsonlExamples } from './dataset.util';
export type { LabelledText } from './dataset.util';
export { crossValidate, evaluateModel, expectedCalibrationError, predictAll, summarise } from './evaluation.util';
export type { EvaluationReport, IntentRow, Prediction } from './evaluation.util';
export { evaluateLanguage, evaluatePii } from './side-evaluation.util';
export { evaluateMails } from './mail-evaluation.util';
export type { MailCase, MailReport } from './mail-evaluation.util';
export type { LanguageCase, LanguageReport, PiiCase, PiiReport } from './side-evaluation.util';
export { LlmTriageEngine } from './llm-triage.engine';
export type { LlmTriageInput, LlmTriageOptions } from './llm-triage.engine';
export {
  LLM_FLAGS,
  LLM_REASONS,
  LlmOutputError,
  parseTriageOutput,
  prepareCustomerMessage,
  SYSTEM_PROMPT,
  systemPrompt,
  triageJsonSchema,
} from './llm-prompt.util';
export type { IntentDescription, LlmTriageOutput, PreparedMessage } from './llm-prompt.util';
export { InMemoryTokenUsageStore, SqlTokenUsageStore, utcDay } from './token-budget';
export type { TokenUsageStore } from './token-budget';
export { LabelledHistoryReadModel, readLabelledHistory } from './labelled-history.read-model';
export type { LabelledMessage } from './labelled-history.read-model';
export { loadShopModel, saveShopModel, shopModelTrainedAt, trainShopModel } from './shop-learning.store';
export type { ShopTrainingResult, SqlQuery } from './shop-learning.store';
export {
  cleanExamples,
  CUSTOM_INTENT_NAME,
  customIntentExamples,
  customIntentProblems,
  deleteShopIntent,
  MAX_INTENT_EXAMPLES,
  parseExamplesFile,
  readShopIntents,
  saveShopIntent,
  ShopIntentError,
} from './shop-intents.store';
export type { ShopIntent } from './shop-intents.store';
export { triageConfigShape, triageOptions } from './triage-settings.util';
export type { TriageConfig, TriageOptions } from './triage-settings.util';
export { createRandom, shuffleInPlace } from './random.util';
