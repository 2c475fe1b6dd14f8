import {
  cleanExamples,
  customIntentExamples,
  customIntentProblems,
  parseExamplesFile,
  ShopIntent,
} from './shop-intents.store';

const intent = (overrides: Partial<ShopIntent> = {}): ShopIntent => ({
  intent: 'bike_repair_booking',
  description: 'book a workshop slot',
  examples: ['Kan ik een afspraak maken voor reparatie?'],
  ...overrides,
});

describe('customIntentProblems', () => {
  it.each<[string, ShopIntent, RegExp | null]>([
    ['a valid intent', intent(), null],
    ['upper case', intent({ intent: 'BikeRepair' }), /must be 3–63 of a-z/],
    ['a leading digit', intent({ intent: '1repair' }), /must be 3–63/],
    ['too short', intent({ intent: 'ab' }), /must be 3–63/],
    ['spaces', intent({ intent: 'bike repair' }), /must be 3–63/],
    ['a standard intent', intent({ intent: 'track_order' }), /standard intent/],
    ['other', intent({ intent: 'other' }), /standard intent/],
    ['an object property', intent({ intent: 'constructor' }), /reserved/],
    ['no examples', intent({ examples: [] }), /at least one example/],
    ['too many examples', intent({ examples: Array.from({ length: 1001 }, (_, i) => `example ${i}`) }), /at most 1000/],
    ['an overlong example', intent({ examples: ['x'.repeat(2001)] }), /example 1 is longer/],
    ['an overlong description', intent({ description: 'x'.repeat(501) }), /description is longer/],
  ])('%s', (_name, input, problem) => {
    const problems = customIntentProblems(input);
    if (problem) expect(problems.join('; ')).toMatch(problem);
    else expect(problems).toEqual([]);
  });
});

describe('parseExamplesFile', () => {
  it.each<[string, string, string, string[]]>([
    [
      'text: one per line, blanks, comments and duplicates dropped',
      'x.txt',
      '# bike repairs\nMijn fiets is kapot\n\n  mijn fiets is  kapot \nBrakes squeak\r\n',
      ['Mijn fiets is kapot', 'Brakes squeak'],
    ],
    [
      'csv with a text column',
      'x.csv',
      'id,text\n1,"Kan ik langskomen, morgen?"\n2,Repair my bike\n',
      ['Kan ik langskomen, morgen?', 'Repair my bike'],
    ],
    [
      'csv without a header takes the first column',
      'x.CSV',
      'Repair my bike,en\n"Fiets, kapot",nl\n',
      ['Repair my bike', 'Fiets, kapot'],
    ],
    [
      'a byte-order mark is not part of the first example',
      'x.txt',
      '\uFEFFFirst line\nSecond',
      ['First line', 'Second'],
    ],
    ['an empty file', 'x.csv', '', []],
  ])('%s', (_name, file, content, expected) => {
    expect(parseExamplesFile(content, file)).toEqual(expected);
  });
});

describe('customIntentExamples', () => {
  it('labels every example with its intent, each in its own calibration group', () => {
    const examples = customIntentExamples([
      intent({ examples: cleanExamples(['a one', 'a two']) }),
      intent({ intent: 'gift_wrap', examples: ['wrap it'] }),
    ]);
    expect(examples).toEqual([
      { text: 'a one', intent: 'bike_repair_booking', group: 'custom:bike_repair_booking:0' },
      { text: 'a two', intent: 'bike_repair_booking', group: 'custom:bike_repair_booking:1' },
      { text: 'wrap it', intent: 'gift_wrap', group: 'custom:gift_wrap:0' },
    ]);
  });
});
