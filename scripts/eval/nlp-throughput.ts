// Single-core throughput of the shipped intent model and of the whole triage engine, after warm-up:
//   node scripts/run-ts.js scripts/eval/nlp-throughput.ts [messages.jsonl]
import { EmbeddedTriageEngine, loadDefaultModel, readJsonlExamples } from '@draftdesk/triage';

const file = process.argv[2] ?? 'libs/triage/training/intent-eval.jsonl';
const texts = readJsonlExamples(file).map((e) => e.text);
const model = loadDefaultModel();
const engine = new EmbeddedTriageEngine(model);
const rounds = 20000;

function measure(label: string, fn: (text: string) => unknown): void {
  for (let i = 0; i < 2000; i++) fn(texts[i % texts.length]);
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn(texts[i % texts.length]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${label.padEnd(16)} ${Math.round(rounds / seconds)} messages/s\n`);
}

const words = texts.reduce((sum, t) => sum + t.split(/\s+/).length, 0) / texts.length;
process.stdout.write(`${texts.length} distinct messages from ${file}, ${words.toFixed(1)} words on average\n`);
measure('intent model', (text) => model.predict(text));
measure('full triage', (text) => engine.triage({ text }));
