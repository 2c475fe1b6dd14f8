import { EventEnvelope, Topics } from '@draftdesk/contracts';
import { EventContext, OnEvent, PermanentEventError } from '@draftdesk/messaging';
import { Injectable } from '@nestjs/common';
import { ChatDeliverer } from './chat-deliverer.service';
import { ChatDeliveryRepository } from './chat-delivery.repository';

export const CONSUMER = 'chat-gateway';

@Injectable()
export class ChatDeliveryConsumer {
  constructor(
    private readonly deliverer: ChatDeliverer,
    private readonly deliveries: ChatDeliveryRepository,
  ) {}

  /**
   * Records the reply as PENDING in the same transaction as the inbox entry; the deliverer takes it from there. A
   * reply that FAILED and was approved again by a person is delivered anew.
   */
  @OnEvent(Topics.replyApproved, CONSUMER)
  async onApproved(event: EventEnvelope<typeof Topics.replyApproved>, { manager, afterCommit, log }: EventContext) {
    const reply = event.payload;
    if (reply.channel !== 'chat') return;
    if (!reply.chat) throw new PermanentEventError('chat reply without a chat reference');
    if (!event.conversationId) throw new PermanentEventError('chat reply without a conversation id');
    await this.deliveries.enqueue(manager, {
      draftId: reply.draftId,
      conversationId: event.conversationId,
      channelId: reply.chat.channelId,
      sessionId: reply.chat.sessionId,
      payload: reply,
    });
    log.info({ draftId: reply.draftId, channelId: reply.chat.channelId }, 'chat reply queued');
    afterCommit(() => this.deliverer.nudge());
  }
}
