import { createHmac } from 'node:crypto';
import { decodeWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from './standard-webhooks.util';

// The example from the Standard Webhooks specification's reference test suite.
const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SPEC_TS = 1614265330;
const SPEC_BODY = '{"test": 2432232314}';
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

const NOW = 1_700_000_000_000;
const SECRET = 'whsec_' + Buffer.alloc(24, 1).toString('base64');
const OLD_SECRET = 'whsec_' + Buffer.alloc(24, 2).toString('base64');
const body = Buffer.from('{"sessionId":"s1","text":"hallo"}');
const ts = NOW / 1000;
const sig = (secret = SECRET, b: Buffer | string = body, t = ts, id = 'msg_1') => signWebhook(secret, id, t, b);

describe('signWebhook', () => {
  it('matches the Standard Webhooks reference signature', () => {
    expect(signWebhook(SPEC_SECRET, SPEC_ID, SPEC_TS, SPEC_BODY)).toBe(SPEC_SIGNATURE);
  });

  it('is the base64 HMAC-SHA256 of "id.timestamp.body" under the decoded secret', () => {
    const expected = createHmac('sha256', decodeWebhookSecret(SECRET)).update(`msg_1.${ts}.${body}`).digest('base64');
    expect(sig()).toBe(`v1,${expected}`);
  });

  it('refuses secrets too short to be safe', () => {
    expect(() => decodeWebhookSecret('whsec_c2hvcnQ=')).toThrow(/16 bytes/);
  });
});

describe('verifyWebhook', () => {
  const cases: {
    name: string;
    secrets: string[];
    id?: string;
    timestamp?: string;
    signature?: string;
    body?: Buffer;
    ok: boolean;
    reason?: string;
  }[] = [
    { name: 'valid', secrets: [SECRET], signature: sig(), ok: true },
    { name: 'wrong secret', secrets: [SECRET], signature: sig(OLD_SECRET), ok: false, reason: 'bad_signature' },
    {
      name: 'rotation: signed with the old secret, both valid',
      secrets: [SECRET, OLD_SECRET],
      signature: sig(OLD_SECRET),
      ok: true,
    },
    { name: 'several signatures, one valid', secrets: [SECRET], signature: `v1,AAAA ${sig()} v1a,xyz`, ok: true },
    {
      name: 'stale timestamp',
      secrets: [SECRET],
      timestamp: String(ts - 301),
      signature: sig(SECRET, body, ts - 301),
      ok: false,
      reason: 'stale_timestamp',
    },
    {
      name: 'future timestamp',
      secrets: [SECRET],
      timestamp: String(ts + 301),
      signature: sig(SECRET, body, ts + 301),
      ok: false,
      reason: 'future_timestamp',
    },
    {
      name: 'edge of tolerance',
      secrets: [SECRET],
      timestamp: String(ts - 300),
      signature: sig(SECRET, body, ts - 300),
      ok: true,
    },
    {
      name: 'timestamp not a number',
      secrets: [SECRET],
      timestamp: '2024-01-01T00:00:00Z',
      signature: sig(),
      ok: false,
      reason: 'bad_timestamp',
    },
    {
      name: 'tampered body',
      secrets: [SECRET],
      signature: sig(),
      body: Buffer.from('{"sessionId":"s1","text":"hallo!"}'),
      ok: false,
      reason: 'bad_signature',
    },
    {
      name: 're-serialised body',
      secrets: [SECRET],
      signature: sig(),
      body: Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1)),
      ok: false,
      reason: 'bad_signature',
    },
    { name: 'id changed', secrets: [SECRET], id: 'msg_2', signature: sig(), ok: false, reason: 'bad_signature' },
    { name: 'missing signature', secrets: [SECRET], signature: '', ok: false, reason: 'missing_headers' },
    { name: 'missing id', secrets: [SECRET], id: '', signature: sig(), ok: false, reason: 'missing_headers' },
    { name: 'unversioned signature', secrets: [SECRET], signature: sig().slice(3), ok: false, reason: 'bad_signature' },
    {
      name: 'truncated signature',
      secrets: [SECRET],
      signature: sig().slice(0, 20),
      ok: false,
      reason: 'bad_signature',
    },
  ];

  it.each(cases)('$name', ({ secrets, id, timestamp, signature, body: sent, ok, reason }) => {
    const result = verifyWebhook(
      secrets,
      { id: id ?? 'msg_1', timestamp: timestamp ?? String(ts), signature },
      sent ?? body,
      { now: NOW },
    );
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it('accepts what webhookHeaders produces', () => {
    const h = webhookHeaders(SECRET, 'draft-1', body, NOW);
    expect(
      verifyWebhook(
        [SECRET],
        { id: h['webhook-id'], timestamp: h['webhook-timestamp'], signature: h['webhook-signature'] },
        body,
        { now: NOW },
      ),
    ).toEqual({
      ok: true,
      id: 'draft-1',
      timestamp: ts,
    });
  });
});
