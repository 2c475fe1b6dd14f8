import { z } from 'zod';
import { placeholderProblems } from '../canned-placeholders.util';

const language = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, 'expected a language code such as nl or en');

const title = z.string().trim().min(1, 'must not be empty').max(200);

/** The text, whose placeholders must all be ones the desk can fill: a typo is caught when saved, not when sent. */
const body = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(20_000)
  .superRefine((text, ctx) => {
    for (const message of placeholderProblems(text)) ctx.addIssue({ code: 'custom', message });
  });

export const createCannedReplySchema = z.object({ language, title, body }).strict();
export type CreateCannedReplyDto = z.infer<typeof createCannedReplySchema>;

export const updateCannedReplySchema = z
  .object({ language: language.optional(), title: title.optional(), body: body.optional() })
  .strict()
  .refine((v) => v.language !== undefined || v.title !== undefined || v.body !== undefined, {
    message: 'give at least one of language, title and body',
  });
export type UpdateCannedReplyDto = z.infer<typeof updateCannedReplySchema>;

export const cannedReplyQuerySchema = z
  .object({
    language: language.optional(),
    q: z.string().trim().max(200).optional(),
    shop: z.string().optional(),
  })
  .strict();
export type CannedReplyQuery = z.infer<typeof cannedReplyQuerySchema>;
