import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,127}$/i, 'letters, digits, dot, dash, underscore');
const language = z.string().regex(/^[a-z]{2}(?:[-_][A-Za-z]{2})?$/, 'ISO 639-1 code such as nl or en');

export const kbEntryBodySchema = z
  .object({
    id,
    kind: z.enum(['article', 'macro', 'policy']),
    language,
    title: z.string().min(1).max(300),
    body: z.string().min(1).max(100_000),
    intents: z.array(z.string().min(1)).max(50).default([]),
    url: z.string().url().optional(),
  })
  .strict();
export type KbEntryBody = z.infer<typeof kbEntryBodySchema>;

export const kbEntryUpdateSchema = kbEntryBodySchema.omit({ id: true });
export type KbEntryUpdate = z.infer<typeof kbEntryUpdateSchema>;

export const kbListSchema = z.object({
  language: language.optional(),
  kind: z.enum(['article', 'macro', 'policy']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type KbListQuery = z.infer<typeof kbListSchema>;

export const kbSearchSchema = z.object({
  q: z.string().min(1).max(2000),
  lang: language,
  intent: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});
export type KbSearchQuery = z.infer<typeof kbSearchSchema>;
