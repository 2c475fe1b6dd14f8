import { createHmac, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks (standardwebhooks.com): HMAC-SHA256 over "id.timestamp.body", base64, prefixed "v1,". */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type VerifyFailure =
  'missing_headers' | 'bad_timestamp' | 'stale_timestamp' | 'future_timestamp' | 'bad_signature';

export type VerifyResult = { ok: true; id: string; timestamp: number } | { ok: false; reason: VerifyFailure };

/** Decodes a "whsec_<base64>" secret (the prefix is optional, as in the reference libraries) to the key bytes. */
export function decodeWebhookSecret(secret: string): Buffer {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  if (key.length < 16) throw new Error('webhook secret must hold at least 16 bytes of base64');
  return key;
}

export function signWebhook(secret: string, id: string, timestamp: number, body: Buffer | string): string {
  const mac = createHmac('sha256', decodeWebhookSecret(secret));
  mac.update(`${id}.${timestamp}.`);
  mac.update(body);
  return `v1,${mac.digest('base64')}`;
}

/** Headers a sender puts on one delivery. */
export function webhookHeaders(
  secret: string,
  id: string,
  body: Buffer | string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}

/**
 * Verifies a delivery against every secret currently valid for the channel (several during a rotation) and every
 * "v1," signature in the header. Compares MACs in constant time and always over the raw body bytes: a body that
 * was parsed and serialised again no longer matches.
 */
export function verifyWebhook(
  secrets: readonly string[],
  headers: WebhookHeaders,
  rawBody: Buffer,
  options: { now?: number; toleranceSeconds?: number } = {},
): VerifyResult {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  const ts = Number(timestamp);
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (ts < nowSeconds - tolerance) return { ok: false, reason: 'stale_timestamp' };
  if (ts > nowSeconds + tolerance) return { ok: false, reason: 'future_timestamp' };

  const candidates = signature
    .split(' ')
    .map((part) => part.split(','))
    .filter(([version, value]) => version === 'v1' && value)
    .map(([, value]) => Buffer.from(value, 'base64'));
  for (const secret of secrets) {
    const expected = Buffer.from(signWebhook(secret, id, ts, rawBody).slice(3), 'base64');
    for (const candidate of candidates) {
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected))
        return { ok: true, id, timestamp: ts };
    }
  }
  return { ok: false, reason: 'bad_signature' };
}
