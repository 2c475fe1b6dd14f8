import {
  buildOrderConnector,
  InMemoryKnowledge,
  KbRepository,
  PgKnowledge,
  SqlRunner,
  LoadedShop,
  OrderConnector,
} from '@draftdesk/shop';
import { DraftProvider, OfflineDrafter, OpenAiDrafter } from '@draftdesk/drafting';
import { InMemoryTokenUsageStore, type TokenUsageStore } from '@draftdesk/triage';
import OpenAI from 'openai';
import type { DrafterOptions } from './drafter.options';
import { instructedClient } from './reviewer-instruction.util';

/** Picks the drafter for a first draft (no instruction) or a redraft that follows a reviewer's instruction. */
export type DrafterFactory = (instruction?: string) => DraftProvider;

/** The drafter's collaborators, chosen from its options: model or offline, which order source, which KB. */
export function buildDrafter(
  options: DrafterOptions,
  shop: LoadedShop,
  usage: TokenUsageStore = new InMemoryTokenUsageStore(),
): DraftProvider {
  return drafterFactory(options, shop, usage)();
}

/**
 * One client and one token budget for every draft, first or redraft. The offline drafter cannot follow free
 * text: a redraft with it is the same draft again, and the instruction is only recorded in the reasons.
 */
export function drafterFactory(options: DrafterOptions, shop: LoadedShop, usage: TokenUsageStore): DrafterFactory {
  const offline = new OfflineDrafter();
  if (options.engine !== 'openai' || !options.openai) return () => offline;
  const o = options.openai;
  const client = new OpenAI({ apiKey: o.apiKey, baseURL: o.baseURL, timeout: o.timeoutMs, maxRetries: o.maxRetries });
  const settings = {
    apiKey: o.apiKey,
    baseURL: o.baseURL,
    model: o.model,
    timeoutMs: o.timeoutMs,
    maxRetries: o.maxRetries,
    canary: shop.policy.canary,
    budget: o.tokensPerDay > 0 ? { usage, tokensPerDay: o.tokensPerDay } : undefined,
    reserveTokens: 1500,
    fallback: offline,
  };
  const first = new OpenAiDrafter({ ...settings, client });
  return (instruction) =>
    instruction ? new OpenAiDrafter({ ...settings, client: instructedClient(client, instruction) }) : first;
}

export function buildOrders(options: DrafterOptions, shop: LoadedShop): OrderConnector {
  return buildOrderConnector(options.orders, shop.orders);
}

export function buildKnowledge(db: SqlRunner, shop: LoadedShop): PgKnowledge {
  return new PgKnowledge(new KbRepository(db), new InMemoryKnowledge(shop.snippets));
}
