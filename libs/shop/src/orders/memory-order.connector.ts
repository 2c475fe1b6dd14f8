import type { OrderFacts } from '../shop.types';
import { findOrder } from '../order-lookup.util';
import {
  ORDER_HISTORY_LIMIT,
  orderHistoryOf,
  type OrderConnector,
  type OrderHistory,
  type OrderHistorySource,
  type OrderLookup,
  type OrderQuery,
} from './order-connector.types';

/** Orders from the shop folder's orders.json (the sample shop and the embedded demo). */
export class InMemoryOrderConnector implements OrderConnector, OrderHistorySource {
  readonly name = 'memory';

  constructor(private readonly orders: OrderFacts[]) {}

  async lookup(query: OrderQuery): Promise<OrderLookup> {
    if (!query.orderNumber && !query.email) return { order: null, reason: 'no_order_reference' };
    const order = findOrder(this.orders, query);
    return order ? { order } : { order: null, reason: 'order_not_found' };
  }

  async ordersOf(email: string, limit = ORDER_HISTORY_LIMIT): Promise<OrderHistory> {
    return orderHistoryOf(this.orders, email, limit);
  }
}
