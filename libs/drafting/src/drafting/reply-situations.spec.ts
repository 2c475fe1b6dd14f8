import type { DraftRequest } from '../draft.types';
import type { OrderFacts, ShopProfile } from '@draftdesk/shop';
import { OfflineDrafter } from '../offline-drafter.provider';
import { findOrder } from '@draftdesk/shop';
import { loadSampleShop } from '@draftdesk/shop';
import { selectSnippets } from '@draftdesk/shop';

const sample = loadSampleShop();
const drafter = new OfflineDrafter();
const order = (n: string): OrderFacts => findOrder(sample.orders, { orderNumber: n })!;
const NOW = '2026-12-01T10:00:00Z';

function request(intent: string, language: string, text: string, extra: Partial<DraftRequest> = {}): DraftRequest {
  return {
    shop: sample.shop,
    language,
    intent,
    customerName: 'Daan Jansen',
    customerText: text,
    orderFacts: null,
    snippets: selectSnippets(sample.snippets, intent, language, text, 3),
    now: NOW,
    ...extra,
  };
}

const draft = (r: DraftRequest) => drafter.draftSync(r);

describe('holding replies', () => {
  // name, request, what must be in the reply, what must not
  it.each<[string, DraftRequest, RegExp[], RegExp[]]>([
    [
      'en smoking battery: stop using it, a person calls back; no cancellation template, no unrelated order',
      request('cancel_order', 'en', 'The battery got extremely hot and started smoking', {
        concern: 'safety',
        orderFacts: order('100250'),
      }),
      [/stop using the product/, /unplug it/, /do not charge it/, /out of reach of children/, /within 24 hours/],
      [/cancel/i, /Could you send/, /order number\?/],
    ],
    [
      'nl safety report with the order number given: no request for it',
      request('complaint', 'nl', 'De accu van bestelling 100234 werd gloeiend heet', { concern: 'safety' }),
      [/Gebruik het product voorlopig niet meer/, /buiten bereik van kinderen/, /bestelling 100234/],
      [/ordernummer nodig/, /foto/],
    ],
    [
      'de safety report follows "Sie"',
      request('other', 'de', 'Sehr geehrte Damen und Herren, das Ladegerät hat geraucht.', {
        concern: 'safety',
        register: 'formal',
      }),
      [/Bitte benutzen Sie das Produkt/, /Ziehen Sie den Stecker/],
      [/\bdu\b/i, /\bdich\b/],
    ],
    [
      'fr safety report',
      request('other', 'fr', 'Le chargeur a pris feu.', { concern: 'safety' }),
      [/ne plus utiliser le produit/, /hors de portée des enfants/, /dans les 24 heures/],
      [],
    ],
    [
      'nl notice of default: formal, facts acknowledged, nothing asked again',
      request(
        'track_order',
        'nl',
        'Geachte heer/mevrouw, hierbij stel ik u in gebreke voor bestelling 100234 van 12 juni 2025 ter waarde van € 684,95.',
        {
          concern: 'legal',
          orderFacts: order('100234'),
        },
      ),
      [
        /^Beste Daan Jansen,/,
        /ontvangst van uw bericht/,
        /bestelling 100234/,
        /12 juni 2025/,
        /€ 684,95/,
        /senior medewerker/,
        /Met vriendelijke groet,/,
      ],
      [/Hoi/, /ordernummer nodig/, /\bje\b/, /Groetjes/],
    ],
    [
      'en chargeback',
      request('payment_issue', 'en', 'I have filed a chargeback with my bank for order 100241.', {
        concern: 'legal',
        orderFacts: order('100241'),
      }),
      [/^Dear Daan Jansen,/, /order 100241/, /in writing within 24 hours/, /Kind regards,/],
      [/Hi Daan/, /Best wishes/],
    ],
  ])('%s', (_name, r, must, mustNot) => {
    const body = draft(r).body;
    for (const p of must) expect(body).toMatch(p);
    for (const p of mustNot) expect(body).not.toMatch(p);
  });

  it('uses the shop safety instruction and response time', () => {
    const shop: ShopProfile = {
      ...sample.shop,
      personalResponseHours: 4,
      safetyInstruction: { en: 'Place the battery outside on a stone surface.' },
    };
    const body = draft(request('other', 'en', 'It is smoking', { concern: 'safety', shop })).body;
    expect(body).toContain('Place the battery outside on a stone surface.');
    expect(body).toContain('within 4 hours');
  });
});

