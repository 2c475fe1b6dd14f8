import type { OrderFacts, OrderStatus } from '@draftdesk/shop';

/** Picks the formal or the friendly wording ("u" or "je", "Sie" or "du"). */
export type Voice = (formal: string, friendly: string) => string;

/** Already formatted for the reply's language. */
export interface OrderView {
  order: OrderFacts;
  number: string;
  placedOn: string;
  total: string;
  items: string;
  expectedOn: string | null;
}

export type OrderAction = 'cancel' | 'change' | 'address' | 'refund' | 'refund_status' | 'invoice' | 'payment';

export type Phrase = (v: Voice) => string;

/** What the customer already told us, echoed back so a holding reply never asks for it again. */
export interface MentionedFacts {
  orderNumber: string | null;
  dates: string[];
  amounts: string[];
}

/** A product answer: the product's name and the attributes that answer the question, in the reply's language. */
export interface ProductAnswer {
  name: string;
  attributes: { label: string; value: string }[];
}

export interface Phrasebook {
  /** BCP 47 locale for dates and amounts. */
  locale: string;
  greeting(v: Voice, name: { full: string; first: string } | null): string;
  thanks: Phrase;
  sorryAgain: Phrase;
  /** Acknowledgement per intent: shows the customer was understood. */
  ack: Record<string, Phrase>;
  /** The next step per intent; `default` covers the rest. */
  next: Record<string, Phrase>;
  orderHeading(v: Voice, view: OrderView): string;
  status: Record<OrderStatus, (v: Voice, view: OrderView) => string>;
  tracking(v: Voice, view: OrderView): string;
  action: Record<OrderAction, Partial<Record<OrderStatus | 'default', (v: Voice, view: OrderView) => string>>>;
  askOrderNumber: Phrase;
  /** For a sender whose identity the channel does not vouch for: what proves the order is theirs. */
  askOrderNumberAndPostcode: Phrase;
  /** When neither the order nor the knowledge base answers the question. */
  handover: Phrase;
  orderNotFound(v: Voice, number: string): string;
  moreInfo(url: string): string;
  seeAlso(title: string, url: string): string;
  closing: Phrase;
  fallbackSignature(shopName: string): string;
  /** Holding reply when a product may be unsafe: stop using it first, then a person calls back. */
  safety: { ack: Phrase; stopUsing: Phrase; contact(v: Voice, hours: number, orderNumber: string | null): string };
  /** Holding reply to a notice of default, a lawyer's letter or a chargeback: formal, facts acknowledged. */
  legal: {
    ack: Phrase;
    facts(v: Voice, facts: MentionedFacts): string | null;
    contact(v: Voice, hours: number): string;
  };
  /** The expected delivery date has passed: an apology and what happens now, never the date as upcoming. */
  overdue(v: Voice, view: OrderView): string;
  overdueNext(v: Voice, view: OrderView): string;
  /** A follow-up whose only available answer was already sent: a person takes over instead of a repeat. */
  alreadyAnswered: Phrase;
  product: { ack: Phrase; answer(v: Voice, product: ProductAnswer): string; unknown: Phrase };
  /** Introduces the answer to a further question in the same message. */
  alsoAsked: Phrase;
}
