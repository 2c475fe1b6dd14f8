import type { OrderFacts } from './shop.types';
import { disclosableOrder, mentionsPostcode, orderPostcode, orderQueryFor } from './order-lookup.util';

const order = (shippingAddress?: string): OrderFacts => ({
  orderNumber: '100234',
  status: 'shipped',
  placedAt: '2025-06-10T14:32:00+02:00',
  total: { amount: 10, currency: 'EUR' },
  items: [],
  customerEmail: 'customer@example.test',
  shippingAddress,
});

describe('orderPostcode', () => {
  it.each([
    ['Keizersgracht 123, 1015 CJ Amsterdam, NL', '1015CJ'],
    ['12 Abbey Road, London NW8 9AY, GB', 'NW89AY'],
    ['Hauptstraße 5, 10115 Berlin, DE', '10115'],
    ['3 rue de Rivoli, 75001 Paris, FR', '75001'],
    ['Meir 1, 2000 Antwerpen, BE', '2000'],
    ['Keizersgracht 1234', null],
    [undefined, null],
  ])('%s → %s', (address, expected) => {
    expect(orderPostcode(order(address))).toBe(expected);
  });
});

describe('mentionsPostcode', () => {
  const amsterdam = order('Keizersgracht 123, 1015 CJ Amsterdam, NL');
  it.each([
    ['order 100234, postcode 1015 CJ', true],
    ['100234 / 1015cj', true],
    ['postcode 1015-CJ', true],
    ['postcode 1016 CJ', false],
    ['order 100234', false],
    ['code 21015CJX', false],
  ])('%s → %s', (text, expected) => {
    expect(mentionsPostcode(text, amsterdam)).toBe(expected);
  });

  it('never matches an order without a postcode', () => {
    expect(mentionsPostcode('1015 CJ', order(undefined))).toBe(false);
  });
});

describe('orderQueryFor and disclosableOrder', () => {
  const amsterdam = order('Keizersgracht 123, 1015 CJ Amsterdam, NL');
  it('looks a verified sender up by address, an unverified one only by order number', () => {
    expect(orderQueryFor('verified', '100234', 'a@example.test')).toEqual({
      orderNumber: '100234',
      email: 'a@example.test',
    });
    expect(orderQueryFor('unverified', undefined, 'a@example.test')).toEqual({ orderNumber: undefined });
  });

  it.each<['verified' | 'unverified', string, boolean]>([
    ['verified', 'where is it?', true],
    ['unverified', 'where is it?', false],
    ['unverified', 'order 100234, postcode 1015 CJ', true],
    ['unverified', 'order 100234, postcode 9999 ZZ', false],
  ])('%s sender writing %j gets the facts: %s', (identity, text, disclosed) => {
    expect(disclosableOrder(identity, amsterdam, text)).toBe(disclosed ? amsterdam : null);
  });
});
