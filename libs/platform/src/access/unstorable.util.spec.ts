import { findUnstorable, unstorableReason } from './unstorable.util';

describe('unstorableReason', () => {
  it.each([
    ['plain text', 'Waar is mijn pakket?', null],
    ['emoji (a surrogate pair)', 'top 👍', null],
    ['empty', '', null],
    ['NUL inside', 'a\u0000b', /NUL/],
    ['NUL alone', '\u0000', /NUL/],
    ['lone high surrogate at the end', 'abc\ud83d', /surrogate/],
    ['lone low surrogate', '\udc4dxyz', /surrogate/],
    ['two high surrogates', '\ud83d\ud83d\udc4d', /surrogate/],
  ])('%s', (_name, text, expected) => {
    const reason = unstorableReason(text);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});

describe('findUnstorable', () => {
  it.each([
    ['clean body', { note: 'ok', tags: ['a', 'b'], n: 1, x: null }, '', []],
    ['top-level field', { note: 'a\u0000' }, '', ['note']],
    [
      'nested array element',
      { entry: [{ text: { body: 'x' } }, { text: { body: '\u0000' } }] },
      '',
      ['entry.1.text.body'],
    ],
    ['a key with NUL', { 'a\u0000b': 'fine' }, '', ['a\\u0000b']],
    ['a bare string body', '\u0000', '', ['(body)']],
    ['a query parameter given by name', 'x\u0000', 'limit', ['limit']],
    ['several fields, in order', { a: '\u0000', b: 'ok', c: ['\ud800'] }, '', ['a', 'c.0']],
  ])('%s', (_name, value, root, fields) => {
    expect(findUnstorable(value, root).map((f) => f.field)).toEqual(fields);
  });

  it('walks a deeply nested body without exhausting the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorable(deep)).toHaveLength(1);
  });

  it('reports at most 20 fields', () => {
    expect(findUnstorable(Array.from({ length: 100 }, () => '\u0000'))).toHaveLength(20);
  });
});
