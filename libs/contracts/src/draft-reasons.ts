/**
 * Every reason a draft can carry, by its code. A reason is the code alone or `code:detail` (the trigger, the amount,
 * the intent …). Reasons are built with draftReason() only, so a new one has to be added here, and docs/policy.md
 * explains each of them to the shop (test/docs checks that none is missing there).
 */
export const DRAFT_REASON_CODES = [
  // The policy gate (policy-gate.util.ts)
  'automated',
  'escalate',
  'flag',
  'no_draft',
  'canary_leak',
  'ungrounded',
  'refund_above_limit',
  'discount_above_limit',
  'auto_send_disabled',
  'intent_not_auto',
  'low_confidence',
  'outside_business_hours',
  'policy_allows',
  // Composing the reply (compose-reply.ts) and what the drafters flag
  'injection',
  'holding_reply',
  'delivery_overdue',
  'already_answered',
  'product_unanswered',
  'identity_unverified',
  'order_lookup_failed',
  'order_not_found',
  'llm_budget_exhausted',
  'llm_fallback',
  // A reviewer's request for a new draft (the drafter service)
  'redraft',
] as const;

export type DraftReasonCode = (typeof DRAFT_REASON_CODES)[number];

/** What a drafter asks a person to look at; compose-reply decides how firmly. */
export type AttentionReason = Extract<DraftReasonCode, 'delivery_overdue' | 'already_answered' | 'product_unanswered'>;

/** A reason as drafts carry it: `code`, or `code:detail:…` with each detail after a colon. */
export function draftReason(code: DraftReasonCode, ...details: (string | number)[]): string {
  return [code, ...details].join(':');
}
