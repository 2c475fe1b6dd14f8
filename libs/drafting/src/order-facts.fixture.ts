import type { OrderFacts } from '@draftdesk/shop';

/** A shipped PostNL order of customer@example.test, as an order connector reports it; `overrides` change a field. */
export const shippedOrder = (overrides: Partial<OrderFacts> = {}): OrderFacts => ({
  orderNumber: '100234',
  status: 'shipped',
  placedAt: '2025-06-10T14:32:00+02:00',
  total: { amount: 684.95, currency: 'EUR' },
  items: [{ name: 'Stadsfiets', quantity: 1 }],
  carrier: 'PostNL',
  trackingNumber: '3SABCD1234567',
  trackingUrl: 'https://track.example.test/postnl/3SABCD1234567',
  expectedDelivery: '2025-06-13',
  customerEmail: 'customer@example.test',
  ...overrides,
});
