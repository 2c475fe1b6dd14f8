import type { Product } from '@draftdesk/shop';
import type { ProductAnswer } from '../phrasebooks/phrasebook.types';

// How a question about a product's properties reads in the four languages ("is it suitable for …?").
const PRODUCT_QUESTION =
  /(?<!\p{L})(suitable|fits?|compatible|how (heavy|big|tall|much does it weigh)|weigh\p{L}*|size|geschikt|past|compatibel|hoe (zwaar|groot)|gewicht|maat|geeignet|passt|kompatibel|wie (schwer|groß)|größe|convient|adapté\p{L}*|poids|taille|combien pèse)(?!\p{L})/iu;
// Without a product named, only an explicit "is it suitable" question is taken for a product question.
// "ne me convient pas" is "does not suit me", said of something bought, not a question about a product.
const SUITABILITY =
  /(?<!\p{L})(?<!ne (?:me|te|lui|nous|vous|leur) )(suitable|compatible|geschikt|compatibel|geeignet|kompatibel|convient|adapté\p{L}*)(?!\p{L})/iu;

function localised(texts: Record<string, string>, language: string): string {
  return texts[language] ?? texts.en ?? Object.values(texts)[0] ?? '';
}

function mentions(text: string, phrase: string, before = ''): boolean {
  const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return escaped !== '' && new RegExp(`(?<!\\p{L})${before}${escaped}(?!\\p{L})`, 'iu').test(text);
}

// "my helmet", "mijn fiets", "meinen Helm": a product the customer already has, spoken of in a service question.
const OWNED = "(?:my|our|mijn|m'n|onze|ons|mein\\p{L}*|unser\\p{L}*|ma|mon|mes|notre|nos)\\s+(?:\\p{L}+\\s+)?";

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim());
}

export interface ProductQuestion {
  product: Product | null;
  /** Null when the catalogue does not answer what was asked: a colleague answers instead of a guess. */
  answer: ProductAnswer | null;
}

/** A question about a product's properties, answered only from the catalogue; null when the text asks no such thing. */
export function answerProductQuestion(text: string, products: Product[], language: string): ProductQuestion | null {
  const product = products.find((p) => [...Object.values(p.name), ...p.aliases].some((n) => mentions(text, n))) ?? null;
  if (!product) return SUITABILITY.test(text) ? { product: null, answer: null } : null;
  const attributes = product.attributes
    .filter((a) => a.terms.some((t) => mentions(text, t)))
    .map((a) => ({ label: localised(a.label, language), value: localised(a.value, language) }));
  // A question about a named product that the catalogue cannot answer goes to a colleague; a product named beside
  // another question ("do you take Apple Pay? I want the kids bike") leaves that question to its own answer.
  const names = [...Object.values(product.name), ...product.aliases];
  const asksAboutIt = sentences(text).some(
    (s) =>
      names.some((n) => mentions(s, n)) &&
      (PRODUCT_QUESTION.test(s) || (s.includes('?') && !names.some((n) => mentions(s, n, OWNED)))),
  );
  if (attributes.length === 0) return asksAboutIt ? { product, answer: null } : null;
  return { product, answer: { name: localised(product.name, language), attributes } };
}
