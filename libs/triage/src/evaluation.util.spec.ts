import { crossValidate, summarise } from './evaluation.util';

describe('summarise', () => {
  it('computes accuracy, macro-F1 and confusions', () => {
    const report = summarise([
      { gold: 'a', predicted: 'a', confidence: 0.9 },
      { gold: 'a', predicted: 'b', confidence: 0.6 },
      { gold: 'b', predicted: 'b', confidence: 0.8 },
      { gold: 'b', predicted: 'b', confidence: 0.7 },
    ]);
    expect(report.accuracy).toBe(0.75);
    // a: P=1 R=0.5 F1=2/3; b: P=2/3 R=1 F1=0.8
    expect(report.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2, 10);
    expect(report.confusions).toEqual([{ gold: 'a', predicted: 'b', count: 1 }]);
  });
});

describe('crossValidate', () => {
  it('tests every example exactly once with models that never saw it', () => {
    const examples = [];
    for (let i = 0; i < 30; i++) {
      examples.push({ text: `where is parcel number ${i} today`, intent: 'track_order' });
      examples.push({ text: `refund my money for item ${i} now`, intent: 'get_refund' });
    }
    const report = crossValidate(examples, 5, { seed: 1 });
    expect(report.examples).toBe(60);
    expect(report.accuracy).toBeGreaterThan(0.95);
  });
});
