// Text normalisation and hashed feature extraction shared by training and prediction: both sides must
// produce exactly the same feature ids, so this is the only place that decides them.

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
}

export function tokenize(text: string): string[] {
  const folded = foldText(text)
    // Digits carry no intent but their shape does ("#12345" is an order number, "12,50" an amount).
    .replace(/\d+/g, '0')
    .replace(/[’`]/g, "'");
  return folded.match(/[a-z0-9]+(?:'[a-z]+)?|[?!€$£#@]/g) ?? [];
}

// FNV-1a, 32 bit: fast, dependency-free and stable across platforms.
export function hashString(value: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export interface FeatureOptions {
  bits: number;
  charMin: number;
  charMax: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { bits: 20, charMin: 3, charMax: 5 };

/** Returns hashed feature ids with counts (unigrams, bigrams, char n-grams inside word boundaries). */
export function extractFeatures(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): Map<number, number> {
  const mask = (1 << options.bits) - 1;
  const features = new Map<number, number>();
  const add = (key: string): void => {
    const id = hashString(key) & mask;
    features.set(id, (features.get(id) ?? 0) + 1);
  };
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    add('w:' + tokens[i]);
    if (i + 1 < tokens.length) add('b:' + tokens[i] + ' ' + tokens[i + 1]);
    const padded = ' ' + tokens[i] + ' ';
    if (padded.length <= 4) continue;
    for (let n = options.charMin; n <= options.charMax; n++) {
      for (let s = 0; s + n <= padded.length; s++) add('c:' + padded.slice(s, s + n));
    }
  }
  return features;
}
