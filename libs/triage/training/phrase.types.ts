export interface IntentPhrases {
  /** Infinitive phrases ("cancel my order" / "mijn bestelling annuleren") for the language's request frames. */
  verbs: string[];
  /** Complete messages. */
  sentences: string[];
  /** Keyword-only chat lines. */
  keywords: string[];
}

export interface LanguagePack {
  language: string;
  phrases: Record<string, IntentPhrases>;
  /** Request frames; `{v}` is a verb phrase, `{vte}` the same with the language's "to" particle placed. */
  frames: string[];
  greetings: string[];
  closings: string[];
  /** Turns a verb phrase into its `{vte}` form (Dutch "te", German "zu"). */
  teForm?: (verbPhrase: string) => string;
  /** Turns a verb phrase into its gerund (`{ving}`: "cancel my order" → "canceling my order"). */
  gerund?: (verbPhrase: string) => string;
  slots: Record<string, string[]>;
}

/** A language's phrasing as its data file (phrases/<language>.json) holds it; `slots` adds to the shared ones. */
export type LanguageData = Pick<LanguagePack, 'phrases' | 'frames' | 'greetings' | 'closings' | 'slots'>;
