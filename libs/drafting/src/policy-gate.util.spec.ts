import type { DraftResult } from './draft.types';
import type { KbSnippet } from '@draftdesk/shop';
import { decide, withinBusinessHours, type GateInput } from './policy-gate.util';
import { DEFAULT_POLICY, type ShopPolicy } from '@draftdesk/shop';
import { shippedOrder } from './order-facts.fixture';

const order = shippedOrder();
const snippet: KbSnippet = {
  id: 'nl-verzending',
  title: 'Verzending',
  body: 'Verzendkosten € 4,95, gratis vanaf € 50,00.',
  language: 'nl',
  kind: 'policy',
  intents: ['track_order'],
  url: 'https://shop.test/verzending',
};
const openPolicy: ShopPolicy = {
  autoSend: { enabled: true, intents: ['track_order', 'get_refund', 'newsletter_subscription'], minConfidence: 0.8 },
  limits: { maxRefundAmount: 50, maxDiscountPercent: 10, currency: 'EUR' },
  escalateOn: ['legal_threat', 'chargeback', 'safety', 'very_negative'],
  canary: 'DD-CANARY-123456',
};
const groundedBody =
  'Je bestelling 100234 is verzonden met PostNL (trackingnummer 3SABCD1234567): https://track.example.test/postnl/3SABCD1234567. Verwachte bezorging: 13 juni 2025.';
const draft = (body: string): DraftResult => ({ body, citations: [], usedOrderFacts: true, engine: 'offline' });

function input(overrides: Partial<GateInput> = {}, triage: Partial<GateInput['triage']> = {}): GateInput {
  return {
    policy: openPolicy,
    triage: {
      intent: 'track_order',
      confidence: 0.93,
      sentiment: 'neutral',
      urgency: 'normal',
      reasons: [],
      flags: [],
      language: 'nl',
      ...triage,
    },
    automated: false,
    draft: draft(groundedBody),
    sources: { customerText: 'Waar is mijn bestelling 100234?', snippets: [snippet], orderFacts: order },
    now: new Date('2025-06-12T10:00:00Z'),
    ...overrides,
  };
}

/** The input with `body` as the draft. */
const drafted = (body: string, triage: Partial<GateInput['triage']> = {}): GateInput =>
  input({ draft: draft(body) }, triage);

