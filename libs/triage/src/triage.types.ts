export type Sentiment = 'negative' | 'neutral' | 'positive';
export type Urgency = 'low' | 'normal' | 'high' | 'urgent';

export interface Entity {
  type: 'order_number' | 'tracking_number' | 'email' | 'phone' | 'iban' | 'amount' | 'date' | 'url';
  value: string;
  carrier?: string;
  currency?: string;
  start: number;
  end: number;
}

export interface IntentScore {
  intent: string;
  confidence: number;
}

export interface IntentPrediction extends IntentScore {
  alternatives: IntentScore[];
}

export interface TriageResult {
  language: string;
  intent: string;
  confidence: number;
  alternatives: IntentScore[];
  sentiment: Sentiment;
  urgency: Urgency;
  reasons: string[];
  entities: Entity[];
  flags: string[];
  /** How the customer addresses the shop, when the message shows it (u/Sie/vous/Dear Sir versus je/du/tu/Hi). */
  register?: 'formal' | 'informal';
  /** Further asks (intents) beside `intent`, each from a sentence of the request the model is confident about. */
  asks?: string[];
  /** Which engine produced the intent, sentiment and urgency (entities and safety flags are always the embedded rules'). */
  engine: 'embedded' | 'openai';
}

export interface TriageInput {
  text: string;
  subject?: string;
  html?: string | null;
  automated?: boolean;
  orderNumberPatterns?: RegExp[];
  /** Languages the shop serves (ISO 639-1); the detected language is one of them or `und`. Default nl, en, de, fr. */
  languages?: readonly string[];
}
