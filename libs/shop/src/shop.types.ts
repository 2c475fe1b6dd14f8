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
