import { modelTokens } from '@draftdesk/observability';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { INTENTS } from '@draftdesk/contracts';
import { TriageInput, TriageResult } from './triage.types';
import { DEFAULT_LANGUAGES } from './language.util';
import {
  IntentDescription,
  LlmOutputError,
  parseTriageOutput,
  prepareCustomerMessage,
  systemPrompt,
  triageJsonSchema,
} from './llm-prompt.util';
import { TokenUsageStore, utcDay } from './token-budget';
import { EmbeddedTriageEngine } from './triage.engine';

const DEFAULT_TIMEOUT_MS = 20_000;

export interface LlmTriageOptions {
  apiKey: string;
  /** Any OpenAI-compatible server (vLLM, Ollama, Azure): e.g. http://127.0.0.1:8000/v1. */
  baseURL?: string;
  model: string;
  timeoutMs?: number;
  /** Retries of the openai client itself (connection errors, 408/409/429/5xx, timeouts), with its backoff. */
  maxRetries?: number;
  /** Tokens (prompt + completion) one shop may spend per UTC day; 0 means no language model at all. */
  dailyTokenBudget: number;
  usage: TokenUsageStore;
  /** Supplies entities and safety flags always, and the whole answer whenever the model cannot. */
  embedded?: EmbeddedTriageEngine;
  now?: () => Date;
  maxCompletionTokens?: number;
}

export interface LlmTriageInput extends TriageInput {
  shopId?: string;
  /** The shop's own intents: offered in the schema's enum and described in the prompt. */
  customIntents?: readonly IntentDescription[];
}

/** Why a language-model answer was not used; ends up as the reason `llm_fallback:<why>`. */
function fallbackCause(error: unknown, elapsedMs: number, timeoutMs: number): string {
  if (error instanceof LlmOutputError) return error.code;
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  if (error instanceof APIError && typeof error.status === 'number') return `http_${error.status}`;
  // Where the abort's identity is lost across realms (jest's vm), a connection error after the full timeout is one.
  if (error instanceof APIConnectionError) return elapsedMs >= timeoutMs ? 'timeout' : 'connection';
  return 'error';
}

/**
 * Triage through a language model with structured output. The customer's text leaves redacted and delimited as
 * untrusted data; entities and injection/spam flags always come from the embedded rules, and every failure
 * (over budget, HTTP error, timeout, malformed or off-schema answer) falls back to the embedded engine.
 */
export class LlmTriageEngine {
  private readonly client: OpenAI;
  private readonly embedded: EmbeddedTriageEngine;
  private readonly now: () => Date;
  private readonly schema: ReturnType<typeof triageJsonSchema>;

  constructor(private readonly options: LlmTriageOptions) {
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? 2,
    });
    this.embedded = options.embedded ?? new EmbeddedTriageEngine();
    this.now = options.now ?? (() => new Date());
    this.schema = triageJsonSchema();
  }

  /** `embedded` overrides the fall-back engine for this call (a shop's own model). */
  async triage(input: LlmTriageInput, embedded: EmbeddedTriageEngine = this.embedded): Promise<TriageResult> {
    const rules = embedded.triage(input);
    const shopId = input.shopId ?? 'default';
    const day = utcDay(this.now());
    if ((await this.options.usage.spent(shopId, day)) >= this.options.dailyTokenBudget) {
      return withReason(rules, 'llm_budget_exhausted');
    }
    const started = Date.now();
    try {
      const custom = (input.customIntents ?? []).filter((c) => !INTENTS.includes(c.intent));
      const intents = custom.length ? [...INTENTS, ...custom.map((c) => c.intent)] : INTENTS;
      const content = await this.complete(shopId, day, input, custom, intents);
      const answer = parseTriageOutput(content, intents);
      const reasons = unique([...answer.reasons, ...rules.reasons]);
      // Spam found by the rules wins: the model may have been talked out of it by the very text it reads.
      const spam = rules.flags.includes('spam');
      return {
        // The shop's languages bound the answer as they bound the rules: a served language or und, never another.
        language: (input.languages ?? DEFAULT_LANGUAGES).includes(answer.language) ? answer.language : rules.language,
        intent: spam ? rules.intent : answer.intent,
        confidence: spam ? rules.confidence : Math.round(answer.confidence * 1e4) / 1e4,
        alternatives: [],
        sentiment: answer.sentiment,
        urgency: input.automated ? 'low' : answer.urgency,
        reasons,
        entities: rules.entities,
        flags: unique([...rules.flags, ...answer.flags, ...answer.reasons]),
        ...(rules.register ? { register: rules.register } : {}),
        asks: (rules.asks ?? []).filter((ask) => ask !== (spam ? rules.intent : answer.intent)),
        engine: 'openai',
      };
    } catch (error) {
      const cause = fallbackCause(error, Date.now() - started, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      return withReason(rules, `llm_fallback:${cause}`);
    }
  }

  private async complete(
    shopId: string,
    day: string,
    input: LlmTriageInput,
    custom: readonly IntentDescription[],
    intents: readonly string[],
  ): Promise<string | null | undefined> {
    const message = prepareCustomerMessage(input.text ?? '', input.subject);
    const schema = custom.length ? triageJsonSchema(intents) : this.schema;
    const completion = await this.client.chat.completions.create({
      model: this.options.model,
      temperature: 0,
      max_completion_tokens: this.options.maxCompletionTokens ?? 300,
      response_format: { type: 'json_schema', json_schema: schema },
      messages: [
        { role: 'system', content: systemPrompt(custom) },
        { role: 'user', content: message.content },
      ],
    });
    // Tokens were spent even when the answer turns out unusable, so they count before it is judged.
    if (completion.usage) {
      modelTokens.inc(
        { component: 'triage' },
        (completion.usage.prompt_tokens ?? 0) + (completion.usage.completion_tokens ?? 0),
      );
      await this.options.usage.record(shopId, day, {
        promptTokens: completion.usage.prompt_tokens ?? 0,
        completionTokens: completion.usage.completion_tokens ?? 0,
      });
    }
    const choice = completion.choices?.[0]?.message;
    if (choice?.refusal) throw new LlmOutputError('refusal', choice.refusal.slice(0, 80));
    return choice?.content;
  }
}

function withReason(result: TriageResult, reason: string): TriageResult {
  return { ...result, reasons: [...result.reasons, reason] };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
