import { bearerTokenMatches } from './bearer-token.util';

describe('bearerTokenMatches', () => {
  const token = 'a-sufficiently-long-admin-token';
  it.each([
    [`Bearer ${token}`, true],
    [`Bearer ${token}x`, false],
    [`Bearer ${token.slice(0, -1)}`, false],
    [token, false],
    [`Basic ${token}`, false],
    ['Bearer ', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => expect(bearerTokenMatches(header, token)).toBe(expected));
});
