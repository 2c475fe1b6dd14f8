import { EmbeddedTriageEngine } from '@draftdesk/triage';
import type { DraftProvider } from '../draft.types';
import { InMemoryKnowledge, type KnowledgeSource } from '@draftdesk/shop';
import { OfflineDrafter } from '../offline-drafter.provider';
import { InMemoryOrderConnector } from '@draftdesk/shop';
import type { OrderConnector } from '@draftdesk/shop';
import type { LoadedShop } from '@draftdesk/shop';
import type { ShopPolicy } from '@draftdesk/shop';
import { composeReply, type ComposeResult } from './compose-reply';

export interface ProcessInput {
  text: string;
  subject?: string;
  html?: string | null;
  from?: { address?: string | null; name?: string | null };
  automated?: boolean;
  channel?: 'email' | 'chat';
  history?: { direction: 'inbound' | 'outbound'; text: string }[];
}

export interface ProcessOptions {
  shop: LoadedShop;
  policy?: ShopPolicy;
  triageEngine?: EmbeddedTriageEngine;
  knowledge?: KnowledgeSource;
  orders?: OrderConnector;
  drafter?: DraftProvider;
  now?: Date;
}

/** The shape `draftdesk process` prints; later tooling reads these field names. */
export interface ProcessOutput {
  language: string;
  intent: string;
  confidence: number;
  automated: boolean;
  decision: ComposeResult['decision'];
  reasons: string[];
  draft: string | null;
  triageConfidence: number;
  sentiment: string;
  urgency: string;
  flags: string[];
  order: string | null;
  citations: string[];
  engine: string | null;
}

let sharedEngine: EmbeddedTriageEngine | undefined;

/** Triage and then composeReply, entirely offline: the embedded engine, the shop folder's KB and orders. */
export async function processMessage(input: ProcessInput, options: ProcessOptions): Promise<ProcessOutput> {
  const engine = options.triageEngine ?? (sharedEngine ??= new EmbeddedTriageEngine());
  const automated = !!input.automated;
  const triage = engine.triage({ text: input.text, subject: input.subject, html: input.html, automated });
  const result = await composeReply(
    {
      text: input.text,
      html: input.html,
      subject: input.subject,
      customer: { address: input.from?.address, name: input.from?.name },
      automated,
      channel: input.channel,
      history: input.history,
      triage,
    },
    {
      shop: options.shop.shop,
      policy: options.policy ?? options.shop.policy,
      knowledge: options.knowledge ?? new InMemoryKnowledge(options.shop.snippets),
      orders: options.orders ?? new InMemoryOrderConnector(options.shop.orders),
      drafter: options.drafter ?? new OfflineDrafter(),
      now: options.now,
      products: options.shop.products,
    },
  );
  return {
    language: triage.language,
    intent: triage.intent,
    confidence: result.confidence,
    automated,
    decision: result.decision,
    reasons: result.reasons,
    draft: result.draft?.body ?? null,
    triageConfidence: triage.confidence,
    sentiment: triage.sentiment,
    urgency: triage.urgency,
    flags: result.flags,
    order: result.orderFacts?.orderNumber ?? null,
    citations: result.draft?.citations ?? [],
    engine: result.draft?.engine ?? null,
  };
}
