import { z } from 'zod';

const language = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'expected a language code such as nl or en');

const title = z.string().trim().min(1, 'must not be empty').max(300);
const body = z.string().trim().min(1, 'must not be empty').max(100_000);
const kind = z.enum(['article', 'macro', 'policy']);
/** Tags are the intents an article answers: the drafter brings it first for a message of that intent. */
const intents = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,64}$/, 'lowercase letters, digits and _'),
  )
  .max(50)
  .default([]);
const url = z.url('expected an https:// address').max(2000).optional();

/** An article's id is what drafts cite; the desk makes one from the language and title when none is given. */
export const kbArticleIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,127}$/i, 'letters, digits, dot, dash, underscore');

export const createKbArticleSchema = z
  .object({ id: kbArticleIdSchema.optional(), kind: kind.default('article'), language, title, body, intents, url })
  .strict();
export type CreateKbArticleDto = z.infer<typeof createKbArticleSchema>;

export const updateKbArticleSchema = z.object({ kind: kind.optional(), language, title, body, intents, url }).strict();
export type UpdateKbArticleDto = z.infer<typeof updateKbArticleSchema>;

export const kbArticleQuerySchema = z
  .object({
    language: language.optional(),
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type KbArticleQuery = z.infer<typeof kbArticleQuerySchema>;

/** `en-returns-and-refunds` from `en` and `Returns and refunds!`. */
export function articleIdFor(language: string, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return `${language}-${slug || 'article'}`;
}
