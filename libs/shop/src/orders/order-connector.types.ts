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
