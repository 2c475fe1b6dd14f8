import { createEvent, EventEnvelope, Topics } from '@draftdesk/contracts';
import { EventContext, OnEvent, OutboxService } from '@draftdesk/messaging';
import { Injectable } from '@nestjs/common';
import { DraftsService } from './drafts.service';

export const CONSUMER = 'drafter';

@Injectable()
export class DraftsConsumer {
  constructor(
    private readonly drafts: DraftsService,
    private readonly outbox: OutboxService,
  ) {}

  @OnEvent(Topics.triaged, CONSUMER)
  async onTriaged(event: EventEnvelope<typeof Topics.triaged>, { manager, log }: EventContext) {
    const drafted = await this.drafts.compose(event.payload);
    if (!(await this.drafts.store(manager, event.conversationId!, drafted))) return;
    await this.outbox.add(
      manager,
      createEvent(Topics.drafted, { producer: CONSUMER, conversationId: event.conversationId, payload: drafted }),
    );
    log.info({ draftId: drafted.draftId, decision: drafted.decision, reasons: drafted.reasons }, 'drafted');
  }
}
