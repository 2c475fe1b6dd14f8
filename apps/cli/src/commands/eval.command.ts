import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '@draftdesk/config';
import { z } from 'zod';
import {
  crossValidate,
  evaluateLanguage,
  evaluateModel,
  evaluatePii,
  EmbeddedTriageEngine,
  evaluateMails,
  EvaluationReport,
  IntentModel,
  loadDefaultModel,
  readCsvExamples,
  readJsonlExamples,
} from '@draftdesk/triage';
import { loadShop, sampleShopDir } from '@draftdesk/shop';
import { EVAL_DRAFTS_USAGE, run as evalDrafts } from './eval-drafts.command';

/** The repository, found from the sample shop's place in it (from the sources and from dist/ alike). */
const REPO_ROOT = resolve(sampleShopDir(), '..', '..');
const TRIAGE_TRAINING = join(REPO_ROOT, 'libs', 'triage', 'training');
const DEFAULT_DATASET = 'bitext-customer-support/data/train/Bitext_Sample_Customer_Support_Training_Dataset.csv';
const USAGE = [
  'usage: draftdesk eval intents [--dataset <csv|jsonl>] [--text-column instruction] [--label-column intent] [--cv 5] [--model model.json] [--json out.json]',
  '       draftdesk eval language [--file libs/triage/training/language-eval.jsonl] [--json out.json]',
  '       draftdesk eval pii [--file libs/triage/training/pii-eval.jsonl] [--json out.json]',
  '       draftdesk eval mails [--file libs/triage/evaluation/mail-eval.jsonl] [--model model.json] [--shop samples/shop] [--json out.json]',
  EVAL_DRAFTS_USAGE.replace('usage: ', '       '),
].join('\n');

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function sharedData(): string {
  // Test corpora live beside the repository (shared/), never inside it.
  const config = loadConfig({ DRAFTDESK_SHARED_DATA: z.string().optional() });
  return config.DRAFTDESK_SHARED_DATA ?? resolve(REPO_ROOT, '..', 'shared', 'data');
}

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  process.stderr.write(`figures written to ${path}\n`);
}

