import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { MailParseError, parseMail } from '@draftdesk/mail';
import { EmbeddedTriageEngine, TriageResult } from '@draftdesk/nlp';

const USAGE = 'usage: draftdesk triage <file.eml> | --text "…" [--subject "…"] | --jsonl  (JSON lines {"id","text"} on stdin)';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function triageJsonLines(engine: EmbeddedTriageEngine): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let failures = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let row: { id?: unknown; text?: unknown; subject?: unknown; html?: unknown };
    try {
      row = JSON.parse(line);
    } catch {
      failures++;
      process.stdout.write(`${JSON.stringify({ id: null, line: lineNumber, error: 'invalid JSON' })}\n`);
      continue;
    }
    // One output line per input line, in order, so callers can zip results with their inputs.
    if (typeof row.text !== 'string') {
      failures++;
      process.stdout.write(`${JSON.stringify({ id: row.id ?? null, error: 'text must be a string' })}\n`);
      continue;
    }
    const result = engine.triage({
      text: row.text,
      subject: typeof row.subject === 'string' ? row.subject : undefined,
      html: typeof row.html === 'string' ? row.html : null,
    });
    process.stdout.write(`${JSON.stringify({ id: row.id ?? null, ...result })}\n`);
  }
  return failures ? 1 : 0;
}

/** `draftdesk triage`: runs the embedded triage engine on an email file, a text, or JSON lines. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const engine = new EmbeddedTriageEngine();
  if (argv.includes('--jsonl')) return triageJsonLines(engine);

  const text = option(argv, '--text');
  let result: TriageResult;
  if (text !== undefined) {
    result = engine.triage({ text, subject: option(argv, '--subject') });
  } else {
    const file = argv.find((arg) => !arg.startsWith('-'));
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
