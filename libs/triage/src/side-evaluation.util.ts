import { detectLanguage } from './language.util';
import { redactPii } from './pii.util';

export interface LanguageCase {
  text: string;
  language: string;
}

export interface LanguageReport {
  examples: number;
  accuracy: number;
  perLanguage: Record<string, { total: number; correct: number }>;
  errors: { text: string; expected: string; got: string }[];
}

export function evaluateLanguage(cases: LanguageCase[]): LanguageReport {
  const perLanguage: LanguageReport['perLanguage'] = {};
  const errors: LanguageReport['errors'] = [];
  for (const c of cases) {
    const got = detectLanguage(c.text).language;
    const row = (perLanguage[c.language] ??= { total: 0, correct: 0 });
    row.total++;
    if (got === c.language) row.correct++;
    else errors.push({ text: c.text, expected: c.language, got });
  }
  const correct = Object.values(perLanguage).reduce((s, r) => s + r.correct, 0);
  return { examples: cases.length, accuracy: cases.length ? correct / cases.length : 0, perLanguage, errors };
}

export interface PiiCase {
  text: string;
  pii: { type: string; value: string }[];
}

export interface PiiReport {
  items: number;
  recall: number;
  perType: Record<string, { total: number; found: number }>;
  /** Redacted output still containing text that is not PII-labelled but got replaced is counted here. */
  falsePositives: number;
  missed: { text: string; type: string; value: string }[];
}

/** Recall: a labelled value counts as found when none of its digits/letters survive redaction. */
export function evaluatePii(cases: PiiCase[]): PiiReport {
  const perType: PiiReport['perType'] = {};
  const missed: PiiReport['missed'] = [];
  let falsePositives = 0;
  for (const c of cases) {
    const result = redactPii(c.text);
    for (const item of c.pii) {
      const row = (perType[item.type] ??= { total: 0, found: 0 });
      row.total++;
      if (!result.text.includes(item.value)) row.found++;
      else missed.push({ text: c.text, type: item.type, value: item.value });
    }
    const labelled = c.pii.map((p) => p.value.replace(/\s+/g, ''));
    falsePositives += result.found.filter(
      (f) => !labelled.some((l) => l.includes(f.value.replace(/\s+/g, '')) || f.value.replace(/\s+/g, '').includes(l)),
    ).length;
  }
  const total = Object.values(perType).reduce((s, r) => s + r.total, 0);
  const found = Object.values(perType).reduce((s, r) => s + r.found, 0);
  return { items: total, recall: total ? found / total : 0, perType, falsePositives, missed };
}