function pct(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

function printIntentReport(report: EvaluationReport, title: string): void {
  const out: string[] = [
    title,
    `examples       ${report.examples}`,
    `accuracy       ${pct(report.accuracy)}`,
    `macro-F1       ${pct(report.macroF1)}`,
  ];
  out.push(
    `ECE (10 bins)  ${report.ece.toFixed(4)}`,
    `throughput     ${Math.round(report.messagesPerSecond ?? 0)} messages/s`,
    '',
  );
  out.push(
    `${'intent'.padEnd(26)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)} ${'n'.padStart(5)}`,
  );
  for (const r of report.perIntent) {
    out.push(
      `${r.intent.padEnd(26)} ${r.precision.toFixed(3).padStart(6)} ${r.recall.toFixed(3).padStart(6)} ${r.f1.toFixed(3).padStart(6)} ${String(r.support).padStart(5)}`,
    );
  }
  out.push('', 'most common confusions (gold → predicted):');
  for (const c of report.confusions) out.push(`  ${String(c.count).padStart(4)}  ${c.gold} → ${c.predicted}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function evalIntents(argv: string[]): Promise<number> {
  const dataset = option(argv, '--dataset') ?? join(sharedData(), DEFAULT_DATASET);
  const examples = dataset.endsWith('.jsonl')
    ? readJsonlExamples(dataset)
    : readCsvExamples(
        dataset,
        option(argv, '--text-column') ?? 'instruction',
        option(argv, '--label-column') ?? 'intent',
      );
  const folds = option(argv, '--cv') ? Number(option(argv, '--cv')) : 0;
  if (folds === 1 || folds < 0 || !Number.isInteger(folds)) {
    process.stderr.write('draftdesk eval: --cv needs an integer of at least 2\n');
    return 2;
  }
  const bar = new SingleBar({
    stream: process.stderr,
    format: '{task} [{bar}] {value}/{total} {percentage}%',
    hideCursor: true,
  });
  let report: EvaluationReport;
  let mode: string;
  if (folds >= 2) {
    mode = `${folds}-fold cross-validation on ${dataset}`;
    bar.start(examples.length, 0, { task: 'cross-validation' });
    let doneBefore = 0;
    let lastFold = 0;
    let lastDone = 0;
    report = crossValidate(examples, folds, {
      seed: 42,
      onFold: (fold, done) => {
        if (fold !== lastFold) [doneBefore, lastFold] = [doneBefore + lastDone, fold];
        lastDone = done;
        bar.update(doneBefore + done, { task: `fold ${fold + 1}/${folds}` });
      },
    });
  } else {
    const modelPath = option(argv, '--model');
    const model = modelPath ? IntentModel.fromJSON(JSON.parse(readFileSync(modelPath, 'utf8'))) : loadDefaultModel();
    mode = `shipped model${modelPath ? ` ${modelPath}` : ''} on ${dataset}`;
    bar.start(examples.length, 0, { task: 'predicting' });
    report = evaluateModel(model, examples, (done) => bar.update(done));
  }
  bar.stop();
  printIntentReport(report, mode);
  writeJson(resolve(option(argv, '--json') ?? join(REPO_ROOT, 'bench', 'results', 'eval-intents.json')), {
    mode,
    dataset,
    folds: folds || null,
    ...report,
  });
  return 0;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

async function evalLanguage(argv: string[]): Promise<number> {
  const file = option(argv, '--file') ?? join(TRIAGE_TRAINING, 'language-eval.jsonl');
  const report = evaluateLanguage(readJsonl(file));
  const lines = [`language detection on ${file}`, `examples  ${report.examples}`, `accuracy  ${pct(report.accuracy)}`];
  for (const [lang, r] of Object.entries(report.perLanguage)) lines.push(`  ${lang}  ${r.correct}/${r.total}`);
  for (const e of report.errors) lines.push(`  miss: expected ${e.expected}, got ${e.got}: ${e.text}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  writeJson(resolve(option(argv, '--json') ?? join(REPO_ROOT, 'bench', 'results', 'eval-language.json')), report);
  return 0;
}

async function evalPii(argv: string[]): Promise<number> {
  const file = option(argv, '--file') ?? join(TRIAGE_TRAINING, 'pii-eval.jsonl');
  const report = evaluatePii(readJsonl(file));
  const lines = [
    `PII redaction on ${file}`,
    `items     ${report.items}`,
    `recall    ${pct(report.recall)}`,
    `extra redactions ${report.falsePositives}`,
  ];
  for (const [type, r] of Object.entries(report.perType)) lines.push(`  ${type.padEnd(8)} ${r.found}/${r.total}`);
  for (const m of report.missed) lines.push(`  missed ${m.type} "${m.value}" in: ${m.text}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  writeJson(resolve(option(argv, '--json') ?? join(REPO_ROOT, 'bench', 'results', 'eval-pii.json')), report);
  return 0;
}

async function evalMails(argv: string[]): Promise<number> {
  const file = option(argv, '--file') ?? join(REPO_ROOT, 'libs', 'triage', 'evaluation', 'mail-eval.jsonl');
  const modelPath = option(argv, '--model');
  const engine = new EmbeddedTriageEngine(
    modelPath ? IntentModel.fromJSON(JSON.parse(readFileSync(modelPath, 'utf8'))) : undefined,
  );
  // The shop's auto-send policy: which clear questions may go out on their own, and at what confidence.
  const { autoSend } = loadShop(option(argv, '--shop') ?? sampleShopDir()).policy;
  const min = autoSend.minConfidence;
  const policy = {
    intents: autoSend.intents,
    minConfidence: typeof min === 'number' ? { default: min } : { default: 0.9, ...min },
  };
  const report = evaluateMails(readJsonl(file), (input) => engine.triage(input), policy);
  const readiness = report.autoSend!;
  const lines = [
    `triage of whole mails on ${file}`,
    `mails              ${report.mails}`,
    `intent accuracy    ${pct(report.intentAccuracy)}`,
    `language accuracy  ${pct(report.languageAccuracy)}`,
    `ECE (10 bins)      ${report.ece.toFixed(4)}`,
    `right and > 0.9    ${pct(report.confidentCorrect)}`,
    `wrong and > 0.9    ${pct(report.confidentWrong)}`,
    `false further asks ${pct(report.withFurtherAsks)}`,
    `clear in-scope questions (order found) reaching the policy threshold  ${readiness.reachingThreshold}/${readiness.clearInScope} ${pct(readiness.share)}`,
    `wrong-intent auto-sends, every intent auto-sent at its threshold      ${readiness.wrongIntentAutoSends.length}`,
  ];
  for (const [lang, r] of Object.entries(report.perLanguage))
    lines.push(`  ${lang}  intent ${r.intentCorrect}/${r.mails}  language ${r.languageCorrect}/${r.mails}`);
  for (const w of readiness.wrongIntentAutoSends)
    lines.push(`  would auto-send ${w.id}: expected ${w.expected}, got ${w.got} (${w.confidence.toFixed(2)})`);
  for (const e of report.errors)
    lines.push(
      `  ${e.kind} miss ${e.id}: expected ${e.expected}, got ${e.got}${e.kind === 'intent' ? ` (${e.confidence.toFixed(2)})` : ''}`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
  writeJson(resolve(option(argv, '--json') ?? join(REPO_ROOT, 'bench', 'results', 'eval-mails.json')), {
    file,
    ...report,
  });
  return 0;
}

/** `draftdesk eval intents|language|pii|mails|drafts`: measures the embedded NLP engine and the drafts, and writes the figures as JSON. */
export async function run(argv: string[]): Promise<number> {
  const [target, ...rest] = argv;
  try {
    if (target === 'intents') return await evalIntents(rest);
    if (target === 'language') return await evalLanguage(rest);
    if (target === 'pii') return await evalPii(rest);
    if (target === 'mails') return await evalMails(rest);
    if (target === 'drafts') return await evalDrafts(rest);
  } catch (error) {
    process.stderr.write(`draftdesk eval: ${(error as Error).message}\n`);
    return 2;
  }
  process.stderr.write(`${USAGE}\n`);
  return target === '--help' || target === '-h' ? 0 : 2;
}
