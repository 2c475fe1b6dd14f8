import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { IntentModel, readCsvExamples } from '@draftdesk/nlp';

const USAGE = 'usage: draftdesk train --from <file.csv> [--out model.json] [--text-column text] [--label-column intent] [--seed 42]';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** `draftdesk train --from <file.csv>`: trains an intent model on a labelled CSV and writes its JSON. */
export async function run(argv: string[]): Promise<number> {
  const from = option(argv, '--from');
  if (argv.includes('--help') || argv.includes('-h') || !from) {
    process.stderr.write(`${USAGE}\n`);
    return from || argv.includes('--help') || argv.includes('-h') ? 0 : 2;
  }
  const out = resolve(option(argv, '--out') ?? 'intent-model.json');
  const log = (message: string): boolean => process.stderr.write(`[train] ${message}\n`);
  let examples;
  try {
    examples = readCsvExamples(from, option(argv, '--text-column') ?? 'text', option(argv, '--label-column') ?? 'intent');
  } catch (error) {
    process.stderr.write(`draftdesk train: ${(error as Error).message}\n`);
    return 2;
  }
  if (new Set(examples.map((e) => e.intent)).size < 2) {
    process.stderr.write(`draftdesk train: ${from} needs at least two different intents\n`);
    return 2;
  }
  log(`read ${examples.length} examples from ${from}`);
  const model = IntentModel.train(examples, { seed: Number(option(argv, '--seed') ?? 42), onProgress: log });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(model.toJSON())}\n`);
  log(`wrote ${out}`);
  return 0;
}
