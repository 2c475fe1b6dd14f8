import { inboundPayloadSchema } from '@draftdesk/contracts';
import { BufferedMessage, buildTurnPayload, chatCustomerAddress } from './chat-turn.util';

const msg = (id: string, text: string, extra: Partial<BufferedMessage> = {}): BufferedMessage => ({
  externalMessageId: id,
  customer: { id: 'c1', name: '', email: null },
  text,
  attachments: [],
  sentAt: '2025-11-26T10:00:00.000Z',
  ...extra,
});

describe('buildTurnPayload', () => {
  it('joins a burst into one valid inbound payload, in order, keyed by the first message', () => {
    const payload = buildTurnPayload('web', 's1', [
      msg('m1', 'Hoi'),
      msg('m2', '  ', {
        attachments: [
          { url: 'https://cdn.shop.test/u/foto%20pakket.jpg?sig=1', contentType: 'image/jpeg', filename: null },
        ],
      }),
      msg('m3', 'mijn pakket is beschadigd', {
        customer: { id: 'c1', name: 'Eva', email: 'eva@example.nl' },
        sentAt: '2025-11-26T10:00:05.000Z',
      }),
    ]);
    expect(inboundPayloadSchema.parse(payload)).toEqual(payload);
    expect(payload).toMatchObject({
      channel: 'chat',
      externalMessageId: 'm1',
      references: ['m1', 'm2', 'm3'],
      text: 'Hoi\nmijn pakket is beschadigd',
      newText: 'Hoi\nmijn pakket is beschadigd',
      from: { address: 'eva@example.nl', name: 'Eva' },
      receivedAt: '2025-11-26T10:00:05.000Z',
      chat: { channelId: 'web', sessionId: 's1' },
      attachments: [{ filename: 'foto pakket.jpg', contentType: 'image/jpeg', size: 0, disposition: 'attachment' }],
    });
  });

  it('refuses an empty turn', () => {
    expect(() => buildTurnPayload('web', 's1', [])).toThrow();
  });
});

describe('chatCustomerAddress', () => {
  it.each([
    { customer: { id: 'u-9', name: 'A', email: 'a@b.nl' }, expected: 'a@b.nl' },
    { customer: { id: 'u-9', name: 'A', email: null }, expected: 'chat:web:u-9' },
  ])('$expected', ({ customer, expected }) => {
    expect(chatCustomerAddress('web', customer)).toBe(expected);
  });
});
