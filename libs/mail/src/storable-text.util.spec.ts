import { storableDeep, storableText } from './storable-text.util';

describe('storableText', () => {
  it.each([
    ['plain text stays', 'Waar blijft mijn pakket?', 'Waar blijft mijn pakket?'],
    ['NUL is dropped', 'a\u0000b\u0000', 'ab'],
    ['a lone high surrogate becomes U+FFFD', 'x\uD83Dy', 'x\uFFFDy'],
    ['a lone low surrogate becomes U+FFFD', '\uDE00z', '\uFFFDz'],
    ['a surrogate pair (emoji) stays', 'ok \uD83D\uDE00', 'ok \uD83D\uDE00'],
    ['a high surrogate at the end', 'end\uD800', 'end\uFFFD'],
    ['other control characters stay', 'tab\there\x1b', 'tab\there\x1b'],
  ])('%s', (_, input, expected) => {
    expect(storableText(input)).toBe(expected);
  });
});

describe('storableDeep', () => {
  it('cleans strings in nested objects, arrays and keys, and leaves buffers and numbers alone', () => {
    const content = Buffer.from([0, 1, 2]);
    const untouched = { size: 3, content, none: null };
    const cleaned = storableDeep({
      subject: 'a\u0000',
      to: [{ name: '\uD800' }],
      headers: { 'x-\u0000k': 'v' },
      ...untouched,
    });
    expect(cleaned).toEqual({ subject: 'a', to: [{ name: '\uFFFD' }], headers: { 'x-k': 'v' }, ...untouched });
    expect(cleaned.content).toBe(content);
  });
});
