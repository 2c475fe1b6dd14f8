import { furtherAsks, readAsks, splitClauses } from './asks.util';

describe('splitClauses', () => {
  it.each([
    ['Where is my order? I also need an invoice.', ['Where is my order?', 'I also need an invoice.']],
    ['Waar blijft mijn pakket\nen ook wil ik een factuur', ['Waar blijft mijn pakket', 'en ook wil ik een factuur']],
    ['Please cancel it; I found it cheaper', ['Please cancel it', 'I found it cheaper']],
    ['Bitte stornieren. Danke', []],
    [
      'Wo ist mein Paket? Außerdem brauche ich eine Rechnung',
      ['Wo ist mein Paket?', 'Außerdem brauche ich eine Rechnung'],
    ],
  ])('%j', (text, clauses) => expect(splitClauses(text)).toEqual(clauses));
});

describe('furtherAsks', () => {
  // A keyword predictor stands in for the model: the rule under test is which sentence results count as asks.
  const predict = (text: string) =>
    /invoice|factuur|rechnung/i.test(text)
      ? { intent: 'get_invoice', confidence: 0.95 }
      : /address/i.test(text)
        ? { intent: 'change_shipping_address', confidence: 0.6 }
        : /where|waar|wo ist/i.test(text)
          ? { intent: 'track_order', confidence: 0.97 }
          : { intent: 'other', confidence: 0.99 };

  it.each([
    ['Where is my order? I also need an invoice.', 'track_order', ['get_invoice']],
    ['Where is my order? Where is it now?', 'track_order', []],
    ['Where is my order? Can you change the address too?', 'track_order', []],
    ['Where is my order? Lovely weather today isn’t it.', 'track_order', []],
    ['I need the invoice please. Where is my order? Thanks a lot for everything.', 'get_invoice', ['track_order']],
    ['Where is my order and an invoice', 'track_order', []],
  ])('%s', (text, primary, asks) => expect(furtherAsks(text, primary, predict)).toEqual(asks));
});

describe('readAsks', () => {
  const predict = (text: string) =>
    /invoice/i.test(text)
      ? { intent: 'get_invoice', confidence: 0.95 }
      : /where/i.test(text)
        ? { intent: 'track_order', confidence: 0.97 }
        : { intent: 'other', confidence: 0.9 };
  const whole = (intent: string, confidence: number) => ({
    intent,
    confidence,
    alternatives: [{ intent, confidence }],
  });

  it.each([
    [
      'a blurred whole-text guess gives way to the first understood sentence',
      whole('check_invoice', 0.45),
      'track_order',
      ['get_invoice'],
    ],
    ['two understood questions: the first leads', whole('get_invoice', 0.95), 'track_order', ['get_invoice']],
  ])('%s', (_name, prediction, primary, asks) => {
    const result = readAsks('Where is my order? Please send the invoice too.', prediction, predict);
    expect(result.primary.intent).toBe(primary);
    expect(result.asks).toEqual(asks);
  });

  it.each([
    ['a confident whole-text guess stays primary', whole('check_invoice', 0.9), 'check_invoice', ['get_invoice']],
    [
      'a whole-text guess the one understood sentence agrees with stays primary',
      whole('get_invoice', 0.4),
      'get_invoice',
      [],
    ],
    [
      'an unsure whole-text guess gives way to the one understood sentence',
      whole('check_invoice', 0.4),
      'get_invoice',
      [],
    ],
  ])('%s', (_name, prediction, primary, asks) => {
    const result = readAsks('Lovely weather today. Please send the invoice too.', prediction, predict);
    expect(result.primary.intent).toBe(primary);
    expect(result.asks).toEqual(asks);
  });
});
