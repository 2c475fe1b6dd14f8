import { EventEnvelope, Topics } from '@draftdesk/contracts';
import { EventContext, OnEvent } from '@draftdesk/messaging';
import { traceHeaders } from '@draftdesk/observability';
import { Injectable } from '@nestjs/common';
import { MailSender } from './mail-sender.service';

export const CONSUMER = 'mail-send';

@Injectable()
export class MailSendConsumer {
  constructor(private readonly sender: MailSender) {}

  /**
   * Records the reply as PENDING in the same transaction as the inbox entry; the sender takes it from there. A
   * reply that FAILED and was approved again by a person goes out anew, with its text and the same Message-ID.
   */
  @OnEvent(Topics.replyApproved, CONSUMER)
  async onApproved(event: EventEnvelope<typeof Topics.replyApproved>, { manager, afterCommit }: EventContext) {
    const reply = event.payload;
    if (reply.channel !== 'email') return;
    await manager.query(
      `INSERT INTO outbound_mails (draft_id, conversation_id, message_id, to_address, status, payload, trace_headers)
       VALUES ($1, $2, $3, $4, 'PENDING', $5, $6)
       ON CONFLICT (draft_id) DO UPDATE SET status = 'PENDING', payload = EXCLUDED.payload, to_address = EXCLUDED.to_address,
              attempts = 0, next_attempt_at = now(), last_error = NULL, updated_at = now(), trace_headers = EXCLUDED.trace_headers
        WHERE outbound_mails.status = 'FAILED'`,
      [
        reply.draftId,
        event.conversationId,
        reply.reply.messageId,
        reply.to.address,
        JSON.stringify(reply),
        JSON.stringify(traceHeaders()),
      ],
    );
    afterCommit(() => this.sender.nudge());
  }
}
