import { isOverdue } from './order-view.util';
import { loadSampleShop } from '@draftdesk/shop';
import { shiftDate, withDemoOrdersDatedToday } from '@draftdesk/shop';

describe('shiftDate', () => {
  it.each([
    ['2025-06-13', 3, '2025-06-16'],
    ['2025-06-10T14:32:00+02:00', 1, '2025-06-11T14:32:00+02:00'],
    ['2025-06-30T23:59:00-05:00', 1, '2025-07-01T23:59:00-05:00'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-06-13', -13, '2025-05-31'],
    ['2025-06-13', 0, '2025-06-13'],
  ])('%s by %d days → %s', (iso, days, expected) => {
    expect(shiftDate(iso, days)).toBe(expected);
  });
});

describe('withDemoOrdersDatedToday', () => {
  const sample = loadSampleShop();
  const order = (shop: typeof sample, number: string) => shop.orders.find((o) => o.orderNumber === number)!;
  const today = new Date('2026-12-01T09:30:00Z');
  const dated = withDemoOrdersDatedToday(sample, today);

  it("dates the sample shop's orders as if today were the day it was written for (shop.yaml demoOrdersAsOf)", () => {
    expect(sample.shop.demoOrdersAsOf).toBe('2025-06-13');
    const newest = dated.orders
      .map((o) => o.placedAt.slice(0, 10))
      .sort()
      .at(-1);
    expect(newest).toBe('2026-12-01');
    expect(order(dated, '100234')).toMatchObject({
      placedAt: '2026-11-28T14:32:00+02:00',
      expectedDelivery: '2026-12-01',
    });
    expect(order(dated, '100250').expectedDelivery).toBe('2026-12-04');
  });

  it('leaves no parcel on its way overdue on the day it is loaded, and keeps everything else of each order', () => {
    expect(dated.orders.filter((o) => isOverdue(o, today)).map((o) => o.orderNumber)).toEqual([]);
    expect(sample.orders.filter((o) => isOverdue(o, today)).length).toBeGreaterThan(0);
    expect(dated.orders.map(({ placedAt, expectedDelivery, ...rest }) => rest)).toEqual(
      sample.orders.map(({ placedAt, expectedDelivery, ...rest }) => rest),
    );
  });

  it('leaves the orders of a shop that is not sample data as they are', () => {
    const own = { ...sample, shop: { ...sample.shop, demoOrdersAsOf: undefined } };
    expect(withDemoOrdersDatedToday(own, today).orders).toEqual(sample.orders);
  });

  it('does not touch the loaded file, so specs with a fixed clock keep its dates', () => {
    expect(order(loadSampleShop(), '100234').expectedDelivery).toBe('2025-06-13');
  });
});
