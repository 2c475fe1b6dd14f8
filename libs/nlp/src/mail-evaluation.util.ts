import { expectedCalibrationError, Prediction } from './calibration.util';
import { TriageInput, TriageResult } from './intents.constants';

export interface MailCase {
  id?: string;
  subject?: string;
  text: string;
  intent: string;
  language: string;
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
  errors: { id?: string; expected: string; got: string; confidence: number; kind: 'intent' | 'language' }[];
}

/** Triage of whole customer mails, as the service sees them: intent, language and how honest the confidence is. */
export function evaluateMails(cases: MailCase[], triage: (input: TriageInput) => TriageResult): MailReport {
  const predictions: Prediction[] = [];
  const perLanguage: MailReport['perLanguage'] = {};
  const errors: MailReport['errors'] = [];
  let languageCorrect = 0;
  let withAsks = 0;
  for (const c of cases) {
    const result = triage({ text: c.text, subject: c.subject });
    predictions.push({ gold: c.intent, predicted: result.intent, confidence: result.confidence });
    if (result.asks?.length) withAsks++;
    const row = (perLanguage[c.language] ??= { mails: 0, intentCorrect: 0, languageCorrect: 0 });
    row.mails++;
    if (result.intent === c.intent) row.intentCorrect++;
    else errors.push({ id: c.id, expected: c.intent, got: result.intent, confidence: result.confidence, kind: 'intent' });
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
    errors,
  };
}
