import type { OrderFacts } from './shop.types';

function normaliseOrderNumber(value: string): string {
  return value
    .trim()
    .replace(/^(?:order|bestelling|ordernummer|bestelnummer)\s*/i, '')
    .replace(/[\s#]/g, '')
    .toUpperCase();
}

function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Finds the order a message is about. With both an order number and an address, the order must belong to
 * that address: a guessed order number must not reveal someone else's delivery address. With only an
 * address, the most recently placed order is the likeliest subject.
 */
export function findOrder(orders: OrderFacts[], query: { orderNumber?: string; email?: string }): OrderFacts | null {
  const number = query.orderNumber ? normaliseOrderNumber(query.orderNumber) : '';
  const email = query.email ? normaliseEmail(query.email) : '';
  if (number) {
    const order = orders.find((o) => normaliseOrderNumber(o.orderNumber) === number);
    if (!order) return null;
    if (email && normaliseEmail(order.customerEmail) !== email) return null;
    return order;
  }
  if (email) {
    const mine = orders.filter((o) => normaliseEmail(o.customerEmail) === email);
    if (mine.length === 0) return null;
    return mine.reduce((latest, o) => (Date.parse(o.placedAt) > Date.parse(latest.placedAt) ? o : latest));
  }
  return null;
}

/** Postcode shapes of the shops' countries: NL (1015 CJ), UK (SW1A 1AA), then five (DE, FR) and four digits (BE, AT). */
const POSTCODE_SHAPES = [/\b\d{4}\s?[A-Z]{2}\b/i, /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/i, /\b\d{5}\b/, /\b\d{4}\b/];

/** The postcode of the order's shipping address ("street, postcode city, country"). */
export function orderPostcode(order: OrderFacts): string | null {
  const address = order.shippingAddress ?? '';
  // Without "street, postcode city" the house number cannot be told from a postcode: no postcode, nothing unlocks.
  if (!address.includes(',')) return null;
  const afterStreet = address.slice(address.indexOf(',') + 1);
  for (const shape of POSTCODE_SHAPES) {
    const found = shape.exec(afterStreet);
    if (found) return found[0].replace(/\s+/g, '').toUpperCase();
  }
  return null;
}

/** Whether the text gives the order's postcode, however spaced or cased ("1015CJ", "1015 cj"). */
export function mentionsPostcode(text: string, order: OrderFacts): boolean {
  const postcode = orderPostcode(order);
  if (!postcode) return false;
  const flexible = postcode
    .split('')
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s-]?');
  return new RegExp(`(?<![A-Z0-9])${flexible}(?![A-Z0-9])`, 'i').test(text);
}

/** How far the sender of a message is known to be who they say. */
export type CustomerIdentity = 'verified' | 'unverified';

/**
 * Order facts go only to someone shown to be entitled to them. A verified identity (the From of an e-mail, a chat
 * channel whose provider signs its users in) may be looked up by address. A claimed identity may not: an e-mail
 * address typed into a chat proves nothing, so its orders are found only by order number, and disclosed only when
 * the message also gives that order's postcode.
 */
export function orderQueryFor(
  identity: CustomerIdentity,
  orderNumber: string | undefined,
  address: string | undefined,
): { orderNumber?: string; email?: string } {
  return identity === 'verified' ? { orderNumber, email: address } : { orderNumber };
}

export function disclosableOrder(
  identity: CustomerIdentity,
  order: OrderFacts | null,
  text: string,
): OrderFacts | null {
  if (!order || identity === 'verified') return order;
  return mentionsPostcode(text, order) ? order : null;
}
