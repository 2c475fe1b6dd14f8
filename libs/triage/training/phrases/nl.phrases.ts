import { join } from 'path';
import { readJson } from '../data-files';
import { IntentPhrases } from '../phrase.types';

// Dutch phrasing written for draftdesk; verb phrases end in the infinitive so they fit "ik wil …",
// "hoe kan ik …?" and, with "te" placed by the generator, "is het mogelijk om … te …?".
// The phrases per intent: nl.json.
export const NL = readJson<Record<string, IntentPhrases>>(join(__dirname, 'nl.json'));
