// Rebuilds libs/triage/model/intent-model.json from libs/triage/training/intents.jsonl (the project's own
// examples only). Usage: node scripts/run-ts.js libs/triage/src/train.main.ts [--in file.jsonl] [--out model.json] [--epochs n]
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { readJsonlExamples } from './dataset.util';
import { IntentModel, MODEL_EPOCHS } from './intent.model';

export function serialiseModel(model: IntentModel): string {
  return JSON.stringify(model.toJSON()) + '\n';
}

export function trainFromFile(input: string, output: string, log: (m: string) => void, epochs?: number): IntentModel {
  const started = Date.now();
  const examples = readJsonlExamples(input);
  log(`read ${examples.length} examples from ${input}`);
  const model = IntentModel.train(examples, { seed: 42, epochs, onProgress: log });
  mkdirSync(dirname(output), { recursive: true });
  const json = serialiseModel(model);
  writeFileSync(output, json);
  log(
    `wrote ${output} (${(json.length / 1024).toFixed(0)} KiB, temperature ${model.temperature}) in ${Date.now() - started} ms`,
  );
  return model;
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const root = resolve(__dirname, '..');
  const argv = process.argv.slice(2);
  trainFromFile(
    argValue(argv, '--in') ?? join(root, 'training', 'intents.jsonl'),
    argValue(argv, '--out') ?? join(root, 'model', 'intent-model.json'),
    (m) => process.stderr.write(`[train] ${m}\n`),
    Number(argValue(argv, '--epochs') ?? MODEL_EPOCHS),
  );
}
