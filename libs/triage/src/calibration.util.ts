export interface Prediction {
  gold: string;
  predicted: string;
  confidence: number;
}

/** Expected calibration error over equal-width confidence bins. */
export function expectedCalibrationError(predictions: Prediction[], bins = 10): number {
  if (!predictions.length) return 0;
  const count = new Array<number>(bins).fill(0);
  const correct = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  for (const p of predictions) {
    const b = Math.min(bins - 1, Math.floor(p.confidence * bins));
    count[b]++;
    confidence[b] += p.confidence;
    if (p.gold === p.predicted) correct[b]++;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b]) ece += (count[b] / predictions.length) * Math.abs(correct[b] / count[b] - confidence[b] / count[b]);
  }
  return ece;
}
