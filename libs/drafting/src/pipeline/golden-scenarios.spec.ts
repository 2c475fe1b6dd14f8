import { detectLanguage } from '@draftdesk/triage';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse as parseYaml } from 'yaml';
import { loadSampleShop } from '@draftdesk/shop';
import { parsePolicy } from '@draftdesk/shop';
import { processMessage } from './offline-pipeline';

// Golden scenarios (fixtures/golden-scenarios.yaml) through the whole offline pipeline: the real triage engine, the
// sample shop's orders and knowledge base, the offline drafter and the policy gate (sample policy with auto-send on).
const shop = loadSampleShop();
const readFixture = (name: string) => readFileSync(join(__dirname, '../../fixtures', name), 'utf8');
const policy = parsePolicy(readFixture('golden-policy.yaml'));
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

const GOLDEN: Golden[] = (
  parseYaml(readFixture('golden-scenarios.yaml')) as (Omit<Golden, 'intent'> & { intent: string })[]
).map((g) => ({ ...g, intent: new RegExp(g.intent) }));

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
