import type { OrderFacts, OrderStatus } from '../draft.types';

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
}
