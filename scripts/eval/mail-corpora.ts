// Evaluates libs/mail against the external corpora in shared/data (evaluation only: nothing here is copied
// into the repository or used to tune a shipped model).
//   node scripts/run-ts.js scripts/eval/mail-corpora.ts [--data <dir>] [--out <file>]
// Data dir: --data, else $DRAFTDESK_SHARED_DATA, else <repo>/../shared/data. Progress goes to stderr, figures
// to bench/results/mail-corpora.json (and a summary to stdout).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { evaluateMailCorpora, resolveDataDir } from './mail-corpora.lib';

const REPO = resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const argValue = (name: string) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const OUT = resolve(argValue('--out') ?? join(REPO, 'bench', 'results', 'mail-corpora.json'));
const log = (message: string) => process.stderr.write(`${message}\n`);

async function main() {
  const dataDir = resolveDataDir(argValue('--data'));
  log(`data: ${dataDir}`);
  const result = await evaluateMailCorpora(dataDir, log);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  const { robustness, stalwartAgreement: stalwart, replyStripping: replies, automatedDetection: automated } = result;
  const summary = {
    messages: robustness.total.messages,
    parsed: robustness.total.parsed,
    quarantined: robustness.total.quarantined,
    crashes: robustness.total.crashes,
    overTimeLimit: robustness.total.overTimeLimit.length,
    stalwart: {
      subject: stalwart.subject.rate,
      from: stalwart.from.rate,
      to: stalwart.to.rate,
      text: stalwart.text.rate,
    },
    replyExactMatch: replies.overall,
    automatedRecall: automated.recall.rate,
    automatedRecallAfterReview: automated.recallAfterReview.rate,
    humanFalsePositiveRate: automated.falsePositive.rate,
    humanFalsePositiveRateAfterReview: automated.falsePositiveAfterReview.rate,
    messagesPerSecond: result.throughput.messagesPerSecond,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\nwritten ${relative(REPO, OUT)}\n`);
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
