/** A last guard against mail loops: at most `max` automatic replies per conversation and per recipient per window. */
export interface AutoReplyCap {
  max: number;
  windowHours: number;
}

export const AUTO_REPLY_CAP_REASON = 'auto_reply_cap';

export function overCap(
  counts: { conversation: number; recipient: number },
  cap: AutoReplyCap,
): 'conversation' | 'recipient' | null {
  if (counts.conversation >= cap.max) return 'conversation';
  if (counts.recipient >= cap.max) return 'recipient';
  return null;
}
