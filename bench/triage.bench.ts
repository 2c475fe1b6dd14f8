/**
 * Triage throughput: `draftdesk triage --jsonl` over the Bitext file, spawned as a person runs it (start-up, model
 * load, JSON lines in and out), beside the raw intent model's predict-only rate and the in-process full triage rate,
 * measured in the same run on the same texts.
 *
 *   npm run build && node scripts/run-ts.js bench/triage.bench.ts [--rounds 3]
 *
 * Reads Bitext from $DRAFTDESK_SHARED_DATA (default ../shared/data); writes bench/results/triage.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { EmbeddedTriageEngine, loadDefaultModel, readCsvExamples } from '@draftdesk/triage';

const root = resolve(__dirname, '..');
const dataDir = process.env.DRAFTDESK_SHARED_DATA ?? resolve(root, '..', 'shared', 'data');
const bitext = join(
  dataDir,
  'bitext-customer-support',
  'data',
  'train',
  'Bitext_Sample_Customer_Support_Training_Dataset.csv',
);
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;

interface CliRound {
  messages: number;
  wallSeconds: number;
  messagesPerSecond: number;
  /** From the first output line to the last: the rate once the model is loaded. */
  steadyMessagesPerSecond: number;
  firstLineMs: number;
}

function progress(message: string): void {
  process.stderr.write(`[triage.bench] ${message}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function cliRound(input: string, expected: number): Promise<CliRound> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [join(root, 'bin', 'draftdesk.js'), 'triage', '--jsonl'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let lines = 0;
  let firstAt = 0n;
  let lastAt = 0n;
  let ids: unknown[] = [];
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const part of parts) {
      if (!part) continue;
      if (!firstAt) firstAt = process.hrtime.bigint();
      lines++;
      if (ids.length < 3) ids.push(JSON.parse(part).id);
    }
    lastAt = process.hrtime.bigint();
  });
  child.stdin.end(input);
  const code = await new Promise<number | null>((done) => child.once('close', done));
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0 || lines !== expected)
    throw new Error(`triage --jsonl exited ${code} after ${lines}/${expected} lines`);
  if (ids.join() !== '0,1,2') throw new Error(`output out of order: ${ids.join()}`);
  ids = [];
  const steadySeconds = Number(lastAt - firstAt) / 1e9;
  return {
    messages: lines,
    wallSeconds: round(wallSeconds, 3),
    messagesPerSecond: Math.round(lines / wallSeconds),
    steadyMessagesPerSecond: Math.round((lines - 1) / steadySeconds),
    firstLineMs: Math.round(Number(firstAt - started) / 1e6),
  };
}

function timed(texts: string[], fn: (text: string) => unknown): number {
  const started = process.hrtime.bigint();
  for (const text of texts) fn(text);
  return texts.length / (Number(process.hrtime.bigint() - started) / 1e9);
}

function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

async function main(): Promise<void> {
  if (!existsSync(bitext)) throw new Error(`Bitext not found at ${bitext}; set DRAFTDESK_SHARED_DATA`);
  if (!existsSync(join(root, 'dist', '.build-stamp'))) throw new Error('dist/ not built; run npm run build first');
  const texts = readCsvExamples(bitext, 'instruction', 'intent').map((e) => e.text);
  const input = texts.map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n';
  progress(`${texts.length} Bitext messages, ${rounds} rounds`);

  const model = loadDefaultModel();
  const engine = new EmbeddedTriageEngine(model);
  timed(texts.slice(0, 500), (t) => engine.triage({ text: t })); // warm-up: JIT and tinyld's tables
  const predictOnly: number[] = [];
  const fullTriage: number[] = [];
  const cli: CliRound[] = [];
  for (let r = 0; r < rounds; r++) {
    predictOnly.push(timed(texts, (t) => model.predict(t)));
    fullTriage.push(timed(texts, (t) => engine.triage({ text: t })));
    cli.push(await cliRound(input, texts.length));
    progress(
      `round ${r + 1}/${rounds}: predict ${Math.round(predictOnly[r])}/s, triage ${Math.round(fullTriage[r])}/s, cli ${cli[r].messagesPerSecond}/s (steady ${cli[r].steadyMessagesPerSecond}/s)`,
    );
  }
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', node: process.version },
    dataset: {
      file: 'bitext-customer-support/…/Bitext_Sample_Customer_Support_Training_Dataset.csv',
      messages: texts.length,
    },
    rounds,
    medians: {
      cliTriageJsonlMessagesPerSecond: median(cli.map((c) => c.messagesPerSecond)),
      cliTriageJsonlSteadyMessagesPerSecond: median(cli.map((c) => c.steadyMessagesPerSecond)),
      cliStartupToFirstLineMs: median(cli.map((c) => c.firstLineMs)),
      inProcessTriageMessagesPerSecond: Math.round(median(fullTriage)),
      modelPredictOnlyMessagesPerSecond: Math.round(median(predictOnly)),
    },
    cli,
    predictOnly: predictOnly.map((v) => Math.round(v)),
    inProcessTriage: fullTriage.map((v) => Math.round(v)),
  };
  const m = report.medians;
  process.stdout.write(
    [
      `triage throughput on ${texts.length} Bitext messages (median of ${rounds})`,
      `  draftdesk triage --jsonl, end to end   ${m.cliTriageJsonlMessagesPerSecond} messages/s (start-up to first line ${m.cliStartupToFirstLineMs} ms)`,
      `  draftdesk triage --jsonl, steady        ${m.cliTriageJsonlSteadyMessagesPerSecond} messages/s`,
      `  in-process full triage()               ${m.inProcessTriageMessagesPerSecond} messages/s`,
      `  intent model predict() only            ${m.modelPredictOnlyMessagesPerSecond} messages/s`,
      '',
    ].join('\n'),
  );
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'triage.json'), `${JSON.stringify(report, null, 2)}\n`);
  progress('figures written to bench/results/triage.json');
}

main().catch((error: Error) => {
  process.stderr.write(`triage.bench: ${error.message}\n`);
  process.exitCode = 1;
});
