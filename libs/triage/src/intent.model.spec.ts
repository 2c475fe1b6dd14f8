import { IntentModel } from './intent.model';
import { expectedCalibrationError } from './evaluation.util';

const TOY: { text: string; intent: string }[] = [];
const phrases: Record<string, string[]> = {
  cancel_order: [
    'cancel my order',
    'please cancel order 1234',
    'I want to cancel the purchase',
    'bestelling annuleren',
    'cancel it now',
    'stop my order',
  ],
  track_order: [
    'where is my package',
    'track my order',
    'status of order 1234',
    'waar blijft mijn pakket',
    'has my parcel shipped',
    'track and trace please',
  ],
  get_refund: [
    'I want my money back',
    'refund me',
    'request a refund',
    'geld terug graag',
    'please reimburse me',
    'give me a refund',
  ],
};
for (const [intent, texts] of Object.entries(phrases)) {
  for (const text of texts)
    for (const suffix of ['', ' please', ' thanks', '!', ' asap']) TOY.push({ text: text + suffix, intent });
}

describe('IntentModel', () => {
  const model = IntentModel.train(TOY, { seed: 7 });

  it.each([
    ['cancel order 98765 please', 'cancel_order'],
    ['where is my parcel?', 'track_order'],
    ['I want a refund', 'get_refund'],
  ])('predicts %s → %s', (text, intent) => {
    const prediction = model.predict(text);
    expect(prediction.intent).toBe(intent);
    expect(prediction.confidence).toBeGreaterThan(0.34);
    expect(prediction.alternatives[0].intent).toBe(intent);
    expect(prediction.alternatives).toHaveLength(3);
  });

  it('returns probabilities that sum to one', () => {
    const sum = model.probabilities('something unrelated').reduce((s, p) => s + p, 0);
    expect(sum).toBeCloseTo(1, 6);
  });

  it('survives a JSON round trip with identical predictions', () => {
    const copy = IntentModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const text of ['cancel', 'refund pls', 'waar is mijn bestelling']) {
      expect(copy.predict(text)).toEqual(model.predict(text));
    }
  });

  it('trains reproducibly: same data and seed give byte-identical JSON', () => {
    expect(JSON.stringify(IntentModel.train(TOY, { seed: 7 }).toJSON())).toBe(JSON.stringify(model.toJSON()));
  });

  it('rejects documents that are not intent models', () => {
    expect(() => IntentModel.fromJSON({ format: 'other' })).toThrow(/not a draftdesk-intent-model/);
  });
});

describe('expectedCalibrationError', () => {
  it.each([
    [[{ gold: 'a', predicted: 'a', confidence: 1 }], 0],
    [[{ gold: 'a', predicted: 'b', confidence: 0.95 }], 0.95],
    [
      [
        { gold: 'a', predicted: 'a', confidence: 0.75 },
        { gold: 'a', predicted: 'b', confidence: 0.75 },
      ],
      0.25,
    ],
  ])('case %#', (predictions, ece) => expect(expectedCalibrationError(predictions)).toBeCloseTo(ece, 6));
});