describe('register', () => {
  it.each<[string, DraftRequest, RegExp[], RegExp[]]>([
    [
      'nl formal writer to a friendly shop gets u',
      request('track_order', 'nl', 'Geachte heer/mevrouw, waar is mijn bestelling?', { register: 'formal' }),
      [/^Beste Daan Jansen,/, /\buw\b/, /Met vriendelijke groet,/],
      [/Hoi/, /\bje\b/],
    ],
    [
      'nl informal writer to a friendly shop gets je',
      request('track_order', 'nl', 'Hoi, waar is mijn pakketje?', { register: 'informal' }),
      [/^Hoi Daan,/, /\bje\b/],
      [/\buw\b/],
    ],
    [
      'de formal writer gets Sie',
      request('cancel_order', 'de', 'Können Sie meine Bestellung stornieren?', { register: 'formal' }),
      [/^Guten Tag Daan Jansen,/, /Sie möchten Ihre Bestellung/, /Mit freundlichen Grüßen/],
      [/\bdu\b/i, /\bdeine?\b/i],
    ],
    [
      'en formal writer gets Dear',
      request('track_order', 'en', 'Dear Sir or Madam, where is my order?', { register: 'formal' }),
      [/^Dear Daan Jansen,/, /Kind regards,/],
      [/^Hi/],
    ],
    [
      'fr formal writer gets Madame, Monsieur-style closing',
      request('track_order', 'fr', 'Madame, Monsieur, où est ma commande ?', { register: 'formal' }),
      [/Veuillez agréer/],
      [/Bien cordialement/],
    ],
    [
      'an informal writer to a formal shop still gets the formal tone',
      request('track_order', 'nl', 'Hoi, waar is mijn pakketje?', {
        register: 'informal',
        shop: { ...sample.shop, tone: 'formal' },
      }),
      [/^Beste Daan Jansen,/, /\buw\b/],
      [/^Hoi/],
    ],
  ])('%s', (_name, r, must, mustNot) => {
    const body = draft(r).body;
    for (const p of must) expect(body).toMatch(p);
    for (const p of mustNot) expect(body).not.toMatch(p);
  });
});

describe('chat and sign-off', () => {
  it('a chat reply has no letter greeting, closing or signature, and stays short', () => {
    const body = draft(
      request('track_order', 'en', 'is 100250 on its way?', { channel: 'chat', orderFacts: order('100250') }),
    ).body;
    expect(body).not.toMatch(/^Hi|^Dear/);
    expect(body).not.toContain('Customer Service Team');
    expect(body).not.toMatch(/Best wishes|Kind regards/);
    expect(body).toContain('100250');
    expect(body.length).toBeLessThanOrEqual(700);
  });

  it('a chat answer from the knowledge base quotes the article opening only', () => {
    const body = draft(request('delivery_options', 'en', 'How much is shipping to Belgium?', { channel: 'chat' })).body;
    expect(body).toContain('https://shop.test/en/help/shipping');
    expect(body.length).toBeLessThanOrEqual(700);
  });

  it('a signature that already holds the sign-off is not preceded by another one', () => {
    const shop: ShopProfile = {
      ...sample.shop,
      tone: 'formal',
      signature: { nl: 'Met vriendelijke groet,\nTeam Rijwiel' },
    };
    const body = draft(request('track_order', 'nl', 'Waar is mijn bestelling?', { shop })).body;
    expect(body.match(/Met vriendelijke groet/g)).toHaveLength(1);
    expect(body.endsWith('Met vriendelijke groet,\nTeam Rijwiel')).toBe(true);
  });
});

describe('follow-ups', () => {
  const first = draft(
    request('track_order', 'en', 'Where is order 100250?', {
      orderFacts: order('100250'),
      now: '2025-06-12T10:00:00Z',
    }),
  ).body;

  it('a complaint that the date has passed gets what is new, not the first reply again', () => {
    const result = draft(
      request('complaint', 'en', 'The date has passed and still nothing!', {
        orderFacts: order('100250'),
        history: [
          { direction: 'inbound', text: 'Where is order 100250?' },
          { direction: 'outbound', text: first },
        ],
      }),
    );
    expect(result.body).toContain('That date has passed');
    expect(result.body).toContain('asking DPD to trace the parcel');
    expect(result.body).not.toContain('We have looked up your order 100250');
    expect(result.attention).toContain('delivery_overdue');
  });

  it('when the only answer was already given, the draft acknowledges and hands over', () => {
    const sent = draft(request('check_payment_methods', 'en', 'Can I pay with PayPal?')).body;
    const result = draft(
      request('check_payment_methods', 'en', 'So can I pay with PayPal or not?', {
        history: [
          { direction: 'inbound', text: 'Can I pay with PayPal?' },
          { direction: 'outbound', text: sent },
        ],
      }),
    );
    expect(result.body).toContain('our earlier reply did not solve this');
    expect(result.body).not.toContain('PayPal');
    expect(result.attention).toEqual(['already_answered']);
  });
});

describe('further asks', () => {
  it('answers the invoice question after the tracking question', () => {
    const result = draft(
      request('track_order', 'en', 'Where is order 100250, and can I get the invoice?', {
        orderFacts: order('100250'),
        asks: ['get_invoice'],
        snippets: sample.snippets.filter((s) => s.language === 'en'),
      }),
    );
    expect(result.body).toContain('DPD');
    expect(result.body).toContain('As for your other question: You would like an invoice for your order.');
    expect(result.body).toMatch(/invoices\/100250\.pdf|invoice for this order by email/);
  });
});
