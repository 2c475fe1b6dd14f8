import { z } from 'zod';
import { draftReason } from '@draftdesk/contracts';
import type { OrderFacts } from '../shop.types';
import { orderSchema } from '../shop-loader.util';
import { fillTemplate, getJson } from './http-json.util';
import {
  ORDER_HISTORY_LIMIT,
  OrderConnector,
  OrderConnectorError,
  OrderHistory,
  OrderHistorySource,
  orderHistoryOf,
  OrderLookup,
  OrderQuery,
  ownedBy,
} from './order-connector.types';

export interface RestOrderOptions {
  /** e.g. https://erp.example/orders/{orderNumber} — answers one order in the OrderFacts shape, or 404. */
  byNumberUrl?: string;
  /** e.g. https://erp.example/orders?email={email} — answers an array of orders, or { orders: [...] }. */
  byEmailUrl?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const oneOrder = z.union([orderSchema, z.object({ order: orderSchema }).transform((o) => o.order)]);
const manyOrders = z.union([
  z.array(orderSchema),
  z.object({ orders: z.array(orderSchema) }).transform((o) => o.orders),
]);

function latest(orders: OrderFacts[]): OrderFacts | null {
  return orders.reduce<OrderFacts | null>(
    (best, o) => (!best || Date.parse(o.placedAt) > Date.parse(best.placedAt) ? o : best),
    null,
  );
}

/** A shop's own order API, described by URL templates and fixed headers (e.g. an API key). */
export class RestOrderConnector implements OrderConnector, OrderHistorySource {
  readonly name = 'rest';

  constructor(private readonly options: RestOrderOptions) {}

  private get http() {
    return { headers: this.options.headers, timeoutMs: this.options.timeoutMs ?? 3000, fetch: this.options.fetch };
  }

  /** Every order the by-email URL answers for the address; without that URL the API cannot list them. */
  async ordersOf(email: string, limit = ORDER_HISTORY_LIMIT): Promise<OrderHistory> {
    if (!this.options.byEmailUrl) return { orders: [], reason: 'no_order_reference' };
    try {
      const body = await getJson(
        fillTemplate(this.options.byEmailUrl, { email: email.trim().toLowerCase() }),
        this.http,
      );
      if (body === null) return { orders: [], reason: 'order_not_found' };
      const parsed = manyOrders.safeParse(body);
      if (!parsed.success) throw new OrderConnectorError('invalid_order', parsed.error.issues[0].message);
      return orderHistoryOf(parsed.data as OrderFacts[], email, limit);
    } catch (error) {
      if (error instanceof OrderConnectorError)
        return { orders: [], reason: draftReason('order_lookup_failed', error.code) };
      throw error;
    }
  }

  async lookup(query: OrderQuery): Promise<OrderLookup> {
    const http = this.http;
    try {
      if (query.orderNumber && this.options.byNumberUrl) {
        const number = query.orderNumber.replace(/^#/, '').trim();
        const body = await getJson(fillTemplate(this.options.byNumberUrl, { orderNumber: number }), http);
        if (body === null) return { order: null, reason: 'order_not_found' };
        const parsed = oneOrder.safeParse(body);
        if (!parsed.success) throw new OrderConnectorError('invalid_order', parsed.error.issues[0].message);
        const order = ownedBy(parsed.data as OrderFacts, query.email);
        return order ? { order } : { order: null, reason: 'order_not_found' };
      }
      if (query.email && this.options.byEmailUrl) {
        const body = await getJson(
          fillTemplate(this.options.byEmailUrl, { email: query.email.trim().toLowerCase() }),
          http,
        );
        if (body === null) return { order: null, reason: 'order_not_found' };
        const parsed = manyOrders.safeParse(body);
        if (!parsed.success) throw new OrderConnectorError('invalid_order', parsed.error.issues[0].message);
        const order = latest((parsed.data as OrderFacts[]).filter((o) => ownedBy(o, query.email)));
        return order ? { order } : { order: null, reason: 'order_not_found' };
      }
      return { order: null, reason: 'no_order_reference' };
    } catch (error) {
      if (error instanceof OrderConnectorError)
        return { order: null, reason: draftReason('order_lookup_failed', error.code) };
      throw error;
    }
  }
}
