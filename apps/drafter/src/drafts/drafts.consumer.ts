import { createEvent, EventEnvelope, Topics } from '@draftdesk/contracts';
import { EventContext, OnEvent, OutboxService } from '@draftdesk/messaging';
import { countModelFallbacks, draftsCreated } from '@draftdesk/observability';
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
  async onTriaged(event: EventEnvelope<typeof Topics.triaged>, { manager, log, afterCommit }: EventContext) {
    const drafted = await this.drafts.compose(event.payload);
    if (!(await this.drafts.store(manager, event.conversationId!, drafted, event.payload))) return;
    afterCommit(() => {
      draftsCreated.inc({ decision: drafted.decision, channel: drafted.channel });
      countModelFallbacks('drafter', drafted.reasons);
    });
    await this.outbox.add(
      manager,
      createEvent(Topics.drafted, { producer: CONSUMER, conversationId: event.conversationId, payload: drafted }),
    );
    log.info({ draftId: drafted.draftId, decision: drafted.decision, reasons: drafted.reasons }, 'drafted');
  }

  /** A reviewer asked for a new draft: the same triaged message, drafted again with their instruction. */
  @OnEvent(Topics.redraftRequested, CONSUMER)
  async onRedraftRequested(event: EventEnvelope<typeof Topics.redraftRequested>, { manager, log }: EventContext) {
    const { draftId, itemId, instruction } = event.payload;
    const known = await this.drafts.source(manager, draftId);
    if (!known?.source) {
      // Drafts from before sources were kept cannot be written again; the reviewer sees the item stay waiting.
      log.warn({ draftId, itemId }, 'redraft requested for a draft without its source message; skipped');
      return;
    }
    const drafted = await this.drafts.compose(known.source, { itemId, instruction, revision: known.nextRevision });
    // The inbox makes a replay a no-op; a conflict here is a concurrent redraft of the same message, so retry.
    if (!(await this.drafts.store(manager, known.conversationId, drafted, known.source, instruction))) {
      throw new Error(`redraft revision ${known.nextRevision} of message ${known.messageId} was taken concurrently`);
    }
    await this.outbox.add(
      manager,
      createEvent(Topics.drafted, { producer: CONSUMER, conversationId: known.conversationId, payload: drafted }),
    );
    log.info(
      { draftId: drafted.draftId, redraftOf: itemId, revision: drafted.revision, decision: drafted.decision },
      'redrafted',
    );
  }
}
