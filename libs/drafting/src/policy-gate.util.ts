import type { DraftResult } from './draft.types';
import type { KbSnippet, OrderFacts, ShopProfile } from '@draftdesk/shop';
import { extractAmounts, extractPercentages } from './fact-extraction.util';
import { draftReason } from '@draftdesk/contracts';
import { checkGrounding } from './grounding.util';
import { autoSendFor, type ShopPolicy } from '@draftdesk/shop';

export type Decision = 'auto_send' | 'review' | 'escalate' | 'ignore';

/** What the gate needs to know of triage's verdict on the customer's message. */
export interface GateTriage {
  intent: string;
  confidence: number;
  sentiment: string;
  urgency: string;
  reasons: string[];
  flags: string[];
  language: string;
}

export interface GateInput {
  policy: ShopPolicy;
  triage: GateTriage;
  automated: boolean;
  draft: DraftResult | null;
  sources: { customerText: string; snippets: KbSnippet[]; orderFacts: OrderFacts | null };
  now?: Date;
  /** Lets the shop's own website, address and signature count as grounded. */
  shop?: ShopProfile;
}

export interface GateResult {
  decision: Decision;
  reasons: string[];
  /** The triage confidence, lowered for every doubt the gate found about the draft. */
  confidence: number;
}

const NEVER_AUTO_FLAGS = ['prompt_injection', 'spam', 'phishing'];
// Dutch splits its verbs ("we storten het bedrag terug"), so a free-standing "terug" counts as a refund word.
const REFUND_WORDS =
  /refund|reimburs|(?:money|pay|paid|get|credit)\b.{0,30}\bback\b|terugbetal|terugstort|\bterug\b|restitu|vergoed|crediteren|erstatt|zurück|gutschrift|rembours/i;
const DISCOUNT_WORDS =
  /discount|coupon|voucher|korting|tegoedbon|rabatt|gutschein|remise|réduction|reduction|bon d'achat/i;
export const SEVERITY: Record<Decision, number> = { auto_send: 0, review: 1, escalate: 2, ignore: 3 };

function escalationMatches(trigger: string, triage: GateInput['triage']): boolean {
  if (triage.reasons.includes(trigger) || triage.flags.includes(trigger)) return true;
  if (trigger === `sentiment:${triage.sentiment}` || trigger === `urgency:${triage.urgency}`) return true;
  if (trigger === 'very_negative') {
    // Triage grades sentiment on three levels; negative and urgent together is how "very negative" shows up.
    return triage.sentiment === 'very_negative' || (triage.sentiment === 'negative' && triage.urgency === 'urgent');
  }
  return false;
}

function thresholdFor(policy: ShopPolicy, intent: string): number {
  return autoSendFor(policy, intent).minConfidence;
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function clockIn(timezone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timezone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timezone, clock);
  }
  return clock;
}

export function withinBusinessHours(hours: NonNullable<ShopPolicy['businessHours']>, now: Date): boolean {
  const parts = clockIn(hours.timezone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const isoDay = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  const days = hours.days.map((d) => (d === 0 ? 7 : d));
  if (!days.includes(isoDay)) return false;
  const minute = Number(get('hour')) * 60 + Number(get('minute'));
  return minute >= minutesOf(hours.start) && minute < minutesOf(hours.end);
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/);
}

function promisesAboveLimits(body: string, limits: ShopPolicy['limits']): string[] {
  const reasons: string[] = [];
  for (const sentence of sentences(body)) {
    if (REFUND_WORDS.test(sentence)) {
      for (const amount of extractAmounts(sentence)) {
        if (amount.value > limits.maxRefundAmount)
          reasons.push(draftReason('refund_above_limit', amount.value.toFixed(2)));
      }
    }
    if (DISCOUNT_WORDS.test(sentence)) {
      for (const percent of extractPercentages(sentence)) {
        if (percent > limits.maxDiscountPercent) reasons.push(draftReason('discount_above_limit', percent));
      }
    }
  }
  return reasons;
}

/** One rule of the policy that fired: the decision it asks for, its reason, and how much it lowers the confidence. */
export interface PolicyFinding {
  decision: Decision;
  reason: string;
  factor: number;
}

