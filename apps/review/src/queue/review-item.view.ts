import type { DraftedPayload } from '@draftdesk/contracts';

export interface ReviewItemRow {
  draft_id: string;
  conversation_id: string;
  shop_id: string;
  status: string;
  decision: string;
  version: number;
  payload: DraftedPayload;
  body: string | null;
  channel: string | null;
  mailbox: string | null;
  intent: string | null;
  language: string | null;
  priority: string;
  response_kind: string;
  due_at: Date | null;
  sla_breached_at: Date | null;
  assignee_id: string | null;
  escalated: boolean;
  claimed_by: string | null;
  claim_expires_at: Date | null;
  snoozed_until: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  reject_reason: string | null;
  /** Rejected and closed: spam, already_answered, no_reply_needed or other. */
  close_reason: string | null;
  /** The draft was rejected for the assignee to write the reply. */
  needs_human_reply: boolean;
  /** Why an approved reply did not go out (status failed). */
  send_error: string | null;
  /** Status superseded: the newer customer message, and the draft that answers it. */
  superseded_by_message_id: string | null;
  superseded_by_draft_id: string | null;
  superseded_at: Date | null;
  /** Status sending: when the reply goes out unless undone. */
  send_at: Date | null;
  escalation_reason: string | null;
  /** The user who escalated it: a hand back goes to them unless the lead names someone else. */
  escalated_by: string | null;
  created_at: Date;
}

export const ITEM_COLUMNS = `draft_id, conversation_id, shop_id, status, decision, version, payload, body, channel, mailbox, intent,
  language, priority, response_kind, due_at, sla_breached_at, assignee_id, escalated, claimed_by, claim_expires_at, snoozed_until,
  decided_by, decided_at, reject_reason, close_reason, needs_human_reply, send_error, superseded_by_message_id, superseded_by_draft_id, superseded_at, send_at, escalation_reason, escalated_by, created_at`;

/** Longest customer text and subject a queue list carries; the item itself (GET /v1/drafts/:id) has them whole. */
export const LIST_EXCERPT_CHARS = 2_000;

// A list must stay small whatever one mail held: the database cuts the long fields before they are sent over.
const excerpt = (field: string, source = 'payload') =>
  `CASE WHEN length(payload->>'${field}') > ${LIST_EXCERPT_CHARS}
        THEN jsonb_set(${source}, '{${field}}', to_jsonb(left(payload->>'${field}', ${LIST_EXCERPT_CHARS}))) ELSE ${source} END`;

export const LIST_ITEM_COLUMNS = ITEM_COLUMNS.replace(
  'payload,',
  `${excerpt('subject', excerpt('customerText'))} AS payload,
   coalesce(length(payload->>'customerText') > ${LIST_EXCERPT_CHARS}, false) AS customer_text_truncated,`,
);

/** The API's shape of a queue item; an expired claim reads as no claim. */
export function toItemView(row: ReviewItemRow, now = new Date()) {
  const p = row.payload;
  const claimActive = row.claimed_by !== null && row.claim_expires_at !== null && new Date(row.claim_expires_at) > now;
  return {
    draftId: row.draft_id,
    conversationId: row.conversation_id,
    shopId: row.shop_id,
    status: row.status,
    decision: row.decision,
    version: row.version,
    body: row.body,
    to: p.to,
    subject: p.subject,
    channel: row.channel ?? p.channel,
    mailbox: row.mailbox ?? p.mailbox,
    language: row.language ?? p.language,
    intent: row.intent ?? p.intent,
    priority: row.priority,
    confidence: p.confidence,
    reasons: p.reasons,
    citations: p.citations,
    customerText: p.customerText,
    messageId: p.messageId,
    responseKind: row.response_kind,
    dueAt: row.due_at,
    slaBreached: row.sla_breached_at !== null,
    assigneeId: row.assignee_id,
    escalated: row.escalated,
    escalationReason: row.escalation_reason,
    escalatedBy: row.escalated_by,
    claimedBy: claimActive ? row.claimed_by : null,
    claimExpiresAt: claimActive ? row.claim_expires_at : null,
    snoozedUntil: row.snoozed_until,
    createdAt: row.created_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    rejectReason: row.reject_reason,
    closeReason: row.close_reason,
    needsHumanReply: row.needs_human_reply,
    sendError: row.send_error,
    // Only while the reply waits to be sent: when it goes out unless undone.
    ...(row.status === 'sending' ? { sendAt: row.send_at } : {}),
    supersededBy: row.superseded_at
      ? { messageId: row.superseded_by_message_id, draftId: row.superseded_by_draft_id, at: row.superseded_at }
      : null,
  };
}
export type ItemView = ReturnType<typeof toItemView>;
