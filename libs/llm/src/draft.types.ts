export interface ShopProfile {
  id: string;
  name: string;
  /** Sign-off per language code; falls back to the shop's default language. */
  signature: Record<string, string>;
  tone: 'formal' | 'friendly';
  defaultLanguage: string;
  supportEmail: string;
  website: string;
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
}

export interface DraftResult {
  body: string;
  /** Ids of the snippets the body quotes or summarises. */
  citations: string[];
  usedOrderFacts: boolean;
  engine: string;
  /** What went differently from plan (e.g. a model fallback); shown to the reviewer, never decisive. */
  notes?: string[];
}

export interface DraftProvider {
  readonly name: string;
  draft(request: DraftRequest): Promise<DraftResult>;
}
