import { ChatBufferRepository, SignedIntake, TurnTiming } from './chat-buffer.repository';
import { IncomingChatMessage } from './dto/chat-message.dto';

type IntakeMethods = Pick<ChatBufferRepository, 'acceptSigned' | 'receiptHash' | 'bufferAll'>;

/**
 * The session buffer's intake side over maps, for unit specs: receipts by webhook id, messages by message id, and a
 * due time per session (the quiet window only; the SQL repository also caps it by the maximum wait).
 */
export class InMemoryChatBufferRepository implements IntakeMethods {
  readonly receipts = new Map<string, { bodyHash: string; receivedAt: number }>();
  readonly messages = new Map<string, IncomingChatMessage & { channelId: string }>();
  readonly sessions = new Map<string, { recipient: string; dueAt: number }>();
  now = Date.now();

  async acceptSigned(
    channelId: string,
    message: IncomingChatMessage,
    receipt: { webhookId: string; bodyHash: string; replayWindowHours: number },
    timing: TurnTiming,
  ): Promise<SignedIntake> {
    const key = `${channelId}/${receipt.webhookId}`;
    const seen = this.receipts.get(key);
    if (seen && seen.receivedAt >= this.now - receipt.replayWindowHours * 3_600_000)
      return { fresh: false, stored: false, scheduled: false };
    this.receipts.set(key, { bodyHash: receipt.bodyHash, receivedAt: this.now });
    const stored = this.store(channelId, message, timing);
    return { fresh: true, stored, scheduled: stored };
  }

  async receiptHash(channelId: string, webhookId: string): Promise<string | null> {
    return this.receipts.get(`${channelId}/${webhookId}`)?.bodyHash ?? null;
  }

  async bufferAll(channelId: string, messages: IncomingChatMessage[], timing: TurnTiming): Promise<boolean[]> {
    return messages.map((message) => this.store(channelId, message, timing));
  }

  private store(channelId: string, message: IncomingChatMessage, timing: TurnTiming): boolean {
    const key = `${channelId}/${message.externalMessageId}`;
    if (this.messages.has(key)) return false;
    this.messages.set(key, { ...message, channelId });
    this.sessions.set(`${channelId}/${message.sessionId}`, {
      recipient: message.recipient,
      dueAt: this.now + timing.quietWindowMs,
    });
    return true;
  }
}
