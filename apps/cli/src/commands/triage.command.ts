import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { EX_CONFIG, loadCommandConfig } from '@draftdesk/config';
import { MailParseError, parseMail } from '@draftdesk/mail';
import {
  EmbeddedTriageEngine,
  InMemoryTokenUsageStore,
  IntentModel,
  LlmTriageEngine,
  TriageInput,
  TriageOptions,
  TriageResult,
} from '@draftdesk/triage';
import { triageEngineConfigSchema, triageOptionsFromConfig } from '../../../triage/src';

const USAGE = [
  'usage: draftdesk triage <file.eml> | --text "…" [--subject "…"] | --jsonl  (JSON lines {"id","text"} on stdin)  [--model model.json]',
  '  The engine is chosen as the triage service chooses it: TRIAGE_ENGINE=openai with OPENAI_API_KEY (OPENAI_BASE_URL,',
  '  OPENAI_MODEL, OPENAI_TIMEOUT_MS, OPENAI_MAX_RETRIES, TRIAGE_LLM_DAILY_TOKENS per run) uses a language model and falls',
  '  back to the embedded engine on any failure; otherwise the embedded engine alone. TRIAGE_LANGUAGES (default nl,en,de,fr)',
  '  lists the languages a message may be detected as (else und).',
].join('\n');

type Triage = (input: TriageInput) => TriageResult | Promise<TriageResult>;

/** How many language-model calls --jsonl keeps in flight; results still leave in input order. */
const LLM_CONCURRENCY = 4;

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function triageJsonLines(triage: Triage): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let failures = 0;
  let lineNumber = 0;
  // Results produced in one turn of the event loop leave in one write: a write per line costs a third of the rate.
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length) process.stdout.write(pending.join(''));
    pending = [];
  };
  const emit = (value: unknown): void => {
    if (!pending.length) setImmediate(flush);
    pending.push(`${JSON.stringify(value)}\n`);
    if (pending.length >= 256) flush();
  };
  // Answers of the language model arrive out of order; they wait here so output stays in input order.
  const inflight: Promise<unknown>[] = [];
  const drain = async (keep: number): Promise<void> => {
    while (inflight.length > keep) emit(await inflight.shift());
  };
  // Synchronous results skip the queue (and the await): the embedded engine's rate depends on it.
  const emitInOrder = (value: unknown): Promise<void> | void => {
    if (!inflight.length && !(value instanceof Promise)) return emit(value);
    inflight.push(Promise.resolve(value));
    return inflight.length >= LLM_CONCURRENCY ? drain(LLM_CONCURRENCY - 1) : undefined;
  };
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let row: { id?: unknown; text?: unknown; subject?: unknown; html?: unknown };
    try {
      row = JSON.parse(line);
    } catch {
      failures++;
      await emitInOrder({ id: null, line: lineNumber, error: 'invalid JSON' });
      continue;
    }
    // One output line per input line, in order, so callers can zip results with their inputs.
    if (typeof row.text !== 'string') {
      failures++;
      await emitInOrder({ id: row.id ?? null, error: 'text must be a string' });
      continue;
    }
    const id = row.id ?? null;
    const result = triage({
      text: row.text,
      subject: typeof row.subject === 'string' ? row.subject : undefined,
      html: typeof row.html === 'string' ? row.html : null,
    });
    const waiting = emitInOrder(
      result instanceof Promise
        ? result.then(
            (r) => ({ id, ...r }),
            (error: Error) => {
              failures++;
              return { id, error: error.message };
            },
          )
        : { id, ...result },
    );
    if (waiting) await waiting;
  }
  await drain(0);
  flush();
  return failures ? 1 : 0;
}

/** The engine the triage service would use with this environment; the budget counts for this one run only. */
function selectEngine(embedded: EmbeddedTriageEngine, options: TriageOptions): Triage {
  const languages = options.languages;
  if (options.engine !== 'openai' || !options.openai) return (input) => embedded.triage({ ...input, languages });
  const llm = new LlmTriageEngine({ ...options.openai, usage: new InMemoryTokenUsageStore(), embedded });
  return (input) => llm.triage({ ...input, languages });
}

/** `draftdesk triage`: triages an email file, a text, or JSON lines with the configured engine. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const modelPath = option(argv, '--model');
  let engine: EmbeddedTriageEngine;
  try {
    engine = new EmbeddedTriageEngine(
      modelPath ? IntentModel.fromJSON(JSON.parse(await readFile(modelPath, 'utf8'))) : undefined,
    );
  } catch (error) {
    process.stderr.write(`draftdesk triage: cannot load model ${modelPath}: ${(error as Error).message}\n`);
    return 2;
  }
  const config = loadCommandConfig('draftdesk triage', triageEngineConfigSchema);
  if (!config) return EX_CONFIG;
  const triage = selectEngine(engine, triageOptionsFromConfig(config));
  if (argv.includes('--jsonl')) return triageJsonLines(triage);

  const text = option(argv, '--text');
  let result: TriageResult;
  if (text !== undefined) {
    result = await triage({ text, subject: option(argv, '--subject') });
  } else {
    const file = argv.find(
      (arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--model' && argv[i - 1] !== '--subject',
    );
    if (!file) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    let raw: Buffer;
    try {
      raw = await readFile(file);
    } catch (error) {
      process.stderr.write(
        `draftdesk triage: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`,
      );
      return 2;
    }
    try {
      const mail = await parseMail(raw);
      result = await triage({
        text: mail.newText,
        subject: mail.subject,
        html: mail.html,
        automated: mail.automated.automated,
      });
    } catch (error) {
      if (error instanceof MailParseError) {
        process.stderr.write(`draftdesk triage: ${file} is not a readable email: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}
