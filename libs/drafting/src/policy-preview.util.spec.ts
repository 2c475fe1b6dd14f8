import type { DraftResult } from './draft.types';
import { DEFAULT_POLICY, type KbSnippet, type ShopPolicy } from '@draftdesk/shop';
import { decide, type GateInput } from './policy-gate.util';
import { decideAgain } from './policy-preview.util';
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
const grounded =
  'Je bestelling 100234 is verzonden met PostNL (trackingnummer 3SABCD1234567): https://track.example.test/postnl/3SABCD1234567.';
const draft = (body: string): DraftResult => ({ body, citations: [], usedOrderFacts: true, engine: 'offline' });

const closed = DEFAULT_POLICY;
const open: ShopPolicy = {
  autoSend: { enabled: true, intents: ['track_order'], minConfidence: { default: 0.9, track_order: 0.8 } },
  limits: { maxRefundAmount: 50, maxDiscountPercent: 10, currency: 'EUR' },
  escalateOn: ['legal_threat'],
};
const strict: ShopPolicy = {
  ...open,
  autoSend: { ...open.autoSend, minConfidence: 0.95 },
  limits: { ...open.limits, maxDiscountPercent: 0 },
  escalateOn: ['legal_threat', 'sentiment:negative'],
  businessHours: { timezone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
};

const cases: [string, Partial<GateInput>, Partial<GateInput['triage']>][] = [
  ['a grounded answer', {}, {}],
  ['another intent', {}, { intent: 'delivery_period' }],
  ['triage less sure', {}, { confidence: 0.85 }],
  ['a negative customer', {}, { sentiment: 'negative' }],
  ['a legal threat', {}, { reasons: ['legal_threat'] }],
  ['an injection', {}, { flags: ['prompt_injection'] }],
  ['an invented fact', { draft: draft(`${grounded} Je krijgt € 12,50 terug.`) }, {}],
  ['a discount', { draft: draft(`${grounded} Met de code krijg je 5% korting.`) }, {}],
  ['no draft', { draft: null }, {}],
  ['on a Sunday', { now: new Date('2025-06-15T10:00:00Z') }, {}],
  ['automated mail', { automated: true }, {}],
];

function input(policy: ShopPolicy, overrides: Partial<GateInput>, triage: Partial<GateInput['triage']>): GateInput {
  return {
    policy,
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
    draft: draft(grounded),
    sources: { customerText: 'Waar is mijn bestelling 100234?', snippets: [snippet], orderFacts: order },
    now: new Date('2025-06-12T10:00:00Z'),
    ...overrides,
  };
}

describe('decideAgain', () => {
  const policies = { closed, open, strict };
  // Every draft decided under one policy and decided again under another gets what the gate gives under the other.
  for (const [from, before] of Object.entries(policies)) {
    for (const [to, after] of Object.entries(policies)) {
      it.each(cases)(`%s: decided under ${from}, again under ${to}, as the gate decides it under ${to}`, (_, o, t) => {
        const then = decide(input(before, o, t));
        const gate = decide(input(after, o, t));
        const given = input(after, o, t);
        const again = decideAgain(
          {
            decision: then.decision,
            reasons: then.reasons,
            body: given.draft?.body ?? null,
            orderFacts: order,
            triage: given.triage,
            decidedAt: given.now!,
          },
          after,
        );
        expect(again.decision).toBe(gate.decision);
        expect([...again.reasons].sort()).toEqual([...gate.reasons].sort());
      });
    }
  }

  it('keeps what composing the reply held a draft for, whatever the policy', () => {
    const held = decideAgain(
      {
        decision: 'escalate',
        reasons: ['holding_reply:legal_threat', 'auto_send_disabled', 'order_not_found'],
        body: 'We kijken ernaar en komen bij je terug.',
        orderFacts: null,
        triage: input(open, {}, {}).triage,
        decidedAt: new Date('2025-06-12T10:00:00Z'),
      },
      open,
    );
    expect(held).toEqual({
      decision: 'escalate',
      reasons: ['escalate:legal_threat', 'holding_reply:legal_threat', 'order_not_found'],
    });
  });

  it('holds a refund request on an order above the refund limit for a person', () => {
    const refund = decideAgain(
      {
        decision: 'review',
        reasons: ['auto_send_disabled', 'intent_not_auto:get_refund'],
        body: 'We zoeken het voor je uit.',
        orderFacts: { ...order, total: { amount: 80, currency: 'EUR' } },
        triage: input(open, {}, { intent: 'get_refund' }).triage,
        decidedAt: new Date('2025-06-12T10:00:00Z'),
      },
      { ...open, autoSend: { ...open.autoSend, intents: ['get_refund'] } },
    );
    expect(refund).toEqual({ decision: 'review', reasons: ['refund_above_limit:80.00'] });
  });
});
