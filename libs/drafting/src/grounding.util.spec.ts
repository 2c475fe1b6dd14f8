import type { KbSnippet, ShopProfile } from '@draftdesk/shop';
import { checkGrounding, type GroundingSources } from './grounding.util';
import { shippedOrder } from './order-facts.fixture';

const order = shippedOrder({
  total: { amount: 49.95, currency: 'EUR' },
  items: [{ name: 'Fietstas', quantity: 1 }],
  invoiceUrl: 'https://shop.test/invoices/100234.pdf',
});
const snippet: KbSnippet = {
  id: 'en-returns',
  title: 'Returns',
  body: 'Return within 30 days. The return label costs €4.95. Register at https://shop.test/retour. Closed on 25 December.',
  language: 'en',
  kind: 'policy',
  intents: ['get_refund'],
  url: 'https://shop.test/en/help/returns',
};
const shop: ShopProfile = {
  id: 'hollandia',
  name: 'Hollandia',
  signature: { en: 'Team Hollandia\nhttps://shop.test' },
  tone: 'friendly',
  defaultLanguage: 'nl',
  supportEmail: 'support@shop.test',
  website: 'https://shop.test',
};
const sources: GroundingSources = {
  customerText: 'I paid 19.99 for the lock on 02/06/2025, order 100234. See https://mybank.example/tx/1',
  snippets: [snippet],
  orderFacts: order,
};

describe('checkGrounding', () => {
  it.each<[string, string, string | null]>([
    // amounts, in every common notation
    ['order total as € 49,95', 'Your total was € 49,95.', null],
    ['order total as EUR 49.95', 'Your total was EUR 49.95.', null],
    ['order total as 49,95 euro', 'Your total was 49,95 euro.', null],
    ['snippet amount in Dutch notation', 'Het retourlabel kost € 4,95.', null],
    ['amount from the customer text', 'We see your payment of €19.99.', null],
    ['invented amount', 'We will refund €60.00.', 'amount:€60.00'],
    ['a day count does not ground an amount', 'We refund €30.', 'amount:€30'],
    // URLs
    ['tracking URL', 'Track it at https://track.example.test/postnl/3SABCD1234567.', null],
    ['snippet URL', 'See https://shop.test/en/help/returns', null],
    ['URL from the body of a snippet', 'Register at https://shop.test/retour.', null],
    ['customer URL', 'About https://mybank.example/tx/1: thanks.', null],
    ['root of a known URL', 'Visit https://track.example.test', null],
    ['invented URL', 'Pay at https://shop.test/pay-now', 'url:https://shop.test/pay-now'],
    [
      'look-alike host',
      'See https://track.example.test.evil.example/x',
      'url:https://track.example.test.evil.example/x',
    ],
    // dates
    ['expected delivery in Dutch', 'Verwacht op 13 juni 2025.', null],
    ['expected delivery in English', 'Expected on June 13, 2025.', null],
    ['placed-at date', 'You ordered on 10-06-2025.', null],
    ['customer date', 'Your payment of 2 June 2025 arrived.', null],
    ['snippet date without year', 'We are closed on 25 December.', null],
    ['invented date', 'It will arrive on 20 June 2025.', 'date:20 June 2025'],
    ['right day, wrong year', 'It will arrive on 13 June 2024.', 'date:13 June 2024'],
    // order and tracking numbers
    ['order number', 'Your order 100234 is on its way.', null],
    ['order number with hash', 'Order #100234 is on its way.', null],
    ['invented order number', 'Your order 100999 is on its way.', 'order_number:100999'],
    ['tracking number', 'Tracking number: 3SABCD1234567.', null],
    ['tracking number in lower case', 'tracking number 3sabcd1234567', null],
    ['invented tracking number', 'Tracking number: 3SXXXX0000000.', 'tracking_number:3SXXXX0000000'],
  ])('%s', (_name, draft, expected) => {
    const report = checkGrounding(draft, sources, shop);
    if (expected === null) {
      expect(report).toEqual({ grounded: true, ungrounded: [] });
    } else {
      expect(report.grounded).toBe(false);
      expect(report.ungrounded.map((u) => `${u.type}:${u.value}`)).toEqual([expected]);
    }
  });

  it('uses the shop profile only when given', () => {
    const draft = 'Regards, https://shop.test';
    const bare = { ...sources, snippets: [], orderFacts: null };
    expect(checkGrounding(draft, bare).grounded).toBe(false);
    expect(checkGrounding(draft, bare, shop).grounded).toBe(true);
  });

  it('without an order, nothing order-specific is grounded', () => {
    const report = checkGrounding('Order 100234 ships with 3SABCD1234567 on 13 June 2025.', {
      customerText: 'where is my parcel?',
      snippets: [],
      orderFacts: null,
    });
    expect(report.ungrounded.map((u) => u.type).sort()).toEqual(['date', 'order_number', 'tracking_number']);
  });
});
