import { isIPv4, isIPv6 } from 'node:net';

/**
 * How long the n-th lockout (1-based) of one key lasts: `base`, doubling with each further lockout, never more
 * than `max`, so that an attacker can slow a person down but never shut them out for longer than a few minutes.
 */
export function lockoutSeconds(strike: number, base: number, max: number): number {
  const doublings = Math.min(Math.max(strike, 1) - 1, 30);
  return Math.min(max, base * 2 ** doublings);
}

/**
 * The client address a request is counted against. `trustedProxies` reverse proxies each appended the address they
 * saw to X-Forwarded-For, so the entry that many places from the right is the client; anything further left the
 * client wrote itself. IPv6 clients are counted per /64, the block one subscriber usually gets.
 */
export function clientAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const chain = [...forwarded, remote ?? 'unknown'];
  const picked = chain[Math.max(0, chain.length - 1 - trustedProxies)];
  return addressKey(picked);
}

export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
  return address.slice(0, 100);
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
