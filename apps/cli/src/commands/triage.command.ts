import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { MailParseError, parseMail } from '@draftdesk/mail';
import { EmbeddedTriageEngine, IntentModel, TriageResult } from '@draftdesk/nlp';

const USAGE = 'usage: draftdesk triage <file.eml> | --text "…" [--subject "…"] | --jsonl  (JSON lines {"id","text"} on stdin)  [--model model.json]';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function triageJsonLines(engine: EmbeddedTriageEngine): Promise<number> {
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
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let row: { id?: unknown; text?: unknown; subject?: unknown; html?: unknown };
    try {
      row = JSON.parse(line);
    } catch {
      failures++;
      emit({ id: null, line: lineNumber, error: 'invalid JSON' });
      continue;
    }
    // One output line per input line, in order, so callers can zip results with their inputs.
    if (typeof row.text !== 'string') {
      failures++;
      emit({ id: row.id ?? null, error: 'text must be a string' });
      continue;
    }
    const result = engine.triage({
      text: row.text,
      subject: typeof row.subject === 'string' ? row.subject : undefined,
      html: typeof row.html === 'string' ? row.html : null,
    });
    emit({ id: row.id ?? null, ...result });
  }
  flush();
  return failures ? 1 : 0;
}

/** `draftdesk triage`: runs the embedded triage engine on an email file, a text, or JSON lines. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const modelPath = option(argv, '--model');
  let engine: EmbeddedTriageEngine;
  try {
    engine = new EmbeddedTriageEngine(modelPath ? IntentModel.fromJSON(JSON.parse(await readFile(modelPath, 'utf8'))) : undefined);
  } catch (error) {
    process.stderr.write(`draftdesk triage: cannot load model ${modelPath}: ${(error as Error).message}\n`);
    return 2;
  }
  if (argv.includes('--jsonl')) return triageJsonLines(engine);

  const text = option(argv, '--text');
  let result: TriageResult;
  if (text !== undefined) {
    result = engine.triage({ text, subject: option(argv, '--subject') });
  } else {
    const file = argv.find((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--model' && argv[i - 1] !== '--subject');
    if (!file) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    let raw: Buffer;
    try {
      raw = await readFile(file);
    } catch (error) {
      process.stderr.write(`draftdesk triage: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return 2;
    }
    try {
      const mail = await parseMail(raw);
      result = engine.triage({ text: mail.newText, subject: mail.subject, html: mail.html, automated: mail.automated.automated });
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
