// Finds the checkable facts (amounts, dates, URLs, order and tracking numbers) in free text, in nl/en/de/fr
// spellings, and reduces each to one canonical key so "€ 49,95", "EUR 49.95" and "49.95" compare equal.

export interface FoundFact {
  /** As written in the text. */
  raw: string;
  /** Canonical keys; two facts are the same when they share a key. */
  keys: string[];
}

const NUMBER = String.raw`\d{1,3}(?:[., \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const CURRENCY_BEFORE = String.raw`€|EUR|USD|US\$|\$|£|GBP|CHF`;
const CURRENCY_AFTER = String.raw`€|EUR|euros?|euro's|USD|dollars?|£|GBP|CHF`;
const AMOUNT_RE = new RegExp(
  String.raw`(?:(?<![\p{L}\d])(?:${CURRENCY_BEFORE})\s?(${NUMBER})(?:,-)?)|(?:(?<![\d.,])(${NUMBER})(?:,-)?\s?(?:${CURRENCY_AFTER})(?![\p{L}]))`,
  'giu',
);
const DECIMAL_RE = new RegExp(String.raw`(?<![\d.,])(${NUMBER})(?![\d])`, 'g');

/** "1.234,56" / "1,234.56" / "49,95" / "49.95" / "1 249,95" → 1234.56 etc. */
export function parseLocaleNumber(text: string): number | null {
  const s = text.replace(/\s/g, '').replace(/,-$/, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalised = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    // Amounts almost never carry three decimals, so a three-digit tail means a thousands separator.
    const isThousands = parts.length > 2 || parts[parts.length - 1].length === 3;
    normalised = isThousands ? parts.join('') : parts.join('.');
  } else {
    normalised = s;
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

export function amountKey(value: number): string {
  return value.toFixed(2);
}

export function extractAmounts(text: string): (FoundFact & { value: number })[] {
  const out: (FoundFact & { value: number })[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    const value = parseLocaleNumber(m[1] ?? m[2]);
    if (value === null) continue;
    out.push({ raw: m[0].trim(), keys: [amountKey(value)], value });
  }
  return out;
}

/** Numbers written with decimals ("49.95") ground an amount even without a currency sign. */
export function extractDecimalNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(DECIMAL_RE)) {
    if (!/[.,]\d{1,2}$/.test(m[1])) continue;
    const value = parseLocaleNumber(m[1]);
    if (value !== null) out.push(value);
  }
  return out;
}

export function extractPercentages(text: string): number[] {
  return [...text.matchAll(/(\d{1,3}(?:[.,]\d{1,2})?)\s?(?:%|procent|percent|pour ?cent|Prozent)/gi)]
    .map((m) => parseLocaleNumber(m[1]))
    .filter((v): v is number => v !== null);
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'januari', 'januar', 'jänner', 'janvier', 'janv'],
  ['february', 'feb', 'februari', 'februar', 'février', 'févr', 'fevrier'],
  ['march', 'mar', 'maart', 'mrt', 'märz', 'maerz', 'mars'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mei', 'mai'],
  ['june', 'jun', 'juni', 'juin'],
  ['july', 'jul', 'juli', 'juillet', 'juil'],
  ['august', 'aug', 'augustus', 'août', 'aout'],
  ['september', 'sep', 'sept'],
  ['october', 'oct', 'oktober', 'okt', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre'],
];
MONTH_NAMES.forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const ISO_DATE_RE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const NUMERIC_DATE_RE = /(?<![\d.,/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/g;
const DAY_MONTH_RE = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{1,2})(?:\.|er|e|st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_ALT})\.?(?![\p{L}])(?:,?\s+(\d{4}))?`,
  'giu',
);
const MONTH_DAY_RE = new RegExp(
  String.raw`(?<![\p{L}\d])(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\p{L}\d])(?:,?\s+(\d{4}))?`,
  'giu',
);

function dateKeys(year: number | null, month: number, day: number): string[] {
  if (month < 1 || month > 12 || day < 1 || day > 31) return [];
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year === null ? [md] : [`${year}-${md}`, md];
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

/** Each date's keys hold "YYYY-MM-DD" (when a year is written) and "MM-DD"; a draft date is compared by its most specific key. */
export function extractDates(text: string): FoundFact[] {
  const out: FoundFact[] = [];
  const taken: [number, number][] = [];
  const push = (m: RegExpMatchArray, keys: string[]) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (keys.length === 0 || taken.some(([s, e]) => start < e && end > s)) return;
    taken.push([start, end]);
    out.push({ raw: m[0].trim(), keys });
  };
  for (const m of text.matchAll(ISO_DATE_RE)) push(m, dateKeys(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of text.matchAll(NUMERIC_DATE_RE)) {
    const year = fullYear(m[4]);
    const a = Number(m[1]);
    const b = Number(m[3]);
    // 03/05/2025 is 3 May in Europe and March 5 in the US: either reading may be the intended one.
    push(m, [...new Set([...dateKeys(year, b, a), ...dateKeys(year, a, b)])]);
  }
  for (const m of text.matchAll(DAY_MONTH_RE)) {
    push(m, dateKeys(m[3] ? Number(m[3]) : null, MONTHS[m[2].toLowerCase()], Number(m[1])));
  }
  for (const m of text.matchAll(MONTH_DAY_RE)) {
    push(m, dateKeys(m[3] ? Number(m[3]) : null, MONTHS[m[1].toLowerCase()], Number(m[2])));
  }
  return out;
}

export function isoDateKeys(iso: string | undefined): string[] {
  if (!iso) return [];
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? dateKeys(Number(m[1]), Number(m[2]), Number(m[3])) : [];
}

const URL_RE = /\bhttps?:\/\/[^\s<>"'()[\]{}]+/gi;

export function normaliseUrl(url: string): string {
  const trimmed = url.replace(/[.,;:!?]+$/, '');
  const m = /^(https?):\/\/([^/?#]+)(.*)$/i.exec(trimmed);
  if (!m) return trimmed;
  return `${m[1].toLowerCase()}://${m[2].toLowerCase()}${m[3]}`.replace(/\/+$/, '');
}

