import { createEvent, EventEnvelope, Topics } from '@draftdesk/contracts';
import { EventContext, OnEvent, OutboxService } from '@draftdesk/messaging';
import { countModelFallbacks } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { TriageService } from './triage.service';

export const CONSUMER = 'triage';

@Injectable()
export class TriageConsumer {
  constructor(
    private readonly triage: TriageService,
    private readonly outbox: OutboxService,
  ) {}

  @OnEvent(Topics.messageAdded, CONSUMER)
  async onMessageAdded(event: EventEnvelope<typeof Topics.messageAdded>, { manager, log, afterCommit }: EventContext) {
    const result = await this.triage.classify(manager, event.payload);
    if (!(await this.triage.store(manager, event.conversationId!, event.payload.messageId, result))) return;
    afterCommit(() => countModelFallbacks('triage', result.reasons));
    await this.outbox.add(
      manager,
      createEvent(Topics.triaged, {
        producer: CONSUMER,
        conversationId: event.conversationId,
        payload: { ...event.payload, triage: result },
      }),
    );
    log.info(
      {
        intent: result.intent,
        language: result.language,
        confidence: result.confidence,
        engine: result.engine,
        reasons: result.reasons,
      },
      'triaged',
    );
  }
}
