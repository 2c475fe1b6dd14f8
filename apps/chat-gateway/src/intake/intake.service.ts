import { traceHeaders } from '@draftdesk/observability';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';
import { ChatBufferRepository, TurnTiming } from './chat-buffer.repository';
import { webhookIdReused } from './chat-intake.exception';
import { IncomingChatMessage } from './dto/chat-message.dto';

export interface IntakeResult {
  status: 'accepted' | 'duplicate';
  /** Messages stored now; a message id seen before (a provider redelivery) is not stored twice. */
  stored: number;
}

export const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('base64');

/**
 * The only thing done before a webhook is acknowledged: its messages are written to the session buffer, atomically
 * with the receipt of its webhook id. The quiet-window worker turns the buffer into inbound events.
 */
@Injectable()
export class IntakeService {
  constructor(
    @Inject(CHAT_GATEWAY_OPTIONS) private readonly options: ChatGatewayOptions,
    private readonly buffer: ChatBufferRepository,
  ) {}

  /** WhatsApp's path: several messages per notification and no webhook id, so message ids alone tell repeats. */
  async acceptMessages(channelId: string, messages: IncomingChatMessage[]): Promise<IntakeResult> {
    const stored = (await this.buffer.bufferAll(channelId, messages, this.timing(), traceHeaders())).filter(
      Boolean,
    ).length;
    return { status: stored > 0 || messages.length === 0 ? 'accepted' : 'duplicate', stored };
  }

  /**
   * The generic webhook's path, on the hot path of every chat message: receipt, message and session in one
   * statement. A seen webhook id leaves nothing behind and is then told apart as a retry or a reuse.
   */
  async acceptSigned(
    channelId: string,
    message: IncomingChatMessage,
    webhookId: string,
    body: Buffer,
  ): Promise<IntakeResult> {
    const bodyHash = sha256(body);
    const row = await this.buffer.acceptSigned(
      channelId,
      message,
      { webhookId, bodyHash, replayWindowHours: this.options.replayWindowHours },
      this.timing(),
      traceHeaders(),
    );
    if (row.fresh) return { status: row.stored ? 'accepted' : 'duplicate', stored: row.stored ? 1 : 0 };
    if ((await this.buffer.receiptHash(channelId, webhookId)) === bodyHash) return { status: 'duplicate', stored: 0 };
    throw webhookIdReused(webhookId);
  }

  private timing(): TurnTiming {
    return { quietWindowMs: this.options.quietWindowMs, maxTurnWaitMs: this.options.maxTurnWaitMs };
  }
}
