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
}
