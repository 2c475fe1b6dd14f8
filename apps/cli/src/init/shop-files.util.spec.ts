import { checkShopFolder, loadShop } from '@draftdesk/shop';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { InitAnswers } from './init-answers.util';
import { shopFiles, shopId, writeShopFiles } from './shop-files.util';

const today = new Date('2026-03-10T08:00:00Z');
// prettier-ignore
const base: InitAnswers = { name: 'Vélo & Verde', languages: ['en'], tone: 'friendly', supportAddress: 'help@veloverde.test', website: 'https://veloverde.test', orders: { kind: 'file' }, mailbox: { kind: 'smtp' } };
const made: string[] = [];

function written(answers: Partial<InitAnswers>) {
  const dir = mkdtempSync(join(tmpdir(), 'init-'));
  made.push(dir);
  let n = 0;
  writeShopFiles(
    dir,
    shopFiles({ ...base, ...answers }, dir, today, () => `JVGL000000000${++n}`),
  );
  const env = parseEnv(readFileSync(join(dir, '.env'), 'utf8'));
  return { dir, env, read: (file: string) => readFileSync(join(dir, file), 'utf8') };
}

afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the shop folder init writes', () => {
  it.each<[string, Partial<InitAnswers>]>([
    ['nl and en, formal', { languages: ['nl', 'en'], tone: 'formal' }],
    ['de, fr and es, friendly', { languages: ['de', 'fr', 'es'] }],
  ])(
    'passes shop check, and its .env points at it: %s (other order sources and mailboxes: test/cli/init.e2e-spec.ts)',
    (_case, answers) => {
      const { dir, env } = written(answers);
      expect(checkShopFolder(dir).findings).toEqual([]);
      expect(env).toMatchObject({
        SHOP_DIR: dir,
        DRAFTDESK_DATA_DIR: join(dir, 'data'),
        TRIAGE_LANGUAGES: (answers.languages ?? ['en']).join(','),
      });
    },
  );

  it('writes the profile from the answers', () => {
    const { dir, env } = written({ languages: ['nl', 'en'], tone: 'formal' });
    const { shop } = loadShop(dir);
    expect(shop).toMatchObject({
      id: 'velo-verde',
      name: 'Vélo & Verde',
      tone: 'formal',
      defaultLanguage: 'nl',
      supportEmail: 'help@veloverde.test',
    });
    expect(shop.signature.nl).toBe('Team Klantenservice\nVélo & Verde\nhttps://veloverde.test | help@veloverde.test');
    expect(env.MAIL_FROM).toBe('Vélo & Verde <help@veloverde.test>');
  });

  it('sends nothing on its own', () => {
    expect(loadShop(written({}).dir).policy.autoSend).toMatchObject({ enabled: false, intents: [] });
  });

  it('dates the example orders from today', () => {
    const { orders } = loadShop(written({}).dir);
    expect(
      orders.map((o) => [o.orderNumber, o.status, o.placedAt.slice(0, 10), o.expectedDelivery, o.trackingNumber]),
    ).toEqual([
      ['10001', 'shipped', '2026-03-08', '2026-03-11', 'JVGL0000000001'],
      ['10002', 'delivered', '2026-03-01', '2026-03-03', 'JVGL0000000002'],
    ]);
  });

  it('writes no orders.json for another order source, and its settings in .env', () => {
    const { dir, env } = written({
      orders: { kind: 'rest', url: 'https://erp.example/orders/{orderNumber}', token: 't0k' },
    });
    expect(() => statSync(join(dir, 'orders.json'))).toThrow();
    expect(env).toMatchObject({
      ORDERS_CONNECTOR: 'rest',
      ORDERS_REST_BY_NUMBER_URL: 'https://erp.example/orders/{orderNumber}',
      ORDERS_REST_HEADERS: 'Authorization: Bearer t0k',
    });
  });

  it('keeps the mailbox password as typed, in a .env only its owner can read', () => {
    const { dir, env } = written({
      mailbox: {
        kind: 'imap',
        host: 'imap.example.com',
        port: 143,
        user: 'u',
        password: `it's "quoted" # not a comment`,
      },
    });
    expect(env).toMatchObject({
      IMAP_HOST: 'imap.example.com',
      IMAP_PORT: '143',
      IMAP_SECURE: 'false',
      IMAP_USER: 'u',
      IMAP_PASSWORD: `it's "quoted" # not a comment`,
    });
    expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600);
  });

  it('writes the starter articles in each language, in the register of the shop, and English to translate otherwise', () => {
    const formal = written({ languages: ['nl', 'de', 'es'], tone: 'formal' });
    expect(formal.read('kb/nl/verzending.md')).toContain('Bestelt u op een werkdag');
    expect(formal.read('kb/de/versand.md')).toContain('Bestellen Sie an einem Werktag');
    expect(formal.read('kb/es/shipping.md')).toMatch(
      /^---\n# Written in English: translate it into "es"\.\nid: es-shipping\n[\s\S]*language: es\n[\s\S]*Orders placed on a working day/,
    );
    const friendly = written({ languages: ['nl', 'de'] });
    expect(friendly.read('kb/nl/verzending.md')).toContain('Bestel je op een werkdag');
    expect(friendly.read('kb/de/rueckgabe.md')).toContain('Schreib an help@veloverde.test');
  });

  it('makes an id from the name', () => {
    expect([shopId('Vélo & Verde'), shopId('  Fietsen  B.V. '), shopId('!!!')]).toEqual([
      'velo-verde',
      'fietsen-b-v',
      'my-shop',
    ]);
  });
});
