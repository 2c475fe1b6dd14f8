import type { AttentionReason } from './draft-reasons.constants';

export interface ShopProfile {
  id: string;
  name: string;
  /** Sign-off per language code; falls back to the shop's default language. */
  signature: Record<string, string>;
  tone: 'formal' | 'friendly';
  defaultLanguage: string;
  supportEmail: string;
  website: string;
  /** Hours within which a person contacts a customer after a safety report or a legal notice (default 24). */
  personalResponseHours?: number;
  /** What the shop tells a customer to do with a product that may be unsafe, per language. */
  safetyInstruction?: Record<string, string>;
  /** Sample data only: the day its order dates were written for; the running suite moves them so that day is today. */
  demoOrdersAsOf?: string;
}

/** A product of the shop's catalogue; texts per language code (nl and en at least). */
export interface Product {
  id: string;
  name: Record<string, string>;
  /** Other words customers use for it, in any language ("city bike", "Stadtrad"). */
  aliases: string[];
  attributes: {
    key: string;
    /** Words in a question that ask for this attribute ("tall", "lengte", "groß"). */
    terms: string[];
    label: Record<string, string>;
    value: Record<string, string>;
  }[];
}

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';

export interface OrderFacts {
  orderNumber: string;
  status: OrderStatus;
  placedAt: string;
  total: { amount: number; currency: string };
  items: { name: string; quantity: number }[];
  carrier?: string;
  trackingNumber?: string;
  trackingUrl?: string;
  expectedDelivery?: string;
  shippingAddress?: string;
  customerEmail: string;
  customerName?: string;
  invoiceUrl?: string;
}

export interface KbSnippet {
  id: string;
  title: string;
  body: string;
  language: string;
  kind: 'article' | 'macro' | 'policy';
  intents: string[];
  url?: string;
  /** How the article addresses the reader; when absent, the shop's tone. */
  register?: 'formal' | 'informal';
}

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
