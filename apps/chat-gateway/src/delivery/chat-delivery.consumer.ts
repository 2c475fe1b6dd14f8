import { EventEnvelope, Topics } from '@draftdesk/contracts';
import { EventContext, OnEvent, PermanentEventError } from '@draftdesk/messaging';
import { Injectable } from '@nestjs/common';
import { ChatDeliverer } from './chat-deliverer.service';

export const CONSUMER = 'chat-gateway';

@Injectable()
export class ChatDeliveryConsumer {
  constructor(private readonly deliverer: ChatDeliverer) {}

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
    await manager.query(
      `INSERT INTO chat_deliveries (draft_id, conversation_id, channel_id, session_id, status, payload)
       VALUES ($1, $2, $3, $4, 'PENDING', $5)
       ON CONFLICT (draft_id) DO UPDATE SET status = 'PENDING', payload = EXCLUDED.payload, attempts = 0,
              next_attempt_at = now(), last_error = NULL, updated_at = now()
        WHERE chat_deliveries.status = 'FAILED'`,
      [reply.draftId, event.conversationId, reply.chat.channelId, reply.chat.sessionId, JSON.stringify(reply)],
    );
    log.info({ draftId: reply.draftId, channelId: reply.chat.channelId }, 'chat reply queued');
    afterCommit(() => this.deliverer.nudge());
  }
}
