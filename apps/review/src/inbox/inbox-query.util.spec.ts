import { decodeCursor, encodeCursor, inboxQuerySchema, searchQuery } from './inbox-query.util';

describe('inbox query', () => {
  it.each([
    ['waar is mijn bestelling', 'waar:* & is:* & mijn:* & bestelling:*'],
    ['  Parcel!! ', 'parcel:*'],
    ["it's & broken | !x :*", 'it:* & s:* & broken:* & x:*'],
    ['café über', 'café:* & über:*'],
    ['', null],
    ['%_&|!', null],
  ])('searches %j as %j', (q, expected) => {
    expect(searchQuery(q)).toBe(expected);
  });

  it('gives back the cursor it gave out, and refuses any other', () => {
    const cursor = { a: '2026-12-01 18:00:00.123456+00', i: '3693b535-8381-48ec-8fe9-0cc3ae955829' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(
      decodeCursor(Buffer.from('{"a":"yesterday","i":"3693b535-8381-48ec-8fe9-0cc3ae955829"}').toString('base64url')),
    ).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":"2026-12-01","i":"x"}').toString('base64url'))).toBeNull();
  });

  it('defaults to every conversation, 25 a page, and caps a page at 100', () => {
    expect(inboxQuerySchema.parse({})).toEqual({ view: 'all', limit: 25 });
    expect(inboxQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
    expect(inboxQuerySchema.safeParse({ sort: 'name' }).success).toBe(false);
  });
});
