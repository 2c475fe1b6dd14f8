import { INTENTS } from '@draftdesk/contracts';
import { generateExamples } from './generate';

describe('generateExamples', () => {
  const examples = generateExamples();

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(generateExamples(undefined, { seed: 5, perIntent: 20 }))).toBe(
      JSON.stringify(generateExamples(undefined, { seed: 5, perIntent: 20 })),
    );
  });

  it.each(['en', 'nl'])('covers every intent in %s with at least 80 examples', (language) => {
    for (const intent of INTENTS) {
      const count = examples.filter((e) => e.language === language && e.intent === intent).length;
      expect({ intent, enough: count >= 80 || (intent === 'other' && count >= 30) }).toEqual({ intent, enough: true });
    }
  });

  it('leaves no unfilled slot and no duplicate text within an intent', () => {
    expect(examples.filter((e) => /\{[a-z]+\d?\}/.test(e.text))).toEqual([]);
    const keys = examples.map((e) => `${e.language}|${e.intent}|${e.text.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(['en', 'nl', 'de', 'fr'])(
    'writes whole %s emails for every intent: greeting, request, sign-off and signature',
    (language) => {
      for (const intent of INTENTS) {
        const mails = examples.filter(
          (e) => e.language === language && e.intent === intent && e.text.split('\n').length >= 4,
        );
        expect({ intent, enough: mails.length >= 30 }).toEqual({ intent, enough: true });
      }
    },
  );

  it('only uses known intents', () => {
    expect(examples.filter((e) => !INTENTS.includes(e.intent))).toEqual([]);
  });
});
