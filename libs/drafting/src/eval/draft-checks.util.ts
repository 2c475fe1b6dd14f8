import { detectLanguage } from '@draftdesk/triage';
import { detectRegister } from '../drafting/register.util';
import { alreadySaid } from '../drafting/repetition.util';
import type { DraftScenario } from './draft-scenario.schema';

export interface DraftOutcome {
  language: string;
  intent: string;
  decision: string;
  reasons: string[];
  draft: string | null;
}

export interface CheckResult {
  check: string;
  passed: boolean;
  detail?: string;
}

const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, ' ');
// A greeting, a sign-off or a bare link said again is no repeated answer; only paragraphs with substance count.
const MIN_ANSWER_LENGTH = 60;
const answerParagraphs = (text: string, boilerplate: string[]) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => withoutLinks(p).trim().length >= MIN_ANSWER_LENGTH && !boilerplate.some((b) => b && p.includes(b)));

/** Every check a scenario asks for, each with a verdict and, when it failed, why. Pure: the eval and its spec share it. */
export function checkDraft(
  expect: DraftScenario['expect'],
  outcome: DraftOutcome,
  earlierReplies: string[],
  boilerplate: string[] = [],
): CheckResult[] {
  const draft = outcome.draft ?? '';
  const results: CheckResult[] = [];
  const add = (check: string, passed: boolean, detail: string) =>
    results.push(passed ? { check, passed } : { check, passed, detail });
  if (expect.language) {
    const detected = detectLanguage(withoutLinks(draft)).language;
    add('language', detected === expect.language, `reply detected as ${detected}`);
  }
  if (expect.register) {
    const detected = detectRegister(withoutLinks(draft), expect.language ?? outcome.language);
    add('register', detected === expect.register, `reply reads as ${detected ?? 'neither'}`);
  }
  if (expect.intent) add('intent', expect.intent.includes(outcome.intent), `triage said ${outcome.intent}`);
  if (expect.decision)
    add(
      'decision',
      (expect.decision as string[]).includes(outcome.decision),
      `decision ${outcome.decision} (${outcome.reasons.join(', ')})`,
    );
  if (expect.reasons) {
    const missing = expect.reasons.filter((r) => !outcome.reasons.includes(r));
    add('reasons', missing.length === 0, `missing ${missing.join(', ')}`);
  }
  if (expect.facts) {
    const missing = expect.facts.filter((f) => !draft.includes(f));
    add('facts', outcome.draft !== null && missing.length === 0, `missing ${missing.join(' | ')}`);
  }
  if (expect.forbidden) {
    const found = expect.forbidden.filter((f) => draft.toLowerCase().includes(f.toLowerCase()));
    add('forbidden', found.length === 0, `contains ${found.join(' | ')}`);
  }
  if (expect.maxLength) add('length', draft.length <= expect.maxLength, `${draft.length} characters`);
  if (expect.noRepeat) {
    const repeated = answerParagraphs(draft, boilerplate).filter((p) => alreadySaid(p, earlierReplies));
    add('no_repeat', repeated.length === 0, `repeats: ${repeated.map((p) => p.slice(0, 50)).join(' | ')}`);
  }
  if (expect.sameLanguageLinks) {
    const foreign = (draft.match(/https?:\/\/\S+/g) ?? []).filter(
      (u) => /\/(en|nl|de|fr)\//.test(u) && !u.includes(`/${expect.language ?? outcome.language}/`),
    );
    add('links', foreign.length === 0, `links ${foreign.join(' ')}`);
  }
  return results;
}
