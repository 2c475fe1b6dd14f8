import { EventEnvelope, Topics } from '@draftdesk/contracts';
import { EventContext, OnEvent } from '@draftdesk/messaging';
import { traceHeaders } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { MailSender } from './mail-sender.service';
import { OutboundRepository } from './outbound.repository';

export const CONSUMER = 'mail-send';

@Injectable()
export class MailSendConsumer {
  constructor(
    private readonly sender: MailSender,
    private readonly outbound: OutboundRepository,
  ) {}

  /**
   * Records the reply as PENDING in the same transaction as the inbox entry; the sender takes it from there. A
   * reply that FAILED and was approved again by a person goes out anew, with its text and the same Message-ID.
   */
  @OnEvent(Topics.replyApproved, CONSUMER)
  async onApproved(event: EventEnvelope<typeof Topics.replyApproved>, { manager, afterCommit }: EventContext) {
    const reply = event.payload;
    if (reply.channel !== 'email') return;
    await this.outbound.enqueue(manager, {
      draftId: reply.draftId,
      conversationId: event.conversationId,
      messageId: reply.reply.messageId,
      toAddress: reply.to.address,
      payload: reply,
      traceHeaders: traceHeaders(),
    });
    afterCommit(() => this.sender.nudge());
  }
}
