import { decodeNotification, encodeNotification } from './live-notification.util';
import type { LiveEvent } from './live-events.service';

const event: LiveEvent = { type: 'claimed', shopId: 'default', draftId: 'd1', version: 3, by: 'u1' };

describe('live notifications between replicas', () => {
  it.each([
    ['another replica’s event', encodeNotification('b', event), event],
    ['our own event', encodeNotification('a', event), null],
    ['no payload', undefined, null],
    ['not JSON', '{', null],
    ['an unknown type', JSON.stringify({ o: 'b', e: { ...event, type: 'dropped_tables' } }), null],
    ['a missing shop', JSON.stringify({ o: 'b', e: { ...event, shopId: undefined } }), null],
    ['no origin', JSON.stringify({ e: event }), null],
    ['a null actor', encodeNotification('b', { ...event, by: null }), { ...event, by: null }],
    [
      'a conversation’s state, with its id',
      encodeNotification('b', { ...event, type: 'conversation', conversationId: 'c1' }),
      { ...event, type: 'conversation', conversationId: 'c1' },
    ],
    ['a conversation id that is not text', JSON.stringify({ o: 'b', e: { ...event, conversationId: 7 } }), event],
  ])('%s', (_name, payload, expected) => {
    expect(decodeNotification(payload, 'a')).toEqual(expected);
  });
});
