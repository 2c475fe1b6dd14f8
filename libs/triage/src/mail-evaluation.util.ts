import { ORDER_INTENTS } from '@draftdesk/contracts';
import { expectedCalibrationError, Prediction } from './calibration.util';
import { TriageInput, TriageResult } from './triage.types';

export interface MailCase {
  id?: string;
  subject?: string;
  text: string;
  intent: string;
  language: string;
}

/** What a shop lets go out without a person: the auto-send intents and the confidence each needs (`default` for the rest). */
export interface AutoSendPolicy {
  intents: readonly string[];
  minConfidence: { default: number } & Record<string, number>;
}

/** Intents whose answer depends on the customer's order: such a mail counts only when it names an order number. */
const ORDER_BOUND_INTENTS = new Set([...ORDER_INTENTS, 'payment_issue']);

export interface AutoSendReadiness {
  /**
   * Mails whose labelled intent the policy auto-sends ("in scope"; every mail of the split asks one thing, so each is
   * "clear") and, when that intent depends on an order, that name an order number triage finds.
   */
  clearInScope: number;
  /** Of those, triaged as their labelled intent with at least the policy's confidence for it. */
  reachingThreshold: number;
  share: number;
  /** Any mail, under a policy that auto-sends every intent at its threshold: a wrong intent confident enough to go out. */
  wrongIntentAutoSends: { id?: string; expected: string; got: string; confidence: number }[];
}

export interface MailReport {
  mails: number;
  intentAccuracy: number;
  languageAccuracy: number;
  ece: number;
  /** Share of mails whose intent was right with confidence above 0.9: what auto-send can act on. */
  confidentCorrect: number;
  /** Share of mails whose intent was wrong with confidence above 0.9: what auto-send would get wrong. */
  confidentWrong: number;
  /** Share of mails given further asks; every evaluation mail asks one thing, so each of these is a false ask. */
  withFurtherAsks: number;
  perLanguage: Record<string, { mails: number; intentCorrect: number; languageCorrect: number }>;
  autoSend?: AutoSendReadiness;
  errors: { id?: string; expected: string; got: string; confidence: number; kind: 'intent' | 'language' }[];
}

/** Triage of whole customer mails, as the service sees them: intent, language and how honest the confidence is. */
export function evaluateMails(
  cases: MailCase[],
  triage: (input: TriageInput) => TriageResult,
  policy?: AutoSendPolicy,
): MailReport {
  const predictions: Prediction[] = [];
  const perLanguage: MailReport['perLanguage'] = {};
  const errors: MailReport['errors'] = [];
  let languageCorrect = 0;
  let withAsks = 0;
  const threshold = (intent: string) => policy?.minConfidence[intent] ?? policy?.minConfidence.default ?? 1;
  const readiness: AutoSendReadiness = { clearInScope: 0, reachingThreshold: 0, share: 0, wrongIntentAutoSends: [] };
  for (const c of cases) {
    const result = triage({ text: c.text, subject: c.subject });
    if (result.intent !== c.intent && result.confidence >= threshold(result.intent)) {
      readiness.wrongIntentAutoSends.push({
        id: c.id,
        expected: c.intent,
        got: result.intent,
        confidence: result.confidence,
      });
    }
    const orderFound = !ORDER_BOUND_INTENTS.has(c.intent) || result.entities.some((e) => e.type === 'order_number');
    if (policy?.intents.includes(c.intent) && orderFound) {
      readiness.clearInScope++;
      if (result.intent === c.intent && result.confidence >= threshold(c.intent)) readiness.reachingThreshold++;
    }
    predictions.push({ gold: c.intent, predicted: result.intent, confidence: result.confidence });
    if (result.asks?.length) withAsks++;
    const row = (perLanguage[c.language] ??= { mails: 0, intentCorrect: 0, languageCorrect: 0 });
    row.mails++;
    if (result.intent === c.intent) row.intentCorrect++;
    else
      errors.push({ id: c.id, expected: c.intent, got: result.intent, confidence: result.confidence, kind: 'intent' });
    if (result.language === c.language) {
      row.languageCorrect++;
      languageCorrect++;
    } else errors.push({ id: c.id, expected: c.language, got: result.language, confidence: 0, kind: 'language' });
  }
  const n = Math.max(1, cases.length);
  const correct = predictions.filter((p) => p.gold === p.predicted);
  return {
    mails: cases.length,
    intentAccuracy: correct.length / n,
    languageAccuracy: languageCorrect / n,
    ece: expectedCalibrationError(predictions),
    confidentCorrect: correct.filter((p) => p.confidence > 0.9).length / n,
    confidentWrong: predictions.filter((p) => p.gold !== p.predicted && p.confidence > 0.9).length / n,
    withFurtherAsks: withAsks / n,
    perLanguage,
    ...(policy
      ? { autoSend: { ...readiness, share: readiness.reachingThreshold / Math.max(1, readiness.clearInScope) } }
      : {}),
    errors,
  };
}
