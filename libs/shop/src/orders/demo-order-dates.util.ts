import type { OrderFacts } from '../shop.types';
import type { LoadedShop } from '../shop-loader.util';

const DAY_MS = 86_400_000;

/** "2025-06-10T14:32:00+02:00" moved by whole days: the calendar date changes, the time of day and offset stay. */
export function shiftDate(iso: string, days: number): string {
  const moved = new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * DAY_MS);
  return `${moved.toISOString().slice(0, 10)}${iso.slice(10)}`;
}

export function shiftOrderDates(order: OrderFacts, days: number): OrderFacts {
  return {
    ...order,
    placedAt: shiftDate(order.placedAt, days),
    ...(order.expectedDelivery ? { expectedDelivery: shiftDate(order.expectedDelivery, days) } : {}),
  };
}

/**
 * A sample shop's orders as if today were the day its dates were written for (shop.yaml `demoOrdersAsOf`), so the
 * demo's parcels are on their way now rather than long overdue. The orders of any other shop are left as they are.
 */
export function withDemoOrdersDatedToday(loaded: LoadedShop, today: Date): LoadedShop {
  const asOf = loaded.shop.demoOrdersAsOf;
  if (!asOf) return loaded;
  const days = Math.round((Date.parse(today.toISOString().slice(0, 10)) - Date.parse(asOf.slice(0, 10))) / DAY_MS);
  return { ...loaded, orders: loaded.orders.map((order) => shiftOrderDates(order, days)) };
}
