import { createEvent, InvalidEventError, parseEvent } from './envelope';
import { Topics } from './topics';

const sent = {
  draftId: '2b8f1f8e-4c1a-4a57-9f5e-0c3a1d6e7b10',
  channel: 'email' as const,
  to: { address: 'sanne@example.test', name: 'Sanne' },
  subject: 'Re: order',
  body: 'Hello',
  messageId: 'abc@replies.shop.test',
  status: 'sent' as const,
  error: null,
  sentAt: '2026-11-26T10:00:00.000Z',
  autoSent: false,
};

describe('event envelope', () => {
  it('round-trips a valid event and keys it by its conversation', () => {
    const event = createEvent(Topics.replySent, {
      producer: 'mail-send',
      conversationId: '0d6c9c56-3f0a-4d5e-9a86-1e4f1c2a7b33',
      payload: sent,
    });
    expect(event.key).toBe(event.conversationId);
    const parsed = parseEvent(Topics.replySent, Buffer.from(JSON.stringify(event)));
    expect(parsed).toEqual(event);
  });

  it('refuses to create an event without a key', () => {
    expect(() => createEvent(Topics.replySent, { producer: 'x', conversationId: null, payload: sent })).toThrow(
      InvalidEventError,
    );
  });

  const valid = createEvent(Topics.replySent, {
    producer: 'p',
    conversationId: '0d6c9c56-3f0a-4d5e-9a86-1e4f1c2a7b33',
    payload: sent,
  });
  it.each([
    ['an empty value', null, /empty/],
    ['bytes that are not JSON', '{oops', /not JSON/],
    ['an envelope without an id', JSON.stringify({ ...valid, id: undefined }), /id/],
    ['an envelope for another topic', JSON.stringify({ ...valid, topic: Topics.drafted }), /names topic/],
    ['a payload missing a field', JSON.stringify({ ...valid, payload: { ...sent, body: undefined } }), /payload\.body/],
    [
      'a payload with a bad enum',
      JSON.stringify({ ...valid, payload: { ...sent, status: 'maybe' } }),
      /payload\.status/,
    ],
  ])('rejects %s with a reason naming the problem', (_, raw, reason) => {
    let error: unknown;
    try {
      parseEvent(Topics.replySent, raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as Error).message).toMatch(reason);
    expect((error as InvalidEventError).retryable).toBe(false);
  });
});
