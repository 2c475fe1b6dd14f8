import { draftReason } from '@draftdesk/contracts';
import type {
  OrderConnector,
  OrderHistory,
  OrderHistorySource,
  OrderLookup,
  OrderQuery,
} from './order-connector.types';
import { normaliseOrderNumber } from './order-connector.types';

export interface OrderCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * Keeps answers briefly: a conversation asks about the same order several times within minutes, and the shop's
 * API has rate limits. Failures are not cached, so a timeout does not hide the order for the whole TTL.
 */
export class CachedOrderConnector implements OrderConnector, OrderHistorySource {
  readonly name: string;
  private readonly entries = new Map<string, { at: number; value: Promise<OrderLookup> }>();
  private readonly now: () => number;

  constructor(
    private readonly inner: OrderConnector & OrderHistorySource,
    private readonly options: OrderCacheOptions,
  ) {
    this.name = `cached:${inner.name}`;
    this.now = options.now ?? Date.now;
  }

  async lookup(query: OrderQuery): Promise<OrderLookup> {
    const key = `${normaliseOrderNumber(query.orderNumber ?? '')}|${(query.email ?? '').trim().toLowerCase()}`;
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.options.ttlMs) return hit.value;
    const value = this.inner.lookup(query);
    this.entries.set(key, { at: this.now(), value });
    this.evict();
    const result = await value.catch((error: Error) => ({
      order: null,
      reason: draftReason('order_lookup_failed', error.name),
    }));
    if (!result.order && result.reason !== 'order_not_found') this.entries.delete(key);
    return result;
  }

  /** Not cached: an agent opens a customer's history once, and wants it as the shop has it now. */
  ordersOf(email: string, limit?: number): Promise<OrderHistory> {
    return this.inner.ordersOf(email, limit);
  }

  private evict(): void {
    const max = this.options.maxEntries ?? 1000;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value as string);
  }
}
