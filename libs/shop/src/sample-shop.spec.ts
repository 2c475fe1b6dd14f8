import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { INTENTS } from '@draftdesk/contracts';
import { findOrder } from './order-lookup.util';
import { loadSampleShop, sampleShopDir, ShopLoadError } from './shop-loader.util';
import { selectSnippets } from './snippet-ranking.util';

const sample = loadSampleShop();

describe('loadSampleShop', () => {
  it('reads the profile, policy, knowledge base and orders', () => {
    expect(sample.shop).toMatchObject({ supportEmail: 'support@shop.test', defaultLanguage: 'nl' });
    expect(sample.policy.autoSend.enabled).toBe(false);
    expect(sample.orders.length).toBeGreaterThanOrEqual(8);
    for (const language of ['nl', 'en']) {
      // Dutch pages come in both registers (je and u); every other language in one.
      const count = sample.snippets.filter((s) => s.language === language && s.register !== 'formal').length;
      expect(count).toBeGreaterThanOrEqual(10);
      expect(count).toBeLessThanOrEqual(14);
    }
    const formalDutch = sample.snippets.filter((s) => s.language === 'nl' && s.register === 'formal');
    expect(formalDutch.map((s) => s.url).sort()).toEqual(
      sample.snippets
        .filter((s) => s.language === 'nl' && !s.register)
        .map((s) => s.url)
        .sort(),
    );
  });

  it.each(['nl', 'en'])('has knowledge for every intent but "other" in %s', (language) => {
    const covered = new Set(sample.snippets.filter((s) => s.language === language).flatMap((s) => s.intents));
    expect(INTENTS.filter((i) => i !== 'other' && !covered.has(i))).toEqual([]);
  });

  it('hands out copies, so a caller cannot change the shop for everyone', () => {
    loadSampleShop().orders[0].status = 'cancelled';
    expect(loadSampleShop().orders[0].status).not.toBe('cancelled');
  });

  it('names the file and field of an invalid snippet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-'));
    cpSync(join(sampleShopDir(), 'shop.yaml'), join(dir, 'shop.yaml'));
    mkdirSync(join(dir, 'kb', 'nl'), { recursive: true });
    writeFileSync(join(dir, 'kb', 'nl', 'x.md'), '---\nid: x\ntitle: X\nkind: blog\nlanguage: nl\n---\nbody');
    expect(() => loadSampleShop(dir)).toThrow(ShopLoadError);
    expect(() => loadSampleShop(dir)).toThrow(/x\.md: invalid field "kind"/);
  });
});

describe('findOrder', () => {
  const { orders } = sample;
  it.each<[string, { orderNumber?: string; email?: string }, string | null]>([
    ['by number', { orderNumber: '100234' }, '100234'],
    ['by number with # and spaces', { orderNumber: ' #100241 ' }, '100241'],
    ['by number and matching email', { orderNumber: '100234', email: 'Customer@Example.test' }, '100234'],
    ["someone else's order number", { orderNumber: '100234', email: 'tom@example.test' }, null],
    ['by email only', { email: 'tom@example.test' }, '100241'],
    ['unknown number', { orderNumber: '999999' }, null],
    ['unknown email', { email: 'nobody@example.test' }, null],
    ['empty query', {}, null],
  ])('%s', (_name, query, expected) => {
    expect(findOrder(orders, query)?.orderNumber ?? null).toBe(expected);
  });

  it('picks the latest order when an address has several', () => {
    const older = { ...orders[0], orderNumber: '1', placedAt: '2024-01-01T00:00:00Z' };
    const newer = { ...orders[0], orderNumber: '2', placedAt: '2025-01-01T00:00:00Z' };
    expect(findOrder([older, newer], { email: orders[0].customerEmail })?.orderNumber).toBe('2');
  });
});

describe('selectSnippets', () => {
  it.each<[string, string, string, string]>([
    ['track_order', 'nl', 'Waar blijft mijn pakket?', 'nl-bestelling-volgen'],
    ['check_refund_policy', 'nl', 'Hoe lang heb ik om iets terug te sturen?', 'nl-retourneren'],
    ['get_invoice', 'en', 'invoice pls', 'en-invoices'],
    ['recover_password', 'en', 'I forgot my password', 'en-sign-in'],
    ['other', 'en', 'what are your opening hours and phone number', 'en-contact'],
    ['other', 'nl', 'Kan ik mijn nieuwsbrief afmelden?', 'nl-nieuwsbrief'],
    ['delivery_period', 'de', 'Wie lange dauert die Lieferung nach Deutschland?', 'de-versand'],
    ['get_invoice', 'fr', 'Pouvez-vous m’envoyer la facture ?', 'fr-factures'],
  ])('%s in %s: "%s" → %s first', (intent, language, text, expected) => {
    const result = selectSnippets(sample.snippets, intent, language, text);
    expect(result[0]?.id).toBe(expected);
    expect(result.every((s) => s.language === language)).toBe(true);
  });

  it('respects the limit and returns nothing for an unrelated question', () => {
    expect(selectSnippets(sample.snippets, 'delivery_options', 'en', 'shipping', 1)).toHaveLength(1);
    expect(selectSnippets(sample.snippets, 'other', 'en', 'zzz qqq')).toEqual([]);
  });

  it('falls back to English when the shop has nothing in the language', () => {
    const withoutGerman = sample.snippets.filter((s) => s.language !== 'de');
    const result = selectSnippets(withoutGerman, 'get_invoice', 'de', 'Rechnung');
    expect(result[0]?.id).toBe('en-invoices');
  });
});
