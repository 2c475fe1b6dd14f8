import { readFileSync } from 'fs';
import { join } from 'path';
import { parse as parseYaml } from 'yaml';
import { AutoSendPolicy, evaluateMails, MailCase } from '../src/mail-evaluation.util';
import { EmbeddedTriageEngine } from '../src/triage.engine';
import { buildMailEval } from './mail-eval.build';

// The shipped model on whole customer mails it never saw (mail-eval.requests.ts is not training data).
describe('triage of whole mails (libs/triage/evaluation/mail-eval.jsonl)', () => {
  const cases: MailCase[] = readFileSync(join(__dirname, 'mail-eval.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as MailCase);

  it('is the file the builder writes', () => {
    expect(cases).toEqual(buildMailEval());
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.language))).toEqual(new Set(['nl', 'en', 'de', 'fr']));
  });

  // The sample shop's policy: its auto-send intents and the confidence each needs.
  const { autoSend } = parseYaml(readFileSync(join(__dirname, '../../../samples/shop/policy.yaml'), 'utf8')) as {
    autoSend: AutoSendPolicy;
  };

  it('gets the intent of at least 92% and the language of every mail right, with honest confidence', () => {
    const engine = new EmbeddedTriageEngine();
    const report = evaluateMails(cases, (input) => engine.triage(input), autoSend);
    process.stdout.write(
      `mail-eval ${JSON.stringify({ mails: report.mails, intent: report.intentAccuracy, language: report.languageAccuracy, ece: report.ece, confidentCorrect: report.confidentCorrect, confidentWrong: report.confidentWrong, falseAsks: report.withFurtherAsks })}\n`,
    );
    expect(report.languageAccuracy).toBe(1);
    expect(report.intentAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(report.ece).toBeLessThanOrEqual(0.05);
    // Each of these mails asks one thing: a further ask found in one of them is an invented question.
    expect(report.withFurtherAsks).toBeLessThanOrEqual(0.05);
  });

  it('lets at least 80% of clear in-scope questions reach the threshold, and auto-sends no wrong intent', () => {
    const engine = new EmbeddedTriageEngine();
    const { autoSend: readiness } = evaluateMails(cases, (input) => engine.triage(input), autoSend);
    process.stdout.write(`mail-eval auto-send ${JSON.stringify(readiness)}\n`);
    expect(readiness!.clearInScope).toBeGreaterThanOrEqual(80);
    expect(readiness!.share).toBeGreaterThanOrEqual(0.8);
    // A policy that auto-sends every intent at its threshold: nothing on the split would go out under a wrong intent.
    expect(readiness!.wrongIntentAutoSends).toEqual([]);
  });
});
