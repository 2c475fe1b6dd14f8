import { hasRole, resolveMembership } from './principal';
import { hashSecret, isLoopbackHost, newSecret, parseCookies, safeEqual, serializeCookie } from './token.util';

describe('secrets and cookies', () => {
  it('makes distinct secrets and stable hashes', () => {
    const a = newSecret('ddt_');
    expect(a).toMatch(/^ddt_[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(newSecret());
    expect(hashSecret(a)).toBe(hashSecret(a));
    expect(hashSecret(a)).not.toBe(hashSecret(`${a}x`));
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });

  it.each([
    ['dd_session=abc; other=1', { dd_session: 'abc', other: '1' }],
    ['a=%20b; a=second', { a: ' b' }],
    ['broken=%E0%A4%A; ok=1', { ok: '1' }],
    ['', {}],
  ])('parses %p', (header, expected) => expect(parseCookies(header)).toEqual(expected));

  it.each([
    [true, 'dd_session=v; Path=/; Max-Age=60; SameSite=Lax; HttpOnly; Secure'],
    [false, 'dd_session=v; Path=/; Max-Age=60; SameSite=Lax; HttpOnly'],
  ])('serialises with secure=%p', (secure, expected) => {
    expect(serializeCookie('dd_session', 'v', { maxAgeSeconds: 60, secure })).toBe(expected);
  });

  it.each([
    ['127.0.0.1', true],
    ['localhost', true],
    ['::1', true],
    ['review.shop.example', false],
    [undefined, false],
  ])('loopback %p → %p', (host, expected) => expect(isLoopbackHost(host)).toBe(expected));
});

describe('roles and shops', () => {
  it.each([
    ['agent', 'agent', true],
    ['agent', 'lead', false],
    ['lead', 'agent', true],
    ['admin', 'lead', true],
    ['lead', 'admin', false],
  ] as const)('%s has at least %s: %p', (role, atLeast, expected) => expect(hasRole(role, atLeast)).toBe(expected));

  const memberships = [
    { shopId: 'a', role: 'agent' as const },
    { shopId: 'default', role: 'lead' as const },
  ];
  it.each([
    ['a', 'a'],
    ['default', 'default'],
    ['elsewhere', null],
    [undefined, 'default'],
  ])('requested shop %p → %p', (requested, expected) => {
    expect(resolveMembership(memberships, requested)?.shopId ?? null).toBe(expected);
  });
});
