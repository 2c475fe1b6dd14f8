import { IntentPrediction, IntentScore } from './triage.types';

// A confident sentence-level intent that differs from the message's primary one is a further ask. The bar is high:
// context sentences ("I ordered a bike last week") must not turn into questions the customer never asked.
export const ASK_CONFIDENCE = 0.75;
const MIN_WORDS = 3;

// Sentence ends, line breaks and semicolons; "and" inside a sentence is left alone, it joins objects more often
// than requests ("my order and the invoice").
const CLAUSE_BREAK = /(?<=[.!?])\s+|\n+|;\s*/;

/** Sentences and clauses of a request long enough to carry an intent of their own. */
export function splitClauses(text: string): string[] {
  return text
    .split(CLAUSE_BREAK)
    .map((clause) => (clause ?? '').trim())
    .filter((clause) => clause.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= MIN_WORDS);
}

/** Confident sentence-level intents of a request, in the order the customer wrote them. */
function clauseIntents(request: string, predict: (text: string) => IntentScore, minConfidence: number): IntentScore[] {
  const clauses = splitClauses(request);
  if (clauses.length < 2) return [];
  const found: IntentScore[] = [];
  for (const clause of clauses) {
    const { intent, confidence } = predict(clause);
    if (intent === 'other' || confidence < minConfidence || found.some((f) => f.intent === intent)) continue;
    found.push({ intent, confidence });
  }
  return found;
}

/** Further intents of a request beside `primary`, in the order the customer wrote them. */
export function furtherAsks(
  request: string,
  primary: string,
  predict: (text: string) => IntentScore,
  minConfidence = ASK_CONFIDENCE,
): string[] {
  return clauseIntents(request, predict, minConfidence)
    .map((f) => f.intent)
    .filter((intent) => intent !== primary);
}

/**
 * The primary intent and the further asks of a request. Two questions in one mail blur the prediction over the whole
 * text into something neither sentence asked, or the later one; then the first understood sentence is the primary ask.
 */
export function readAsks(
  request: string,
  whole: IntentPrediction,
  predict: (text: string) => IntentScore,
  minConfidence = ASK_CONFIDENCE,
): { primary: IntentPrediction; asks: string[] } {
  const found = clauseIntents(request, predict, minConfidence);
  const agrees = found.some((f) => f.intent === whole.intent);
  // Several understood questions: the customer's first one leads, as a person answering would take them in order.
  const firstLeads = found.length >= 2 || (found.length === 1 && !agrees && whole.confidence < BLURRED_BELOW);
  const primary: IntentPrediction = firstLeads ? { ...found[0], alternatives: whole.alternatives } : whole;
  return { primary, asks: found.map((f) => f.intent).filter((intent) => intent !== primary.intent) };
}

// Below this the whole-text prediction is unsure enough that a confident sentence is the better reading.
const BLURRED_BELOW = 0.6;
