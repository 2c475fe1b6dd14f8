import { EventEnvelope, Topics } from '@draftdesk/contracts';
import { EventContext, OnEvent } from '@draftdesk/messaging';
import { traceHeaders } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { MailSender } from './mail-sender.service';

export const CONSUMER = 'mail-send';

@Injectable()
export class MailSendConsumer {
  constructor(private readonly sender: MailSender) {}

  /** Records the reply as PENDING in the same transaction as the inbox entry; the sender takes it from there. */
  @OnEvent(Topics.replyApproved, CONSUMER)
  async onApproved(event: EventEnvelope<typeof Topics.replyApproved>, { manager, afterCommit }: EventContext) {
    const reply = event.payload;
    if (reply.channel !== 'email') return;
    await manager.query(
      `INSERT INTO outbound_mails (draft_id, conversation_id, message_id, to_address, status, payload, trace_headers)
       VALUES ($1, $2, $3, $4, 'PENDING', $5, $6) ON CONFLICT (draft_id) DO NOTHING`,
      [reply.draftId, event.conversationId, reply.reply.messageId, reply.to.address, JSON.stringify(reply), JSON.stringify(traceHeaders())],
    );
    afterCommit(() => this.sender.nudge());
  }
}
