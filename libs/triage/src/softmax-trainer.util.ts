import { createRandom, shuffleInPlace } from './random.util';

// Multinomial logistic regression over sparse, L2-normalised feature vectors, trained with AdaGrad SGD.
// Pure maths: callers turn text into SparseVector and labels into class indices.

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

export interface SoftmaxParameters {
  weights: Float32Array; // numFeatures × numClasses, row-major by feature
  bias: Float32Array;
}

export interface SoftmaxTrainOptions {
  seed: number;
  epochs: number;
  learningRate: number;
  l2: number;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxTrainOptions = { seed: 42, epochs: 12, learningRate: 0.4, l2: 1e-6 };

export function computeLogits(params: SoftmaxParameters, numClasses: number, x: SparseVector, out: Float64Array): void {
  for (let c = 0; c < numClasses; c++) out[c] = params.bias[c];
  for (let k = 0; k < x.index.length; k++) {
    const base = x.index[k] * numClasses;
    const v = x.value[k];
    for (let c = 0; c < numClasses; c++) out[c] += params.weights[base + c] * v;
  }
}

export function softmaxInPlace(logits: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < logits.length; c++) max = Math.max(max, logits[c] / temperature);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    logits[c] = Math.exp(logits[c] / temperature - max);
    sum += logits[c];
  }
  for (let c = 0; c < logits.length; c++) logits[c] /= sum;
  return logits;
}

export function trainSoftmax(
  vectors: SparseVector[],
  labels: number[],
  numFeatures: number,
  numClasses: number,
  options: SoftmaxTrainOptions = DEFAULT_SOFTMAX_OPTIONS,
  onEpoch?: (epoch: number, loss: number) => void,
): SoftmaxParameters {
  const weights = new Float64Array(numFeatures * numClasses);
  const bias = new Float64Array(numClasses);
  const gradSquares = new Float64Array(numFeatures * numClasses).fill(1e-8);
  const biasSquares = new Float64Array(numClasses).fill(1e-8);
  const random = createRandom(options.seed);
  const order = vectors.map((_, i) => i);
  const probs = new Float64Array(numClasses);

  // Balance classes so an intent with more generated examples does not dominate the prior.
  const classCounts = new Float64Array(numClasses);
  for (const label of labels) classCounts[label]++;
  const classWeight = Array.from(classCounts, (n) => (n > 0 ? labels.length / (numClasses * n) : 0));

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    let loss = 0;
    for (const i of order) {
      const x = vectors[i];
      const y = labels[i];
      for (let c = 0; c < numClasses; c++) probs[c] = bias[c];
      for (let k = 0; k < x.index.length; k++) {
        const base = x.index[k] * numClasses;
        const v = x.value[k];
        for (let c = 0; c < numClasses; c++) probs[c] += weights[base + c] * v;
      }
      softmaxInPlace(probs);
      loss -= Math.log(Math.max(probs[y], 1e-12)) * classWeight[y];
      const w = classWeight[y];
      for (let c = 0; c < numClasses; c++) {
        const g = (probs[c] - (c === y ? 1 : 0)) * w;
        biasSquares[c] += g * g;
        bias[c] -= (options.learningRate * g) / Math.sqrt(biasSquares[c]);
      }
      for (let k = 0; k < x.index.length; k++) {
        const base = x.index[k] * numClasses;
        const v = x.value[k];
        for (let c = 0; c < numClasses; c++) {
          const g = (probs[c] - (c === y ? 1 : 0)) * w * v + options.l2 * weights[base + c];
          gradSquares[base + c] += g * g;
          weights[base + c] -= (options.learningRate * g) / Math.sqrt(gradSquares[base + c]);
        }
      }
    }
    onEpoch?.(epoch + 1, loss / Math.max(1, vectors.length));
  }
  return { weights: Float32Array.from(weights), bias: Float32Array.from(bias) };
}

/** Temperature that minimises the negative log-likelihood of held-out logits (grid + refinement). */
export function fitTemperature(logits: Float64Array[], labels: number[]): number {
  const nll = (t: number): number => {
    let total = 0;
    for (let i = 0; i < logits.length; i++) {
      const p = softmaxInPlace(Float64Array.from(logits[i]), t);
      total -= Math.log(Math.max(p[labels[i]], 1e-12));
    }
    return total;
  };
  if (logits.length === 0) return 1;
  let best = 1;
  let bestLoss = nll(1);
  for (let t = 0.05; t <= 10; t *= 1.1) {
    const loss = nll(t);
    if (loss < bestLoss) [best, bestLoss] = [t, loss];
  }
  for (let step = best * 0.05, round = 0; round < 20; round++, step /= 2) {
    for (const t of [best - step, best + step]) {
      if (t <= 0.01) continue;
      const loss = nll(t);
      if (loss < bestLoss) [best, bestLoss] = [t, loss];
    }
  }
  return Math.round(best * 1e6) / 1e6;
}
