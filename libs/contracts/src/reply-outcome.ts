import { createEvent, EventEnvelope } from './envelope';
import { ReplyApprovedPayload } from './events';
import { Topics } from './topics';

/** The reply-sent event every delivery channel announces once an approved reply went out or failed for good. */
export function replySentEvent(
  producer: string,
  conversationId: string,
  approved: ReplyApprovedPayload,
  outcome: { status: 'sent' | 'failed'; error: string | null },
): EventEnvelope<typeof Topics.replySent> {
  return createEvent(Topics.replySent, {
    producer,
    conversationId,
    payload: {
      draftId: approved.draftId,
      channel: approved.channel,
      to: approved.to,
      subject: approved.subject,
      body: approved.body,
      messageId: approved.reply.messageId,
      status: outcome.status,
      error: outcome.error,
      sentAt: new Date().toISOString(),
      autoSent: approved.autoSent,
    },
  });
}
