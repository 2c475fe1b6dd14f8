import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { IntentModel } from './intent.model';

export const DEFAULT_MODEL_FILE = 'intent-model.json';

const cache = new Map<string, IntentModel>();

function candidatePaths(): string[] {
  // Source layout (ts-node/swc, jest) first; a compiled dist/ tree does not copy the model, so fall
  // back to the working tree the process was started from.
  return [
    resolve(__dirname, '..', 'model', DEFAULT_MODEL_FILE),
    join(process.cwd(), 'libs', 'triage', 'model', DEFAULT_MODEL_FILE),
  ];
}

/** Loads and caches the shipped intent model (libs/triage/model/intent-model.json) or the one at `modelPath`. */
export function loadDefaultModel(modelPath?: string): IntentModel {
  const path = modelPath ?? candidatePaths().find((p) => existsSync(p));
  if (!path) throw new Error(`intent model not found (looked in ${candidatePaths().join(', ')}); run npm run train`);
  let model = cache.get(path);
  if (!model) {
    model = IntentModel.fromJSON(JSON.parse(readFileSync(path, 'utf8')));
    cache.set(path, model);
  }
  return model;
}

/** libs/triage/training/intents.jsonl, the project's own examples the shipped model was trained on. */
export function projectTrainingSetPath(): string {
  const candidates = [
    resolve(__dirname, '..', 'training', 'intents.jsonl'),
    join(process.cwd(), 'libs', 'triage', 'training', 'intents.jsonl'),
  ];
  const path = candidates.find((p) => existsSync(p));
  if (!path) throw new Error(`training set not found (looked in ${candidates.join(', ')})`);
  return path;
}
