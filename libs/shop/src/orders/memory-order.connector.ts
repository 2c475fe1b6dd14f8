import type { OrderFacts } from '../shop.types';
import { findOrder } from '../order-lookup.util';
import type { OrderConnector, OrderLookup, OrderQuery } from './order-connector.types';

/** Orders from the shop folder's orders.json (the sample shop and the embedded demo). */
export class InMemoryOrderConnector implements OrderConnector {
  readonly name = 'memory';

  constructor(private readonly orders: OrderFacts[]) {}

  async lookup(query: OrderQuery): Promise<OrderLookup> {
    if (!query.orderNumber && !query.email) return { order: null, reason: 'no_order_reference' };
    const order = findOrder(this.orders, query);
    return order ? { order } : { order: null, reason: 'order_not_found' };
  }
}
