import { IntentExample, IntentModel, IntentTrainOptions } from './intent.model';
import { expectedCalibrationError, Prediction } from './calibration.util';
import { createRandom, shuffleInPlace } from './random.util';

export { expectedCalibrationError } from './calibration.util';
export type { Prediction } from './calibration.util';

export interface IntentRow {
  intent: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  examples: number;
  accuracy: number;
  macroF1: number;
  ece: number;
  perIntent: IntentRow[];
  confusions: { gold: string; predicted: string; count: number }[];
  messagesPerSecond?: number;
}

export function summarise(predictions: Prediction[], topConfusions = 15): EvaluationReport {
  const labels = [...new Set(predictions.flatMap((p) => [p.gold, p.predicted]))].sort();
  const perIntent: IntentRow[] = [];
  for (const intent of labels) {
    const tp = predictions.filter((p) => p.gold === intent && p.predicted === intent).length;
    const goldCount = predictions.filter((p) => p.gold === intent).length;
    const predictedCount = predictions.filter((p) => p.predicted === intent).length;
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = goldCount ? tp / goldCount : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perIntent.push({ intent, precision, recall, f1, support: goldCount });
  }
  const confusionCounts = new Map<string, number>();
  for (const p of predictions) {
    if (p.gold !== p.predicted)
      confusionCounts.set(
        `${p.gold}\u0000${p.predicted}`,
        (confusionCounts.get(`${p.gold}\u0000${p.predicted}`) ?? 0) + 1,
      );
  }
  const confusions = [...confusionCounts]
    .map(([key, count]) => {
      const [gold, predicted] = key.split('\u0000');
      return { gold, predicted, count };
    })
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted))
    .slice(0, topConfusions);
  // Macro-F1 over the intents that occur in the gold labels: predicting an absent label costs precision
  // elsewhere but should not add a zero row of its own.
  const goldRows = perIntent.filter((r) => r.support > 0);
  return {
    examples: predictions.length,
    accuracy: predictions.length ? predictions.filter((p) => p.gold === p.predicted).length / predictions.length : 0,
    macroF1: goldRows.length ? goldRows.reduce((s, r) => s + r.f1, 0) / goldRows.length : 0,
    ece: expectedCalibrationError(predictions),
    perIntent,
    confusions,
  };
}

export function predictAll(
  model: IntentModel,
  examples: IntentExample[],
  onProgress?: (done: number) => void,
): { predictions: Prediction[]; messagesPerSecond: number } {
  const predictions: Prediction[] = [];
  const started = process.hrtime.bigint();
  examples.forEach((e, i) => {
    const p = model.predict(e.text);
    predictions.push({ gold: e.intent, predicted: p.intent, confidence: p.confidence });
    if (onProgress && (i % 200 === 199 || i === examples.length - 1)) onProgress(i + 1);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { predictions, messagesPerSecond: seconds > 0 ? examples.length / seconds : Infinity };
}

export function evaluateModel(
  model: IntentModel,
  examples: IntentExample[],
  onProgress?: (done: number) => void,
): EvaluationReport {
  const { predictions, messagesPerSecond } = predictAll(model, examples, onProgress);
  return { ...summarise(predictions), messagesPerSecond };
}

/** Stratified k-fold cross-validation: each fold is tested by a model trained on the other k-1. */
export function crossValidate(
  examples: IntentExample[],
  folds: number,
  options: IntentTrainOptions & { onFold?: (fold: number, done: number) => void } = {},
): EvaluationReport {
  const random = createRandom((options.seed ?? 42) ^ 0xf01d);
  const foldOf = new Array<number>(examples.length);
  const byIntent = new Map<string, number[]>();
  examples.forEach((e, i) => {
    const group = byIntent.get(e.intent);
    if (group) group.push(i);
    else byIntent.set(e.intent, [i]);
  });
  let offset = 0;
  for (const intent of [...byIntent.keys()].sort()) {
    const indices = shuffleInPlace(byIntent.get(intent)!, random);
    indices.forEach((index, j) => (foldOf[index] = (j + offset) % folds));
    offset += indices.length;
  }
  const predictions: Prediction[] = [];
  let throughput = 0;
  for (let fold = 0; fold < folds; fold++) {
    const train = examples.filter((_, i) => foldOf[i] !== fold);
    const test = examples.filter((_, i) => foldOf[i] === fold);
    const model = IntentModel.train(train, options);
    const result = predictAll(model, test, (done) => options.onFold?.(fold, done));
    predictions.push(...result.predictions);
    throughput += result.messagesPerSecond / folds;
  }
  return { ...summarise(predictions), messagesPerSecond: throughput };
}