export function extractUrls(text: string): FoundFact[] {
  return [...text.matchAll(URL_RE)].map((m) => {
    const raw = m[0].replace(/[.,;:!?]+$/, '');
    return { raw, keys: [normaliseUrl(raw)] };
  });
}

const ORDER_WORDS = String.raw`order(?:nummer|number)?|bestel(?:ling|nummer)|bestellingsnummer|bestellung(?:snummer)?|bestellnummer|commande`;
const ORDER_RE = new RegExp(
  String.raw`(?:(?<![\p{L}])(?:${ORDER_WORDS})\s*(?:nummer|number|nr\.?|no\.?|n°|num[ée]ro)?\s*[:#]?\s*#?([A-Z]{0,4}-?\d{4,12})(?![\p{L}\d]))|(?:(?<![\p{L}\d])#(\d{4,12})(?!\d))`,
  'giu',
);

export function normaliseCode(code: string): string {
  return code.replace(/[\s#]/g, '').toUpperCase();
}

export function extractOrderNumbers(text: string): FoundFact[] {
  return [...text.matchAll(ORDER_RE)].map((m) => {
    const value = m[1] ?? m[2];
    return { raw: value, keys: [normaliseCode(value)] };
  });
}

const TRACKING_PATTERNS = [
  /(?<![A-Z0-9])3S[A-Z0-9]{8,20}(?![A-Z0-9])/gi, // PostNL
  /(?<![A-Z0-9])1Z[A-Z0-9]{16}(?![A-Z0-9])/gi, // UPS
  /(?<![A-Z0-9])(?:JVGL|JJD)\d{8,22}(?![A-Z0-9])/gi, // DHL
];
const TRACKING_AFTER_WORDS_RE =
  /(?:tracking(?:\s?(?:number|code|nummer|id))?|track\s?(?:&|and|en)\s?trace(?:[-\s]?code)?|zendingnummer|barcode|sendungsnummer|num[ée]ro de suivi)\s*[:#]?\s*([A-Z0-9]{8,30})(?![A-Z0-9])/gi;

export function extractTrackingNumbers(text: string): FoundFact[] {
  const seen = new Set<string>();
  const out: FoundFact[] = [];
  const add = (raw: string) => {
    const key = normaliseCode(raw);
    // A number after "tracking" that is only letters is a word ("tracking information"), not a code.
    if (!/\d/.test(key) || seen.has(key)) return;
    seen.add(key);
    out.push({ raw, keys: [key] });
  };
  for (const re of TRACKING_PATTERNS) for (const m of text.matchAll(re)) add(m[0]);
  for (const m of text.matchAll(TRACKING_AFTER_WORDS_RE)) add(m[1]);
  return out;
}
