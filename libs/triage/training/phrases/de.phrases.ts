import { join } from 'path';
import { readJson } from '../data-files';
import { IntentPhrases } from '../phrase.types';

// German phrasing written for draftdesk; verb phrases end in the infinitive ("meine Bestellung stornieren").
// The phrases per intent: de.json.
export const DE = readJson<Record<string, IntentPhrases>>(join(__dirname, 'de.json'));
