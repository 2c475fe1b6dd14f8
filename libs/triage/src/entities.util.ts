import { Entity } from './triage.types';

type EntityType = Entity['type'];

interface Candidate extends Entity {
  priority: number;
}

const ORDER_WORDS =
  '(?:order(?:\\s*(?:number|no\\.?|nr\\.?|id))?|purchase|bestel(?:ling|nummer)?|ordernummer|ordernr\\.?|aankoop|' +
  'bestellnummer|bestellung(?:snummer)?|auftrag(?:snummer)?|commande|num[eé]ro de commande)';

export const DEFAULT_ORDER_NUMBER_PATTERNS: readonly RegExp[] = Object.freeze([
  // Shops also number orders like 2024-88123 or 2024/0042: keep the separators inside the value.
  new RegExp(
    `\\b${ORDER_WORDS}\\s*(?:[:#]|is|nummer|number|n[°o]\\.?)?\\s*(#?\\d{4,15}(?:[-/]\\d{2,10}){0,2})(?![\\w-])`,
    'gi',
  ),
  /(?<![\w#])#(\d{4,15})\b/g,
  /\b([A-Z]{2,4}-?\d{4,10})\b/g,
]);

const MONTHS =
  'jan(?:uari|uary)?|feb(?:ruari|ruary)?|m(?:aa)?rt|march|mar|apr(?:il)?|mei|may|jun[ei]?|jul[iy]?|aug(?:ustus)?|' +
  'sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|dec(?:ember)?';

export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

export function isLuhnValid(digits: string): boolean {
  const clean = digits.replace(/\D/g, '');
  if (clean.length < 13 || clean.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < clean.length; i++) {
    let d = Number(clean[clean.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function collect(
  text: string,
  pattern: RegExp,
  type: EntityType,
  priority: number,
  build: (m: RegExpExecArray) => Partial<Entity> | null = () => ({}),
): Candidate[] {
  const out: Candidate[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const extra = build(m);
    if (extra === null) continue;
    // When the pattern has a capture group, the entity is the group (e.g. the number after "order").
    const value = m[1] ?? m[0];
    const start = m[1] !== undefined ? m.index + m[0].lastIndexOf(m[1]) : m.index;
    out.push({ type, value, start, end: start + value.length, priority, ...extra });
  }
  return out;
}

function trackingNumbers(text: string): Candidate[] {
  const lower = text.toLowerCase();
  const found: Candidate[] = [
    ...collect(text, /\b(3S[A-Z0-9]{8,13})\b/g, 'tracking_number', 2, () => ({ carrier: 'PostNL' })),
    ...collect(text, /\b(1Z[0-9A-Z]{16})\b/g, 'tracking_number', 2, () => ({ carrier: 'UPS' })),
    ...collect(text, /\b((?:JVGL|JJD)\d{8,20})\b/g, 'tracking_number', 2, () => ({ carrier: 'DHL' })),
    ...collect(text, /\b(\d{14})\b/g, 'tracking_number', 3, () => ({ carrier: 'DPD' })),
  ];
  // Bare 10- to 12-digit numbers are only tracking numbers when the carrier is named.
  if (/\bdhl\b/.test(lower))
    found.push(...collect(text, /\b(\d{10})\b/g, 'tracking_number', 3, () => ({ carrier: 'DHL' })));
  if (/\bgls\b/.test(lower))
    found.push(...collect(text, /\b(\d{11,12})\b/g, 'tracking_number', 3, () => ({ carrier: 'GLS' })));
  return found;
}

function parseAmount(raw: string): string {
  let number = raw.replace(/[^\d.,]/g, '');
  const lastSep = Math.max(number.lastIndexOf(','), number.lastIndexOf('.'));
  if (lastSep >= 0 && number.length - lastSep - 1 <= 2) {
    number = number.slice(0, lastSep).replace(/[.,]/g, '') + '.' + number.slice(lastSep + 1);
  } else {
    number = number.replace(/[.,]/g, '');
  }
  return number;
}

const CURRENCY: Record<string, string> = {
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  usd: 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  dollar: 'USD',
  dollars: 'USD',
};
const NUMBER =
  '\\d{1,3}(?:[.\\s]\\d{3})+(?:,\\d{1,2}|,-)?|\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:[.,]\\d{1,2}|,-)?';

function amounts(text: string): Candidate[] {
  const before = new RegExp(`(€|\\$|£|\\b(?:EUR|USD|GBP)\\b)\\s?(${NUMBER})`, 'gi');
  const after = new RegExp(`\\b(${NUMBER})\\s?(€|\\b(?:EUR|USD|GBP|euros?|dollars?)\\b)`, 'gi');
  const out: Candidate[] = [];
  for (const [re, numberGroup, currencyGroup] of [
    [before, 2, 1],
    [after, 1, 2],
  ] as const) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = parseAmount(m[numberGroup]);
      if (!value) continue;
      out.push({
        type: 'amount',
        value,
        currency: CURRENCY[m[currencyGroup].toLowerCase()] ?? m[currencyGroup].toUpperCase(),
        start: m.index,
        end: m.index + m[0].replace(/\s+$/, '').length,
        priority: 6,
      });
    }
  }
  return out;
}

export function extractEntities(text: string, options: { orderNumberPatterns?: RegExp[] } = {}): Entity[] {
  const candidates: Candidate[] = [
    ...collect(text, /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+[^\s<>"')\].,;:!?]/gi, 'url', 0),
    ...collect(text, /\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b/gi, 'email', 0),
    ...collect(text, /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g, 'iban', 1, (m) =>
      isValidIban(m[0]) ? {} : null,
    ),
    ...trackingNumbers(text),
    ...collect(text, /(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){6,12}\b/g, 'phone', 4),
    ...collect(text, /(?<![\w+])0\d(?:[\s.-]?\d){8,9}\b/g, 'phone', 4),
    ...(options.orderNumberPatterns ?? DEFAULT_ORDER_NUMBER_PATTERNS).flatMap((p) =>
      collect(text, p, 'order_number', 5),
    ),
    ...amounts(text),
    ...collect(text, /\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))\b/g, 'date', 7),
    ...collect(
      text,
      new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th|e)?\\s+(?:${MONTHS})\\.?(?:\\s+\\d{4})?\\b`, 'gi'),
      'date',
      7,
    ),
    ...collect(
      text,
      new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'gi'),
      'date',
      7,
    ),
  ];
  candidates.sort((a, b) => a.priority - b.priority || a.start - b.start || b.end - a.end);
  const accepted: Candidate[] = [];
  for (const c of candidates) {
    if (accepted.some((a) => c.start < a.end && a.start < c.end)) continue;
    accepted.push(c);
  }
  return accepted
    .sort((a, b) => a.start - b.start)
    .map(({ priority: _priority, ...entity }) => {
      if (entity.type === 'order_number' && entity.value.startsWith('#')) {
        entity.value = entity.value.slice(1);
        entity.start += 1;
      }
      return entity;
    });
}
