import { join } from 'path';
import { readJson } from '../data-files';
import { LanguageData } from '../phrase.types';

// German phrasing written for draftdesk; verb phrases end in the infinitive ("meine Bestellung stornieren").
// The data, de.json: request frames, greetings, closings, slot fillers and the phrases per intent.
export const DE = readJson<LanguageData>(join(__dirname, 'de.json'));
