import { EventEnvelope, Topics } from '@draftdesk/contracts';
import { EventContext, OnEvent } from '@draftdesk/messaging';
import { Injectable } from '@nestjs/common';
import { ReviewService } from './review.service';

export const CONSUMER = 'review';

@Injectable()
export class ReviewConsumer {
  constructor(private readonly review: ReviewService) {}

  @OnEvent(Topics.drafted, CONSUMER)
  async onDrafted(event: EventEnvelope<typeof Topics.drafted>, { manager, log, afterCommit }: EventContext) {
    await this.review.receive(manager, event.conversationId!, event.payload, afterCommit);
    log.info({ draftId: event.payload.draftId, decision: event.payload.decision }, 'draft received');
  }

  /** A reply that did not go out (cap, permanent SMTP answer, chat delivery given up) comes back to the queue. */
  @OnEvent(Topics.replySent, CONSUMER)
  async onReplySent(event: EventEnvelope<typeof Topics.replySent>, { manager, log, afterCommit }: EventContext) {
    if (event.payload.status !== 'failed') return;
    const itemId = await this.review.sendFailed(manager, event.payload, event.producer, afterCommit);
    log.warn(
      { draftId: event.payload.draftId, itemId, reason: event.payload.error },
      itemId ? 'reply did not go out; back in the queue' : 'failed reply of no open item',
    );
  }
}
