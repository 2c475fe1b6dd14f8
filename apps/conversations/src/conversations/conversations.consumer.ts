import { createEvent, EventEnvelope, Topics } from '@draftdesk/contracts';
import { EventContext, OnEvent, OutboxService } from '@draftdesk/messaging';
import { repliesFinished } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { ConversationsService } from './conversations.service';

export const CONSUMER = 'conversations';

@Injectable()
export class ConversationsConsumer {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly outbox: OutboxService,
  ) {}

  @OnEvent(Topics.inbound, CONSUMER)
  async onInbound(event: EventEnvelope<typeof Topics.inbound>, { manager, log }: EventContext) {
    const stored = await this.conversations.storeInbound(manager, event.payload);
    if (!stored) {
      log.info('message already stored; nothing to announce');
      return;
    }
    if (stored.bouncedReplyIds) {
      // Automated mail never gets a draft; a bounce of our reply only records that the reply failed.
      log.warn(
        { conversationId: stored.conversationId, replies: stored.bouncedReplyIds },
        'reply bounced; marked failed',
      );
      return;
    }
    await this.outbox.add(
      manager,
      createEvent(Topics.messageAdded, {
        producer: CONSUMER,
        conversationId: stored.conversationId,
        payload: stored.message,
      }),
    );
    log.info({ conversationId: stored.conversationId, messageId: stored.message.messageId }, 'message stored');
  }

  @OnEvent(Topics.triaged, CONSUMER)
  async onTriaged(event: EventEnvelope<typeof Topics.triaged>, { manager }: EventContext) {
    await this.conversations.storeTriage(manager, event.payload.messageId, event.payload.triage);
  }

  @OnEvent(Topics.replySent, CONSUMER)
  async onReplySent(event: EventEnvelope<typeof Topics.replySent>, { manager, afterCommit }: EventContext) {
    await this.conversations.storeOutbound(manager, event.conversationId!, event.payload);
    const { channel, status, autoSent } = event.payload;
    afterCommit(() => repliesFinished.inc({ channel, result: status, auto: String(!!autoSent) }));
  }
}
