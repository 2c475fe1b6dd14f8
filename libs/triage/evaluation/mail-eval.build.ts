// Writes libs/triage/evaluation/mail-eval.jsonl: the requests of mail-eval.requests.ts as customers send them — email
// with a greeting, a line of context, a sign-off, a signature and sometimes quoted history, or a bare chat line.
// The wrappers here are written for evaluation only and differ from those of the training generator.
// Deterministic. Run: node scripts/run-ts.js libs/triage/evaluation/mail-eval.build.ts
import { join, resolve } from 'path';
import { readJson, writeJsonLines } from '../training/data-files';
import { createRandom } from '../src/random.util';
import { EVAL_REQUESTS } from './mail-eval.requests';

export interface MailEvalCase {
  id: string;
  subject: string;
  text: string;
  intent: string;
  language: string;
}

interface Wrapping {
  formal: { greetings: string[]; signOffs: string[] };
  informal: { greetings: string[]; signOffs: string[] };
  context: string[];
  names: string[];
  subjects: string[];
  quoteHeader: string;
  quoted: string[];
}

/** The wrappers per language (the data: mail-eval.wrapping.json). */
const WRAPPING: Record<string, Wrapping> = readJson(join(__dirname, 'mail-eval.wrapping.json'));

export function buildMailEval(seed = 7): MailEvalCase[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const cases: MailEvalCase[] = [];
  for (const intent of Object.keys(EVAL_REQUESTS)) {
    for (const [language, requests] of Object.entries(EVAL_REQUESTS[intent])) {
      const w = WRAPPING[language];
      requests.forEach((request, i) => {
        const id = `${language}-${intent}-${i + 1}`;
        const shape = random();
        if (shape < 0.2) {
          // A chat line: the request alone, sometimes in lower case.
          cases.push({ id, subject: '', text: random() < 0.5 ? request.toLowerCase() : request, intent, language });
          return;
        }
        const register = random() < 0.5 ? w.formal : w.informal;
        const context = pick(w.context);
        const lines = [
          pick(register.greetings),
          '',
          [context, request].filter(Boolean).join(' '),
          '',
          pick(register.signOffs),
          pick(w.names),
        ];
        if (shape > 0.85) lines.push('', w.quoteHeader, ...w.quoted);
        cases.push({ id, subject: pick(w.subjects), text: lines.join('\n'), intent, language });
      });
    }
  }
  return cases;
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const out = process.argv[2] ?? join(__dirname, 'mail-eval.jsonl');
  const cases = buildMailEval();
  writeJsonLines(out, cases, 'mails');
}
