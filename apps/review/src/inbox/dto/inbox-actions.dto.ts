import { z } from 'zod';
import { bulkIdsSchema } from '../../bulk/bulk.util';

export const CONVERSATION_CLOSE_REASONS = ['resolved', 'spam', 'no_reply_needed', 'duplicate', 'other'] as const;

/** `assigneeId` null leaves the conversation unassigned; an agent may take it, a lead may give it to anyone. */
export const assignSchema = z.object({ assigneeId: z.string().uuid().nullable() }).strict();
const closeFields = {
  reason: z.enum(CONVERSATION_CLOSE_REASONS),
  note: z.string().trim().min(1).max(2000).optional(),
};
const noteForOther = (v: { reason: string; note?: string }, ctx: z.RefinementCtx) => {
  if (v.reason === 'other' && !v.note)
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'required when the reason is other' });
};
export const closeSchema = z.object(closeFields).strict().superRefine(noteForOther);
export const reopenSchema = z.object({}).strict();
export const snoozeConversationSchema = z
  .object({
    until: z
      .string()
      .datetime({ offset: true })
      .refine((v) => new Date(v) > new Date(), 'must be in the future')
      .refine((v) => new Date(v).getUTCFullYear() <= 9999, 'must be before the year 10000'),
  })
  .strict();

/** The same decisions on a selection of conversations (`ids`, up to 100), each applied on its own. */
export const bulkAssignSchema = z.object({ ids: bulkIdsSchema, assigneeId: assignSchema.shape.assigneeId }).strict();
export const bulkCloseSchema = z
  .object({ ids: bulkIdsSchema, ...closeFields })
  .strict()
  .superRefine(noteForOther);

export type AssignDto = z.infer<typeof assignSchema>;
export type CloseDto = z.infer<typeof closeSchema>;
export type SnoozeConversationDto = z.infer<typeof snoozeConversationSchema>;
export type BulkAssignDto = z.infer<typeof bulkAssignSchema>;
export type BulkCloseDto = z.infer<typeof bulkCloseSchema>;
