import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadSampleShop, loadShop, ShopLoadError } from '@draftdesk/shop';
import { answerProductQuestion } from './product-answer.util';

const { products } = loadSampleShop();

describe('answerProductQuestion', () => {
  // text, language, expected product id (null: a product question nobody named), expected attribute values (null: no answer)
  it.each<[string, string, string | null, string[] | null]>([
    [
      'Is the City Bike Classic suitable for someone who is 1.90 m tall?',
      'en',
      'stadsfiets-classic-28',
      ['1.70 m to 1.90 m tall (57 cm frame)'],
    ],
    ['Hoeveel weegt de Stadsfiets Classic?', 'nl', 'stadsfiets-classic-28', ['18 kg']],
    ['Welche Größen gibt es beim Fahrradhelm?', 'de', 'urban-helmet', ['S 51–55 cm, M 55–59 cm, L 59–63 cm']],
    [
      'Le vélo enfant Vlinder convient-il à un enfant de 7 ans ?',
      'fr',
      'kinderfiets-vlinder',
      ['6 à 9 ans (taille 1,15 m à 1,35 m)'],
    ],
    ['Does the City Bike Classic come in red?', 'en', 'stadsfiets-classic-28', null],
    ['Is the helmet suitable for skiing?', 'en', 'urban-helmet', null],
    ['Is this suitable for a 3-year-old?', 'en', null, null],
  ])('%s', (text, language, productId, values) => {
    const result = answerProductQuestion(text, products, language);
    expect(result).not.toBeNull();
    expect(result!.product?.id ?? null).toBe(productId);
    expect(result!.answer?.attributes.map((a) => a.value) ?? null).toEqual(values);
  });

  it.each([
    'Where is my order 100234?',
    'My Urban bike helmet arrived broken.',
    'Hoe lang duurt verzenden naar België?',
    'Which size boxes do you ship in?',
    'do you take apple pay or is it cards only?? want to buy the kids bike tonight',
    'Combien de temps ai-je pour renvoyer un article qui ne me convient pas ?',
    'Kan ik mijn helmet nog returnen na 2 weken?',
  ])('"%s" is no product question', (text) => {
    expect(answerProductQuestion(text, products, 'en')).toBeNull();
  });
});

describe('product catalogue loading', () => {
  function shopWith(products: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'shop-'));
    writeFileSync(
      join(dir, 'shop.yaml'),
      'id: t\nname: T\ntone: formal\ndefaultLanguage: en\nsupportEmail: s@shop.test\nwebsite: https://shop.test\nsignature: { en: T }\n',
    );
    writeFileSync(join(dir, 'products.yaml'), products);
    return dir;
  }

  it('loads the sample catalogue', () => {
    expect(products.map((p) => p.id)).toEqual(['stadsfiets-classic-28', 'kinderfiets-vlinder', 'urban-helmet']);
  });

  it.each([
    [
      'a product without an English name',
      '- id: a\n  name: { nl: A }\n  attributes: [{ key: k, terms: [x1], label: { nl: L, en: L }, value: { nl: V, en: V } }]\n',
      'name.en',
    ],
    ['a product without attributes', '- id: a\n  name: { nl: A, en: A }\n  attributes: []\n', 'attributes'],
    [
      'an id that is no kebab-case',
      '- id: A B\n  name: { nl: A, en: A }\n  attributes: [{ key: k, terms: [x1], label: { nl: L, en: L }, value: { nl: V, en: V } }]\n',
      'id',
    ],
  ])('refuses %s and names the field', (_name, yaml, field) => {
    expect(() => loadShop(shopWith(yaml))).toThrow(ShopLoadError);
    expect(() => loadShop(shopWith(yaml))).toThrow(`"0.${field}"`);
  });
});
