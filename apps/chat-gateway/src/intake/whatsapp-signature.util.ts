import { createHmac, timingSafeEqual } from 'node:crypto';

/** Meta signs every webhook POST with "X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>". */
export function signWhatsApp(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function verifyWhatsApp(appSecrets: readonly string[], header: string | undefined, rawBody: Buffer): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  return appSecrets.some((secret) => timingSafeEqual(given, createHmac('sha256', secret).update(rawBody).digest()));
}

/** The verify token comparison of the subscription handshake, in constant time like every other secret. */
export function sameToken(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || given === undefined) return false;
  const a = createHmac('sha256', 'verify-token').update(expected).digest();
  const b = createHmac('sha256', 'verify-token').update(given).digest();
  return timingSafeEqual(a, b);
}
