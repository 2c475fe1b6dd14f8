import type { OrderFacts } from '@draftdesk/shop';
import type { OrderView, Phrasebook } from '../phrasebooks/phrasebook.types';

// Building Intl formatters costs more than drafting the rest of a reply, so they are made once per locale.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatDate(locale: string, iso: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

export function formatMoney(locale: string, currency: string, amount: number): string {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

export function orderView(order: OrderFacts, book: Phrasebook): OrderView {
  return {
    order,
    number: order.orderNumber,
    placedOn: formatDate(book.locale, order.placedAt),
    total: formatMoney(book.locale, order.total.currency, order.total.amount),
    items: order.items.map((i) => `${i.quantity}× ${i.name}`).join(', '),
    expectedOn: order.expectedDelivery ? formatDate(book.locale, order.expectedDelivery) : null,
  };
}

/** A parcel on its way whose expected day is behind us (compared by calendar day, so "today" is not late yet). */
export function isOverdue(order: OrderFacts | null, now: Date): boolean {
  if (!order || order.status !== 'shipped' || !order.expectedDelivery) return false;
  return order.expectedDelivery.slice(0, 10) < now.toISOString().slice(0, 10);
}
