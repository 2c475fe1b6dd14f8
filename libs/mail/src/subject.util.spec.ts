import { normalizeSubject } from './subject.util';

describe('normalizeSubject', () => {
  it.each([
    ['Re: Order 1001', 'Order 1001'],
    ['RE: Fwd: FW: Order 1001', 'Order 1001'],
    ['AW: WG: Bestellung', 'Bestellung'],
    ['Antw: Doorst: Bestelling 12', 'Bestelling 12'],
    ['SV: Sv: Ordre', 'Ordre'],
    ['TR: Commande', 'Commande'],
    ['RE[2]: Order', 'Order'],
    ['re:re:   Order    late  ', 'Order late'],
    ['Fw : spaced prefix', 'spaced prefix'],
    ['Regarding my order', 'Regarding my order'],
    ['Return request', 'Return request'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeSubject(input)).toBe(expected);
  });
});
