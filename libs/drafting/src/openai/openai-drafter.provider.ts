import { type TokenUsageStore, utcDay } from '@draftdesk/triage';
import { modelTokens } from '@draftdesk/observability';
import OpenAI from 'openai';
import { z } from 'zod';
import { draftReason } from '@draftdesk/contracts';
import type { DraftProvider, DraftRequest, DraftResult } from '../draft.types';
import { OfflineDrafter } from '../offline-drafter.provider';
import { buildDraftMessages, DRAFT_SCHEMA } from './draft-prompt.util';

export interface OpenAiDrafterOptions {
  apiKey: string;
  /** Any OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1. */
  baseURL?: string;
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** The shop policy's canary; placed in the system prompt so a leak is visible in the draft. */
  canary?: string;
  /** Tokens a shop may spend per UTC day, counted in the store (the database, shared by every replica). */
  budget?: { usage: TokenUsageStore; tokensPerDay: number };
  now?: () => Date;
  /** Expected tokens of one draft: a request is not started when less than this is left. */
  reserveTokens?: number;
  fallback?: DraftProvider;
  client?: OpenAI;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const answer = z.object({ body: z.string().min(1), citations: z.array(z.string()).default([]) });

function failureCode(error: unknown, elapsedMs: number, timeoutMs: number): string {
  // Under some runtimes (jest's sandbox) the abort surfaces as a plain connection error, so time decides too.
  if (error instanceof OpenAI.APIError && error.status) return `http_${error.status}`;
  if (error instanceof OpenAI.APIConnectionTimeoutError || elapsedMs >= timeoutMs) return 'timeout';
  if (error instanceof OpenAI.APIConnectionError) return 'unreachable';
  return (error as Error)?.name === 'SyntaxError' ? 'invalid_json' : 'invalid_answer';
}

/**
 * Drafts with a language model through the openai client (structured output), and falls back to the offline
 * drafter on any failure or when the shop's token budget is spent, saying so in the draft's notes. The model
 * only writes text: the policy gate still decides, and checks grounding and the canary on what it wrote.
 */
export class OpenAiDrafter implements DraftProvider {
  readonly name = 'openai' as const;
  private readonly client: OpenAI;
  private readonly fallback: DraftProvider;

  constructor(private readonly options: OpenAiDrafterOptions) {
    this.client =
      options.client ??
      new OpenAI({
        apiKey: options.apiKey,
        baseURL: options.baseURL,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxRetries: options.maxRetries ?? 2,
      });
    this.fallback = options.fallback ?? new OfflineDrafter();
  }

  async draft(request: DraftRequest): Promise<DraftResult> {
    const budget = this.options.budget;
    const day = utcDay(this.options.now?.() ?? new Date());
    if (
      budget &&
      budget.tokensPerDay - (await budget.usage.spent(request.shop.id, day)) < (this.options.reserveTokens ?? 1)
    ) {
      return this.fallBack(request, draftReason('llm_budget_exhausted'));
    }
    const started = Date.now();
    try {
      const completion = await this.client.chat.completions.create({
        model: this.options.model,
        messages: buildDraftMessages(request, this.options.canary),
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'draft_reply',
            strict: true,
            schema: DRAFT_SCHEMA as unknown as Record<string, unknown>,
          },
        },
        temperature: 0.2,
      });
      const usage = {
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
      };
      if (budget && usage.promptTokens + usage.completionTokens > 0) {
        modelTokens.inc({ component: 'drafter' }, usage.promptTokens + usage.completionTokens);
        await budget.usage.record(request.shop.id, day, usage);
      }
      const content = completion.choices[0]?.message?.content ?? '';
      const parsed = answer.parse(JSON.parse(content));
      const known = new Set(request.snippets.map((s) => s.id));
      return {
        body: parsed.body.trim(),
        // A citation of an id we never sent is the model's invention; it is dropped, not trusted.
        citations: [...new Set(parsed.citations.filter((id) => known.has(id)))],
        usedOrderFacts: !!request.orderFacts && parsed.body.includes(request.orderFacts.orderNumber),
        engine: `openai:${completion.model || this.options.model}`,
      };
    } catch (error) {
      return this.fallBack(
        request,
        draftReason(
          'llm_fallback',
          failureCode(error, Date.now() - started, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        ),
      );
    }
  }

  private async fallBack(request: DraftRequest, note: string): Promise<DraftResult> {
    const result = await this.fallback.draft(request);
    return { ...result, notes: [...(result.notes ?? []), note] };
  }
}
