import { draftReason, type DraftReasonCode } from '@draftdesk/contracts';
import type { OrderFacts, ShopPolicy } from '@draftdesk/shop';
import {
  autoSendFindings,
  canaryFindings,
  escalationFindings,
  gateConfidence,
  limitFindings,
  refundExposure,
  SEVERITY,
  type Decision,
  type GateTriage,
  type PolicyFinding,
} from './policy-gate.util';

/** A draft as it was decided: what the preview needs to decide it again under another policy. */
export interface DecidedDraft {
  decision: Decision;
  reasons: string[];
  body: string | null;
  orderFacts: OrderFacts | null;
  /** Triage's verdict on the customer's message (its confidence before the gate lowered it). */
  triage: GateTriage;
  /** When the draft was decided: the business hours are those of that moment. */
  decidedAt: Date;
}

/** Reasons the policy's own rules give; a candidate policy decides them again. */
const POLICY_CODES = new Set<string>([
  'escalate',
  'canary_leak',
  'refund_above_limit',
  'discount_above_limit',
  'auto_send_disabled',
  'intent_not_auto',
  'low_confidence',
  'outside_business_hours',
  'policy_allows',
] satisfies DraftReasonCode[]);

/**
 * What the reasons no policy changes hold a draft to: the draft's own checks (grounding, triage's flags, an empty
 * draft) and what composing the reply found. The other reasons (an order not found, a fallback drafter) are notes.
 */
const HELD_BY: Partial<Record<DraftReasonCode, Decision>> = {
  automated: 'ignore',
  flag: 'review',
  no_draft: 'review',
  ungrounded: 'review',
  injection: 'review',
  holding_reply: 'escalate',
  already_answered: 'escalate',
  delivery_overdue: 'review',
  product_unanswered: 'review',
};

const codeOf = (reason: string) => reason.split(':')[0] as DraftReasonCode;

/**
 * The gate's decision for a stored draft under another policy: the policy's rules run again on the draft's triage,
 * text, order and time, and the reasons no policy changes keep the weight they had. Deciding a draft again under the
 * policy it was decided with gives the decision it got.
 */
export function decideAgain(draft: DecidedDraft, policy: ShopPolicy): { decision: Decision; reasons: string[] } {
  if (draft.decision === 'ignore') return { decision: 'ignore', reasons: draft.reasons };
  const kept = draft.reasons.filter((r) => !POLICY_CODES.has(codeOf(r)));
  // The gate matched escalation triggers against the flags composing the reply added (a concern, an injection).
  const flags = [
    ...draft.triage.flags,
    ...kept.filter((r) => codeOf(r) === 'holding_reply').map((r) => r.split(':')[1]),
    ...kept.filter((r) => codeOf(r) === 'flag').map((r) => r.split(':')[1]),
  ];
  const triage = { ...draft.triage, flags };
  const findings: PolicyFinding[] = [...escalationFindings(policy, triage)];
  if (draft.body && draft.body.trim() !== '') {
    findings.push(...canaryFindings(policy, draft.body), ...limitFindings(policy, draft.body));
  }
  const refund = refundExposure(triage.intent, draft.orderFacts, policy);
  if (refund) findings.push({ decision: 'review', reason: refund, factor: 1 });
  findings.push(...autoSendFindings(policy, triage, gateConfidence(triage), draft.decidedAt));

  let decision: Decision = 'auto_send';
  const raise = (to: Decision | undefined) => {
    if (to && SEVERITY[to] > SEVERITY[decision]) decision = to;
  };
  kept.forEach((r) => raise(HELD_BY[codeOf(r)]));
  findings.forEach((f) => raise(f.decision));
  const reasons = [...new Set([...findings.map((f) => f.reason), ...kept])];
  if (decision === 'auto_send') reasons.push(draftReason('policy_allows'));
  return { decision, reasons };
}