describe('decide', () => {
  it.each<[string, GateInput, string, string[]]>([
    ['everything in order', input(), 'auto_send', ['policy_allows']],
    ['automated mail is ignored', input({ automated: true }), 'ignore', ['automated']],
    ['automated flag from triage is ignored', input({}, { flags: ['automated'] }), 'ignore', ['automated']],
    [
      'prompt injection is never auto-sent',
      input({}, { flags: ['prompt_injection'] }),
      'review',
      ['flag:prompt_injection'],
    ],
    ['spam is never auto-sent', input({}, { flags: ['spam'] }), 'review', ['flag:spam']],
    ['legal threat escalates', input({}, { reasons: ['legal_threat'] }), 'escalate', ['escalate:legal_threat']],
    ['chargeback flag escalates', input({}, { flags: ['chargeback'] }), 'escalate', ['escalate:chargeback']],
    [
      'negative and urgent counts as very negative',
      input({}, { sentiment: 'negative', urgency: 'urgent' }),
      'escalate',
      ['escalate:very_negative'],
    ],
    [
      'a reason the shop does not escalate on',
      input({}, { reasons: ['cancellation_threat'] }),
      'auto_send',
      ['policy_allows'],
    ],
    ['no draft', input({ draft: null }), 'review', ['no_draft']],
    ['empty draft', drafted('  '), 'review', ['no_draft']],
    ['canary leak', drafted(`${groundedBody} DD-CANARY-123456`), 'escalate', ['canary_leak']],
    ['invented amount', drafted(`${groundedBody} Je krijgt € 12,50 terug.`), 'review', ['ungrounded:amount:€ 12,50']],
    [
      'invented url',
      drafted(`${groundedBody} Zie https://evil.example/pay`),
      'review',
      ['ungrounded:url:https://evil.example/pay'],
    ],
    ['invented date', drafted(`${groundedBody} Of op 20 juni 2025.`), 'review', ['ungrounded:date:20 juni 2025']],
    ['invented order number', drafted('Bestelling 999999 is onderweg.'), 'review', ['ungrounded:order_number:999999']],
    [
      'invented tracking number',
      drafted('Trackingnummer 3SZZZZ9999999.'),
      'review',
      ['ungrounded:tracking_number:3SZZZZ9999999'],
    ],
    [
      'refund above the limit',
      drafted('We storten € 684,95 terug voor bestelling 100234.', { intent: 'get_refund' }),
      'review',
      ['refund_above_limit:684.95'],
    ],
    ['refund within the limit', drafted('We betalen de € 4,95 verzendkosten terug.'), 'auto_send', ['policy_allows']],
    [
      'discount above the limit',
      drafted('Je krijgt 25% korting op je volgende bestelling.'),
      'review',
      ['discount_above_limit:25'],
    ],
    [
      'discount within the limit',
      drafted('Je krijgt 10% korting op je volgende bestelling.'),
      'auto_send',
      ['policy_allows'],
    ],
    ['auto-send off (the default)', input({ policy: DEFAULT_POLICY }), 'review', ['auto_send_disabled']],
    ['intent not allowed', input({}, { intent: 'cancel_order' }), 'review', ['intent_not_auto:cancel_order']],
    ['low confidence', input({}, { confidence: 0.62 }), 'review', ['low_confidence:0.62']],
    [
      'per-intent threshold',
      input({
        policy: {
          ...openPolicy,
          autoSend: { ...openPolicy.autoSend, minConfidence: { track_order: 0.95, default: 0.5 } },
        },
      }),
      'review',
      ['low_confidence:0.93'],
    ],
    [
      'outside business hours',
      input({
        policy: {
          ...openPolicy,
          businessHours: { timezone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' },
        },
        now: new Date('2025-06-14T10:00:00Z'), // a Saturday
      }),
      'review',
      ['outside_business_hours'],
    ],
  ])('%s', (_name, gateInput, decision, expectedReasons) => {
    const result = decide(gateInput);
    expect(result.decision).toBe(decision);
    for (const reason of expectedReasons) expect(result.reasons).toContain(reason);
    if (decision !== 'auto_send') expect(result.reasons).not.toContain('policy_allows');
  });

  it('escalation outranks review and keeps every reason', () => {
    const result = decide(
      input({ policy: DEFAULT_POLICY }, { reasons: ['legal_threat'], flags: ['prompt_injection'] }),
    );
    expect(result.decision).toBe('escalate');
    expect(result.reasons).toEqual(
      expect.arrayContaining(['escalate:legal_threat', 'flag:prompt_injection', 'auto_send_disabled']),
    );
  });

  it('lowers confidence for each doubt about the draft', () => {
    const clean = decide(input());
    const doubtful = decide(drafted(`${groundedBody} € 12,50 en € 13,50`));
    expect(clean.confidence).toBeCloseTo(0.93);
    expect(doubtful.confidence).toBeLessThan(clean.confidence / 2);
  });

  it("counts the shop's own website as grounded when the shop is given", () => {
    const body = `${groundedBody} https://shop.test`;
    const shop = {
      id: 's',
      name: 'S',
      signature: {},
      tone: 'friendly' as const,
      defaultLanguage: 'nl',
      supportEmail: 'support@shop.test',
      website: 'https://shop.test',
    };
    const sources = { customerText: '', snippets: [], orderFacts: order };
    expect(decide(input({ draft: draft(body), sources })).reasons).toContain('ungrounded:url:https://shop.test');
    expect(decide(input({ draft: draft(body), sources, shop })).decision).toBe('auto_send');
  });
});

describe('withinBusinessHours', () => {
  const hours = { timezone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' };
  it.each([
    ['2025-06-12T07:30:00Z', true], // Thursday 09:30 in Amsterdam (UTC+2)
    ['2025-06-12T06:59:00Z', false], // 08:59
    ['2025-06-12T15:29:00Z', true], // 17:29
    ['2025-06-12T15:30:00Z', false], // 17:30
    ['2025-06-15T10:00:00Z', false], // Sunday
    ['2025-01-15T08:30:00Z', true], // winter time: 09:30 (UTC+1)
  ])('%s → %s', (iso, expected) => {
    expect(withinBusinessHours(hours, new Date(iso))).toBe(expected);
  });

  it('accepts 0 as Sunday', () => {
    expect(withinBusinessHours({ ...hours, days: [0] }, new Date('2025-06-15T10:00:00Z'))).toBe(true);
  });
});
