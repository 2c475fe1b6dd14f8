import type { AttentionReason } from '@draftdesk/contracts';
import type { KbSnippet, OrderFacts, Product, ShopProfile } from '@draftdesk/shop';

export interface DraftRequest {
  shop: ShopProfile;
  language: string;
  intent: string;
  customerName?: string | null;
  customerText: string;
  orderFacts: OrderFacts | null;
  /** The sender's identity is only claimed: ask for the order number and the delivery postcode before any order facts. */
  orderProof?: 'order_number_and_postcode';
  snippets: KbSnippet[];
  history?: { direction: 'inbound' | 'outbound'; text: string }[];
  /** Chat replies are short and carry no letter greeting or signature block. */
  channel?: 'email' | 'chat';
  /** How the customer writes; a reply is never less formal than the customer. */
  register?: 'formal' | 'informal' | null;
  /** A safety report or a legal notice gets a holding reply instead of an answer. */
  concern?: 'safety' | 'legal' | null;
  /** Further asks in the same message, each answered after the main one. */
  asks?: string[];
  /** The shop's product catalogue, for product questions. */
  products?: Product[];
  /** ISO timestamp of "today" for dates such as an expected delivery. */
  now?: string;
}

export interface DraftResult {
  body: string;
  /** Ids of the snippets the body quotes or summarises. */
  citations: string[];
  usedOrderFacts: boolean;
  engine: string;
  /** What went differently from plan (e.g. a model fallback); shown to the reviewer, never decisive. */
  notes?: string[];
  /** Why a person should see the draft first (delivery_overdue, already_answered, product_unanswered). */
  attention?: AttentionReason[];
}

export interface DraftProvider {
  readonly name: string;
  draft(request: DraftRequest): Promise<DraftResult>;
}
