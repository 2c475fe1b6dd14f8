import { detectLanguage } from '@draftdesk/triage';
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadSampleShop } from '@draftdesk/shop';
import { parsePolicy } from '@draftdesk/shop';
import { processMessage } from './offline-pipeline';

// Golden scenarios through the whole offline pipeline: the real triage engine, the sample shop's orders and
// knowledge base, the offline drafter and the policy gate (sample policy with auto-send switched on).
const shop = loadSampleShop();
const policy = parsePolicy(readFileSync(join(__dirname, '../../fixtures/golden-policy.yaml'), 'utf8'));
// The day before the sample orders' expected deliveries: the parcels are on time, as these scenarios assume.
const now = new Date('2025-06-12T10:00:00Z');

interface Golden {
  name: string;
  from: string;
  text: string;
  language: 'nl' | 'en';
  intent: RegExp;
  decision: 'auto_send' | 'review' | 'escalate';
  reasons?: string[];
  order?: string;
  draftHas?: string[];
}

const GOLDEN: Golden[] = [
  {
    name: 'nl order status with tracking',
    from: 'customer@example.test',
    text: 'Wat is de status van bestelling 100234?',
    language: 'nl',
    intent: /^track_order$/,
    decision: 'auto_send',
    order: '100234',
    draftHas: [
      '100234',
      'PostNL',
      '3SABCD1234567',
      '13 juni 2025',
      'https://track.example.test/postnl/3SABCD1234567',
      'Sanne',
    ],
  },
  {
    name: 'en order status with tracking',
    from: 'olivia.brown@example.test',
    text: 'Hello, can you tell me where my order 100250 is? I want to track the parcel.',
    language: 'en',
    intent: /^track_order$/,
    decision: 'auto_send',
    order: '100250',
    draftHas: ['100250', 'DPD', '05212345678901', '16 June 2025', 'Olivia'],
  },
  {
    name: 'nl refund inside the limit',
    from: 'lotte.smit@example.test',
    text: 'Ik wil graag mijn geld terug voor bestelling 100258, de bidon lekt.',
    language: 'nl',
    intent: /^get_refund$/,
    decision: 'auto_send',
    order: '100258',
    draftHas: ['100258', '24,95', 'retour'],
  },
  {
    name: 'en refund inside the limit',
    from: 'mark.evans@example.test',
    text: 'I would like a refund for order 100261, the bell is broken.',
    language: 'en',
    intent: /^get_refund$/,
    decision: 'auto_send',
    order: '100261',
    draftHas: ['100261', '€39.90', 'refund'],
  },
  {
    name: 'nl refund above the limit goes to a person',
    from: 'customer@example.test',
    text: 'Ik wil mijn geld terug voor bestelling 100234, de fiets bevalt niet.',
    language: 'nl',
    intent: /^get_refund$/,
    decision: 'review',
    reasons: ['refund_above_limit:684.95'],
    order: '100234',
    draftHas: ['100234', '684,95'],
  },
  {
    name: 'en refund above the limit goes to a person',
    from: 'tom@example.test',
    text: 'I want a refund for order 100241, the helmet does not fit.',
    language: 'en',
    intent: /^get_refund$/,
    decision: 'review',
    reasons: ['refund_above_limit:89.90'],
    order: '100241',
    draftHas: ['100241', '€89.90'],
  },
  {
    name: 'nl cancel a paid order',
    from: 'daan.mulder@example.test',
    text: 'Ik wil mijn bestelling 100253 annuleren.',
    language: 'nl',
    intent: /^cancel_order$/,
    decision: 'review',
    reasons: ['intent_not_auto:cancel_order'],
    order: '100253',
    draftHas: ['100253', 'Hollandia E-bike Comfort 7', 'annul'],
  },
  {
    name: 'en cancel a paid order',
    from: 'emma.jansen@example.test',
    text: 'Please cancel my order 100238.',
    language: 'en',
    intent: /^cancel_order$/,
    decision: 'review',
    reasons: ['intent_not_auto:cancel_order'],
    order: '100238',
    draftHas: ['100238', 'Kinderfiets Vlinder 20 inch', 'cancel'],
  },
  {
    name: 'nl address change before shipping',
    from: 'jeroen.bakker@example.test',
    text: 'Ik ben verhuisd, kunnen jullie het bezorgadres van bestelling 100245 wijzigen?',
    language: 'nl',
    intent: /^change_shipping_address$/,
    decision: 'review',
    order: '100245',
    draftHas: ['100245', 'adres'],
  },
  {
    name: 'en address change before shipping',
    from: 'emma.jansen@example.test',
    text: 'I need to change the shipping address for order 100238, I moved.',
    language: 'en',
    intent: /^change_shipping_address$/,
    decision: 'review',
    order: '100238',
    draftHas: ['100238', 'address'],
  },
  {
    name: 'nl complaint about a damaged bike',
    from: 'customer@example.test',
    text: 'Ik ben heel ontevreden, de fiets van bestelling 100234 is beschadigd aangekomen. Ik wil een klacht indienen.',
    language: 'nl',
    intent: /^complaint$/,
    decision: 'review',
    order: '100234',
    draftHas: ['100234'],
  },
  {
    name: 'nl complaint with a lawyer is escalated',
    from: 'customer@example.test',
    text: 'Ik heb een advocaat ingeschakeld. De fiets van bestelling 100234 is kapot en ik wil een klacht indienen.',
    language: 'nl',
    intent: /^complaint$/,
    decision: 'escalate',
    reasons: ['escalate:legal_threat'],
    order: '100234',
  },
  {
    name: 'en complaint about a broken helmet',
    from: 'tom@example.test',
    text: 'I want to file a complaint, the helmet from order 100241 arrived broken.',
    language: 'en',
    intent: /^complaint$/,
    decision: 'review',
    order: '100241',
    draftHas: ['100241'],
  },
  {
    name: 'nl invoice',
    from: 'daan.mulder@example.test',
    text: 'Kan ik de factuur van bestelling 100253 krijgen?',
    language: 'nl',
    intent: /invoice/,
    decision: 'auto_send',
    order: '100253',
    draftHas: ['100253', 'https://shop.test/account/invoices/100253.pdf'],
  },
  {
    name: 'en invoice',
    from: 'tom@example.test',
    text: 'Could I get the invoice for my order 100241 please?',
    language: 'en',
    intent: /invoice/,
    decision: 'auto_send',
    order: '100241',
    draftHas: ['100241', 'https://shop.test/account/invoices/100241.pdf'],
  },
  {
    name: 'nl account: forgotten password',
    from: 'customer@example.test',
    text: 'Ik ben mijn wachtwoord vergeten, hoe kan ik het herstellen?',
    language: 'nl',
    intent: /^recover_password$/,
    decision: 'auto_send',
    draftHas: ['wachtwoord'],
  },
  {
    name: 'en account: forgotten password',
    from: 'tom@example.test',
    text: 'I forgot my password, how can I reset it?',
    language: 'en',
    intent: /^recover_password$/,
    decision: 'auto_send',
    draftHas: ['password'],
  },
  {
    name: 'nl account: delete it (a person decides)',
    from: 'customer@example.test',
    text: 'Ik wil mijn account verwijderen.',
    language: 'nl',
    intent: /^delete_account$/,
    decision: 'review',
    reasons: ['intent_not_auto:delete_account'],
    draftHas: ['account'],
  },
  {
    name: 'en account: delete it (a person decides)',
    from: 'tom@example.test',
    text: 'How do I delete my account?',
    language: 'en',
    intent: /^delete_account$/,
    decision: 'review',
    reasons: ['intent_not_auto:delete_account'],
    draftHas: ['account'],
  },
];

