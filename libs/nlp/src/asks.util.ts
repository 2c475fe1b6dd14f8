import { IntentScore } from './intents.constants';

// A confident sentence-level intent that differs from the message's primary one is a further ask. The bar is high:
// context sentences ("I ordered a bike last week") must not turn into questions the customer never asked.
export const ASK_CONFIDENCE = 0.8;
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

/** Further intents of a request beside `primary`, in the order the customer wrote them. */
export function furtherAsks(request: string, primary: string, predict: (text: string) => IntentScore, minConfidence = ASK_CONFIDENCE): string[] {
  const clauses = splitClauses(request);
  if (clauses.length < 2) return [];
  const asks: string[] = [];
  for (const clause of clauses) {
    const { intent, confidence } = predict(clause);
    if (intent === primary || intent === 'other' || confidence < minConfidence || asks.includes(intent)) continue;
    asks.push(intent);
  }
  return asks;
}
