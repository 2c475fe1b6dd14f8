import { z } from 'zod';
import { BULK_MAX } from '../../bulk/bulk.util';
import { unfilledPlaceholders } from '../../canned/canned-placeholders.util';

/** The version the agent saw; stale → 409 (or 412 when sent as If-Match instead). */
const version = z.number().int().positive().optional();

/** A reply to send: never with a canned reply's placeholder the agent was meant to fill in. */
const replyBody = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100_000)
  .superRefine((text, ctx) => {
    const unfilled = unfilledPlaceholders(text);
    if (unfilled.length)
      ctx.addIssue({
        code: 'custom',
        message: `still holds ${unfilled.map((p) => `{{${p}}}`).join(', ')} from a canned reply: fill it in first`,
      });
  });

export const approveSchema = z
  .object({
    /** The edited reply; omitted to approve the draft as it is. */
    body: replyBody.optional(),
    version,
  })
  .strict();
/** Drafts approved as they are, each with the version the agent saw (stale → that item's 409), up to 100. */
export const bulkApproveSchema = z
  .object({
    items: z
      .array(z.object({ id: z.string().uuid(), version }).strict())
      .min(1, 'must name at least one')
      .max(BULK_MAX, `must name at most ${BULK_MAX}`)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'must not name a draft twice'),
  })
  .strict();
/** Why an item is closed without a reply; `other` needs the agent's words in `reason`. */
export const CLOSE_REASONS = ['spam', 'already_answered', 'no_reply_needed', 'other'] as const;
/** After a reject: close the item (the default), or keep it open for the rejecting agent to write the reply. */
export const REJECT_OUTCOMES = ['close', 'reply_myself'] as const;

/**
 * `{reason}` alone closes the item as before; `outcome` chooses: `close` with a `closeReason` (and `reason` for
 * `other`), or `reply_myself` with an optional `reason`.
 */
export const rejectSchema = z
  .object({
    reason: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
    outcome: z.enum(REJECT_OUTCOMES).optional(),
    closeReason: z.enum(CLOSE_REASONS).optional(),
    version,
  })
  .strict()
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!v.outcome && !v.reason) issue('reason', 'required unless an outcome is chosen');
    if (v.outcome === 'close' && !v.closeReason) issue('closeReason', 'required when the outcome is close');
    if (v.outcome !== 'close' && v.closeReason) issue('closeReason', 'only with the outcome close');
    if (v.closeReason === 'other' && !v.reason) issue('reason', 'required when the close reason is other');
  });
/** A reply the agent wrote themselves, for an item without a usable draft. */
export const writeReplySchema = z.object({ body: replyBody, version }).strict();
export const redraftSchema = z.object({ instruction: z.string().trim().min(1).max(2000), version }).strict();
export const escalateSchema = z.object({ reason: z.string().trim().max(2000).optional(), version }).strict();
/** Back to the agents: to `assigneeId` (null: no one), by default to whoever escalated it; a note says what to do. */
export const handBackSchema = z
  .object({
    assigneeId: z.string().uuid().nullable().optional(),
    note: z.string().trim().min(1).max(10_000).optional(),
    version,
  })
  .strict();
export const reassignSchema = z.object({ assigneeId: z.string().uuid().nullable(), version }).strict();
export const snoozeSchema = z.object({ until: z.string().datetime({ offset: true }), version }).strict();
export const noteSchema = z
  .object({
    body: z.string().trim().min(1).max(10_000),
    /** Colleagues of the shop the note is for (user ids); each sees it among their mentions. */
    mentions: z
      .array(z.string().uuid())
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, 'must not name a colleague twice')
      .optional(),
  })
  .strict();
export const versionOnlySchema = z.object({ version }).strict();
export const correctTriageSchema = z
  .object({
    intent: z.string().trim().min(1).max(100).optional(),
    language: z.string().trim().min(2).max(20).optional(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
    version,
  })
  .strict()
  .refine((v) => v.intent || v.language || v.priority, 'name at least one of intent, language, priority');

export type ApproveDto = z.infer<typeof approveSchema>;
export type BulkApproveDto = z.infer<typeof bulkApproveSchema>;
export type RejectDto = z.infer<typeof rejectSchema>;
export type WriteReplyDto = z.infer<typeof writeReplySchema>;
export type RedraftDto = z.infer<typeof redraftSchema>;
export type EscalateDto = z.infer<typeof escalateSchema>;
export type HandBackDto = z.infer<typeof handBackSchema>;
export type ReassignDto = z.infer<typeof reassignSchema>;
export type SnoozeDto = z.infer<typeof snoozeSchema>;
export type NoteDto = z.infer<typeof noteSchema>;
export type CorrectTriageDto = z.infer<typeof correctTriageSchema>;
export type VersionOnlyDto = z.infer<typeof versionOnlySchema>;
