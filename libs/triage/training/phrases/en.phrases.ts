import { join } from 'path';
import { readJson } from '../data-files';
import { IntentPhrases } from '../phrase.types';

// English phrasing written for draftdesk. `verbs` are infinitive phrases slotted into the request frames
// of generate.ts; `sentences` stand alone; `keywords` are what people type into a chat box.
// The phrases per intent: en.json.
export const EN = readJson<Record<string, IntentPhrases>>(join(__dirname, 'en.json'));
