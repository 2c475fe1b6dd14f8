import { join } from 'path';
import { readJson } from '../data-files';
import { LanguageData } from '../phrase.types';

// Dutch phrasing written for draftdesk; verb phrases end in the infinitive so they fit "ik wil …",
// "hoe kan ik …?" and, with "te" placed by the generator, "is het mogelijk om … te …?".
// The data, nl.json: request frames, greetings, closings, slot fillers and the phrases per intent.
export const NL = readJson<LanguageData>(join(__dirname, 'nl.json'));
