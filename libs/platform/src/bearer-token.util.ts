import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether an Authorization header carries `Bearer <expected>`. Compared as SHA-256 digests in constant time, so
 * neither the token's content nor its length leaks through timing.
 */
export function bearerTokenMatches(authorization: string | undefined, expected: string): boolean {
  const given = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
  return given.length > 0 && timingSafeEqual(digest(given), digest(expected));
}