/** The policy's escalation triggers that triage's verdict matches. */
export function escalationFindings(policy: ShopPolicy, triage: GateTriage): PolicyFinding[] {
  return policy.escalateOn
    .filter((trigger) => escalationMatches(trigger, triage))
    .map((trigger) => ({ decision: 'escalate', reason: draftReason('escalate', trigger), factor: 1 }));
}

/** The canary (a phrase only the prompt holds) in the draft: the prompt leaked. */
export function canaryFindings(policy: ShopPolicy, body: string): PolicyFinding[] {
  return policy.canary && body.includes(policy.canary)
    ? [{ decision: 'escalate', reason: draftReason('canary_leak'), factor: 0 }]
    : [];
}

/** Refunds or discounts the draft offers above the policy's limits. */
export function limitFindings(policy: ShopPolicy, body: string): PolicyFinding[] {
  return promisesAboveLimits(body, policy.limits).map((reason) => ({ decision: 'review', reason, factor: 0.8 }));
}

/** The auto-send switch, its intents, the confidence it needs and the business hours it keeps. */
export function autoSendFindings(
  policy: ShopPolicy,
  triage: GateTriage,
  confidence: number,
  now: Date,
): PolicyFinding[] {
  const found: string[] = [];
  if (!policy.autoSend.enabled) found.push(draftReason('auto_send_disabled'));
  if (!policy.autoSend.intents.includes(triage.intent)) found.push(draftReason('intent_not_auto', triage.intent));
  if (confidence < thresholdFor(policy, triage.intent))
    found.push(draftReason('low_confidence', confidence.toFixed(2)));
  if (policy.businessHours && !withinBusinessHours(policy.businessHours, now))
    found.push(draftReason('outside_business_hours'));
  return found.map((reason) => ({ decision: 'review', reason, factor: 1 }));
}

const REFUND_INTENTS = new Set(['get_refund']);

/** A refund request on an order worth more than the shop lets the drafter refund is a person's call. */
export function refundExposure(intent: string, order: OrderFacts | null, policy: ShopPolicy): string | null {
  if (!REFUND_INTENTS.has(intent) || !order) return null;
  if (order.status === 'refunded' || order.status === 'cancelled' || order.status === 'pending') return null;
  return order.total.amount > policy.limits.maxRefundAmount
    ? draftReason('refund_above_limit', order.total.amount.toFixed(2))
    : null;
}

/** The triage confidence as the gate reads it: a number between 0 and 1. */
export function gateConfidence(triage: GateTriage): number {
  return Math.max(0, Math.min(1, Number.isFinite(triage.confidence) ? triage.confidence : 0));
}

/**
 * The policy gate: whether a draft may go out on its own. The decision rests on the shop's policy and on
 * checks of the draft, never on anything the model says about itself. Every rule that fires adds a reason;
 * the most severe decision wins (ignore > escalate > review > auto_send).
 */
export function decide(input: GateInput): GateResult {
  const { policy, triage, draft } = input;
  const confidence = gateConfidence(triage);
  if (input.automated || triage.flags.includes('automated')) {
    return { decision: 'ignore', reasons: [draftReason('automated')], confidence };
  }

  const reasons: string[] = [];
  let decision: Decision = 'auto_send';
  let penalty = 1;
  const raise = (to: Decision, reason: string, factor = 1) => {
    if (SEVERITY[to] > SEVERITY[decision]) decision = to;
    if (!reasons.includes(reason)) reasons.push(reason);
    penalty *= factor;
  };
  const apply = (findings: PolicyFinding[]) => findings.forEach((f) => raise(f.decision, f.reason, f.factor));

  apply(escalationFindings(policy, triage));
  for (const flag of NEVER_AUTO_FLAGS) {
    if (triage.flags.includes(flag)) raise('review', draftReason('flag', flag), 0.5);
  }

  if (!draft || draft.body.trim() === '') {
    raise('review', draftReason('no_draft'), 0);
  } else {
    apply(canaryFindings(policy, draft.body));
    const grounding = checkGrounding(draft.body, input.sources, input.shop);
    for (const item of grounding.ungrounded) raise('review', draftReason('ungrounded', item.type, item.value), 0.5);
    apply(limitFindings(policy, draft.body));
  }

  apply(autoSendFindings(policy, triage, confidence, input.now ?? new Date()));

  if (decision === 'auto_send') reasons.push(draftReason('policy_allows'));
  return { decision, reasons, confidence: Math.round(confidence * penalty * 1000) / 1000 };
}
