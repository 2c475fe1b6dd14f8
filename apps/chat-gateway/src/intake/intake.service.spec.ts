import { ConflictException } from '@nestjs/common';
import { ChatGatewayOptions } from '../chat-gateway.options';
import { ChatBufferRepository } from './chat-buffer.repository';
import { InMemoryChatBufferRepository } from './chat-buffer.memory-repository';
import { IncomingChatMessage } from './dto/chat-message.dto';
import { IntakeService } from './intake.service';

const options = { replayWindowHours: 24, quietWindowMs: 2_000, maxTurnWaitMs: 10_000 } as ChatGatewayOptions;

function message(id: string, sessionId = 's-1'): IncomingChatMessage {
  return {
    sessionId,
    externalMessageId: id,
    customer: { id: 'c-1', name: 'Ada', email: null },
    text: `line ${id}`,
    attachments: [],
    sentAt: '2026-01-01T10:00:00.000Z',
    recipient: sessionId,
  };
}

describe('IntakeService', () => {
  let buffer: InMemoryChatBufferRepository;
  let intake: IntakeService;

  beforeEach(() => {
    buffer = new InMemoryChatBufferRepository();
    intake = new IntakeService(options, buffer as unknown as ChatBufferRepository);
  });

  describe('signed webhooks', () => {
    it('accepts a new webhook id and buffers its message for the session turn', async () => {
      const result = await intake.acceptSigned('shop', message('m-1'), 'wh-1', Buffer.from('{"a":1}'));
      expect(result).toEqual({ status: 'accepted', stored: 1 });
      expect(buffer.messages.size).toBe(1);
      expect(buffer.sessions.get('shop/s-1')).toEqual({ recipient: 's-1', dueAt: buffer.now + 2_000 });
    });

    it('tells a retry of the same webhook (same body) as a duplicate and stores nothing more', async () => {
      await intake.acceptSigned('shop', message('m-1'), 'wh-1', Buffer.from('{"a":1}'));
      const again = await intake.acceptSigned('shop', message('m-1'), 'wh-1', Buffer.from('{"a":1}'));
      expect(again).toEqual({ status: 'duplicate', stored: 0 });
      expect(buffer.messages.size).toBe(1);
    });

    it('refuses a webhook id reused with a different body', async () => {
      await intake.acceptSigned('shop', message('m-1'), 'wh-1', Buffer.from('{"a":1}'));
      await expect(intake.acceptSigned('shop', message('m-2'), 'wh-1', Buffer.from('{"a":2}'))).rejects.toThrow(
        ConflictException,
      );
      expect(buffer.messages.size).toBe(1);
    });

    it('tells a new webhook id carrying a message seen before as a duplicate', async () => {
      await intake.acceptSigned('shop', message('m-1'), 'wh-1', Buffer.from('{"a":1}'));
      const redelivered = await intake.acceptSigned('shop', message('m-1'), 'wh-2', Buffer.from('{"a":1}'));
      expect(redelivered).toEqual({ status: 'duplicate', stored: 0 });
    });

    it('takes a webhook id again once it is older than the replay window', async () => {
      await intake.acceptSigned('shop', message('m-1'), 'wh-1', Buffer.from('{"a":1}'));
      buffer.now += 25 * 3_600_000;
      const later = await intake.acceptSigned('shop', message('m-2'), 'wh-1', Buffer.from('{"b":2}'));
      expect(later).toEqual({ status: 'accepted', stored: 1 });
    });
  });

  describe('unsigned batches (WhatsApp)', () => {
    it('stores each new message once and counts them', async () => {
      const result = await intake.acceptMessages('wa', [message('m-1'), message('m-2', 's-2')]);
      expect(result).toEqual({ status: 'accepted', stored: 2 });
      expect([...buffer.sessions.keys()]).toEqual(['wa/s-1', 'wa/s-2']);
    });

    it('tells a batch of messages all seen before as a duplicate', async () => {
      await intake.acceptMessages('wa', [message('m-1')]);
      expect(await intake.acceptMessages('wa', [message('m-1')])).toEqual({ status: 'duplicate', stored: 0 });
    });

    it('accepts a batch mixing new and seen messages, counting only the new ones', async () => {
      await intake.acceptMessages('wa', [message('m-1')]);
      expect(await intake.acceptMessages('wa', [message('m-1'), message('m-3')])).toEqual({
        status: 'accepted',
        stored: 1,
      });
    });

    it('accepts an empty notification (status updates carry no messages)', async () => {
      expect(await intake.acceptMessages('wa', [])).toEqual({ status: 'accepted', stored: 0 });
    });
  });
});
