import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleShopDir } from '../shop-loader.util';
import { checkShopFolder, formatFinding } from './shop-check.util';

const formalShop = join(sampleShopDir(), '..', 'shop-formal');
const made: string[] = [];

/** A copy of samples/shop-formal with some files replaced (null removes one). */
function shopWith(files: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shop-check-'));
  made.push(dir);
  cpSync(formalShop, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, file), { recursive: true });
    else writeFileSync(join(dir, file), text);
  }
  return dir;
}

const lines = (dir: string) => checkShopFolder(dir).findings.map(formatFinding);

afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('checkShopFolder', () => {
  it.each([sampleShopDir(), formalShop])('finds nothing wrong with the sample shop %s', (dir) => {
    const report = checkShopFolder(dir);
    expect(report.findings).toEqual([]);
    expect(report.orders).toBeGreaterThan(0);
    expect(Object.keys(report.articles).sort()).toEqual(['de', 'en', 'fr', 'nl']);
  });

  it('names the line of a YAML syntax error', () => {
    const dir = shopWith({
      'policy.yaml': 'autoSend:\n  enabled: false\n  intents: [track_order\nlimits:\n  currency: EUR\n',
    });
    expect(lines(dir)).toEqual([expect.stringMatching(/^policy\.yaml:[34]: invalid YAML: /)]);
  });

  it('names the field and line of a value of the wrong type', () => {
    const shopYaml =
      'id: van-dam\nname: Van Dam\ntone: formal\ndefaultLanguage: nl\nsupportEmail: help@vandam.test\n' +
      'website: https://vandam.test\npersonalResponseHours: four\nsignature:\n  nl: Van Dam\n';
    expect(lines(shopWith({ 'shop.yaml': shopYaml }))).toEqual([
      'shop.yaml:7 personalResponseHours: Invalid input: expected number, received string',
    ]);
  });

  it('names a misspelt intent in the policy with its index, and lists the known ones', () => {
    const dir = shopWith({
      'policy.yaml':
        'autoSend:\n  enabled: true\n  intents:\n    - track_order\n    - refnd\n  minConfidence:\n    trak: 0.8\n',
    });
    const found = lines(dir);
    expect(found).toEqual([
      expect.stringContaining('policy.yaml:5 autoSend.intents[1]: unknown intent "refnd" (known: cancel_order,'),
      expect.stringContaining('policy.yaml:7 autoSend.minConfidence.trak: unknown intent "trak"'),
    ]);
    expect(found[0]).toContain('track_order');
  });

  it('reports every problem at once: a missing field, an unknown field, a wrong order, a bad article', () => {
    const orders = JSON.stringify(
      [
        {
          orderNumber: '1',
          status: 'lost',
          placedAt: '2026-01-02',
          total: { amount: 1, currency: 'EUR' },
          items: [],
          customerEmail: 'a@example.com',
        },
      ],
      null,
      2,
    );
    const dir = shopWith({
      'shop.yaml':
        'id: van-dam\nname: Van Dam\ntone: formal\ndefaultLanguage: nl\nwebsite: https://vandam.test\ncolour: red\nsignature:\n  nl: Van Dam\n',
      'orders.json': orders,
      'kb/nl/leeg.md': '',
      'kb/nl/zonder-tekst.md': '---\nid: nl-x\ntitle: X\nkind: article\nlanguage: nl\nintents: [track_ordr]\n---\n',
    });
    expect(lines(dir)).toEqual([
      'shop.yaml:1 supportEmail: required field is missing (expected string)',
      'shop.yaml:6 colour: unknown field "colour"',
      'orders.json:4 [0].status: Invalid option: expected one of "pending"|"paid"|"shipped"|"delivered"|"cancelled"|"refunded"',
      'kb/nl/leeg.md: the article is empty',
      'kb/nl/zonder-tekst.md:8: the article has no text below its front matter',
      expect.stringMatching(/^kb\/nl\/zonder-tekst\.md:6 intents\[0\]: unknown intent "track_ordr"/),
    ]);
  });

  it('names the line of a JSON syntax error in orders.json', () => {
    expect(lines(shopWith({ 'orders.json': '[\n  { "orderNumber": "1", }\n]\n' }))).toEqual([
      expect.stringMatching(/^orders\.json:2: invalid JSON: /),
    ]);
  });

  it('refuses a duplicate order number, pointing at both', () => {
    const order = {
      orderNumber: '7',
      status: 'paid',
      placedAt: '2026-01-02',
      total: { amount: 1, currency: 'EUR' },
      items: [],
      customerEmail: 'a@example.com',
    };
    expect(lines(shopWith({ 'orders.json': JSON.stringify([order, order], null, 2) }))).toEqual([
      expect.stringMatching(/^orders\.json:\d+ \[1\]\.orderNumber: duplicate order number "7" \(also at line 3\)$/),
    ]);
  });

  it('warns, without failing, when a language of the shop has no articles', () => {
    const report = checkShopFolder(shopWith({ 'kb/de': null }));
    expect(report.findings.map(formatFinding)).toEqual([
      expect.stringMatching(/^shop\.yaml:\d+ signature\.de: warning: no KB articles for "de" in kb\/de\/$/),
    ]);
    expect(report.findings[0].severity).toBe('warning');
  });

  it('requires shop.yaml', () => {
    expect(lines(shopWith({ 'shop.yaml': null }))).toEqual(['shop.yaml: the file is missing']);
  });
});