describe('golden scenarios through the offline pipeline (real triage, sample shop)', () => {
  it.each(GOLDEN.map((g) => [g.name, g] as const))('%s', async (_name, g) => {
    const out = await processMessage({ text: g.text, from: { address: g.from } }, { shop, policy, now });
    expect(out.language).toBe(g.language);
    expect(out.intent).toMatch(g.intent);
    expect({ decision: out.decision, reasons: out.reasons }).toEqual({
      decision: g.decision,
      reasons: expect.arrayContaining(g.reasons ?? (g.decision === 'auto_send' ? ['policy_allows'] : [])),
    });
    if (g.order) expect(out.order).toBe(g.order);
    expect(out.draft).not.toBeNull();
    const draft = out.draft!;
    for (const fact of g.draftHas ?? []) expect(draft).toContain(fact);
    // The reply is in the customer's language, judged by the same detector triage uses.
    expect(detectLanguage(draft).language).toBe(g.language);
    // No grounding doubts on templates filled from real facts.
    expect(out.reasons.filter((r) => r.startsWith('ungrounded:'))).toEqual([]);
  });

  it('a shop without auto-send (the sample default) sends nothing on its own', async () => {
    for (const g of GOLDEN.filter((x) => x.decision === 'auto_send')) {
      const out = await processMessage({ text: g.text, from: { address: g.from } }, { shop, now });
      expect(out.decision).not.toBe('auto_send');
      expect(out.reasons).toContain('auto_send_disabled');
    }
  });

  it('automated mail gets no draft at all', async () => {
    const out = await processMessage(
      { text: 'I am out of the office until Monday.', automated: true },
      { shop, policy, now },
    );
    expect(out).toMatchObject({ decision: 'ignore', automated: true, draft: null, reasons: ['automated'] });
  });

  it('an expected delivery that has passed is owned up to, never presented as upcoming', async () => {
    const late = await processMessage(
      {
        text: 'Hello, can you tell me where my order 100250 is? I want to track the parcel.',
        from: { address: 'olivia.brown@example.test' },
      },
      { shop, policy, now: new Date('2026-12-01T10:00:00Z') },
    );
    expect(late.draft).toContain('was due to arrive on 16 June 2025');
    expect(late.draft).toContain('asking DPD to trace the parcel');
    expect(late.draft).not.toContain('The expected delivery date is');
    expect(late.decision).toBe('review');
    expect(late.reasons).toContain('delivery_overdue');
  });

  it('an order number that belongs to someone else reveals nothing', async () => {
    const out = await processMessage(
      { text: 'Wat is de status van bestelling 100234?', from: { address: 'tom@example.test' } },
      { shop, policy, now },
    );
    expect(out.order).toBeNull();
    expect(out.draft).not.toContain('Keizersgracht');
    expect(out.draft).not.toContain('3SABCD1234567');
  });
});
