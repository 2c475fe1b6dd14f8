import { z } from 'zod';
import { draftReason } from '@draftdesk/contracts';
import type { OrderFacts, OrderStatus } from '../shop.types';
import { getJson } from './http-json.util';
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

export interface ShopifyOptions {
  /** https://<shop>.myshopify.com (or a local test server). */
  shopUrl: string;
  accessToken: string;
  apiVersion?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

// The part of the REST Admin API order resource the drafter needs; Shopify sends money as strings.
const shopifyOrder = z.object({
  name: z.string(),
  email: z.string().nullable().optional(),
  created_at: z.string(),
  cancelled_at: z.string().nullable().optional(),
  financial_status: z.string().nullable().optional(),
  fulfillment_status: z.string().nullable().optional(),
  total_price: z.string(),
  currency: z.string().length(3),
  order_status_url: z.string().nullable().optional(),
  line_items: z
    .array(z.object({ name: z.string().optional(), title: z.string().optional(), quantity: z.number() }))
    .default([]),
  fulfillments: z
    .array(
      z.object({
        tracking_company: z.string().nullable().optional(),
        tracking_number: z.string().nullable().optional(),
        tracking_url: z.string().nullable().optional(),
        shipment_status: z.string().nullable().optional(),
        estimated_delivery_at: z.string().nullable().optional(),
      }),
    )
    .default([]),
  shipping_address: z
    .object({
      address1: z.string().nullable().optional(),
      address2: z.string().nullable().optional(),
      zip: z.string().nullable().optional(),
      city: z.string().nullable().optional(),
      country_code: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  customer: z
    .object({ first_name: z.string().nullable().optional(), last_name: z.string().nullable().optional() })
    .nullable()
    .optional(),
});
const ordersResponse = z.object({ orders: z.array(shopifyOrder) });
type ShopifyOrder = z.infer<typeof shopifyOrder>;

function statusOf(o: ShopifyOrder): OrderStatus {
  if (o.cancelled_at) return 'cancelled';
  if (o.financial_status === 'refunded') return 'refunded';
  if (o.fulfillments.some((f) => f.shipment_status === 'delivered')) return 'delivered';
  if (o.fulfillment_status === 'fulfilled' || o.fulfillment_status === 'partial' || o.fulfillments.length > 0)
    return 'shipped';
  if (
    o.financial_status === 'paid' ||
    o.financial_status === 'partially_paid' ||
    o.financial_status === 'partially_refunded'
  )
    return 'paid';
  return 'pending';
}

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;

export function mapShopifyOrder(o: ShopifyOrder): OrderFacts {
  const shipment = o.fulfillments.find((f) => f.tracking_number) ?? o.fulfillments[0];
  const a = o.shipping_address;
  const address = a
    ? [[a.address1, a.address2].filter(Boolean).join(' '), [a.zip, a.city].filter(Boolean).join(' '), a.country_code]
        .filter(Boolean)
        .join(', ')
    : '';
  const name = [o.customer?.first_name, o.customer?.last_name].filter(Boolean).join(' ');
  return clean({
    orderNumber: o.name.replace(/^#/, ''),
    status: statusOf(o),
    placedAt: o.created_at,
    total: { amount: Number(o.total_price), currency: o.currency },
    items: o.line_items.map((i) => ({ name: i.name ?? i.title ?? 'item', quantity: i.quantity })),
    carrier: shipment?.tracking_company ?? undefined,
    trackingNumber: shipment?.tracking_number ?? undefined,
    trackingUrl: shipment?.tracking_url ?? undefined,
    expectedDelivery: shipment?.estimated_delivery_at?.slice(0, 10) ?? undefined,
    shippingAddress: address || undefined,
    customerEmail: o.email ?? '',
    customerName: name || undefined,
    invoiceUrl: o.order_status_url ?? undefined,
  });
}

/** Shopify Admin REST API: GET /admin/api/<version>/orders.json?name=…&status=any with X-Shopify-Access-Token. */
export class ShopifyOrderConnector implements OrderConnector, OrderHistorySource {
  readonly name = 'shopify';

  constructor(private readonly options: ShopifyOptions) {}

  private async orders(params: URLSearchParams): Promise<OrderFacts[]> {
    const base = this.options.shopUrl.replace(/\/+$/, '');
    const url = `${base}/admin/api/${this.options.apiVersion ?? '2024-10'}/orders.json?${params}`;
    const body = await getJson(url, {
      headers: { 'X-Shopify-Access-Token': this.options.accessToken },
      timeoutMs: this.options.timeoutMs ?? 3000,
      fetch: this.options.fetch,
    });
    const parsed = ordersResponse.safeParse(body ?? { orders: [] });
    if (!parsed.success) throw new OrderConnectorError('invalid_order', parsed.error.issues[0].message);
    return parsed.data.orders.map(mapShopifyOrder);
  }

  async ordersOf(email: string, limit = ORDER_HISTORY_LIMIT): Promise<OrderHistory> {
    const params = new URLSearchParams({ status: 'any', email: email.trim().toLowerCase(), limit: String(limit) });
    try {
      return orderHistoryOf(await this.orders(params), email, limit);
    } catch (error) {
      if (error instanceof OrderConnectorError)
        return { orders: [], reason: draftReason('order_lookup_failed', error.code) };
      throw error;
    }
  }

  async lookup(query: OrderQuery): Promise<OrderLookup> {
    const params = new URLSearchParams({ status: 'any' });
    if (query.orderNumber) params.set('name', `#${query.orderNumber.replace(/^#/, '').trim()}`);
    else if (query.email) params.set('email', query.email.trim().toLowerCase());
    else return { order: null, reason: 'no_order_reference' };
    params.set('limit', query.orderNumber ? '5' : '10');
    try {
      const orders = await this.orders(params);
      const wanted = query.orderNumber?.replace(/^#/, '').trim();
      // `name` filters loosely on some API versions, so the exact order number is checked again here.
      const candidates = orders
        .filter((o) => !wanted || o.orderNumber === wanted)
        .filter((o) => ownedBy(o, query.email))
        .sort((x, y) => Date.parse(y.placedAt) - Date.parse(x.placedAt));
      return candidates[0] ? { order: candidates[0] } : { order: null, reason: 'order_not_found' };
    } catch (error) {
      if (error instanceof OrderConnectorError)
        return { order: null, reason: draftReason('order_lookup_failed', error.code) };
      throw error;
    }
  }
}
