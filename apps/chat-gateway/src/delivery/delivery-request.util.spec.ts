import { verifyWebhook } from '../intake/standard-webhooks.util';
import { backoffMs, buildDeliveryRequest, classifyResponse } from './delivery-request.util';

const SECRET = 'whsec_' + Buffer.alloc(24, 9).toString('base64');
const reply = {
  draftId: 'b5b3d7a0-0000-4000-8000-000000000001',
  conversationId: 'c0',
  channelId: 'web',
  sessionId: 's1',
  recipient: '31612345678',
  text: 'Hallo!',
};
const NOW = 1_700_000_000_000;

describe('buildDeliveryRequest', () => {
  it('signs generic callbacks with Standard Webhooks and the draft id as idempotency key', () => {
    const req = buildDeliveryRequest(
      {
        id: 'web',
        kind: 'generic',
        secrets: [SECRET, 'whsec_old'],
        callbackUrl: 'https://shop.test/hook',
        rateLimit: { perSecond: 1, burst: 1 },
        identityVerified: false,
      },
      reply,
      NOW,
    );
    expect(req.url).toBe('https://shop.test/hook');
    expect(req.headers['webhook-id']).toBe(reply.draftId);
    expect(req.headers['idempotency-key']).toBe(reply.draftId);
    const verified = verifyWebhook(
      [SECRET],
      {
        id: req.headers['webhook-id'],
        timestamp: req.headers['webhook-timestamp'],
        signature: req.headers['webhook-signature'],
      },
      Buffer.from(req.body),
      { now: NOW },
    );
    expect(verified.ok).toBe(true);
    expect(JSON.parse(req.body)).toMatchObject({ type: 'message.reply', sessionId: 's1', text: 'Hallo!' });
  });

  it('builds a WhatsApp Cloud API text message to the wa_id', () => {
    const req = buildDeliveryRequest(
      {
        id: 'wa',
        kind: 'whatsapp',
        secrets: ['x'.repeat(8)],
        verifyToken: 'v'.repeat(8),
        accessToken: 'EAAG123456',
        apiBaseUrl: 'https://graph.facebook.com/v21.0/',
        phoneNumberId: '1065',
        rateLimit: { perSecond: 1, burst: 1 },
      },
      reply,
    );
    expect(req.url).toBe('https://graph.facebook.com/v21.0/1065/messages');
    expect(req.headers.authorization).toBe('Bearer EAAG123456');
    expect(JSON.parse(req.body)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '31612345678',
      type: 'text',
      text: { preview_url: false, body: 'Hallo!' },
    });
  });
});

describe('classifyResponse', () => {
  it.each([
    { status: 200, body: '{"messages":[{"id":"wamid.X"}]}', kind: 'sent' },
    { status: 204, body: '', kind: 'sent' },
    { status: 500, body: 'oops', kind: 'retry' },
    { status: 503, body: '', kind: 'retry' },
    { status: 429, body: '', kind: 'retry' },
    { status: 408, body: '', kind: 'retry' },
    { status: 400, body: '{"error":{}}', kind: 'failed' },
    { status: 401, body: '', kind: 'failed' },
    { status: 410, body: '', kind: 'failed' },
  ])('$status → $kind', ({ status, body, kind }) => {
    expect(classifyResponse(status, body, null).kind).toBe(kind);
  });

  it('reads the provider message id and honours Retry-After', () => {
    expect(classifyResponse(200, '{"messages":[{"id":"wamid.X"}]}', null)).toEqual({
      kind: 'sent',
      providerMessageId: 'wamid.X',
    });
    expect(classifyResponse(429, '', '7')).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
  });
});

describe('backoffMs', () => {
  it.each([
    { attempt: 1, expected: 100 },
    { attempt: 2, expected: 200 },
    { attempt: 4, expected: 800 },
    { attempt: 20, expected: 5_000 },
  ])('attempt $attempt → $expected ms', ({ attempt, expected }) => {
    expect(backoffMs(attempt, 100, 5_000)).toBe(expected);
  });

  it('waits at least as long as the provider asked', () => {
    expect(backoffMs(1, 100, 5_000, 3_000)).toBe(3_000);
  });
});
