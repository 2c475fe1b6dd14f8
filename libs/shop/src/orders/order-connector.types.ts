import type { OrderFacts } from '../shop.types';

export interface OrderQuery {
  orderNumber?: string;
  email?: string;
}

/** No facts is a normal answer; `reason` says why (not_found, timeout, http_502, …) so the gate can show it. */
export interface OrderLookup {
  order: OrderFacts | null;
  reason?: string;
}

export interface OrderConnector {
  readonly name: string;
  lookup(query: OrderQuery): Promise<OrderLookup>;
}

/** A customer's orders, newest first; none is a normal answer, and `reason` says why (as in OrderLookup). */
export interface OrderHistory {
  orders: OrderFacts[];
  reason?: string;
}

/** Every order placed with one address, for the desk's customer panel; the connectors answer it beside `lookup`. */
export interface OrderHistorySource {
  readonly name: string;
  ordersOf(email: string, limit?: number): Promise<OrderHistory>;
}

/** The most orders a customer panel lists. */
export const ORDER_HISTORY_LIMIT = 20;

/** Newest first, at most `limit`, and only those placed with `email`: whatever the source sent back. */
export function orderHistoryOf(orders: readonly OrderFacts[], email: string, limit: number): OrderHistory {
  const mine = orders
    .filter((o) => ownedBy(o, email))
    .sort((x, y) => Date.parse(y.placedAt) - Date.parse(x.placedAt))
    .slice(0, limit);
  return mine.length ? { orders: mine } : { orders: [], reason: 'order_not_found' };
}

export class OrderConnectorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OrderConnectorError';
  }
}

export function normaliseOrderNumber(value: string): string {
  return value
    .trim()
    .replace(/^(?:order|bestelling|ordernummer|bestelnummer)\s*/i, '')
    .replace(/[\s#]/g, '')
    .toUpperCase();
}

/**
 * With both an order number and an address, the order must belong to that address: a guessed order number must
 * not reveal someone else's delivery address. Shared by every connector so the rule holds whatever the source.
 */
export function ownedBy(order: OrderFacts | null, email: string | undefined): OrderFacts | null {
  if (!order || !email) return order;
  return order.customerEmail.trim().toLowerCase() === email.trim().toLowerCase() ? order : null;
}
