import { createHmac } from 'node:crypto';
import { chaosMessage, chatBody, rawMail, standardWebhookHeaders } from './chaos-workload';

describe('chaos workload', () => {
  it.each([
    [0, 'chat', 'web:chaos-r1-0', 'chaos-r1-0'],
    [1, 'email', 'chaos-r1-1@example.test', 'chaos-r1-1@example.test'],
    [2, 'chat', 'web:chaos-r1-2', 'chaos-r1-2'],
  ])('message %i arrives by %s with its own conversation key', (i, channel, key, externalId) => {
    expect(chaosMessage('r1', i, 'web')).toMatchObject({ i, channel, key, externalId });
  });

  it('gives every message of a run a distinct key', () => {
    const keys = new Set(Array.from({ length: 1000 }, (_, i) => chaosMessage('r1', i, 'web').key));
    expect(keys.size).toBe(1000);
  });

  it('writes a mail with a fixed Message-ID and CRLF line ends', () => {
    const raw = rawMail(chaosMessage('r1', 1, 'web'), 'support@shop.test', new Date('2026-01-01T00:00:00Z'));
    expect(raw).toContain('Message-ID: <chaos-r1-1@example.test>\r\n');
    expect(raw).toContain('From: ');
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('sends the chat session without the channel prefix', () => {
    expect(JSON.parse(chatBody(chaosMessage('r1', 0, 'web')))).toMatchObject({
      sessionId: 'chaos-r1-0',
      messageId: 'chaos-r1-0',
    });
  });

  it('signs webhooks as Standard Webhooks describes (HMAC-SHA256 over id.timestamp.body)', () => {
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const h = standardWebhookHeaders(key, 'msg_1', '{"a":1}', 1_700_000_000_000);
    expect(h['webhook-timestamp']).toBe('1700000000');
    expect(h['webhook-signature']).toBe(
      `v1,${createHmac('sha256', key).update('msg_1.1700000000.{"a":1}').digest('base64')}`,
    );
  });
});
