import type { OrderFacts } from '@draftdesk/shop';
import { isOverdue } from './order-view.util';

const order = (status: OrderFacts['status'], expectedDelivery?: string): OrderFacts => ({
  orderNumber: '1',
  status,
  placedAt: '2025-06-01',
  total: { amount: 1, currency: 'EUR' },
  items: [],
  customerEmail: 'a@example.test',
  expectedDelivery,
});
const now = new Date('2026-12-01T09:00:00Z');

describe('isOverdue', () => {
  it.each([
    ['shipped, expected 18 months ago', order('shipped', '2025-06-13'), true],
    ['shipped, expected yesterday', order('shipped', '2026-11-30'), true],
    ['shipped, expected today', order('shipped', '2026-12-01'), false],
    ['shipped, expected tomorrow', order('shipped', '2026-12-02'), false],
    ['shipped without a date', order('shipped'), false],
    ['delivered long ago', order('delivered', '2025-06-13'), false],
    ['no order', null, false],
  ])('%s', (_name, o, expected) => {
    expect(isOverdue(o, now)).toBe(expected);
  });
});
