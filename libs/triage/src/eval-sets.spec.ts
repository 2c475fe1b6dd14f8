// The project's own labelled sets (libs/triage/training/*-eval.jsonl) as acceptance checks in the unit suite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateLanguage, evaluatePii, LanguageCase, PiiCase } from './side-evaluation.util';

function readJsonl<T>(name: string): T[] {
  return readFileSync(join(__dirname, '..', 'training', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

describe('language detection on language-eval.jsonl (short nl/en/de/fr messages)', () => {
  const cases = readJsonl<LanguageCase>('language-eval.jsonl');
  const report = evaluateLanguage(cases);

  it('covers nl, en, de and fr with 5–20-word messages', () => {
    expect(Object.keys(report.perLanguage).sort()).toEqual(['de', 'en', 'fr', 'nl']);
    for (const c of cases) {
      const words = c.text.split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(5);
      expect(words).toBeLessThanOrEqual(20);
    }
  });

  it('is at least 98% accurate overall and at least 95% in each language', () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(0.98);
    for (const row of Object.values(report.perLanguage)) expect(row.correct / row.total).toBeGreaterThanOrEqual(0.95);
  });
});

describe('PII redaction on pii-eval.jsonl', () => {
  const report = evaluatePii(readJsonl<PiiCase>('pii-eval.jsonl'));

  it('redacts at least 95% of the labelled items, with every type represented', () => {
    expect(Object.keys(report.perType)).toEqual(expect.arrayContaining(['email', 'phone', 'iban']));
    expect(report.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('makes few redactions of text that is not personal data', () => {
    expect(report.falsePositives).toBeLessThanOrEqual(Math.ceil(report.items * 0.05));
  });
});
