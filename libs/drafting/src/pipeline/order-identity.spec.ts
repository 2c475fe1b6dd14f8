import { InMemoryKnowledge } from '@draftdesk/shop';
import { OfflineDrafter } from '../offline-drafter.provider';
import { InMemoryOrderConnector } from '@draftdesk/shop';
import type { OrderConnector, OrderQuery } from '@draftdesk/shop';
import { loadSampleShop } from '@draftdesk/shop';
import { composeReply, type ComposeInput } from './compose-reply';
import type { CustomerIdentity } from '@draftdesk/shop';

const sample = loadSampleShop();

/** The sample shop's orders, remembering each query so a test can see what the claimed identity was used for. */
class RecordingOrders implements OrderConnector {
  readonly name = 'recording';
  readonly queries: OrderQuery[] = [];
  private readonly inner = new InMemoryOrderConnector(sample.orders);
  lookup(query: OrderQuery) {
    this.queries.push(query);
    return this.inner.lookup(query);
  }
}

const PROOF: Record<string, RegExp> = {
  en: /order number and the postcode of the delivery address/,
  nl: /ordernummer en de postcode van het bezorgadres/,
  de: /Bestellnummer und die Postleitzahl der Lieferadresse/,
  fr: /numéro de commande et du code postal/,
};

// Order 100234 belongs to customer@example.test: Sanne, PostNL 3SABCD1234567, a city bike, 1015 CJ Amsterdam.
const FACTS = [/3SABCD1234567/, /Stadsfiets/, /track\.example\.test/];

async function draftFor(text: string, language: string, identity: CustomerIdentity | undefined, orderNumber?: string) {
  const orders = new RecordingOrders();
  const input: ComposeInput = {
    text,
    customer: { address: 'customer@example.test', name: '', identity },
    automated: false,
    triage: {
      language,
      intent: 'track_order',
      confidence: 0.95,
      sentiment: 'neutral',
      urgency: 'normal',
      reasons: [],
      flags: [],
      entities: orderNumber ? [{ type: 'order_number', value: orderNumber }] : [],
    },
  };
  const result = await composeReply(input, {
    shop: sample.shop,
    policy: sample.policy,
    knowledge: new InMemoryKnowledge(sample.snippets),
    orders,
    drafter: new OfflineDrafter(),
  });
  return { result, body: result.draft?.body ?? '', queries: orders.queries };
}

describe('order facts go only to a verified identity', () => {
  it.each(['en', 'nl', 'de', 'fr'])(
    "an unverified chat claiming another customer's e-mail gets no order facts and is asked for order number and postcode (%s)",
    async (language) => {
      const { result, body, queries } = await draftFor(
        'Where is my order? My e-mail is customer@example.test',
        language,
        'unverified',
      );
      expect(result.orderFacts).toBeNull();
      for (const fact of FACTS) expect(body).not.toMatch(fact);
      expect(body).toMatch(PROOF[language]);
      expect(queries.every((q) => q.email === undefined)).toBe(true);
      expect(result.reasons).toContain('identity_unverified');
    },
  );

  it('a verified identity (e-mail From, or a channel that signs its users in) gets the order facts by address', async () => {
    for (const identity of ['verified', undefined] as const) {
      const { result, body } = await draftFor('Where is my order?', 'en', identity);
      expect(result.orderFacts?.orderNumber).toBe('100234');
      for (const fact of FACTS) expect(body).toMatch(fact);
      expect(body).not.toMatch(PROOF.en);
    }
  });

  it("an unverified sender with the order number and the right postcode gets that order's facts", async () => {
    const { result, body } = await draftFor('Where is order 100234? Postcode 1015 CJ', 'en', 'unverified', '100234');
    expect(result.orderFacts?.orderNumber).toBe('100234');
    for (const fact of FACTS) expect(body).toMatch(fact);
  });

  it('an unverified sender with the order number and a wrong postcode gets no facts and is asked again', async () => {
    const { result, body } = await draftFor('Where is order 100234? Postcode 1016 AB', 'en', 'unverified', '100234');
    expect(result.orderFacts).toBeNull();
    for (const fact of FACTS) expect(body).not.toMatch(fact);
    expect(body).toMatch(PROOF.en);
  });

  it('an unverified sender with only the order number gets no facts', async () => {
    const { result, body } = await draftFor('Where is order 100234?', 'en', 'unverified', '100234');
    expect(result.orderFacts).toBeNull();
    expect(body).not.toMatch(/3SABCD1234567/);
    expect(body).toMatch(PROOF.en);
  });
});
