import { detectPromptInjection } from '@draftdesk/triage';
import type { DraftProvider, DraftResult } from '../draft.types';
import type { KbSnippet, OrderFacts, Product, ShopProfile } from '@draftdesk/shop';
import { type AttentionReason, draftReason } from '@draftdesk/contracts';
import { screenForConcern } from '../drafting/concern-screen.util';
import { OfflineDrafter } from '../offline-drafter.provider';
import { detectRegister } from '../drafting/register.util';
import type { KnowledgeSource } from '@draftdesk/shop';
import { type CustomerIdentity, disclosableOrder, orderQueryFor } from '@draftdesk/shop';
import type { OrderConnector } from '@draftdesk/shop';
import {
  decide,
  refundExposure,
  SEVERITY,
  type Decision,
  type GateInput,
  type GateResult,
  type GateTriage,
} from '../policy-gate.util';
import type { ShopPolicy } from '@draftdesk/shop';

export interface TriageFacts extends GateTriage {
  entities: { type: string; value: string }[];
  register?: 'formal' | 'informal';
  asks?: string[];
}

export interface ComposeInput {
  /** The customer's new text: quoted history and signature already removed. */
  text: string;
  html?: string | null;
  subject?: string;
  /** `identity` absent: verified, as the From of an e-mail (what the shop replies to) is. */
  customer: { address?: string | null; name?: string | null; identity?: CustomerIdentity };
  automated: boolean;
  channel?: 'email' | 'chat';
  history?: { direction: 'inbound' | 'outbound'; text: string }[];
  triage: TriageFacts;
}

export interface ComposeDeps {
  shop: ShopProfile;
  policy: ShopPolicy;
  knowledge: KnowledgeSource;
  orders: OrderConnector;
  drafter: DraftProvider;
  now?: Date;
  /** The shop's product catalogue; product questions it does not answer go to a person. */
  products?: Product[];
}

export interface ComposeResult {
  draft: DraftResult | null;
  decision: Decision;
  confidence: number;
  reasons: string[];
  flags: string[];
  orderFacts: OrderFacts | null;
  snippets: KbSnippet[];
}

// What the drafter flagged for a person, and how firmly: a repeat of an unhelpful answer is a senior's call.
const ATTENTION: Record<AttentionReason, Decision> = {
  already_answered: 'escalate',
  delivery_overdue: 'review',
  product_unanswered: 'review',
};

// Holding replies are fixed wording, reviewed once, whichever engine drafts the rest: a model never improvises them.
const HOLDING_DRAFTER = new OfflineDrafter();

function addReasons(gate: GateResult, to: Decision, extra: string[]): GateResult {
  if (extra.length === 0) return gate;
  const decision = SEVERITY[to] > SEVERITY[gate.decision] ? to : gate.decision;
  const reasons = [
    ...gate.reasons.filter((r) => !(r === draftReason('policy_allows') && decision !== 'auto_send')),
    ...extra.filter((r) => !gate.reasons.includes(r)),
  ];
  return { ...gate, decision, reasons };
}

/** Knowledge for the main intent and each further ask, without duplicates. */
async function searchAll(deps: ComposeDeps, intents: string[], language: string, text: string): Promise<KbSnippet[]> {
  const found = new Map<string, KbSnippet>();
  for (const intent of intents) {
    for (const snippet of await deps.knowledge.search({ shopId: deps.shop.id, intent, language, text })) {
      if (!found.has(snippet.id)) found.set(snippet.id, snippet);
    }
  }
  return [...found.values()];
}

/**
 * One message through knowledge retrieval, order lookup, drafting and the policy gate. Shared by the drafter
 * service and `draftdesk process`, so what a person tries on the command line is what the service does.
 */
export async function composeReply(input: ComposeInput, deps: ComposeDeps): Promise<ComposeResult> {
  const { triage } = input;
  // Second line of defence: triage may be another engine or an older model; the gate re-checks the raw input.
  const screen = detectPromptInjection([input.subject ?? '', input.text].join('\n'), input.html ?? null);
  const flags = [...triage.flags];
  if (screen.flagged && !flags.includes('prompt_injection')) flags.push('prompt_injection');
  const extra: string[] = screen.reasons.map((r) => draftReason('injection', r));

  const orderNumber = triage.entities.find((e) => e.type === 'order_number')?.value;
  const identity = input.customer.identity ?? 'verified';
  const lookup = await deps.orders.lookup(orderQueryFor(identity, orderNumber, input.customer.address ?? undefined));
  const orderFacts = disclosableOrder(identity, lookup.order, input.text);
  const notes: string[] = [];
  if (lookup.reason && lookup.reason.startsWith(draftReason('order_lookup_failed'))) notes.push(lookup.reason);
  // An order number that matches no order of this customer: the reviewer sees why the draft asks again.
  if (orderNumber && lookup.reason === 'order_not_found') notes.push(draftReason('order_not_found'));
  // The reviewer sees why no order facts were used; the draft asks for the proof instead.
  if (identity === 'unverified' && !orderFacts) notes.push(draftReason('identity_unverified'));

  const asks = [...new Set(triage.asks ?? [])].filter((a) => a !== triage.intent);
  const snippets = await searchAll(deps, [triage.intent, ...asks], triage.language, input.text);
  const concern = screenForConcern({ reasons: triage.reasons, flags }, input.text);
  if (concern.reason && !flags.includes(concern.reason)) flags.push(concern.reason);
  let draft: DraftResult | null = null;
  if (!input.automated && !flags.includes('automated')) {
    draft = await (concern.concern ? HOLDING_DRAFTER : deps.drafter).draft({
      shop: deps.shop,
      language: triage.language,
      intent: triage.intent,
      customerName: input.customer.name || null,
      customerText: input.text,
      orderFacts,
      ...(identity === 'unverified' && !orderFacts ? { orderProof: 'order_number_and_postcode' as const } : {}),
      snippets,
      history: input.history,
      channel: input.channel,
      register: triage.register ?? detectRegister(input.text, triage.language),
      concern: concern.concern,
      asks,
      products: deps.products,
      now: (deps.now ?? new Date()).toISOString(),
    });
    notes.push(...(draft.notes ?? []));
  }
  const gateTriage: GateInput['triage'] = { ...triage, flags };
  let gate = decide({
    policy: deps.policy,
    shop: deps.shop,
    triage: gateTriage,
    automated: input.automated,
    draft,
    sources: { customerText: input.text, snippets, orderFacts },
    now: deps.now,
  });
  if (gate.decision !== 'ignore') {
    const refund = refundExposure(triage.intent, orderFacts, deps.policy);
    gate = addReasons(gate, 'review', [...extra, ...(refund ? [refund] : [])]);
    // A holding reply is never the last word: a person takes over, whatever the shop's escalation list says.
    if (concern.concern)
      gate = addReasons(gate, 'escalate', [draftReason('holding_reply', concern.reason ?? concern.concern)]);
    for (const reason of draft?.attention ?? []) gate = addReasons(gate, ATTENTION[reason], [reason]);
    gate = { ...gate, reasons: [...gate.reasons, ...notes.filter((n) => !gate.reasons.includes(n))] };
  }
  return {
    draft: gate.decision === 'ignore' ? null : draft,
    decision: gate.decision,
    confidence: gate.confidence,
    reasons: gate.reasons,
    flags,
    orderFacts,
    snippets,
  };
}
