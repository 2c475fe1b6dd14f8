import type { OrderFacts } from './draft.types';

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
