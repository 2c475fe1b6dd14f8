import { join } from 'path';
import { readJson } from '../data-files';
import { LanguageData } from '../phrase.types';

// English phrasing written for draftdesk. `verbs` are infinitive phrases slotted into the request frames
// of generate.ts; `sentences` stand alone; `keywords` are what people type into a chat box.
// The data, en.json: request frames, greetings, closings, slot fillers and the phrases per intent.
export const EN = readJson<LanguageData>(join(__dirname, 'en.json'));
