import { addressKey, clientAddress, lockoutSeconds } from './sign-in-limits.util';

describe('lockoutSeconds', () => {
  it.each([
    [1, 30, 300, 30],
    [2, 30, 300, 60],
    [3, 30, 300, 120],
    [4, 30, 300, 240],
    [5, 30, 300, 300],
    [50, 30, 300, 300],
    [5000, 30, 300, 300],
    [0, 30, 300, 30],
    [3, 1, 3, 3],
  ])('lockout %i with base %i s and cap %i s lasts %i s', (strike, base, max, expected) => {
    expect(lockoutSeconds(strike, base, max)).toBe(expected);
  });
});

describe('clientAddress', () => {
  it.each([
    ['no proxy: the socket', '203.0.113.7', undefined, 0, '203.0.113.7'],
    ['no proxy: a forged header is ignored', '203.0.113.7', '198.51.100.1', 0, '203.0.113.7'],
    ['one proxy: what it appended', '10.0.0.2', '198.51.100.1', 1, '198.51.100.1'],
    ['one proxy: the client’s own entries are ignored', '10.0.0.2', '1.1.1.1, 198.51.100.1', 1, '198.51.100.1'],
    ['two proxies', '10.0.0.2', '1.1.1.1, 198.51.100.1, 10.0.0.9', 2, '198.51.100.1'],
    ['more proxies trusted than present: the leftmost', '10.0.0.2', '198.51.100.1', 3, '198.51.100.1'],
    ['repeated headers', '10.0.0.2', ['1.1.1.1', '198.51.100.1'], 1, '198.51.100.1'],
    ['IPv4-mapped IPv6', '::ffff:127.0.0.1', undefined, 0, '127.0.0.1'],
    ['IPv6 per /64', '2001:db8:1:2:aaaa::1', undefined, 0, '2001:db8:1:2::/64'],
    ['IPv6 with zeros', '2001:0db8:0000:0002::1', undefined, 0, '2001:db8:0:2::/64'],
    ['IPv6 loopback', '::1', undefined, 0, '0:0:0:0::/64'],
    ['no socket address', undefined, undefined, 0, 'unknown'],
  ])('%s', (_name, remote, forwarded, proxies, expected) => {
    expect(clientAddress(remote, forwarded, proxies)).toBe(expected);
  });

  it('keeps junk from a proxy header short', () => {
    expect(addressKey('x'.repeat(1000))).toHaveLength(100);
  });
});
