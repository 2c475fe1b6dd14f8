// Runs every evaluation of the embedded NLP engine and writes the figures to bench/results/:
//   node scripts/run-ts.js scripts/eval/nlp-all.ts
// The Bitext corpus is read from $DRAFTDESK_SHARED_DATA (default ../shared/data beside the repository).
import { run as evaluate } from '../../apps/cli/src/commands/eval.command';

async function main(): Promise<number> {
  const runs: string[][] = [
    ['language'],
    ['pii'],
    ['intents', '--json', 'bench/results/eval-intents.json'],
    ['intents', '--dataset', 'libs/triage/training/intent-eval.jsonl', '--json', 'bench/results/eval-intents-own.json'],
    ['intents', '--cv', '5', '--json', 'bench/results/eval-intents-cv5.json'],
  ];
  let worst = 0;
  for (const argv of runs) {
    process.stdout.write(`\n=== draftdesk eval ${argv.join(' ')}\n`);
    worst = Math.max(worst, await evaluate(argv));
  }
  return worst;
}

main().then((code) => process.exit(code));
