import { join } from 'path';
import { readJson } from '../data-files';
import { IntentPhrases } from '../phrase.types';

// French phrasing written for draftdesk; verb phrases are infinitives ("annuler ma commande").
// The phrases per intent: fr.json.
export const FR = readJson<Record<string, IntentPhrases>>(join(__dirname, 'fr.json'));
