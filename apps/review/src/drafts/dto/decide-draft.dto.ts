import { z } from 'zod';

export const approveDraftSchema = z
  .object({
    /** The edited reply; omitted to approve the draft as it is. */
    body: z.string().trim().min(1, 'must not be empty').max(100_000).optional(),
    /** The version the reviewer saw; a stale version is refused with 409. */
    version: z.number().int().positive().optional(),
    reviewer: z.string().trim().min(1).max(200).default('reviewer'),
  })
  .strict();
export type ApproveDraftDto = z.infer<typeof approveDraftSchema>;

export const rejectDraftSchema = z
  .object({
    reason: z.string().trim().min(1, 'must not be empty').max(2000),
    version: z.number().int().positive().optional(),
    reviewer: z.string().trim().min(1).max(200).default('reviewer'),
  })
  .strict();
export type RejectDraftDto = z.infer<typeof rejectDraftSchema>;

export const listDraftsSchema = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'auto_sent', 'ignored']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
