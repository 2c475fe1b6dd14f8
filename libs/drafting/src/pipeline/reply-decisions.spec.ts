import { loadSampleShop } from '@draftdesk/shop';
import { processMessage, type ProcessInput } from './offline-pipeline';

// The situations a new user met, through the whole offline pipeline: real triage, the sample shop, the gate.
const shop = loadSampleShop();
const now = new Date('2026-12-01T10:00:00Z');

describe('replies a representative would write (offline pipeline)', () => {
  // name, input, decision, reasons that must be there, reply must match, reply must not match
  it.each<[string, ProcessInput, string, string[], RegExp[], RegExp[]]>([
    [
      'a smoking battery gets safety advice and a person, never a cancellation',
      {
        text: 'The battery got extremely hot and started smoking. Order 100250.',
        from: { address: 'olivia.brown@example.test' },
      },
      'escalate',
      ['holding_reply:safety'],
      [/stop using the product/, /unplug it/, /within 24 hours/, /order 100250/],
      [/cancel/i, /order number\?/],
    ],
    [
      'a formal Dutch notice of default gets a formal holding reply with the facts given',
      {
        text: 'Geachte heer/mevrouw,\n\nHierbij stel ik u in gebreke voor bestelling 100234 van 10 juni 2025. Ik verzoek u binnen 14 dagen te leveren.\n\nHoogachtend,\nDaan Bakker',
        from: { address: 'customer@example.test', name: 'Daan Bakker' },
      },
      'escalate',
      ['holding_reply:legal_threat'],
      [/^Beste Daan Bakker,/, /bestelling 100234/, /10 juni 2025/, /senior medewerker/, /Met vriendelijke groet,/],
      [/Hoi/, /ordernummer nodig/, /\bje\b/],
    ],
    [
      'a German writer using "Sie" is answered with "Sie"',
      {
        text: 'Sehr geehrte Damen und Herren, können Sie mir sagen, wie lange die Lieferung nach Deutschland dauert?',
        from: { address: 'k@example.test' },
      },
      'review',
      [],
      [/Ihre/, /Mit freundlichen Grüßen/],
      [/\bdu\b/i, /\bdeine?\b/i, /\bdich\b/i, /Viele Grüße/],
    ],
    [
      'a product question is answered from the catalogue, not with a warranty template',
      {
        text: 'Hello, is the City Bike Classic suitable for someone who is 1.90 m tall?',
        from: { address: 'new@example.test' },
      },
      'review',
      [],
      [/1\.70 m to 1\.90 m tall/, /one of our products/],
      [/warranty/i, /photo/i],
    ],
    [
      'a product question the catalogue cannot answer goes to a colleague',
      { text: 'Does the City Bike Classic come in red?', from: { address: 'new@example.test' } },
      'review',
      ['product_unanswered'],
      [/colleague who knows our products/],
      [/red/],
    ],
    [
      'a chat message gets a short reply without greeting or signature block',
      { text: 'is 100250 on its way?', channel: 'chat', from: { address: 'olivia.brown@example.test' } },
      'review',
      [],
      [/100250/],
      [/^Hi/, /Customer Service Team/, /Best wishes/, /Great to hear/],
    ],
  ])('%s', async (_name, input, decision, reasons, must, mustNot) => {
    const out = await processMessage(input, { shop, now });
    expect(out.decision).toBe(decision);
    expect(out.reasons).toEqual(expect.arrayContaining(reasons));
    for (const p of must) expect(out.draft).toMatch(p);
    for (const p of mustNot) expect(out.draft).not.toMatch(p);
  });

  it('a safety report gets the fixed holding reply even when a language model drafts the rest', async () => {
    const model = {
      name: 'model',
      draft: async () => ({
        body: 'You would like to cancel your order.',
        citations: [],
        usedOrderFacts: false,
        engine: 'model',
      }),
    };
    const out = await processMessage(
      { text: 'My charger caught fire last night.', from: { address: 'x@example.test' } },
      { shop, now, drafter: model },
    );
    expect(out.engine).toBe('offline');
    expect(out.draft).toContain('stop using the product');
    expect(out.draft).not.toContain('cancel');
    const ordinary = await processMessage(
      { text: 'Can I pay with PayPal?', from: { address: 'x@example.test' } },
      { shop, now, drafter: model },
    );
    expect(ordinary.engine).toBe('model');
  });

  it('a follow-up whose answer was already sent is acknowledged and escalated, not answered twice', async () => {
    const first = await processMessage(
      { text: 'Which payment methods do you accept?', from: { address: 'a@example.test' } },
      { shop, now },
    );
    const again = await processMessage(
      {
        text: 'Which payment methods do you accept? I asked before.',
        from: { address: 'a@example.test' },
        history: [
          { direction: 'inbound', text: 'Which payment methods do you accept?' },
          { direction: 'outbound', text: first.draft! },
        ],
      },
      { shop, now },
    );
    expect(again.decision).toBe('escalate');
    expect(again.reasons).toContain('already_answered');
    expect(again.draft).toContain('our earlier reply did not solve this');
  });
});
