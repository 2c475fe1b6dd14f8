import { join } from 'path';
import { readJson } from '../data-files';
import { LanguageData } from '../phrase.types';

// French phrasing written for draftdesk; verb phrases are infinitives ("annuler ma commande").
// The data, fr.json: request frames, greetings, closings, slot fillers and the phrases per intent.
export const FR = readJson<LanguageData>(join(__dirname, 'fr.json'));
