/** A last guard against mail loops: at most `max` automatic replies per conversation and per recipient per window. */
export interface AutoReplyCap {
  max: number;
  windowHours: number;
}

export const AUTO_REPLY_CAP_REASON = 'auto_reply_cap';

/**
 * Counts automatic replies already out (SENT) or on their way before this one (SENDING, earlier) to the same
 * conversation or the same address within the window. Replies a person approved never count and are never capped.
 */
export const AUTO_REPLY_COUNT_SQL = `
  SELECT count(*) FILTER (WHERE conversation_id = $2)::int AS conversation,
         count(*) FILTER (WHERE lower(to_address) = lower($3))::int AS recipient
    FROM outbound_mails
   WHERE (payload->>'autoSent')::boolean
     AND draft_id <> $1
     AND (conversation_id = $2 OR lower(to_address) = lower($3))
     AND created_at > now() - make_interval(hours => $4)
     AND (status = 'SENT' OR (status = 'SENDING' AND (created_at, draft_id) < (SELECT created_at, draft_id FROM outbound_mails WHERE draft_id = $1)))`;

export function overCap(
  counts: { conversation: number; recipient: number },
  cap: AutoReplyCap,
): 'conversation' | 'recipient' | null {
  if (counts.conversation >= cap.max) return 'conversation';
  if (counts.recipient >= cap.max) return 'recipient';
  return null;
}
