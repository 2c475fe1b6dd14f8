import { isLuhnValid, isValidIban } from './entities.util';

// Street addresses: "Kerkstraat 12a", "Lange Voorhout 3-5", "221B Baker Street", "12 rue de la Paix",
// "Hauptstraße 5", optionally followed by a Dutch postcode and town.
const NL_DE_STREET =
  "(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|Prins|Sint|Oude|Nieuwe|Lange|Korte|Grote|Kleine|Burgemeester|Dr\\.?)\\s)*(?:[A-ZÀ-Ý][\\p{L}'.-]*?(?:straat|laan|weg|plein|gracht|kade|dijk|singel|hof|pad|steeg|dreef|" +
  'markt|park|stra(?:ss|ß)e|gasse|allee|ring|platz)|(?:Straat|Laan|Weg|Plein|Kade|Dijk|Singel|Dreef|Markt))\\s\\d{1,5}(?:\\s?[a-zA-Z](?![\\p{L}])|-\\d{1,4})?';
const EN_STREET =
  "\\d{1,5}[A-Za-z]?\\s(?:[A-Z][\\p{L}'.-]*\\s){1,3}(?:Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Ln\\.?|" +
  'Boulevard|Blvd\\.?|Drive|Dr\\.?|Court|Ct\\.?|Way|Place|Pl\\.?|Square|Terrace|Close|Crescent)(?![\\p{L}])';
const FR_STREET =
  "\\d{1,5}(?:\\s?bis)?,?\\s(?:rue|avenue|boulevard|bd|place|chemin|all[ée]e|impasse|quai)\\s(?:[\\p{L}'-]+\\s?){1,5}";
const POSTCODE_TAIL = '(?:,?\\s\\d{4}\\s?[A-Z]{2}(?:\\s[A-Z][\\p{L}-]+)?)?';

interface PiiRule {
  type: string;
  pattern: RegExp;
  valid?: (value: string) => boolean;
}

const RULES: PiiRule[] = [
  { type: 'EMAIL', pattern: /\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b/gi },
  { type: 'IBAN', pattern: /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g, valid: isValidIban },
  { type: 'CARD', pattern: /\b\d(?:[ -]?\d){12,18}\b/g, valid: isLuhnValid },
  { type: 'PHONE', pattern: /(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){6,12}\b/g },
  { type: 'PHONE', pattern: /(?<![\w+])0\d(?:[\s.-]?\d){8,9}\b/g },
  { type: 'ADDRESS', pattern: new RegExp(`(?:${NL_DE_STREET}|${EN_STREET}|${FR_STREET})${POSTCODE_TAIL}`, 'gu') },
];

export function redactPii(text: string): { text: string; found: { type: string; value: string }[] } {
  const spans: { start: number; end: number; type: string; value: string }[] = [];
  for (const rule of RULES) {
    const re = new RegExp(rule.pattern.source, rule.pattern.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = m[0].trim();
      if (rule.valid && !rule.valid(value)) continue;
      const start = m.index;
      const end = start + value.length;
      if (spans.some((s) => start < s.end && s.start < end)) continue;
      spans.push({ start, end, type: rule.type, value });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const numbering = new Map<string, string>();
  const counters = new Map<string, number>();
  const found: { type: string; value: string }[] = [];
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    const key = span.type + '\u0000' + span.value.replace(/\s+/g, '').toLowerCase();
    let placeholder = numbering.get(key);
    if (!placeholder) {
      const n = (counters.get(span.type) ?? 0) + 1;
      counters.set(span.type, n);
      placeholder = `[${span.type}_${n}]`;
      numbering.set(key, placeholder);
      found.push({ type: span.type.toLowerCase(), value: span.value });
    }
    out += text.slice(cursor, span.start) + placeholder;
    cursor = span.end;
  }
  return { text: out + text.slice(cursor), found };
}
